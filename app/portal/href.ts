import type { Locale } from "~/utils/i18n";

/**
 * A portal path in the user's language: console pages are Chinese unless the URL carries
 * ?lang=en, so every link and redirect inside the portal keeps it.
 */
export function portalHref(locale: Locale, path: string, params: Record<string, string> = {}): string {
  const search = new URLSearchParams(params);
  if (locale === "en") search.set("lang", "en");
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}
