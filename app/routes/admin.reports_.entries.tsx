import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ReportErrors } from "~/components/reports/ReportErrors";
import { ScopeTrail } from "~/components/reports/ScopeTrail";
import {
  channelLabelKey,
  entriesCsvHref,
  entriesHref,
  ENTRIES_PAGE_SIZE,
  parseEntryParams,
  shanghaiDateTime,
} from "~/reports/entries-params";
import { getEntries } from "~/reports/entries.server";
import { reportHref } from "~/reports/report-params";
import { rangeName } from "~/reports/tables";
import { requireOrganiser } from "~/accounts/auth.server";
import { db } from "~/utils/db.server";
import { pick } from "~/utils/i18n";
import { translate, type MessageKey } from "~/i18n/areas/console";
import { formatFen } from "~/utils/money";

/**
 * /admin/reports/entries: the ledger entries behind one figure of the report (the drill-through),
 * with the report's own filters, paginated, each naming its order. An organiser's page, never cached.
 */
const PRIVATE = { "Cache-Control": "private, no-store" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const { locale, filters, drill, page, errors } = parseEntryParams(new URL(request.url).searchParams);
  if (errors.length) return data({ locale, filters, drill, errors, entries: null }, { status: 400, headers: PRIVATE });
  const result = await getEntries(await db(), filters, drill, page, ENTRIES_PAGE_SIZE);
  if (!result.ok)
    return data({ locale, filters, drill, errors: result.errors, entries: null }, { status: 400, headers: PRIVATE });
  // The stored rows stay on the server (their ids are bigints); the page gets what it shows.
  const entries = { ...result.entries, rows: result.entries.rows.map(({ raw: _raw, ...row }) => row) };
  return data({ locale, filters, drill, errors: [], entries }, { headers: PRIVATE });
}

export const headers: HeadersFunction = ({ loaderHeaders, errorHeaders }) => errorHeaders ?? loaderHeaders;

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  {
    title: `${translate(loaded?.locale ?? "zh", "reports.entries.title")} | ${translate(loaded?.locale ?? "zh", "console.admin")}`,
  },
  { name: "robots", content: "noindex" },
];

export default function ReportEntriesPage() {
  const { locale, filters, drill, errors, entries } = useLoaderData<typeof loader>();
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  const money = (fen: number) => (fen < 0 ? `−${formatFen(-fen, locale)}` : formatFen(fen, locale));
  const what = [
    t(`reports.entries.what.${drill.what}`),
    ...(entries?.picked.map((p) => pick(locale, p, "name")) ?? []),
    ...(drill.kind ? [t(`reports.entries.kind.${drill.kind}`)] : []),
    ...(drill.hour !== undefined ? [t("reports.entries.hour", { hour: String(drill.hour).padStart(2, "0") })] : []),
    rangeName(filters, locale),
    ...(filters.certified ? [t("reports.col.certified")] : []),
    ...(filters.channel ? [t(`reports.channel.${filters.channel}`)] : []),
    ...(drill.fulfilment
      ? [t(drill.fulfilment === "pickup" ? "reports.entries.onlinePickup" : "reports.entries.onlineDelivery")]
      : []),
  ];
  const cell = "px-3 py-1.5";
  return (
    <div className="space-y-4" lang={locale === "zh" ? "zh-CN" : "en"}>
      <header className="space-y-2">
        <p className="text-sm">
          <Link to={reportHref(locale, filters)} className="text-brand-700 underline underline-offset-2">
            ← {t("reports.entries.back")}
          </Link>
        </p>
        <h1 className="text-2xl font-bold text-brand-800">{t("reports.entries.title")}</h1>
        <p className="text-sm text-stone-700" data-testid="entries-what">
          {what.join(" · ")}
        </p>
        <p className="max-w-3xl text-sm text-stone-600">{t("reports.entries.intro")}</p>
      </header>
      {entries && <ScopeTrail scope={entries.scope} filters={filters} />}
      <ReportErrors errors={errors} />
      {entries && (
        <>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p
              className="font-semibold"
              data-testid="entries-total"
              data-count={entries.count}
              data-fen={entries.sumFen}
            >
              {t("reports.entries.count", { count: entries.count, sum: money(entries.sumFen) })}
            </p>
            <a
              href={entriesCsvHref(locale, filters, drill)}
              className="rounded border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-100"
              data-testid="entries-csv"
            >
              {t("reports.entries.csv")}
            </a>
          </div>
          {entries.rows.length === 0 ? (
            <p className="text-stone-600">{t("reports.entries.empty")}</p>
          ) : (
            <div className="overflow-x-auto rounded border border-stone-200 bg-white">
              <table className="w-full text-sm" data-testid="entries-table">
                <thead className="bg-stone-100 text-left">
                  <tr>
                    <th scope="col" className={cell}>
                      {t("reports.entries.col.order")}
                    </th>
                    <th scope="col" className={cell}>
                      {t("reports.entries.col.time")}
                    </th>
                    <th scope="col" className={cell}>
                      {t("reports.entries.col.product")}
                    </th>
                    <th scope="col" className={cell}>
                      {t("reports.entries.col.channel")}
                    </th>
                    <th scope="col" className={`${cell} text-right`}>
                      {t("reports.entries.col.amount")}
                    </th>
                    <th scope="col" className={cell}>
                      {t("reports.entries.col.refund")}
                    </th>
                    {drill.what !== "line" && (
                      <th scope="col" className={cell}>
                        {t("reports.entries.col.organisation")}
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {entries.rows.map((row) => (
                    <tr key={row.id} className="border-t border-stone-200" data-testid="entry-row">
                      <td className={`${cell} font-mono`}>
                        <Link
                          to={`/admin/orders/${row.orderId}`}
                          className="text-brand-700 underline underline-offset-2"
                        >
                          {row.orderNumber}
                        </Link>
                      </td>
                      <td className={`${cell} whitespace-nowrap tabular-nums`}>{shanghaiDateTime(row.occurredAt)}</td>
                      <td className={cell}>
                        {pick(locale, { nameZh: row.productNameZh, nameEn: row.productNameEn }, "name")}
                      </td>
                      <td className={cell}>{t(channelLabelKey(row.channel, row.fulfilment))}</td>
                      <td
                        className={`${cell} whitespace-nowrap text-right tabular-nums ${row.amountFen < 0 ? "text-red-800" : ""}`}
                      >
                        {money(row.amountFen)}
                      </td>
                      <td className={cell}>{t(`reports.entries.refund.${row.refundState}`)}</td>
                      {drill.what !== "line" && (
                        <td className={cell}>{row.organisation ? pick(locale, row.organisation, "name") : ""}</td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {entries.pages > 1 && (
            <nav
              className="flex items-center gap-3 text-sm"
              aria-label={t("reports.entries.page", { page: entries.page, pages: entries.pages })}
            >
              {entries.page > 1 && (
                <Link
                  to={entriesHref(locale, filters, drill, entries.page - 1)}
                  rel="prev"
                  className="text-brand-700 underline"
                >
                  {t("reports.entries.prev")}
                </Link>
              )}
              <span>{t("reports.entries.page", { page: entries.page, pages: entries.pages })}</span>
              {entries.page < entries.pages && (
                <Link
                  to={entriesHref(locale, filters, drill, entries.page + 1)}
                  rel="next"
                  className="text-brand-700 underline"
                >
                  {t("reports.entries.next")}
                </Link>
              )}
            </nav>
          )}
        </>
      )}
    </div>
  );
}
