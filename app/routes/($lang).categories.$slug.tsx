import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "~/components/browse/Breadcrumbs";
import { ProductSection } from "~/components/browse/ProductSection";
import { browseMeta } from "~/catalog/browse-meta";
import { loadBrowsePage } from "~/catalog/browse-page.server";
import { getCategoryPage } from "~/catalog/browse.server";
import { publicRouteHeaders } from "~/utils/http.server";
import { localePath, pick } from "~/utils/i18n";
import { useT } from "~/i18n/areas/storefront";

export function loader(args: LoaderFunctionArgs) {
  return loadBrowsePage(args, getCategoryPage);
}

/** Shared by the cache in front for anonymous visitors (ADR 007); errors never. */
export const headers = publicRouteHeaders;

export const meta: MetaFunction<typeof loader> = ({ data, location }) =>
  browseMeta(data, location, ({ locale, category }) => {
    const name = pick(locale, category, "name");
    return {
      path: `/categories/${category.slug}`,
      title: name,
      description: pick(locale, category, "description") || name,
      name,
    };
  });

export default function CategoryPage() {
  const { locale, category, categories, products } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <Breadcrumbs items={[{ label: pick(locale, category, "name") }]} />
        <p className="text-sm font-medium text-brand-700">{t("browse.category")}</p>
        <h1 className="text-2xl font-bold text-brand-800 sm:text-3xl">{pick(locale, category, "name")}</h1>
        <p className="max-w-3xl text-stone-700">{pick(locale, category, "description")}</p>
      </header>

      <nav aria-label={t("browse.allCategories")}>
        <ul className="flex gap-2 overflow-x-auto pb-2 sm:flex-wrap sm:overflow-visible">
          {categories.map((c) => {
            const current = c.slug === category.slug;
            return (
              <li key={c.slug} className="shrink-0">
                <Link
                  to={localePath(locale, `/categories/${c.slug}`)}
                  aria-current={current ? "page" : undefined}
                  className="category-chip"
                >
                  {pick(locale, c, "name")}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <ProductSection
        id="products-heading"
        title={t("browse.products")}
        products={products}
        path={`/categories/${category.slug}`}
      />
    </div>
  );
}
