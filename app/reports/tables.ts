import type { CsvCell } from "~/utils/csv";
import { percent } from "./percent";

export { percent };
import { pick, type Locale } from "~/utils/i18n";
import { translate, type MessageKey } from "~/i18n/areas/console";
import { formatFen } from "~/utils/money";
import { fenToDecimal } from "~/utils/money";
import { drillDown, reportHref, type ReportFilters } from "~/reports/report-params";
import { entriesHref, type EntryDrill } from "~/reports/entries-params";
import { channelFigures } from "~/reports/headline";
import type { FairPeriod, Named, PlaceLevel, PlaceRow, ReportData } from "~/reports/types";

/**
 * Every table of the report, defined once: the page renders these cells and the CSV export
 * writes the same rows, so an export always matches the table it came from. A cell has the text
 * the page shows and the value the CSV holds: the same text, except that money is a plain
 * decimal in yuan (1234.50, not ¥1,234.50) and shares a plain percentage, so Excel can add them.
 */

export const TABLE_IDS = [
  "headline",
  "places",
  "placeOrganisations",
  "organisations",
  "categories",
  "periods",
  "days",
  "hours",
  "topProducts",
  "topCooperatives",
] as const;
export type TableId = (typeof TABLE_IDS)[number];
export const isTableId = (value: unknown): value is TableId => TABLE_IDS.includes(value as TableId);

export type CellKind = "text" | "money" | "number" | "percent";

export interface TableCell {
  kind: CellKind;
  text: string;
  csv: CsvCell;
  href?: string;
  /** For a bar: the amount in fen (money cells). */
  fen?: number;
}

export interface ReportTable {
  id: TableId;
  title: string;
  /** A short note under the title (what the figures mean). */
  note?: string;
  columns: { header: string; kind: CellKind }[];
  rows: TableCell[][];
  footer?: TableCell[];
  empty: string;
  csvHeader: string[];
  csvRows: CsvCell[][];
}

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

const text = (value: string, href?: string): TableCell => ({
  kind: "text",
  text: value,
  csv: value,
  ...(href ? { href } : {}),
});

export function moneyCell(fen: number, locale: Locale, href?: string): TableCell {
  return { kind: "money", text: formatFen(fen, locale), csv: fenToDecimal(fen), fen, ...(href ? { href } : {}) };
}

/** The view of one fair period (trade or public days) within the view's own dates; null for "other" days. */
export function periodFilters(period: FairPeriod, report: Pick<ReportData, "fair" | "filters">): ReportFilters | null {
  const fair = report.fair;
  if (!fair || period === "other") return null;
  const [start, end] = period === "trade" ? fair.tradeDays : fair.publicDays;
  const f = report.filters;
  const from = f.from && f.from > start ? f.from : start;
  const to = f.to && f.to < end ? f.to : end;
  return { ...f, from, to };
}

/** Where a place's figures drill through to: its own view (a product: the view's with the product picked). */
function placeDrill(level: PlaceLevel, slug: string, filters: ReportFilters): [ReportFilters, Partial<EntryDrill>] {
  if (level === "product") return [filters, { product: slug }];
  return [drillDown(filters, level, slug), {}];
}

function numberCell(value: number, locale: Locale): TableCell {
  return { kind: "number", text: value.toLocaleString(locale === "zh" ? "zh-CN" : "en-US"), csv: value };
}

function shareCell(part: number, whole: number): TableCell {
  const p = percent(part, whole);
  return p === null ? { kind: "percent", text: "—", csv: "" } : { kind: "percent", text: `${p}%`, csv: p };
}

const WEEKDAYS: Record<Locale, string[]> = {
  zh: ["周日", "周一", "周二", "周三", "周四", "周五", "周六"],
  en: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
};
export const weekday = (day: string, locale: Locale) => WEEKDAYS[locale][new Date(`${day}T00:00:00Z`).getUTCDay()]!;
export const hourLabel = (hour: number) =>
  `${String(hour).padStart(2, "0")}:00–${String((hour + 1) % 24).padStart(2, "0")}:00`;

/** "10月15日–16日" / "15–16 Oct": a fair period's dates. */
export function dayRange(range: [string, string], locale: Locale): string {
  const [a, b] = range.map((d) => new Date(`${d}T00:00:00Z`));
  const f = (d: Date, opts: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en-GB", { timeZone: "UTC", ...opts }).format(d);
  if (range[0] === range[1]) return f(a!, { month: "short", day: "numeric" });
  return locale === "zh"
    ? `${f(a!, { month: "long", day: "numeric" })}–${f(b!, { day: "numeric" })}`
    : `${f(a!, { day: "numeric" })}–${f(b!, { day: "numeric", month: "short" })}`;
}

export function periodLabel(period: FairPeriod, report: Pick<ReportData, "fair">, locale: Locale, t: T): string {
  const name = t(`reports.period.${period}`);
  const fair = report.fair;
  if (!fair || period === "other") return name;
  return `${name}（${dayRange(period === "trade" ? fair.tradeDays : fair.publicDays, locale)}）`;
}

const LEVEL_NAME: Record<PlaceLevel, MessageKey> = {
  region: "reports.level.region",
  county: "reports.level.county",
  cooperative: "reports.level.cooperative",
  product: "reports.level.product",
};

/** Where a place's name links: one level down, keeping every other filter. */
function drillHref(level: PlaceLevel, slug: string, filters: ReportFilters, locale: Locale): string | undefined {
  if (level === "product") return undefined;
  return reportHref(locale, drillDown(filters, level, slug));
}

function cells(table: Omit<ReportTable, "csvHeader" | "csvRows">): ReportTable {
  const all = table.footer ? [...table.rows, table.footer] : table.rows;
  return {
    ...table,
    csvHeader: table.columns.map((c) => c.header),
    csvRows: all.map((row) => row.map((cell) => cell.csv)),
  };
}

/** Every table of a report, in the page's order, in one language. */
export function reportTables(report: ReportData, locale: Locale): ReportTable[] {
  const t: T = (key, params) => translate(locale, key, params);
  const name = (n: { nameZh: string; nameEn: string }) => pick(locale, n, "name");
  const { headline, filters, scope } = report;
  // Every money figure links to the ledger entries behind it (the drill-through).
  const money = (fen: number, view?: ReportFilters | null, drill: Partial<EntryDrill> = {}) =>
    moneyCell(fen, locale, view ? entriesHref(locale, view, drill) : undefined);
  const level = scope.level;
  const levelName = t(LEVEL_NAME[level]);
  const netHeader = t("reports.col.net");
  const moneyColumns = [
    { header: netHeader, kind: "money" as const },
    { header: t("reports.col.sale"), kind: "money" as const },
    { header: t("reports.col.refund"), kind: "money" as const },
  ];
  const moneyCells = (
    m: { netFen: number; saleFen: number; refundFen: number },
    view: ReportFilters | null = filters,
    drill: Partial<EntryDrill> = {},
  ) => [
    money(m.netFen, view, drill),
    money(m.saleFen, view, { ...drill, kind: "sale" }),
    money(m.refundFen, view, { ...drill, kind: "refund" }),
  ];
  const certifiedOf = (view: ReportFilters | null): ReportFilters | null =>
    view ? { ...view, certified: true } : null;
  const orgKind = (kind: string) => t(`browse.orgKind.${kind}` as MessageKey);
  const placeName = (p: Named, lvl: PlaceLevel) => text(name(p), drillHref(lvl, p.slug, filters, locale));

  // The headline figures as rows (the page shows them as cards; this is their CSV), orders and
  // buyers both ways: net of the orders refunded in full, and gross.
  const headlineTable = cells({
    id: "headline",
    title: t("reports.table.headline"),
    columns: [
      { header: t("reports.col.figure"), kind: "text" },
      { header: t("reports.col.value"), kind: "number" },
    ],
    rows: [
      [text(t("reports.headline.net")), money(headline.netFen, filters)],
      [text(t("reports.col.sale")), money(headline.saleFen, filters, { kind: "sale" })],
      [text(t("reports.col.refund")), money(headline.refundFen, filters, { kind: "refund" })],
      [text(t("reports.headline.orders")), numberCell(headline.ordersNet, locale)],
      [text(t("reports.headline.ordersGross")), numberCell(headline.orders, locale)],
      [text(t("reports.headline.ordersRefunded")), numberCell(headline.orders - headline.ordersNet, locale)],
      [text(t("reports.headline.buyers")), numberCell(headline.buyersNet, locale)],
      [text(t("reports.headline.buyersGross")), numberCell(headline.buyers, locale)],
      [text(t("reports.headline.households")), numberCell(headline.households, locale)],
      [text(t("reports.col.certified")), money(headline.certifiedFen, certifiedOf(filters))],
      [text(t("reports.headline.direct")), money(headline.directFen, filters, { what: "direct" })],
      [text(t("reports.headline.assisted")), money(headline.assistedFen, filters, { what: "assisted" })],
      ...channelFigures(headline, filters).map((c) => [text(t(c.label)), money(c.fen, c.view, c.drill)]),
    ],
    empty: t("reports.empty"),
  });

  const places = cells({
    id: "places",
    title: t(`reports.table.places.${level}`),
    note: level === "product" ? undefined : t("reports.note.households"),
    columns: [
      { header: levelName, kind: "text" },
      ...moneyColumns,
      { header: t("reports.col.certified"), kind: "money" },
      { header: t("reports.col.share"), kind: "percent" },
      ...(level === "product" ? [] : [{ header: t("reports.col.households"), kind: "number" as const }]),
    ],
    rows: report.places.map((p) => {
      const [view, drill] = placeDrill(level, p.slug, filters);
      return [
        placeName(p, level),
        ...moneyCells(p, view, drill),
        money(p.certifiedFen, certifiedOf(view), drill),
        shareCell(p.netFen, headline.netFen),
        ...(p.households === null ? [] : [numberCell(p.households, locale)]),
      ];
    }),
    footer: [
      text(t("reports.total")),
      ...moneyCells(headline),
      money(headline.certifiedFen, certifiedOf(filters)),
      shareCell(headline.netFen, headline.netFen),
      ...(level === "product" ? [] : [numberCell(headline.households, locale)]),
    ],
    empty: t("reports.empty"),
  });

  const pairLevel: PlaceLevel = level === "product" ? "cooperative" : level;
  const placeOrganisations = cells({
    id: "placeOrganisations",
    title: t(`reports.table.placeOrganisations.${pairLevel}`),
    note: t("reports.note.organisations"),
    columns: [
      { header: t(LEVEL_NAME[pairLevel]), kind: "text" },
      { header: t("reports.col.organisation"), kind: "text" },
      { header: t("reports.col.kind"), kind: "text" },
      { header: t("reports.col.assisted"), kind: "money" },
      { header: t("reports.col.direct"), kind: "money" },
    ],
    rows: report.placeOrganisations.map((p) => [
      level === "product" ? text(name(p.place)) : placeName(p.place, pairLevel),
      text(name(p.organisation)),
      text(orgKind(p.organisation.kind)),
      money(p.assistedFen, drillDown(filters, pairLevel as "region" | "county" | "cooperative", p.place.slug), {
        what: "assisted",
        organisation: p.organisation.slug,
      }),
      money(p.directFen, drillDown(filters, pairLevel as "region" | "county" | "cooperative", p.place.slug), {
        what: "direct",
        organisation: p.organisation.slug,
      }),
    ]),
    empty: t("reports.emptyOrganisations"),
  });

  const organisations = cells({
    id: "organisations",
    title: t("reports.table.organisations"),
    note: t("reports.note.organisations"),
    columns: [
      { header: t("reports.col.organisation"), kind: "text" },
      { header: t("reports.col.kind"), kind: "text" },
      { header: t("reports.col.assisted"), kind: "money" },
      { header: t("reports.col.direct"), kind: "money" },
    ],
    rows: report.organisations.map((o) => [
      text(name(o)),
      text(orgKind(o.kind)),
      money(o.assistedFen, filters, { what: "assisted", organisation: o.slug }),
      money(o.directFen, filters, { what: "direct", organisation: o.slug }),
    ]),
    footer: [
      text(t("reports.total")),
      text(""),
      money(headline.assistedFen, filters, { what: "assisted" }),
      money(headline.directFen, filters, { what: "direct" }),
    ],
    empty: t("reports.emptyOrganisations"),
  });

  const categories = cells({
    id: "categories",
    title: t("reports.table.categories"),
    columns: [
      { header: t("reports.col.category"), kind: "text" },
      ...moneyColumns,
      { header: t("reports.col.certified"), kind: "money" },
      { header: t("reports.col.share"), kind: "percent" },
    ],
    rows: report.categories.map((c) => [
      text(name(c)),
      ...moneyCells(c, filters, { category: c.slug }),
      money(c.certifiedFen, certifiedOf(filters), { category: c.slug }),
      shareCell(c.netFen, headline.netFen),
    ]),
    footer: [
      text(t("reports.total")),
      ...moneyCells(headline),
      money(headline.certifiedFen, certifiedOf(filters)),
      shareCell(headline.netFen, headline.netFen),
    ],
    empty: t("reports.empty"),
  });

  const periods = cells({
    id: "periods",
    title: t("reports.table.periods"),
    columns: [{ header: t("reports.col.period"), kind: "text" }, ...moneyColumns],
    rows: report.periods.map((p) => [
      text(periodLabel(p.period, report, locale, t)),
      ...moneyCells(p, periodFilters(p.period, report)),
    ]),
    footer: [text(t("reports.total")), ...moneyCells(headline)],
    empty: t("reports.empty"),
  });

  const days = cells({
    id: "days",
    title: t("reports.table.days"),
    note: t("reports.note.shanghaiTime"),
    columns: [
      { header: t("reports.col.date"), kind: "text" },
      { header: t("reports.col.weekday"), kind: "text" },
      { header: t("reports.col.period"), kind: "text" },
      ...moneyColumns,
    ],
    rows: report.days.map((d) => [
      text(d.day),
      text(weekday(d.day, locale)),
      text(t(`reports.period.${d.period}`)),
      ...moneyCells(d, { ...filters, from: d.day, to: d.day }),
    ]),
    footer: [text(t("reports.total")), text(""), text(""), ...moneyCells(headline)],
    empty: t("reports.empty"),
  });

  const hours = cells({
    id: "hours",
    title: t("reports.table.hours"),
    note: t("reports.note.hours"),
    columns: [{ header: t("reports.col.hour"), kind: "text" }, ...moneyColumns],
    rows: report.hours.map((h) => [text(hourLabel(h.hour)), ...moneyCells(h, filters, { hour: h.hour })]),
    footer: [text(t("reports.total")), ...moneyCells(headline)],
    empty: t("reports.empty"),
  });

  const topRows = (rows: PlaceRow[], lvl: PlaceLevel) =>
    rows.map((r, i) => [
      numberCell(i + 1, locale),
      lvl === "product" ? text(name(r)) : placeName(r, lvl),
      text(r.parent ? name(r.parent) : ""),
      money(r.netFen, ...placeDrill(lvl, r.slug, filters)),
      money(r.certifiedFen, certifiedOf(placeDrill(lvl, r.slug, filters)[0]), placeDrill(lvl, r.slug, filters)[1]),
      shareCell(r.netFen, headline.netFen),
    ]);
  const topColumns = (what: MessageKey, parent: MessageKey) => [
    { header: t("reports.col.rank"), kind: "number" as const },
    { header: t(what), kind: "text" as const },
    { header: t(parent), kind: "text" as const },
    { header: netHeader, kind: "money" as const },
    { header: t("reports.col.certified"), kind: "money" as const },
    { header: t("reports.col.share"), kind: "percent" as const },
  ];
  const topProducts = cells({
    id: "topProducts",
    title: t("reports.table.topProducts"),
    columns: topColumns("reports.level.product", "reports.level.cooperative"),
    rows: topRows(report.topProducts, "product"),
    empty: t("reports.empty"),
  });
  const topCooperatives = cells({
    id: "topCooperatives",
    title: t("reports.table.topCooperatives"),
    columns: topColumns("reports.level.cooperative", "reports.level.county"),
    rows: topRows(report.topCooperatives, "cooperative"),
    empty: t("reports.empty"),
  });

  return [
    headlineTable,
    places,
    placeOrganisations,
    organisations,
    categories,
    periods,
    days,
    hours,
    topProducts,
    topCooperatives,
  ];
}

/** The scope in words: "青海果洛 · 玛沁县", or "全部地区". */
export function scopeName(report: Pick<ReportData, "scope">, locale: Locale): string {
  const { region, county, cooperative } = report.scope;
  const parts = [region, county, cooperative].filter((p): p is Named => Boolean(p)).map((p) => pick(locale, p, "name"));
  return parts.length ? parts.join(" · ") : translate(locale, "reports.scope.all");
}

/** The period in words: "2026-10-17 至 2026-10-19", "2026-10-17 起", or "全部日期". */
export function rangeName(filters: ReportFilters, locale: Locale): string {
  const t: T = (key, params) => translate(locale, key, params);
  if (filters.from && filters.to)
    return filters.from === filters.to
      ? filters.from
      : t("reports.range.between", { from: filters.from, to: filters.to });
  if (filters.from) return t("reports.range.from", { from: filters.from });
  if (filters.to) return t("reports.range.to", { to: filters.to });
  return t("reports.range.all");
}

/** The download's file name, in the report's language, with an ASCII fallback. */
export function csvFileName(report: ReportData, table: ReportTable, locale: Locale) {
  const f = report.filters;
  const clean = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, "_");
  const range = f.from || f.to ? `${f.from ?? ""}_${f.to ?? ""}` : "";
  const scope = report.scope.cooperative ?? report.scope.county ?? report.scope.region;
  const parts = [translate(locale, "reports.fileName"), table.title, scopeName(report, locale), range].filter(Boolean);
  const ascii = ["fair-report", table.id, scope?.slug ?? "all", range].filter(Boolean);
  return { name: `${clean(parts.join("-"))}.csv`, ascii: `${clean(ascii.join("-"))}.csv` };
}
