import { z } from "zod";
import type { Locale } from "~/utils/i18n";

/**
 * The organisers' report's URL query, shared by the loaders (parsing) and the page (links), so a
 * view can be shared by copying its address:
 *
 *   /admin/reports?lang=en&from=2026-10-17&to=2026-10-19&region=qinghai-golog&county=maqin
 *                 &cooperative=…&certified=1&channel=BOOTH
 *
 * Dates are Shanghai calendar days, both ends included. region / county / cooperative are the
 * drill-down (slugs); each narrows every figure on the page. English is `lang=en`; anything else
 * is Chinese. A value the schema rejects is reported by code (message "reports.error.<code>"),
 * never thrown.
 */

export const REPORT_BASE_PATH = "/admin/reports";
export const REPORT_CSV_PATH = "/admin/reports/export.csv";

export const REPORT_CHANNELS = ["ONLINE", "BOOTH", "UNIT"] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];

export interface ReportFilters {
  /** First Shanghai day, YYYY-MM-DD, included. */
  from?: string;
  /** Last Shanghai day, YYYY-MM-DD, included. */
  to?: string;
  region?: string;
  county?: string;
  cooperative?: string;
  certified: boolean;
  channel?: ReportChannel;
}

export type ReportErrorCode =
  | "fromInvalid"
  | "toInvalid"
  | "rangeReversed"
  | "channelInvalid"
  | "certifiedInvalid"
  | "regionUnknown"
  | "countyUnknown"
  | "cooperativeUnknown"
  | "countyOutsideRegion"
  | "cooperativeOutsideCounty"
  | "tableUnknown";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

/** A real calendar day between 2000 and 2100 (2026-02-30 is not one). */
export function isReportDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return (
    !Number.isNaN(date.getTime()) &&
    date.toISOString().slice(0, 10) === value &&
    value >= "2000-01-01" &&
    value <= "2100-12-31"
  );
}

// A form sends empty fields as "": that means "not set", like leaving the key out.
const blank = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const trimmed = (value: unknown) => (typeof value === "string" ? value.trim() : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => blank(trimmed(v)), schema.optional());

export const ReportParamsSchema = z
  .object({
    from: optional(z.string().refine(isReportDate, { error: "fromInvalid" })),
    to: optional(z.string().refine(isReportDate, { error: "toInvalid" })),
    region: optional(z.string().toLowerCase().regex(SLUG, { error: "regionUnknown" })),
    county: optional(z.string().toLowerCase().regex(SLUG, { error: "countyUnknown" })),
    cooperative: optional(z.string().toLowerCase().regex(SLUG, { error: "cooperativeUnknown" })),
    certified: optional(z.enum(["1", "true", "on", "0", "false"], { error: "certifiedInvalid" })),
    channel: optional(
      z.preprocess(
        (v) => (typeof v === "string" ? v.toUpperCase() : v),
        z.enum(REPORT_CHANNELS, { error: "channelInvalid" }),
      ),
    ),
  })
  .check((ctx) => {
    const { from, to } = ctx.value;
    if (from && to && from > to) ctx.issues.push({ code: "custom", message: "rangeReversed", input: to, path: ["to"] });
  });

export interface ParsedReportParams {
  locale: Locale;
  /** What the URL asked for, less the values that were rejected. */
  filters: ReportFilters;
  errors: ReportErrorCode[];
}

const KEYS = ["from", "to", "region", "county", "cooperative", "certified", "channel"] as const;

/** Parses the query of a report URL; never throws. */
export function parseReportParams(params: URLSearchParams): ParsedReportParams {
  const locale: Locale = params.get("lang") === "en" ? "en" : "zh";
  const raw = Object.fromEntries(KEYS.map((key) => [key, params.get(key) ?? undefined]));
  const result = ReportParamsSchema.safeParse(raw);
  if (result.success) return { locale, filters: toFilters(result.data), errors: [] };

  const errors = [...new Set(result.error.issues.map((issue) => issue.message as ReportErrorCode))];
  const bad = new Set(result.error.issues.map((issue) => String(issue.path[0])));
  // Keep the good values so the form shows them again; parse each on its own.
  const good: Record<string, unknown> = {};
  for (const key of KEYS) {
    if (bad.has(key)) continue;
    const one = ReportParamsSchema.safeParse({ [key]: raw[key] });
    if (one.success) good[key] = one.data[key];
  }
  return { locale, filters: toFilters(good as z.infer<typeof ReportParamsSchema>), errors };
}

function toFilters(data: z.infer<typeof ReportParamsSchema>): ReportFilters {
  return {
    ...(data.from ? { from: data.from } : {}),
    ...(data.to ? { to: data.to } : {}),
    ...(data.region ? { region: data.region } : {}),
    ...(data.county ? { county: data.county } : {}),
    ...(data.cooperative ? { cooperative: data.cooperative } : {}),
    certified: data.certified === "1" || data.certified === "true" || data.certified === "on",
    ...(data.channel ? { channel: data.channel } : {}),
  };
}

/** The query string of a view (stable order, defaults left out), with "?" or "" when empty. */
export function reportSearch(locale: Locale, filters: ReportFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  if (locale === "en") params.set("lang", "en");
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  if (filters.region) params.set("region", filters.region);
  if (filters.county) params.set("county", filters.county);
  if (filters.cooperative) params.set("cooperative", filters.cooperative);
  if (filters.certified) params.set("certified", "1");
  if (filters.channel) params.set("channel", filters.channel);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** A link to the report page for a view. */
export const reportHref = (locale: Locale, filters: ReportFilters) =>
  `${REPORT_BASE_PATH}${reportSearch(locale, filters)}`;

/** A link to one table of a view as CSV. */
export const reportCsvHref = (locale: Locale, filters: ReportFilters, table: string) =>
  `${REPORT_CSV_PATH}${reportSearch(locale, filters, { table })}`;

/** The view one level down: a region's counties, a county's cooperatives, a cooperative's products. */
export function drillDown(filters: ReportFilters, level: "region" | "county" | "cooperative", slug: string) {
  if (level === "region") return { ...filters, region: slug, county: undefined, cooperative: undefined };
  if (level === "county") return { ...filters, county: slug, cooperative: undefined };
  return { ...filters, cooperative: slug };
}
