import type { Locale } from "~/utils/i18n";
import type { StorefrontKey } from "~/i18n/areas/storefront";
import { SHANGHAI_TIME_ZONE as TIME_ZONE, shanghaiDayStart as dayAt } from "~/utils/shanghai-time";

// Formatters are kept per locale: building one costs ~50 µs, and pages format many values.
const dayFormats = new Map<Locale, Intl.DateTimeFormat>();
const dayFormat = (locale: Locale) => {
  let format = dayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en-GB", {
      timeZone: TIME_ZONE,
      year: "numeric",
      month: "long",
      day: "numeric",
    });
    dayFormats.set(locale, format);
  }
  return format;
};

/** "2026年10月15日" / "15 October 2026". */
export function formatDay(iso: string, locale: Locale): string {
  return dayFormat(locale).format(dayAt(iso));
}

/**
 * "2026年10月15日至16日" / "15–16 October 2026"; a single day when both ends are the same.
 * Built from formatToParts rather than formatRange, whose spacing differs between Node's ICU and
 * the browser's, which would break hydration.
 */
export function formatDayRange(from: string, until: string, locale: Locale): string {
  if (from === until) return formatDay(from, locale);
  const format = dayFormat(locale);
  const parts = (iso: string) => {
    const all = format.formatToParts(dayAt(iso));
    const get = (type: Intl.DateTimeFormatPartTypes) => all.find((p) => p.type === type)?.value ?? "";
    return { year: get("year"), month: get("month"), day: get("day") };
  };
  const a = parts(from);
  const b = parts(until);
  const sameYear = a.year === b.year;
  const sameMonth = sameYear && a.month === b.month;
  if (locale === "zh") {
    const end = sameMonth ? `${b.day}日` : sameYear ? `${b.month}月${b.day}日` : formatDay(until, locale);
    return `${formatDay(from, locale)}至${end}`;
  }
  if (sameMonth) return `${a.day}–${b.day} ${b.month} ${b.year}`;
  if (sameYear) return `${a.day} ${a.month} – ${b.day} ${b.month} ${b.year}`;
  return `${formatDay(from, locale)} – ${formatDay(until, locale)}`;
}

/** A share of a sale (0..1) as a whole percentage. */
const shareFormats = new Map<Locale, Intl.NumberFormat>();
export function formatShare(share: number, locale: Locale): string {
  let format = shareFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale === "zh" ? "zh-CN" : "en-GB", { style: "percent", maximumFractionDigits: 0 });
    shareFormats.set(locale, format);
  }
  return format.format(share);
}

export type LinkageType = "WAGE" | "ASSET" | "OPERATING";
export type OrganisationKind =
  | "SOCIAL_ORGANISATION"
  | "FOUNDATION"
  | "VOLUNTEER_GROUP"
  | "STATE_OWNED_ENTERPRISE"
  | "PRIVATE_ENTERPRISE"
  | "DISTRICT_GOVERNMENT";

export const linkageKey = (type: LinkageType): StorefrontKey => `browse.linkage.${type}`;
export const linkageHelpKey = (type: LinkageType): StorefrontKey => `browse.linkageHelp.${type}`;
export const organisationKindKey = (kind: OrganisationKind): StorefrontKey => `browse.orgKind.${kind}`;
