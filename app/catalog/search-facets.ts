/** What the search page can filter by; a plain shape the page components render. */
export interface SearchFacets {
  regions: {
    slug: string;
    nameZh: string;
    nameEn: string;
    counties: { slug: string; nameZh: string; nameEn: string }[];
  }[];
  /**
   * In the catalogue's order. How many LISTED products each has only when the page shows the
   * suggestions (nothing asked, or nothing found): counting them is most of the facets' cost.
   */
  categories: { slug: string; nameZh: string; nameEn: string; productCount?: number }[];
}
