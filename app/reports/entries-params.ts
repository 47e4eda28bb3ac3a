import type { Locale } from "~/utils/i18n";
import type { MessageKey } from "~/i18n/areas/console";
import { parseReportParams, reportSearch, type ReportErrorCode, type ReportFilters } from "~/reports/report-params";

/**
 * The drill-through from a report figure to the ledger entries behind it:
 *
 *   /admin/reports/entries?<the report view's filters>&what=line|assisted|direct|all
 *                          &product=…&category=…&organisation=…&kind=sale|refund&hour=0..23
 *                          &fulfilment=pickup|delivery&page=2
 *
 * The report's own filters (days, place, certified, channel) narrow the list exactly as they
 * narrow the figure; the rest say which figure: a product's or category's row, an organisation's
 * share, the sales or refunds column, an hour of the day, online orders picked up or posted. `.csv` instead of the page is the same
 * list in full, as CSV.
 */

export const ENTRIES_PATH = "/admin/reports/entries";
export const ENTRIES_CSV_PATH = "/admin/reports/entries.csv";
export const ENTRIES_PAGE_SIZE = 50;

/** Which entries a figure sums: line amounts (cooperative entries), organisation shares, direct purchases, or every entry. */
export const ENTRY_WHATS = ["line", "assisted", "direct", "all"] as const;
export type EntryWhat = (typeof ENTRY_WHATS)[number];

export interface EntryDrill {
  what: EntryWhat;
  product?: string;
  category?: string;
  organisation?: string;
  kind?: "sale" | "refund";
  /** Shanghai hour of the day, 0..23. */
  hour?: number;
  /** How the order reached its buyer: picked up at the booth, or posted (the report's channel figures). */
  fulfilment?: "pickup" | "delivery";
}

export type EntryErrorCode = ReportErrorCode | "drillInvalid" | "drillUnknown";

const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

/** Parses an entries URL; never throws. A drill value that is malformed is an error, not ignored. */
export function parseEntryParams(params: URLSearchParams): {
  locale: Locale;
  filters: ReportFilters;
  drill: EntryDrill;
  page: number;
  errors: EntryErrorCode[];
} {
  const { locale, filters, errors } = parseReportParams(params);
  const problems: EntryErrorCode[] = [...errors];
  const get = (key: string) => params.get(key)?.trim() || undefined;
  const what = get("what") ?? "line";
  const drill: EntryDrill = { what: ENTRY_WHATS.includes(what as EntryWhat) ? (what as EntryWhat) : "line" };
  if (!ENTRY_WHATS.includes(what as EntryWhat)) problems.push("drillInvalid");
  for (const key of ["product", "category", "organisation"] as const) {
    const value = get(key)?.toLowerCase();
    if (value === undefined) continue;
    if (SLUG.test(value)) drill[key] = value;
    else problems.push("drillInvalid");
  }
  const kind = get("kind");
  if (kind === "sale" || kind === "refund") drill.kind = kind;
  else if (kind !== undefined) problems.push("drillInvalid");
  const fulfilment = get("fulfilment");
  if (fulfilment === "pickup" || fulfilment === "delivery") drill.fulfilment = fulfilment;
  else if (fulfilment !== undefined) problems.push("drillInvalid");
  const hour = get("hour");
  if (hour !== undefined) {
    if (/^\d{1,2}$/.test(hour) && Number(hour) <= 23) drill.hour = Number(hour);
    else problems.push("drillInvalid");
  }
  const pageText = get("page") ?? "1";
  const page = /^\d{1,6}$/.test(pageText) && Number(pageText) >= 1 ? Number(pageText) : 1;
  return { locale, filters, drill, page, errors: [...new Set(problems)] };
}

/** The query of a drill (stable order; defaults left out). */
export function entriesSearch(locale: Locale, filters: ReportFilters, drill: Partial<EntryDrill>, page = 1): string {
  const extra: Record<string, string> = {};
  if (drill.what && drill.what !== "line") extra.what = drill.what;
  if (drill.product) extra.product = drill.product;
  if (drill.category) extra.category = drill.category;
  if (drill.organisation) extra.organisation = drill.organisation;
  if (drill.kind) extra.kind = drill.kind;
  if (drill.hour !== undefined) extra.hour = String(drill.hour);
  if (drill.fulfilment) extra.fulfilment = drill.fulfilment;
  if (page > 1) extra.page = String(page);
  return reportSearch(locale, filters, extra);
}

/** The list of entries behind a figure. */
export const entriesHref = (locale: Locale, filters: ReportFilters, drill: Partial<EntryDrill> = {}, page = 1) =>
  `${ENTRIES_PATH}${entriesSearch(locale, filters, drill, page)}`;

/** The same list, in full, as CSV. */
export const entriesCsvHref = (locale: Locale, filters: ReportFilters, drill: Partial<EntryDrill> = {}) =>
  `${ENTRIES_CSV_PATH}${entriesSearch(locale, filters, drill)}`;

/**
 * How a sale was made, in words: an online order picked up at the booth is not a booth sale
 * ("线上下单·展位自提"), so the two are never read as one.
 */
export function channelLabelKey(
  channel: "ONLINE" | "BOOTH" | "UNIT",
  fulfilment: "BOOTH_PICKUP" | "DELIVERY",
): MessageKey {
  if (channel === "ONLINE")
    return fulfilment === "BOOTH_PICKUP" ? "reports.entries.onlinePickup" : "reports.entries.onlineDelivery";
  return channel === "BOOTH" ? "reports.entries.booth" : "reports.entries.unit";
}

/** The Shanghai date-time of an entry, "2026-10-17 14:03:09", as the page and CSV show it. */
export const shanghaiDateTime = (iso: string) =>
  new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).format(new Date(iso));
