import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { parseReportParams } from "~/reports/report-params";
import { ReportFilterForm } from "~/components/reports/ReportFilterForm";
import { ReportView } from "~/components/reports/ReportView";
import { ReportErrors } from "~/components/reports/ReportErrors";
import { ScopeTrail } from "~/components/reports/ScopeTrail";
import { rangeName, scopeName } from "~/reports/tables";
import { getReport, getReportOptions } from "~/reports/reports.server";
import { requireOrganiser } from "~/accounts/auth.server";
import { formatDateTime } from "~/utils/shanghai-time";
import { db } from "~/utils/db.server";
import { useT, translate } from "~/i18n/areas/console";
import { BILINGUAL_PAGE, loadEveryLanguage } from "~/utils/i18n-dictionaries";

/**
 * /admin/reports: the organisers' attribution report. The view (dates, place, certified,
 * channel, language) is the URL's query; a value that is not valid gets a message in the page's
 * language and a 400, never a 500. An organiser's page: never kept by any cache (ADR 007).
 */
const PRIVATE = { "Cache-Control": "private, no-store" };

export const handle = BILINGUAL_PAGE;
/** Chinese and English on one page: the browser needs both dictionaries, on a navigation too. */
export const clientLoader = loadEveryLanguage;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const { locale, filters, errors } = parseReportParams(new URL(request.url).searchParams);
  const prisma = await db();
  const [options, result] = await Promise.all([
    getReportOptions(prisma),
    errors.length ? Promise.resolve(null) : getReport(prisma, filters),
  ]);
  if (!result || !result.ok) {
    return data(
      { locale, filters, options, errors: result && !result.ok ? result.errors : errors, report: null },
      { status: 400, headers: PRIVATE },
    );
  }
  return data({ locale, filters, options, errors: [], report: result.report }, { headers: PRIVATE });
}

export const headers: HeadersFunction = ({ loaderHeaders, errorHeaders }) => errorHeaders ?? loaderHeaders;

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => {
  const locale = loaded?.locale ?? "zh";
  const title = translate(locale, "reports.title");
  const scope = loaded?.report ? ` · ${scopeName(loaded.report, locale)}` : "";
  return [
    { title: `${title}${scope} | ${translate(locale, "console.admin")}` },
    { name: "robots", content: "noindex" },
  ];
};

// The printed report: only the report itself (the site's header and footer, the console's
// navigation and the filters stay on screen), sections on new pages, rows never split.
const PRINT_CSS = `@media print {
  body > header, body > footer, body > a[href="#main"] { display: none !important; }
  main { max-width: none !important; padding: 0 !important; }
  tr, figure { break-inside: avoid; }
  a { color: inherit !important; text-decoration: none !important; }
}`;

export default function ReportsPage() {
  const { locale, filters, options, errors, report } = useLoaderData<typeof loader>();
  const t = useT();
  const extra = [
    filters.certified ? t("reports.printedCertified") : "",
    filters.channel ? t("reports.printedChannel", { channel: t(`reports.channel.${filters.channel}`) }) : "",
  ].join("");
  return (
    <div className="space-y-6" lang={locale === "zh" ? "zh-CN" : "en"}>
      {/* As HTML, not a text child: React would escape the quotes of the CSS and then see a hydration mismatch. */}
      <style dangerouslySetInnerHTML={{ __html: PRINT_CSS }} />
      <header className="space-y-2">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h1 className="text-2xl font-bold text-brand-800">
            {t("reports.title")}
            {report && <span className="block text-lg font-semibold text-stone-800">{scopeName(report, locale)}</span>}
          </h1>
          <div className="flex gap-2 text-sm print:hidden">
            {report && (
              <button
                type="button"
                onClick={() => window.print()}
                className="rounded border border-stone-300 bg-white px-3 py-1.5 hover:bg-stone-100"
              >
                {t("reports.print")}
              </button>
            )}
          </div>
        </div>
        <p className="max-w-3xl text-sm text-stone-700">{t("reports.intro")}</p>
        <p className="text-sm print:hidden">
          <Link
            to={`/admin/reports/units${locale === "en" ? "?lang=en" : ""}`}
            className="underline"
            data-testid="units-report-link"
          >
            {t("unitAdmin.report.link")}
          </Link>
        </p>
        {report && (
          <p className="text-sm text-stone-600" data-testid="last-updated">
            {report.lastUpdated
              ? t("reports.lastUpdated", { time: formatDateTime(report.lastUpdated, locale) })
              : t("reports.noLedger")}
          </p>
        )}
        <p className="hidden text-sm print:block">
          {t("reports.printedScope", {
            scope: report ? scopeName(report, locale) : "",
            range: rangeName(filters, locale),
            extra,
          })}
        </p>
      </header>

      {report && <ScopeTrail scope={report.scope} filters={filters} />}

      <ReportErrors errors={errors} />

      {/* Figures first (on a phone the filters would fill the first screen); the filters follow, folded. */}
      {report && <ReportView report={report} />}

      <ReportFilterForm
        filters={filters}
        options={options}
        scope={report?.scope ?? null}
        fair={report?.fair ?? null}
        open={errors.length > 0 || !report}
      />
    </div>
  );
}
