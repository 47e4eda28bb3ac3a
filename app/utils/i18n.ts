/**
 * The locale mechanism of the whole site, and nothing else: which language a URL asks for, how a
 * path is written in a language, and how a dictionary becomes a typed translator. The messages
 * themselves live in app/i18n/, one module per area of the site, so a page's bundle carries only
 * the strings its area uses (app/i18n/areas/), in its own language (utils/i18n-dictionaries.ts).
 *
 * Two languages: Chinese at the root of every URL, English under /en. The organisers' console
 * (/admin) and the cooperative portal (/portal) are English with ?lang=en instead (see
 * `localeFromUrl` for why), so one function answers "which language" for every page, on the server
 * (from request.url) and in the browser (from the location): `localeFromUrl`.
 */
export type Locale = "zh" | "en";
export const LOCALES: Locale[] = ["zh", "en"];

/** English varies by number ("1 item", "3 items"); Chinese never does, so its messages are plain strings. */
export type Message = string | { one: string; other: string };
export interface Messages<K extends string> {
  zh: Record<K, string>;
  en: Record<K, Message>;
}
export type Params = Record<string, string | number>;
export type Translate<K extends string> = (locale: Locale, key: K, params?: Params) => string;

const CONSOLE_PATH = /^\/(admin|portal)([/?#]|$)/;

/** /admin and /portal: signed-in pages that carry their language in ?lang=en. */
export function isConsolePath(pathname: string): boolean {
  return CONSOLE_PATH.test(pathname);
}

/**
 * The locale a URL asks for: the one place it is worked out. Public pages say it in the path
 * (/en/...), which the cache in front keys on and search engines index. The console and the portal
 * say it with ?lang=en: they are never cached or indexed, and their forms, redirects and
 * links name fixed /admin and /portal paths, so a query parameter keeps every one of those working
 * in both languages without a second route tree (ADR 016).
 */
export function localeFromUrl(url: string | URL | { pathname: string; search?: string }): Locale {
  const { pathname, search } = typeof url === "string" ? new URL(url, "http://localhost") : url;
  if (pathname === "/en" || pathname.startsWith("/en/")) return "en";
  if (isConsolePath(pathname) && new URLSearchParams(search ?? "").get("lang") === "en") return "en";
  return "zh";
}

/** The locale of a request: `localeFromUrl` of its URL. */
export const requestLocale = (request: Request): Locale => localeFromUrl(request.url);

/** @deprecated name kept for callers: the same as `localeFromUrl(pathname)` for a path without a query. */
export const localeFromPath = (pathname: string): Locale => localeFromUrl({ pathname });

/**
 * An app path in a locale: localePath("en", "/products/x") is "/en/products/x", and
 * localePath("en", "/portal/orders") is "/portal/orders?lang=en".
 */
export function localePath(locale: Locale, path: string): string {
  if (isConsolePath(path)) {
    const at = path.indexOf("?");
    const pathname = at < 0 ? path : path.slice(0, at);
    // ?lang=en first, the page's own parameters after it, in their order.
    const search = new URLSearchParams(locale === "en" ? { lang: "en" } : {});
    for (const [name, value] of new URLSearchParams(at < 0 ? "" : path.slice(at + 1)))
      if (name !== "lang") search.append(name, value);
    const rest = search.toString();
    return rest ? `${pathname}?${rest}` : pathname;
  }
  if (locale === "zh") return path;
  return path === "/" ? "/en" : `/en${path}`;
}

/** The same page in the other language, its query kept: what every language button links to. */
export function switchLocaleHref(location: { pathname: string; search?: string }, to: Locale): string {
  const { pathname, search = "" } = location;
  if (isConsolePath(pathname)) return localePath(to, `${pathname}${search}`);
  const bare = localeFromUrl({ pathname }) === "en" ? pathname.slice(3) || "/" : pathname;
  return `${localePath(to, bare)}${search}`;
}

/** The same page in the other language (path only). */
export const switchLocalePath = (pathname: string, to: Locale): string => switchLocaleHref({ pathname }, to);

/** The fields of a record that come in both languages: `name` when it has `nameZh` and `nameEn`. */
export type BilingualField<T> = {
  [K in keyof T & string]: K extends `${infer F}Zh` ? (`${F}En` extends keyof T ? F : never) : never;
}[keyof T & string];

/** Picks the Chinese or English variant of a bilingual record field: pick("en", product, "name") is product.nameEn. */
export function pick<T extends object, F extends BilingualField<T>>(locale: Locale, record: T, field: F): string {
  const key = `${field}${locale === "zh" ? "Zh" : "En"}` as keyof T;
  const value = record[key];
  return typeof value === "string" ? value : "";
}

export const htmlLang = (locale: Locale) => (locale === "zh" ? "zh-CN" : "en");

/** The locale of a `($lang)` route; any prefix other than "en" is not a page of ours. */
export function localeFromParam(lang: string | undefined): Locale | null {
  if (lang === undefined) return "zh";
  return lang === "en" ? "en" : null;
}

const englishPlurals = new Intl.PluralRules("en");

/** The English form for a count: "one" only for exactly 1. */
function pluralForm(message: Message, count: unknown): string {
  if (typeof message === "string") return message;
  return typeof count === "number" && englishPlurals.select(count) === "one" ? message.one : message.other;
}

/**
 * A translator over one dictionary. The key type is the dictionary's, so an unknown key fails the
 * type check; at run time an unknown key shows itself rather than crashing a page.
 */
export function createTranslator<K extends string>(messages: Messages<K>): Translate<K> {
  return (locale, key, params = {}) => {
    // The other language while a browser is still loading this one (utils/i18n-dictionaries.ts):
    // a page that switched before its dictionary arrived reads, then re-renders, never shows keys.
    const message: Message | undefined = messages[locale][key] ?? messages[locale === "zh" ? "en" : "zh"][key];
    const template = message === undefined ? key : pluralForm(message, params.count);
    return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
  };
}
