import { Link } from "@remix-run/react";
import type { SearchFacets } from "~/catalog/search-facets";
import type { SearchQuery } from "~/catalog/search-schema";
import { translate } from "~/i18n/areas/storefront";
import { formatFen } from "~/utils/money";
import { searchHref } from "./links";
import { useLocale } from "~/utils/use-locale";

/** The filters in force, each a link that removes it, so they stay visible while the filter panel is closed. */
export function ActiveFilters({ action, query, facets }: { action: string; query: SearchQuery; facets: SearchFacets }) {
  const locale = useLocale();
  const chips: { label: string; href: string }[] = [];
  const region = facets.regions.find((r) => r.slug === query.region);
  const county = facets.regions.flatMap((r) => r.counties).find((c) => c.slug === query.county);
  const category = facets.categories.find((c) => c.slug === query.category);
  const from = { page: 1 };
  if (region) {
    // A county lies inside its region: dropping the region drops the county too.
    chips.push({
      label: region.name,
      href: searchHref(action, query, { ...from, region: undefined, county: undefined }),
    });
  }
  if (county)
    chips.push({
      label: county.name,
      href: searchHref(action, query, { ...from, county: undefined }),
    });
  if (category) {
    chips.push({
      label: category.name,
      href: searchHref(action, query, { ...from, category: undefined }),
    });
  }
  if (query.certified) {
    chips.push({
      label: translate(locale, "product.certified"),
      href: searchHref(action, query, { ...from, certified: false }),
    });
  }
  if (query.minFen !== undefined || query.maxFen !== undefined) {
    const min = query.minFen !== undefined ? formatFen(query.minFen, locale) : "";
    const max = query.maxFen !== undefined ? formatFen(query.maxFen, locale) : "";
    const label =
      min && max
        ? translate(locale, "search.priceBetween", { min, max })
        : min
          ? translate(locale, "search.priceFrom", { min })
          : translate(locale, "search.priceUpTo", { max });
    chips.push({ label, href: searchHref(action, query, { ...from, minFen: undefined, maxFen: undefined }) });
  }
  if (chips.length === 0) return null;
  return (
    <section aria-label={translate(locale, "search.activeFilters")} className="flex flex-wrap items-center gap-2">
      <h2 className="text-sm text-stone-700">{translate(locale, "search.activeFilters")}:</h2>
      <ul className="flex flex-wrap gap-2" data-testid="active-filters">
        {chips.map((chip) => (
          <li key={chip.href}>
            <Link
              to={chip.href}
              aria-label={translate(locale, "search.removeFilter", { label: chip.label })}
              className="inline-flex min-h-9 items-center gap-1.5 rounded-full border border-brand-700 bg-brand-50 px-3 py-1 text-sm text-brand-800 hover:bg-brand-100"
            >
              {chip.label}
              <span aria-hidden="true" className="text-base leading-none">
                ×
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
