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
