import { useNavigate } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { activeFilterCount, defaultSort, fenToYuanParam, type SearchQuery } from "~/catalog/search-schema";
import type { SearchFacets } from "~/catalog/search-facets";
import { useT } from "~/i18n/areas/storefront";

export const control =
  "block w-full min-h-11 rounded-md border border-stone-500 bg-white px-3 py-2 text-base text-stone-900 shadow-sm";
export const labelClass = "block text-sm font-medium text-stone-800";
const primaryButton =
  "inline-flex min-h-11 shrink-0 items-center justify-center whitespace-nowrap rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800";
export const secondaryButton =
  "inline-flex min-h-11 shrink-0 items-center justify-center whitespace-nowrap rounded-md border border-stone-500 bg-white px-4 py-2 font-medium text-stone-900 hover:bg-stone-100";

/** Drops empty fields and the default sort, so a submitted search has the same short URL as the page's own links. */
function cleanParams(form: HTMLFormElement): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (typeof value === "string" && value.trim() !== "" && !params.has(name)) params.set(name, value.trim());
  }
  if (params.get("sort") === defaultSort(params.get("q") ?? "")) params.delete("sort");
  return params;
}

export const SEARCH_FORM_ID = "search-form";

interface Props {
  action: string;
  query: SearchQuery;
  facets: SearchFacets;
  clearFiltersHref: string;
}

/**
 * One plain GET form: text, filters and sort, so every search is a shareable URL and the page
 * works without JavaScript. With JavaScript the county list follows the chosen region and the
 * submitted URL leaves out empty fields. Key it by the query so it resets after each navigation;
 * the sort control lives in SearchToolbar and joins this form through its id.
 */
export function SearchForm({ action, query, facets, clearFiltersHref }: Props) {
  const t = useT();
  const navigate = useNavigate();
  const [region, setRegion] = useState(query.region ?? "");
  const [county, setCounty] = useState(query.county ?? "");
  const filters = activeFilterCount(query);
  const regionsShown = region ? facets.regions.filter((r) => r.slug === region) : facets.regions;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = cleanParams(event.currentTarget).toString();
    navigate(params ? `${action}?${params}` : action);
  }

  function onRegionChange(next: string) {
    setRegion(next);
    const stillInside = facets.regions.find((r) => r.slug === next)?.counties.some((c) => c.slug === county);
    if (next && !stillInside) setCounty("");
  }

  return (
    <form
      id={SEARCH_FORM_ID}
      method="get"
      action={action}
      role="search"
      aria-label={t("search.formLabel")}
      onSubmit={onSubmit}
      className="space-y-3"
      data-testid="search-form"
    >
      <div>
        <label htmlFor="search-q" className={labelClass}>
          {t("search.label")}
        </label>
        <div className="mt-1 flex gap-2">
          <input
            id="search-q"
            type="search"
            name="q"
            defaultValue={query.q}
            placeholder={t("search.placeholder")}
            maxLength={200}
            enterKeyHint="search"
            autoComplete="off"
            className={control}
          />
          <button type="submit" className={primaryButton}>
            {t("search.submit")}
          </button>
        </div>
      </div>

      <details className="rounded-lg border border-stone-300 bg-white">
        <summary className="min-h-11 cursor-pointer rounded-lg px-4 py-2.5 font-semibold text-stone-900">
          {filters > 0 ? t("search.filtersCount", { count: filters }) : t("search.filters")}
        </summary>
        <div className="grid gap-4 border-t border-stone-200 p-4 sm:grid-cols-2 lg:grid-cols-4">
          <div>
            <label htmlFor="search-region" className={labelClass}>
              {t("search.region")}
            </label>
            <select
              id="search-region"
              name="region"
              value={region}
              onChange={(e) => onRegionChange(e.target.value)}
              className={`mt-1 ${control}`}
            >
              <option value="">{t("search.anyRegion")}</option>
              {facets.regions.map((r) => (
                <option key={r.slug} value={r.slug}>
                  {r.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="search-county" className={labelClass}>
              {t("search.county")}
            </label>
            <select
              id="search-county"
              name="county"
              value={county}
              onChange={(e) => setCounty(e.target.value)}
              className={`mt-1 ${control}`}
            >
              <option value="">{t("search.anyCounty")}</option>
              {regionsShown.map((r) => (
                <optgroup key={r.slug} label={r.name}>
                  {r.counties.map((c) => (
                    <option key={c.slug} value={c.slug}>
                      {c.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="search-category" className={labelClass}>
              {t("search.category")}
            </label>
            <select
              id="search-category"
              name="category"
              defaultValue={query.category ?? ""}
              className={`mt-1 ${control}`}
            >
              <option value="">{t("search.anyCategory")}</option>
              {facets.categories.map((c) => (
                <option key={c.slug} value={c.slug}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <fieldset>
            <legend className={labelClass}>{t("search.price")}</legend>
            <div className="mt-1 flex items-center gap-2">
              <input
                aria-label={t("search.min")}
                name="min"
                inputMode="decimal"
                defaultValue={query.minFen !== undefined ? fenToYuanParam(query.minFen) : ""}
                placeholder="0"
                className={control}
              />
              <span aria-hidden="true" className="text-stone-700">
                {t("search.priceTo")}
              </span>
              <input
                aria-label={t("search.max")}
                name="max"
                inputMode="decimal"
                defaultValue={query.maxFen !== undefined ? fenToYuanParam(query.maxFen) : ""}
                placeholder="∞"
                className={control}
              />
            </div>
          </fieldset>
          <div className="flex items-start gap-3 sm:col-span-2">
            <input
              id="search-certified"
              type="checkbox"
              name="certified"
              value="1"
              defaultChecked={query.certified}
              aria-describedby="search-certified-hint"
              className="mt-0.5 size-6 shrink-0 accent-brand-700"
            />
            <div>
              <label htmlFor="search-certified" className="font-medium text-stone-900">
                {t("search.certified")}
              </label>
              <p id="search-certified-hint" className="text-sm text-stone-600">
                {t("search.certifiedHint")}
              </p>
            </div>
          </div>
          <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:justify-end">
            <button type="submit" className={primaryButton}>
              {t("search.apply")}
            </button>
            {filters > 0 && (
              <a href={clearFiltersHref} className={secondaryButton}>
                {t("search.clearFilters")}
              </a>
            )}
          </div>
        </div>
      </details>
    </form>
  );
}
