import type { Locale } from "./i18n";
import { localeFromParam } from "./i18n";

/** The locale of a `($lang)` route, or a 404 for any prefix that is not ours. */
export function requireLocale(lang: string | undefined): Locale {
  const locale = localeFromParam(lang);
  if (!locale) throw new Response("Not found", { status: 404 });
  return locale;
}

/** Only paths on this site: never an absolute URL or a protocol-relative //host. */
export function safeRedirectPath(value: unknown, fallback: string): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\"))
    return fallback;
  return value;
}

export function notFound(): never {
  throw new Response("Not found", { status: 404 });
}
