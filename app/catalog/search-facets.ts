/** What the search page can filter by; a plain shape the page components render. */
export interface SearchFacets {
  regions: {
    slug: string;
    nameZh: string;
    nameEn: string;
    counties: { slug: string; nameZh: string; nameEn: string }[];
  }[];
  /** In the catalogue's order, with how many LISTED products each has. */
  categories: { slug: string; nameZh: string; nameEn: string; productCount: number }[];
}
