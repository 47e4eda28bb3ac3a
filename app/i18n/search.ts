/** Messages of the search page. */
export const zh = {
  "search.placeholder": "",
} as const;

export const en: Record<keyof typeof zh, string> = {
  "search.placeholder": "",
};
