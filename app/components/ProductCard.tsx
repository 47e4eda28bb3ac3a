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
  // Styled by the component classes in app/tailwind.css (.product-card and its parts): the card
  // is repeated up to 24 times per page, and utility lists made it a quarter of the page's bytes.
  return (
    <li className="product-card">
      <Link to={localePath(locale, `/products/${product.slug}`)}>
        {image && <img src={image.url} alt={pick(locale, image, "alt")} width={400} height={400} loading="lazy" />}
        <div>
          <h3 data-testid="product-name">{pick(locale, product, "name")}</h3>
          <p className="product-card-place">
            {pick(locale, product.cooperative.county, "name")} · {pick(locale, product.cooperative, "name")}
          </p>
          <p className="product-card-price">
            <strong data-testid="product-price">{formatFen(product.priceFen, locale)}</strong>
            <small>{translate(locale, "product.per", { unit })}</small>
          </p>
          <p className="product-card-tags">
            {product.certificateNumber ? (
              <span className="tag-certified">{translate(locale, "product.certified")}</span>
            ) : (
              <span className="tag-uncertified">{translate(locale, "product.uncertified")}</span>
            )}
            {product.stock === 0 ? (
              <span className="tag-sold-out">{translate(locale, "product.soldOut")}</span>
            ) : product.stock <= FEW_LEFT ? (
              <span className="tag-few-left">
                {translate(locale, "product.fewLeft", { count: product.stock, unit })}
              </span>
            ) : null}
          </p>
        </div>
      </Link>
    </li>
  );
}
