import { Link } from "@remix-run/react";
import type { SearchFacets } from "~/catalog/search-facets";
import type { SearchQuery } from "~/catalog/search-schema";
import { localePath } from "~/utils/i18n";
import { useT } from "~/i18n/areas/storefront";
import { searchHref, withoutFilters } from "./links";
import { useLocale } from "~/utils/use-locale";

const chipClass =
  "inline-flex min-h-11 items-center rounded-full border border-stone-400 bg-white px-4 py-2 text-sm text-stone-900 hover:border-brand-700 hover:text-brand-800";
const strongLink = "font-semibold text-brand-700 underline underline-offset-2 hover:text-brand-800";

/**
 * The helpful part of the page: where to start when nothing was asked ("start"), and what to try
 * when nothing was found ("empty"): other words, popular categories, the regions, and a way out of
 * the filters.
 */
export function SearchSuggestions({
  action,
  query,
  facets,
  variant,
  filterCount,
}: {
  action: string;
  query: SearchQuery;
  facets: SearchFacets;
  variant: "start" | "empty";
  filterCount: number;
}) {
  const locale = useLocale();
  const t = useT();
  const bare = localePath(locale, "/search");
  const examples = t("search.examples").split(",");
  const popular = facets.categories
    .flatMap((c) => (c.productCount ? [{ ...c, productCount: c.productCount }] : []))
    .sort((a, b) => b.productCount - a.productCount)
    .slice(0, 8);
  return (
    <section
      aria-labelledby="search-help-heading"
      className="space-y-5 rounded-xl bg-white p-5 ring-1 ring-stone-200"
      data-testid={variant === "empty" ? "search-empty" : "search-start"}
    >
      {variant === "empty" ? (
        <div className="space-y-2">
          <h2 id="search-help-heading" className="text-lg font-bold text-stone-900">
            {query.q ? t("search.emptyQuery", { q: query.q }) : t("search.emptyFilters")}
          </h2>
          <p className="text-stone-700">{t(filterCount > 0 ? "search.emptyTipsFilters" : "search.emptyTips")}</p>
          <p className="flex flex-wrap gap-x-5 gap-y-2">
            {query.q && filterCount > 0 && (
              <Link to={withoutFilters(action, query)} className={strongLink}>
                {t("search.withoutFilters", { q: query.q })}
              </Link>
            )}
            {filterCount > 0 && !query.q && (
              <Link to={bare} className={strongLink}>
                {t("search.clearFilters")}
              </Link>
            )}
            <Link to={bare} className={strongLink}>
              {t("search.seeAll")}
            </Link>
          </p>
        </div>
      ) : (
        <p id="search-help-heading" className="text-stone-700">
          {t("search.intro")}
        </p>
      )}

      <div>
        <h3 className="text-sm font-semibold text-stone-800">{t("search.tryExamples")}</h3>
        <ul className="mt-2 flex flex-wrap gap-2">
          {examples.map((example) => (
            <li key={example}>
              <Link
                to={searchHref(action, { q: example, certified: false, sort: "relevance", page: 1 })}
                className={chipClass}
              >
                {example}
              </Link>
            </li>
          ))}
        </ul>
      </div>

      {popular.length > 0 && (
        <div>
          <h3 className="text-sm font-semibold text-stone-800">{t("search.popularCategories")}</h3>
          <ul className="mt-2 flex flex-wrap gap-2" data-testid="suggested-categories">
            {popular.map((c) => (
              <li key={c.slug}>
                <Link
                  to={searchHref(action, { q: "", category: c.slug, certified: false, sort: "newest", page: 1 })}
                  className={chipClass}
                >
                  {t("search.categoryCount", { name: c.name, count: c.productCount })}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}

      <div>
        <h3 className="text-sm font-semibold text-stone-800">{t("search.browseRegions")}</h3>
        <ul className="mt-2 flex flex-wrap gap-2" data-testid="suggested-regions">
          {facets.regions.map((r) => (
            <li key={r.slug}>
              <Link
                to={searchHref(action, { q: "", region: r.slug, certified: false, sort: "newest", page: 1 })}
                className={chipClass}
              >
                {r.name}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
