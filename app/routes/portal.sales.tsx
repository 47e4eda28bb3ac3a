import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PortalErrorBoundary } from "~/components/portal/PortalErrorBoundary";
import { panel } from "~/components/portal/styles";
import { getCooperativeSales, type SalesMoney } from "~/portal/portal-sales.server";
import { requireCooperativeStaff } from "~/accounts/auth.server";
import { db } from "~/utils/db.server";
import { localeFromUrl, pick } from "~/utils/i18n";
import { useT, type PortalKey } from "~/i18n/areas/portal";
import { formatFen } from "~/utils/money";
import { useLocale } from "~/utils/use-locale";

export const meta: MetaFunction = () => [{ title: "销售统计 · Sales" }, { name: "robots", content: "noindex" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCooperativeStaff(request);
  return { locale: localeFromUrl(request.url), ...(await getCooperativeSales(await db(), user.cooperativeId)) };
}

export const ErrorBoundary = PortalErrorBoundary;

function MoneyTable({
  caption,
  first,
  rows,
  testId,
}: {
  caption: string;
  first: string;
  rows: (SalesMoney & { key: string; label: string })[];
  testId: string;
}) {
  const locale = useLocale();
  const t = useT();
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="w-full text-sm" data-testid={testId}>
        <caption className="px-3 pt-3 text-left font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b border-stone-200 text-left text-stone-600">
            <th scope="col" className="p-3 font-medium">
              {first}
            </th>
            <th scope="col" className="p-3 text-right font-medium">
              {t("portal.sales.sale")}
            </th>
            <th scope="col" className="p-3 text-right font-medium">
              {t("portal.sales.refund")}
            </th>
            <th scope="col" className="p-3 text-right font-medium">
              {t("portal.sales.net")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="p-3 text-left font-normal">
                {row.label}
              </th>
              <td className="p-3 text-right tabular-nums">{formatFen(row.saleFen, locale)}</td>
              <td className="p-3 text-right tabular-nums">{row.refundFen ? formatFen(row.refundFen, locale) : "—"}</td>
              <td className="p-3 text-right font-semibold tabular-nums">{formatFen(row.netFen, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function PortalSales() {
  const { locale, total, online, booth, certified, orders, products, days } = useLoaderData<typeof loader>();
  const t = useT();
  const figure = (label: PortalKey, fen: number, testId: string, strong = false) => (
    <div className={panel}>
      <dt className="text-sm text-stone-600">{t(label)}</dt>
      <dd className={`${strong ? "text-2xl" : "text-xl"} font-bold tabular-nums`} data-testid={testId}>
        {formatFen(fen, locale)}
      </dd>
    </div>
  );
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("portal.sales.title")}</h1>
        <p className="mt-1 text-sm text-stone-600">{t("portal.sales.explain")}</p>
      </div>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-3">
        {figure("portal.sales.net", total.netFen, "sales-net", true)}
        <div className={panel}>
          <dt className="text-sm text-stone-600">{t("portal.sales.orders")}</dt>
          <dd className="text-2xl font-bold tabular-nums" data-testid="sales-orders">
            {orders}
          </dd>
        </div>
        {figure("portal.sales.online", online.netFen, "sales-online")}
        {figure("portal.sales.booth", booth.netFen, "sales-booth")}
        {figure("portal.sales.certified", certified.netFen, "sales-certified")}
        {figure("portal.sales.refund", total.refundFen, "sales-refund")}
      </dl>
      {products.length === 0 ? (
        <p className="text-stone-600">{t("portal.sales.empty")}</p>
      ) : (
        <>
          <MoneyTable
            caption={t("portal.sales.byProduct")}
            first={t("portal.sales.product")}
            rows={products.map((p) => ({ ...p, key: p.id, label: pick(locale, p, "name") }))}
            testId="sales-by-product"
          />
          <MoneyTable
            caption={t("portal.sales.byDay")}
            first={t("portal.sales.day")}
            rows={days.map((d) => ({ ...d, key: d.day, label: d.day }))}
            testId="sales-by-day"
          />
        </>
      )}
    </div>
  );
}
