/** Messages of region, county, cooperative, category and product pages, and the home page. */
export const zh = {
  "browse.placeholder": "",
} as const;

export const en: Record<keyof typeof zh, string> = {
  "browse.placeholder": "",
};
