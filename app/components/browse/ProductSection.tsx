import type { ReactNode } from "react";
import { ProductCard, type ProductCardData } from "~/components/ProductCard";
import { translate } from "~/i18n/areas/storefront";
import { Pagination } from "./Pagination";
import { useLocale } from "~/utils/use-locale";

export interface ProductListData {
  items: (ProductCardData & { id: string })[];
  total: number;
  page: number;
  pageCount: number;
}

/** A titled grid of product cards with its count, an empty note and page links. */
export function ProductSection({
  id,
  title,
  products,
  path,
  intro,
}: {
  id: string;
  title: string;
  products: ProductListData;
  /** The page's path without the language prefix, for the page links. */
  path: string;
  intro?: ReactNode;
}) {
  const locale = useLocale();
  return (
    <section aria-labelledby={id}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id={id} className="text-xl font-bold">
          {title}
        </h2>
        <p className="text-sm text-stone-600">{translate(locale, "browse.productCount", { count: products.total })}</p>
      </div>
      {intro}
      {products.items.length ? (
        <ul className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" data-testid="products">
          {products.items.map((product) => (
            <ProductCard key={product.id} product={product} />
          ))}
        </ul>
      ) : (
        <p className="mt-4 rounded-lg border border-dashed border-stone-300 p-6 text-center text-stone-600">
          {translate(locale, "browse.noProducts")}
        </p>
      )}
      <Pagination page={products.page} pageCount={products.pageCount} path={path} />
    </section>
  );
}
