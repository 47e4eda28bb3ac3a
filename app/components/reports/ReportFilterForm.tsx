import { Form, Link } from "@remix-run/react";
import { pick } from "~/utils/i18n";
import { useT, type MessageKey } from "~/i18n/areas/console";
import { REPORT_BASE_PATH, REPORT_CHANNELS, reportHref, type ReportFilters } from "~/reports/report-params";
import type { ReportData, ReportOptions, ReportScope } from "~/reports/types";
import { rangeName } from "~/reports/tables";
import { useLocale } from "~/utils/use-locale";

/**
 * The report's filters as a plain GET form: the view lives in the URL (shareable, bookmarkable)
 * and works without JavaScript. Below a region the place is chosen by drilling down, so the form
 * carries the county or cooperative along instead of offering a region that would contradict it.
 */
export function ReportFilterForm({
  filters,
  options,
  scope,
  fair,
  open = false,
}: {
  filters: ReportFilters;
  options: ReportOptions;
  scope: ReportScope | null;
  fair: ReportData["fair"];
  /** Open from the start, e.g. when the view's values need fixing. */
  open?: boolean;
}) {
  const locale = useLocale();
  const t = useT();
  const belowRegion = Boolean(filters.county || filters.cooperative);
  const presets: { key: MessageKey; from?: string; to?: string }[] = [
    { key: "reports.preset.all" },
    ...(fair
      ? [
          { key: "reports.preset.fair" as const, from: fair.tradeDays[0], to: fair.publicDays[1] },
          { key: "reports.preset.trade" as const, from: fair.tradeDays[0], to: fair.tradeDays[1] },
          { key: "reports.preset.public" as const, from: fair.publicDays[0], to: fair.publicDays[1] },
        ]
      : []),
  ];
  const field = "min-h-10 w-full rounded border border-stone-300 bg-white px-2";
  return (
    // Collapsible, so on a phone the figures come first and the filters take one line until asked for.
    <details
      open={open}
      className="group space-y-3 rounded border border-stone-200 bg-white p-3 print:hidden"
      data-testid="filters"
    >
      <summary className="flex min-h-10 cursor-pointer items-center gap-2 text-base font-bold">
        <span aria-hidden="true" className="inline-block transition-transform group-open:rotate-90">
          ▸
        </span>
        <span id="filters-heading">{t("reports.filters")}</span>
        <span className="truncate text-sm font-normal text-stone-600">{rangeName(filters, locale)}</span>
      </summary>
      {/* A fresh form per view: after a navigation the fields show the URL's values, not stale input. */}
      <Form
        key={reportHref(locale, filters)}
        method="get"
        action={REPORT_BASE_PATH}
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5"
      >
        {locale === "en" && <input type="hidden" name="lang" value="en" />}
        <label className="block text-sm">
          <span className="font-medium">{t("reports.filter.from")}</span>
          <input
            type="date"
            name="from"
            defaultValue={filters.from ?? ""}
            className={field}
            aria-describedby="date-help"
          />
        </label>
        <label className="block text-sm">
          <span className="font-medium">{t("reports.filter.to")}</span>
          <input type="date" name="to" defaultValue={filters.to ?? ""} className={field} aria-describedby="date-help" />
        </label>
        {belowRegion ? (
          <div className="text-sm">
            <span className="font-medium">{t("reports.scope")}</span>
            <p className="min-h-10 py-2">
              {[scope?.region, scope?.county, scope?.cooperative]
                .filter(Boolean)
                .map((p) => pick(locale, p!, "name"))
                .join(" · ")}
            </p>
            {filters.county && <input type="hidden" name="county" value={filters.county} />}
            {filters.cooperative && <input type="hidden" name="cooperative" value={filters.cooperative} />}
          </div>
        ) : (
          <label className="block text-sm">
            <span className="font-medium">{t("reports.filter.region")}</span>
            <select name="region" defaultValue={filters.region ?? ""} className={field}>
              <option value="">{t("reports.scope.all")}</option>
              {options.regions.map((r) => (
                <option key={r.slug} value={r.slug}>
                  {pick(locale, r, "name")}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="block text-sm">
          <span className="font-medium">{t("reports.filter.channel")}</span>
          <select name="channel" defaultValue={filters.channel ?? ""} className={field}>
            <option value="">{t("reports.filter.allChannels")}</option>
            {REPORT_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`reports.channel.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2 self-end text-sm lg:min-h-10">
          <input type="checkbox" name="certified" value="1" defaultChecked={filters.certified} className="h-5 w-5" />
          <span>{t("reports.filter.certified")}</span>
        </label>
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-5">
          <button
            type="submit"
            className="min-h-10 rounded bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800"
          >
            {t("reports.filter.apply")}
          </button>
          <Link to={reportHref(locale, { certified: false })} className="text-sm text-brand-700 underline">
            {t("reports.filter.reset")}
          </Link>
          <p id="date-help" className="text-xs text-stone-600">
            {t("reports.filter.dateHelp")}
          </p>
        </div>
      </Form>
      <nav aria-label={t("reports.filter.presets")} className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-stone-600">
          {t("reports.filter.presets")}
          {locale === "zh" ? "：" : ":"}
        </span>
        {presets.map((p) => {
          const active = (filters.from ?? "") === (p.from ?? "") && (filters.to ?? "") === (p.to ?? "");
          return (
            <Link
              key={p.key}
              to={reportHref(locale, { ...filters, from: p.from, to: p.to })}
              aria-current={active ? "true" : undefined}
              className={`rounded-full border px-3 py-1 ${active ? "border-brand-700 bg-brand-700 text-white" : "border-stone-300 hover:bg-stone-100"}`}
            >
              {t(p.key)}
            </Link>
          );
        })}
      </nav>
    </details>
  );
}
