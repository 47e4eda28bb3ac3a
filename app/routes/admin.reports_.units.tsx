import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireOrganiser } from "~/accounts/auth.server";
import { unitOrders, unitsReport } from "~/units/units-report.server";
import { db } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import { pick, localeFromUrl } from "~/utils/i18n";
import { translate, type MessageKey } from "~/i18n/areas/console";
import { formatFen } from "~/utils/money";
import { formatDateTime, isoDay } from "~/utils/shanghai-time";

/**
 * /admin/reports/units: the report's units view (pledged, ordered, paid, delivered, refunded per
 * unit), ?unit=<id> drills down to that unit's orders and pledges; /admin/reports/units.csv exports it.
 */
export const meta: MetaFunction = () => [
  { title: "单位采购 · Units | 帮扶成效报告" },
  { name: "robots", content: "noindex" },
];

const PRIVATE = { "Cache-Control": "private, no-store" };
const FIGURES = ["pledgedFen", "orderedFen", "paidFen", "deliveredFen", "refundedFen"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const url = new URL(request.url);
  const locale = localeFromUrl(url);
  const prisma = await db();
  const unitId = url.searchParams.get("unit");
  const [report, drill] = await Promise.all([
    unitsReport(prisma),
    unitId && /^[A-Za-z0-9_-]{1,64}$/.test(unitId) ? unitOrders(prisma, unitId) : Promise.resolve(null),
  ]);
  if (unitId && !drill) notFound();
  return data({ locale, report, drill }, { headers: PRIVATE });
}

export default function UnitsReport() {
  const { locale, report, drill } = useLoaderData<typeof loader>();
  const t = (key: string, p?: Record<string, string | number>) => translate(locale, key as MessageKey, p);
  const suffix = locale === "en" ? "lang=en" : "";
  const q = (params: string) => [params, suffix].filter(Boolean).join("&");
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-sm">
            <Link className="underline" to={`/admin/reports${suffix ? `?${suffix}` : ""}`}>
              {t("console.reports")}
            </Link>
          </p>
          <h1 className="text-2xl font-bold text-brand-800">{t("unitAdmin.report.title")}</h1>
        </div>
        <a
          className="rounded border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100"
          href={`/admin/reports/units.csv?${q("")}`}
          download
        >
          {t("unitAdmin.report.csv")}
        </a>
      </header>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[48rem] text-sm [&_td]:px-2 [&_th]:px-2" data-testid="units-report">
          <thead>
            <tr className="border-b border-stone-300 text-left">
              <th className="py-2">{t("unitAdmin.report.unit")}</th>
              {FIGURES.map((f) => (
                <th key={f} className="text-right">
                  {t(`unitAdmin.report.${f}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.rows.map((row) => (
              <tr key={row.organisationId} className="border-b border-stone-200" data-testid="units-report-row">
                <td className="py-1">
                  <Link className="underline" to={`?${q(`unit=${row.organisationId}`)}`}>
                    {pick(locale, row, "name")}
                  </Link>
                </td>
                {FIGURES.map((f) => (
                  <td key={f} className="text-right tabular-nums" data-figure={f}>
                    {formatFen(row[f], locale)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="font-semibold" data-testid="units-report-total">
              <td className="py-2">{t("unitAdmin.report.total")}</td>
              {FIGURES.map((f) => (
                <td key={f} className="text-right tabular-nums">
                  {formatFen(report.totals[f], locale)}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
      {drill && (
        <section className="space-y-3" data-testid="unit-drill">
          <h2 className="text-lg font-bold">
            {pick(locale, drill.unit, "name")} · {t(`unitAdmin.kind.${drill.unit.buyerKind}`)}
          </h2>
          <table className="w-full text-sm">
            <thead>
              <tr className="border-b border-stone-300 text-left">
                <th className="py-2">{t("console.order")}</th>
                <th>{t("unitAdmin.report.placed")}</th>
                <th>{t("console.status")}</th>
                <th>{t("unitAdmin.report.payment")}</th>
                <th>{t("unitAdmin.report.invoices")}</th>
                <th className="text-right">{t("console.amount")}</th>
              </tr>
            </thead>
            <tbody>
              {drill.orders.map((o) => (
                <tr key={o.id} className="border-b border-stone-200" data-testid="unit-order">
                  <td className="py-1 font-mono">
                    <Link className="underline" to={`/admin/orders/${o.id}${suffix ? `?${suffix}` : ""}`}>
                      {o.id.slice(0, 8).toUpperCase()}
                    </Link>
                  </td>
                  <td>{formatDateTime(o.createdAt, locale)}</td>
                  <td>{t(`shop.status.${o.status}`)}</td>
                  <td>
                    {o.paymentProvider === "transfer"
                      ? `${t("unitAdmin.report.byTransfer")} ${o.transferReference ?? ""}`
                      : o.paymentProvider}
                  </td>
                  <td>
                    {o.invoiceRequests.length === 0
                      ? "—"
                      : t("unitAdmin.report.invoiceCount", {
                          issued: o.invoiceRequests.filter((i) => i.status === "ISSUED").length,
                          all: o.invoiceRequests.length,
                        })}
                  </td>
                  <td className="text-right tabular-nums">
                    {formatFen(o.totalFen, locale)}
                    {o.refundedFen > 0 && ` (−${formatFen(o.refundedFen, locale)})`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {drill.orders.length === 0 && <p className="text-stone-600">{t("console.noOrders")}</p>}
          <h3 className="font-bold">{t("unitAdmin.pledges.title")}</h3>
          <ul className="text-sm">
            {drill.pledges.map((p) => (
              <li key={p.id}>
                {isoDay(new Date(p.signedOn))} · {formatFen(p.amountFen, locale)} {p.notes && `· ${p.notes}`}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
