import { useT, translate, type MessageKey } from "~/i18n/areas/console";
import { formatFen } from "~/utils/money";
import { BarChart } from "./BarChart";
import { Link } from "@remix-run/react";
import { entriesHref } from "~/reports/entries-params";
import type { ReportFilters } from "~/reports/report-params";
import { percent } from "~/reports/tables";
import type { Headline } from "~/reports/types";
import { useLocale } from "~/utils/use-locale";

/** The figures an organiser quotes first, then how the net sales divide (a chart that reads without colour). */
export function HeadlineFigures({ headline, filters }: { headline: Headline; filters: ReportFilters }) {
  const locale = useLocale();
  const t = useT();
  // Every money figure drills through to the ledger entries behind it.
  const certifiedView = { ...filters, certified: true };
  const onlineView =
    filters.channel && filters.channel !== "ONLINE" ? null : { ...filters, channel: "ONLINE" as const };
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
      value: count(headline.orders),
      help: t("reports.headline.ordersHelp"),
    },
    {
      key: "buyers",
      label: "reports.headline.buyers",
      value: count(headline.buyers),
      help: t("reports.headline.buyersHelp"),
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
    {
      key: "online",
      label: "reports.headline.online",
      value: money(headline.onlineFen),
      href: onlineView ? entriesHref(locale, onlineView) : undefined,
      help: `${t("reports.headline.booth")} ${money(headline.boothFen)}`,
    },
  ];
  const mix = [
    {
      label: t("reports.chart.certified"),
      fen: headline.certifiedFen,
      pattern: "solid" as const,
      href: entriesHref(locale, certifiedView),
    },
    // Uncertified has no filter of its own; its figure is net minus certified (both linked).
    { label: t("reports.chart.uncertified"), fen: headline.netFen - headline.certifiedFen, pattern: "hatch" as const },
    {
      label: t("reports.headline.online"),
      fen: headline.onlineFen,
      pattern: "solid" as const,
      href: onlineView ? entriesHref(locale, onlineView) : undefined,
    },
    {
      label: t("reports.headline.booth"),
      fen: headline.boothFen,
      pattern: "hatch" as const,
    },
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
            className={`rounded border border-stone-200 bg-white p-3 ${f.key === "net" ? "col-span-2 lg:col-span-1" : ""}`}
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
    </section>
  );
}
