import { defaultSort, SEARCH_SORTS, type SearchSort } from "~/catalog/search-schema";
import { useT } from "~/i18n/areas/storefront";
import { control, labelClass, SEARCH_FORM_ID, secondaryButton } from "./SearchForm";

/** The result count (announced when it changes) and, when there is something to order, the sort order, which submits with the search form. */
export function SearchToolbar({
  total,
  page,
  pageCount,
  sort,
  hasText,
}: {
  total: number;
  page: number;
  pageCount: number;
  sort: SearchSort;
  hasText: boolean;
}) {
  const t = useT();
  // The default order submits no value, so it stays "the default for whatever text is searched
  // next": typing words on the newest-first page then sorts by relevance, not by date.
  const fallback = defaultSort(hasText ? "text" : "");
  const sorts = SEARCH_SORTS.filter((s) => s !== "relevance" || hasText);
  const valueOf = (s: SearchSort) => (s === fallback ? "" : s);
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <p className="text-sm text-stone-700" role="status" data-testid="search-count">
        <span className="font-semibold text-stone-900">
          {total === 1 ? t("search.countOne") : t("search.count", { count: total })}
        </span>
        {total > 0 && <> · {t("search.pageOf", { page, pages: pageCount })}</>}
      </p>
      {total > 1 && (
        <div className="flex items-end gap-2">
          <div>
            <label htmlFor="search-sort" className={labelClass}>
              {t("search.sort")}
            </label>
            <select
              key={sort}
              id="search-sort"
              name="sort"
              form={SEARCH_FORM_ID}
              defaultValue={valueOf(sort)}
              className={`mt-1 ${control}`}
            >
              {sorts.map((s) => (
                <option key={s} value={valueOf(s)}>
                  {t(`search.sort.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" form={SEARCH_FORM_ID} className={secondaryButton}>
            {t("search.sortApply")}
          </button>
        </div>
      )}
    </div>
  );
}
