import { pick } from "~/utils/i18n";
import { translate } from "~/i18n/areas/storefront";
import { useLocale } from "~/utils/use-locale";

/** The product's pictures: the first large, any others below it. Alt text falls back to the name. */
export function ProductGallery({
  images,
  name,
}: {
  images: { url: string; altZh: string; altEn: string }[];
  name: string;
}) {
  const locale = useLocale();
  const [first, ...rest] = images;
  if (!first) return null;
  return (
    <figure aria-label={translate(locale, "browse.pictures")} className="space-y-3">
      <img
        src={first.url}
        alt={pick(locale, first, "alt") || name}
        width={800}
        height={800}
        className="aspect-square w-full rounded-xl border border-stone-200 bg-white object-cover"
        data-testid="product-image"
      />
      {rest.length > 0 && (
        <ul className="grid grid-cols-4 gap-2">
          {rest.map((image) => (
            <li key={image.url}>
              <img
                src={image.url}
                alt={pick(locale, image, "alt") || name}
                width={200}
                height={200}
                loading="lazy"
                className="aspect-square w-full rounded-lg border border-stone-200 object-cover"
              />
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
