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

const SESSION_COOKIE = /(?:^|;\s*)fair_session=/;

/**
 * Headers for a public catalogue page (ADR 007): a shared cache may keep it for `sMaxAge`
 * seconds and serve it stale for `swr` more while it refreshes; browsers always revalidate.
 * `keys` are the surrogate keys a purge finds it by. A signed-in visitor (staff, cooperatives)
 * gets a private copy. The cart cookie does not count: no catalogue page renders the cart.
 */
export function publicPageHeaders(
  request: Request,
  { sMaxAge, swr, keys = [] }: { sMaxAge: number; swr: number; keys?: string[] },
): Headers {
  if (SESSION_COOKIE.test(request.headers.get("Cookie") ?? "")) {
    return new Headers({ "Cache-Control": "private, no-cache" });
  }
  const headers = new Headers({
    "Cache-Control": `public, max-age=0, s-maxage=${sMaxAge}, stale-while-revalidate=${swr}`,
  });
  if (keys.length) headers.set("xkey", [...new Set(keys)].join(" "));
  return headers;
}

/** A public route's `headers` export: the loader's cache headers, and an error is never shared. */
export function publicRouteHeaders({
  loaderHeaders,
  errorHeaders,
}: {
  loaderHeaders: Headers;
  errorHeaders?: Headers;
}) {
  if (errorHeaders) return new Headers({ "Cache-Control": "private, no-store" });
  return loaderHeaders;
}
