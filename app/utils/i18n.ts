import * as accounts from "~/i18n/accounts";
import * as browse from "~/i18n/browse";
import * as consoleMessages from "~/i18n/console";
import * as core from "~/i18n/core";
import * as live from "~/i18n/live";
import * as portal from "~/i18n/portal";
import * as reports from "~/i18n/reports";
import * as search from "~/i18n/search";
import * as shop from "~/i18n/shop";
import * as unitAdmin from "~/i18n/unit-admin";
import * as unitBuyer from "~/i18n/unit-buyer";

/**
 * Two languages: Chinese at the root of every URL, English under /en. The dictionary is
 * typed so a key missing from English fails the type check.
 */
export type Locale = "zh" | "en";
export const LOCALES: Locale[] = ["zh", "en"];

// Each area of the site keeps its messages in its own module under app/i18n/.
const zh = {
  ...core.zh,
  ...accounts.zh,
  ...browse.zh,
  ...consoleMessages.zh,
  ...live.zh,
  ...portal.zh,
  ...reports.zh,
  ...search.zh,
  ...shop.zh,
  ...unitAdmin.zh,
  ...unitBuyer.zh,
};
export type MessageKey = keyof typeof zh;
const en: Record<MessageKey, string> = {
  ...core.en,
  ...accounts.en,
  ...browse.en,
  ...consoleMessages.en,
  ...live.en,
  ...portal.en,
  ...reports.en,
  ...search.en,
  ...shop.en,
  ...unitAdmin.en,
  ...unitBuyer.en,
};

const dictionaries: Record<Locale, Record<MessageKey, string>> = { zh, en };

export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = dictionaries[locale][key] ?? key; // an unknown key shows itself rather than crashing a page
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** The locale a URL asks for: /en/... is English, everything else Chinese. */
export function localeFromPath(pathname: string): Locale {
  return pathname === "/en" || pathname.startsWith("/en/") ? "en" : "zh";
}

/** Prefixes an app path for a locale: href("en", "/products/x") is "/en/products/x". */
export function localePath(locale: Locale, path: string): string {
  if (locale === "zh") return path;
  return path === "/" ? "/en" : `/en${path}`;
}

/** The same page in the other language. */
export function switchLocalePath(pathname: string, to: Locale): string {
  const bare = localeFromPath(pathname) === "en" ? pathname.slice(3) || "/" : pathname;
  return localePath(to, bare);
}

/** Picks the Chinese or English variant of a bilingual record field. */
export function pick(locale: Locale, record: object, field: string): string {
  const value = (record as Record<string, unknown>)[`${field}${locale === "zh" ? "Zh" : "En"}`];
  return typeof value === "string" ? value : "";
}

export const htmlLang = (locale: Locale) => (locale === "zh" ? "zh-CN" : "en");

/** The locale of a `($lang)` route; any prefix other than "en" is not a page of ours. */
export function localeFromParam(lang: string | undefined): Locale | null {
  if (lang === undefined) return "zh";
  return lang === "en" ? "en" : null;
}

/** Console pages (/admin, /portal) are Chinese unless the URL asks for English with ?lang=en. */
export function consoleLocale(url: string | URL): Locale {
  return new URL(url).searchParams.get("lang") === "en" ? "en" : "zh";
}
