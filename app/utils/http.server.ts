import type { Locale } from "./i18n";
import { localeFromParam } from "./i18n";

/** The locale of a `($lang)` route, or a 404 for any prefix that is not ours. */
export function requireLocale(lang: string | undefined): Locale {
  const locale = localeFromParam(lang);
  if (!locale) throw new Response("Not found", { status: 404 });
  return locale;
}

/**
 * A redirect target on this site, or null. Only a path that starts with exactly one `/` (the
 * next character is neither `/` nor a backslash, which browsers read as "another host") and is made of
 * printable ASCII alone: browsers silently drop tabs and line breaks from a URL, so
 * `/<TAB>/evil.example` would become `//evil.example`, and any character outside printable
 * ASCII is either such a trap or not a valid Location header value. Real paths arrive
 * percent-encoded, so nothing legitimate is lost.
 */
export function sameSitePath(value: unknown): string | null {
  if (typeof value !== "string" || value.length > MAX_REDIRECT_LENGTH) return null;
  return SAME_SITE_PATH.test(value) ? value : null;
}

const MAX_REDIRECT_LENGTH = 2048;
// "/" then anything printable (0x21-0x7E) except a backslash, where the second character is not "/".
const SAME_SITE_PATH = /^\/(?![/\\])[\x21-\x5b\x5d-\x7e]*$/;

/** `value` when it is a path on this site (see sameSitePath), otherwise `fallback`. */
export function safeRedirectPath(value: unknown, fallback: string): string {
  return sameSitePath(value) ?? fallback;
}

export function notFound(): never {
  throw new Response("Not found", { status: 404 });
}
