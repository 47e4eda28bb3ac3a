import type { ReactNode } from "react";
import { useT, translate, type MessageKey } from "~/i18n/areas/console";
import { formatFen } from "~/utils/money";
import { BarChart, type Bar, type BarPattern } from "./BarChart";
import { DataTable } from "./DataTable";
import { HeadlineFigures } from "./HeadlineFigures";
import { entriesHref } from "~/reports/entries-params";
import { drillDown, reportCsvHref } from "~/reports/report-params";
import { hourLabel, percent, periodFilters, periodLabel, reportTables, type TableId } from "~/reports/tables";
import type { FairPeriod, ReportData } from "~/reports/types";
import { useLocale } from "~/utils/use-locale";

const PERIOD_PATTERN: Record<FairPeriod, BarPattern> = { trade: "hatch", public: "solid", other: "dots" };

/** The body of the organisers' report: headline, places, organisations, categories, time, best sellers. */
export function ReportView({ report }: { report: ReportData }) {
  const locale = useLocale();
  const t = useT();
  const both = (key: MessageKey) => ({ zh: translate("zh", key), en: translate("en", key) });
  const tables = new Map(reportTables(report, locale).map((table) => [table.id, table]));
  const table = (id: TableId, headingLevel: 2 | 3 = 3) => (
    <DataTable
      table={tables.get(id)!}
      csvHref={reportCsvHref(locale, report.filters, id)}
      headingLevel={headingLevel}
    />
  );
  const money = (fen: number) => formatFen(fen, locale);
  const withShare = (fen: number) => {
    const p = percent(fen, report.headline.netFen);
    return p === null ? money(fen) : locale === "zh" ? `${money(fen)}（${p}%）` : `${money(fen)} (${p}%)`;
  };
  const name = (n: { nameZh: string; nameEn: string }) => (locale === "zh" ? n.nameZh : n.nameEn);
  const filters = report.filters;
  const level = report.scope.level;

  const placeBars: Bar[] = report.places
    .filter((p) => p.netFen !== 0)
    .map((p) => ({
      label: name(p),
      value: p.netFen,
      valueText: withShare(p.netFen),
      href:
        level === "product"
          ? entriesHref(locale, filters, { product: p.slug })
          : entriesHref(locale, drillDown(filters, level, p.slug)),
    }));
  const orgBars: Bar[] = report.organisations.flatMap((o) => [
    ...(o.assistedFen !== 0
      ? [
          {
            label: `${name(o)} · ${t("reports.col.assisted")}`,
            value: o.assistedFen,
            valueText: money(o.assistedFen),
            pattern: "hatch" as const,
            href: entriesHref(locale, filters, { what: "assisted", organisation: o.slug }),
          },
        ]
      : []),
    ...(o.directFen !== 0
      ? [
          {
            label: `${name(o)} · ${t("reports.col.direct")}`,
            value: o.directFen,
            valueText: money(o.directFen),
            pattern: "solid" as const,
            href: entriesHref(locale, filters, { what: "direct", organisation: o.slug }),
          },
        ]
      : []),
  ]);
  const categoryBars: Bar[] = report.categories
    .filter((c) => c.netFen !== 0)
    .map((c) => ({
      label: name(c),
      value: c.netFen,
      valueText: withShare(c.netFen),
      href: entriesHref(locale, filters, { category: c.slug }),
    }));
  const periodBars: Bar[] = report.periods.map((p) => ({
    label: periodLabel(p.period, report, locale, t),
    href: periodFilters(p.period, report) ? entriesHref(locale, periodFilters(p.period, report)!) : undefined,
    value: p.netFen,
    valueText: withShare(p.netFen),
    pattern: PERIOD_PATTERN[p.period],
  }));
  const dayBars: Bar[] = report.days.map((d) => ({
    label:
      locale === "zh"
        ? `${d.day}（${t(`reports.period.${d.period}`)}）`
        : `${d.day} (${t(`reports.period.${d.period}`)})`,
    value: d.netFen,
    valueText: money(d.netFen),
    pattern: PERIOD_PATTERN[d.period],
    href: entriesHref(locale, { ...filters, from: d.day, to: d.day }),
  }));
  // The chart spans the hours that had any sale or refund (the table below lists all 24).
  const active = report.hours.filter((h) => h.saleFen !== 0 || h.refundFen !== 0).map((h) => h.hour);
  const hourBars: Bar[] = report.hours
    .filter((h) => active.length === 0 || (h.hour >= Math.min(...active) && h.hour <= Math.max(...active)))
    .map((h) => ({
      label: hourLabel(h.hour),
      value: h.netFen,
      valueText: money(h.netFen),
      href: entriesHref(locale, filters, { hour: h.hour }),
    }));
  const periodLegend = (["trade", "public", "other"] as const).map((p) => ({
    pattern: PERIOD_PATTERN[p],
    label: t(`reports.period.${p}`),
  }));

  return (
    <div className="space-y-10">
      <HeadlineFigures headline={report.headline} filters={report.filters} table={tables.get("headline")!} />

      <Section
        id="places"
        title={t("reports.section.places")}
        hint={report.scope.level === "product" ? undefined : t("reports.section.places.hint")}
      >
        {placeBars.length > 0 && (
          <BarChart caption={both("reports.chart.places")} bars={placeBars} testId="chart-places" />
        )}
        {table("places")}
        {table("placeOrganisations")}
      </Section>

      <Section id="organisations" title={t("reports.section.organisations")}>
        {orgBars.length > 0 && (
          <BarChart
            caption={both("reports.chart.organisations")}
            bars={orgBars}
            testId="chart-organisations"
            legendLabel={t("reports.chart.legend")}
            legend={[
              { pattern: "hatch", label: t("reports.col.assisted") },
              { pattern: "solid", label: t("reports.col.direct") },
            ]}
          />
        )}
        {table("organisations")}
      </Section>

      <Section id="categories" title={t("reports.section.categories")}>
        {categoryBars.length > 0 && (
          <BarChart caption={both("reports.chart.categories")} bars={categoryBars} testId="chart-categories" />
        )}
        {table("categories")}
      </Section>

      <Section id="time" title={t("reports.section.time")}>
        <div className="grid gap-4 lg:grid-cols-2">
          <BarChart
            caption={both("reports.chart.periods")}
            bars={periodBars}
            legend={periodLegend}
            legendLabel={t("reports.chart.legend")}
            testId="chart-periods"
          />
          <BarChart
            caption={both("reports.chart.days")}
            bars={dayBars}
            legend={periodLegend}
            legendLabel={t("reports.chart.legend")}
            testId="chart-days"
          />
        </div>
        {table("periods")}
        {table("days")}
        <BarChart caption={both("reports.chart.hours")} bars={hourBars} testId="chart-hours" />
        {table("hours")}
      </Section>

      <Section id="top" title={t("reports.section.top")}>
        {table("topProducts")}
        {table("topCooperatives")}
      </Section>
    </div>
  );
}

function Section({ id, title, hint, children }: { id: string; title: string; hint?: string; children: ReactNode }) {
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="space-y-4 print:break-before-page"
      data-testid={`section-${id}`}
    >
      <div>
        <h2 id={`${id}-heading`} className="text-lg font-bold text-brand-800">
          {title}
        </h2>
        {hint && <p className="text-sm text-stone-600 print:hidden">{hint}</p>}
      </div>
      {children}
    </section>
  );
}
