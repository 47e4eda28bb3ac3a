import { Link } from "@remix-run/react";
import { localePath, pick } from "~/utils/i18n";
import { translate } from "~/i18n/areas/storefront";
import { formatFen } from "~/utils/money";
import { FEW_LEFT } from "~/catalog/stock";
import { useLocale } from "~/utils/use-locale";

export interface ProductCardData {
  slug: string;
  nameZh: string;
  nameEn: string;
  unitZh: string;
  unitEn: string;
  priceFen: number;
  stock: number;
  certificateNumber: string | null;
  images: { url: string; altZh: string; altEn: string }[];
  cooperative: { nameZh: string; nameEn: string; county: { nameZh: string; nameEn: string } };
}

export function ProductCard({ product }: { product: ProductCardData }) {
  const locale = useLocale();
  const image = product.images[0];
  const unit = pick(locale, product, "unit");
  return (
    <li className="flex flex-col overflow-hidden rounded-lg border border-stone-200 bg-white shadow-sm">
      <Link to={localePath(locale, `/products/${product.slug}`)} className="group flex flex-1 flex-col">
        {image && (
          <img
            src={image.url}
            alt={pick(locale, image, "alt")}
            width={400}
            height={400}
            loading="lazy"
            className="aspect-square w-full object-cover"
          />
        )}
        <div className="flex flex-1 flex-col gap-1 p-3">
          <h3 className="font-semibold leading-snug group-hover:underline" data-testid="product-name">
            {pick(locale, product, "name")}
          </h3>
          <p className="text-xs text-stone-600">
            {pick(locale, product.cooperative.county, "name")} · {pick(locale, product.cooperative, "name")}
          </p>
          <p className="mt-auto pt-2">
            <span className="text-lg font-bold text-brand-700" data-testid="product-price">
              {formatFen(product.priceFen, locale)}
            </span>
            <span className="ml-1 text-xs text-stone-600">{translate(locale, "product.per", { unit })}</span>
          </p>
          <p className="flex flex-wrap gap-1 text-xs">
            {product.certificateNumber ? (
              <span className="rounded bg-green-100 px-1.5 py-0.5 text-green-900">
                {translate(locale, "product.certified")}
              </span>
            ) : (
              <span className="rounded bg-stone-100 px-1.5 py-0.5 text-stone-700">
                {translate(locale, "product.uncertified")}
              </span>
            )}
            {product.stock === 0 ? (
              <span className="rounded bg-red-100 px-1.5 py-0.5 text-red-900">
                {translate(locale, "product.soldOut")}
              </span>
            ) : product.stock <= FEW_LEFT ? (
              <span className="rounded bg-amber-100 px-1.5 py-0.5 text-amber-900">
                {translate(locale, "product.fewLeft", { count: product.stock, unit })}
              </span>
            ) : null}
          </p>
        </div>
      </Link>
    </li>
  );
}
