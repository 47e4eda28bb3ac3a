import { toSearchParams, type SearchQuery } from "~/catalog/search-schema";

type Query = Omit<SearchQuery, "notes">;

/** A link to the search page for `query` changed by `overrides`: searchHref("/search", query, { page: 2 }). */
export function searchHref(action: string, query: Query, overrides: Partial<Query> = {}): string {
  const params = toSearchParams(query, overrides).toString();
  return params ? `${action}?${params}` : action;
}

/** The same text and sort with every filter removed, from page 1. */
export function withoutFilters(action: string, query: Query): string {
  return searchHref(action, query, {
    region: undefined,
    county: undefined,
    category: undefined,
    certified: false,
    minFen: undefined,
    maxFen: undefined,
    page: 1,
  });
}
