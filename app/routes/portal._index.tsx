import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { portalHref } from "~/portal/href";
import { PortalErrorBoundary } from "~/components/portal/PortalErrorBoundary";
import { panel, primaryButton, secondaryButton } from "~/components/portal/styles";
import { getCooperativeDashboard } from "~/portal/portal-sales.server";
import { requireCooperativeStaff } from "~/accounts/auth.server";
import { formatDateTime } from "~/utils/shanghai-time";
import { db } from "~/utils/db.server";
import { localeFromUrl, pick } from "~/utils/i18n";
import { useT, translate } from "~/i18n/areas/portal";
import { formatFen } from "~/utils/money";

export const meta: MetaFunction = () => [
  { title: "合作社工作台 · Cooperative portal" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCooperativeStaff(request);
  return { locale: localeFromUrl(request.url), ...(await getCooperativeDashboard(await db(), user.cooperativeId)) };
}

export const ErrorBoundary = PortalErrorBoundary;

export default function PortalDashboard() {
  const { locale, salesTodayFen, salesFairFen, toFulfil, toFulfilCount, lowStock } = useLoaderData<typeof loader>();
  const t = useT();
  const href = (path: string) => portalHref(locale, path);
  return (
    <div className="space-y-8">
      <dl className="grid grid-cols-2 gap-3">
        <div className={panel}>
          <dt className="text-sm text-stone-600">{t("console.salesToday")}</dt>
          <dd className="text-2xl font-bold tabular-nums" data-testid="sales-today">
            {formatFen(salesTodayFen, locale)}
          </dd>
        </div>
        <div className={panel}>
          <dt className="text-sm text-stone-600">{t("console.salesFair")}</dt>
          <dd className="text-2xl font-bold tabular-nums" data-testid="sales-fair">
            {formatFen(salesFairFen, locale)}
          </dd>
        </div>
      </dl>
      <div className="flex flex-wrap gap-3">
        <Link to={href("/portal/booth")} className={primaryButton}>
          {t("portal.dashboard.openBooth")}
        </Link>
        <Link to={href("/portal/products/new")} className={secondaryButton}>
          {t("portal.dashboard.addProduct")}
        </Link>
      </div>
      <section aria-labelledby="to-fulfil-heading">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="to-fulfil-heading" className="text-lg font-bold">
            {t("console.ordersToFulfil")}
          </h2>
          {toFulfilCount > 0 && (
            <Link
              to={href("/portal/orders")}
              className="text-sm text-brand-700 underline"
              data-testid="to-fulfil-count"
            >
              {t("portal.dashboard.toFulfilCount", { count: toFulfilCount })} · {t("portal.dashboard.allOrders")}
            </Link>
          )}
        </div>
        {toFulfil.length === 0 ? (
          <p className="mt-2 text-sm text-stone-600">{t("console.noOrders")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-stone-200 rounded border border-stone-200 bg-white text-sm">
            {toFulfil.map((o) => (
              <li key={o.id} className="p-3">
                <p>
                  <span className="font-mono">{o.id.slice(0, 8).toUpperCase()}</span> · {o.contactName} ·{" "}
                  {translate(locale, `shop.fulfilment.${o.fulfilment}`)}
                </p>
                {o.paidAt && <p className="text-xs text-stone-600">{formatDateTime(o.paidAt, locale)}</p>}
                <ul className="text-stone-700">
                  {o.lines.map((l, i) => (
                    <li key={i}>
                      {pick(locale, l, "name")} × {l.quantity} · {formatFen(l.lineTotalFen, locale)}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="low-stock-heading">
        <h2 id="low-stock-heading" className="text-lg font-bold">
          {t("console.lowStock")}
        </h2>
        {lowStock.length === 0 ? (
          <p className="mt-2 text-sm text-stone-600">{t("console.noLowStock")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-stone-200 rounded border border-stone-200 bg-white text-sm">
            {lowStock.map((p) => (
              <li key={p.id} className="flex items-center justify-between gap-3 p-3">
                <span>{pick(locale, p, "name")}</span>
                <span className="flex items-center gap-3">
                  <span className={p.stock === 0 ? "font-semibold text-red-800" : ""}>
                    {t("console.stock")}: {p.stock}
                  </span>
                  <Link to={href(`/portal/products/${p.id}`)} className="text-brand-700 underline">
                    {t("portal.dashboard.editProduct")}
                  </Link>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
