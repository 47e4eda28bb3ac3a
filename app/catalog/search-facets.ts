/**
 * What the search page can filter by, in the page's language only (the page renders one; the
 * other language's names would only make the page's data stream longer): a plain shape the page
 * components render.
 */
export interface SearchFacets {
  regions: {
    slug: string;
    name: string;
    counties: { slug: string; name: string }[];
  }[];
  /**
   * In the catalogue's order. How many LISTED products each has only when the page shows the
   * suggestions (nothing asked, or nothing found): counting them is most of the facets' cost.
   */
  categories: { slug: string; name: string; productCount?: number }[];
}
