import { useT, translate, type MessageKey } from "~/i18n/areas/console";
import { formatFen } from "~/utils/money";
import { BarChart } from "./BarChart";
import { Link } from "@remix-run/react";
import { entriesHref } from "~/reports/entries-params";
import { channelFigures } from "~/reports/headline";
import type { ReportFilters } from "~/reports/report-params";
import { reportCsvHref } from "~/reports/report-params";
import { percent, type ReportTable } from "~/reports/tables";
import { DataTable } from "./DataTable";
import type { Headline } from "~/reports/types";
import { useLocale } from "~/utils/use-locale";

/** The figures an organiser quotes first, then how the net sales divide (a chart that reads without colour). */
export function HeadlineFigures({
  headline,
  filters,
  table,
}: {
  headline: Headline;
  filters: ReportFilters;
  /** The same figures as a table, with its CSV export. */
  table: ReportTable;
}) {
  const locale = useLocale();
  const t = useT();
  // Every money figure drills through to the ledger entries behind it.
  const certifiedView = { ...filters, certified: true };
  const money = (fen: number) => formatFen(fen, locale);
  const count = (n: number) => n.toLocaleString(locale === "zh" ? "zh-CN" : "en-US");
  const share = (fen: number) => {
    const p = percent(fen, headline.netFen);
    return p === null ? "—" : `${p}%`;
  };
  const figures: { key: string; label: MessageKey; value: string; help: string; href?: string }[] = [
    {
      key: "net",
      label: "reports.headline.net",
      value: money(headline.netFen),
      href: entriesHref(locale, filters),
      help: t("reports.headline.netHelp", { sale: money(headline.saleFen), refund: money(headline.refundFen) }),
    },
    {
      key: "orders",
      label: "reports.headline.orders",
      value: count(headline.ordersNet),
      help: t("reports.headline.ordersHelp", {
        gross: count(headline.orders),
        refunded: count(headline.orders - headline.ordersNet),
      }),
    },
    {
      key: "buyers",
      label: "reports.headline.buyers",
      value: count(headline.buyersNet),
      help: t("reports.headline.buyersHelp", {
        gross: count(headline.buyers),
        refunded: count(headline.buyers - headline.buyersNet),
      }),
    },
    {
      key: "households",
      label: "reports.headline.households",
      value: count(headline.households),
      help: t("reports.headline.householdsHelp"),
    },
    {
      key: "certified",
      label: "reports.headline.certified",
      value: share(headline.certifiedFen),
      href: entriesHref(locale, certifiedView),
      help: t("reports.headline.certifiedHelp", { amount: money(headline.certifiedFen) }),
    },
    {
      key: "direct",
      label: "reports.headline.direct",
      value: money(headline.directFen),
      href: entriesHref(locale, filters, { what: "direct" }),
      help: t("reports.headline.directHelp"),
    },
    {
      key: "assisted",
      label: "reports.headline.assisted",
      value: money(headline.assistedFen),
      href: entriesHref(locale, filters, { what: "assisted" }),
      help: t("reports.headline.assistedHelp"),
    },
  ];
  // How the sales reached their buyers: an online order picked up at the booth is named as such,
  // never counted as a booth sale (the same four labels as the entries list).
  const channels = channelFigures(headline, filters).map((c) => ({
    ...c,
    label: t(c.label),
    href: c.view ? entriesHref(locale, c.view, c.drill) : undefined,
  }));
  const mix = [
    {
      label: t("reports.chart.certified"),
      fen: headline.certifiedFen,
      pattern: "solid" as const,
      href: entriesHref(locale, certifiedView),
    },
    // Uncertified has no filter of its own; its figure is net minus certified (both linked).
    {
      label: t("reports.chart.uncertified"),
      fen: headline.netFen - headline.certifiedFen,
      pattern: "hatch" as const,
      href: undefined,
    },
    ...channels.map((c, i) => ({
      label: c.label,
      fen: c.fen,
      pattern: i % 2 === 0 ? ("solid" as const) : ("hatch" as const),
      href: c.href,
    })),
    {
      label: t("reports.headline.direct"),
      fen: headline.directFen,
      pattern: "solid" as const,
      href: entriesHref(locale, filters, { what: "direct" }),
    },
    {
      label: t("reports.headline.assisted"),
      fen: headline.assistedFen,
      pattern: "hatch" as const,
      href: entriesHref(locale, filters, { what: "assisted" }),
    },
  ];
  return (
    <section aria-labelledby="headline-heading" className="space-y-3 break-inside-avoid">
      <h2 id="headline-heading" className="text-lg font-bold">
        {t("reports.headline")}
      </h2>
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="headline">
        {figures.map((f) => (
          <div
            key={f.key}
            className={`rounded border border-stone-200 bg-white p-3 ${f.key === "net" ? "col-span-2" : ""}`}
            data-testid={`headline-${f.key}`}
          >
            <dt className="text-sm text-stone-600">{t(f.label)}</dt>
            <dd className={`font-bold tabular-nums ${f.key === "net" ? "text-2xl text-brand-800" : "text-xl"}`}>
              {f.href ? (
                <Link
                  to={f.href}
                  className="underline decoration-stone-300 underline-offset-4 hover:decoration-brand-700"
                  data-testid={`headline-${f.key}-entries`}
                >
                  {f.value}
                </Link>
              ) : (
                f.value
              )}
            </dd>
            <dd className="mt-0.5 text-xs text-stone-600">{f.help}</dd>
          </div>
        ))}
      </dl>
      <section
        aria-labelledby="headline-channels-heading"
        className="rounded border border-stone-200 bg-white p-3"
        data-testid="headline-channels"
      >
        <h3 id="headline-channels-heading" className="text-sm text-stone-600">
          {t("reports.headline.channels")}
        </h3>
        <dl className="mt-1 grid grid-cols-2 gap-x-4 gap-y-2 lg:grid-cols-4">
          {channels.map((c) => (
            <div key={c.key} data-testid={`headline-channel-${c.key}`}>
              <dt className="text-sm text-stone-700">{c.label}</dt>
              <dd className="text-lg font-bold tabular-nums">
                {c.href ? (
                  <Link
                    to={c.href}
                    className="underline decoration-stone-300 underline-offset-4 hover:decoration-brand-700"
                    data-testid={`headline-channel-${c.key}-entries`}
                  >
                    {money(c.fen)}
                  </Link>
                ) : (
                  money(c.fen)
                )}
              </dd>
            </div>
          ))}
        </dl>
        <p className="mt-2 text-xs text-stone-600">{t("reports.headline.channelsHelp")}</p>
      </section>
      <BarChart
        caption={{ zh: translate("zh", "reports.chart.mix"), en: translate("en", "reports.chart.mix") }}
        legendLabel={t("reports.chart.legend")}
        testId="chart-mix"
        bars={mix.map((m) => ({
          label: m.label,
          value: m.fen,
          valueText: locale === "zh" ? `${money(m.fen)}（${share(m.fen)}）` : `${money(m.fen)} (${share(m.fen)})`,
          pattern: m.pattern,
          href: m.href,
        }))}
      />
      <details className="print:hidden" data-testid="headline-table">
        <summary className="cursor-pointer text-sm text-brand-700 underline underline-offset-2">
          {t("reports.headline.asTable")}
        </summary>
        <div className="mt-2">
          <DataTable table={table} csvHref={reportCsvHref(locale, filters, "headline")} />
        </div>
      </details>
    </section>
  );
}
