import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUnitBuyer } from "~/accounts/auth.server";
import { secondaryButtonClass, UnitStateBadge } from "~/components/unit/UnitUi";
import { shanghaiTime, shortOrderId, unitOrderState } from "~/units/unit-buyer";
import { listUnitOrders } from "~/units/unit-buyer.server";
import { db } from "~/utils/db.server";
import { localeFromUrl } from "~/utils/i18n";
import { translate, type MessageKey } from "~/i18n/areas/console";
import { formatFen } from "~/utils/money";

export const meta: MetaFunction = () => [
  { title: "单位采购 · Unit purchasing" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUnitBuyer(request);
  const now = new Date();
  const orders = await listUnitOrders(await db(), user.organisationId);
  return {
    locale: localeFromUrl(request.url),
    orders: orders.map((o) => ({ ...o, state: unitOrderState(o, now) })),
  };
}

export default function UnitHome() {
  const { locale, orders } = useLoaderData<typeof loader>();
  const t = (key: MessageKey, p?: Record<string, string | number>) => translate(locale, key, p);
  const q = locale === "en" ? "?lang=en" : "";
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("unit.home.title")}</h1>
      <div className="flex flex-wrap gap-2">
        <Link to={`/unit/order${q}`} className={secondaryButtonClass}>
          {t("unit.home.newOrder")}
        </Link>
        <Link to={`/unit/recipients${q}`} className={secondaryButtonClass}>
          {t("unit.home.newList")}
        </Link>
      </div>
      {orders.length === 0 ? (
        <p className="text-stone-600">{t("unit.home.empty")}</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded border border-stone-200" data-testid="unit-orders">
          {orders.map((order) => (
            <li
              key={order.id}
              className="flex flex-wrap items-center justify-between gap-2 p-3"
              data-testid="unit-order"
            >
              <div className="space-y-1">
                <Link to={`/unit/orders/${order.id}${q}`} className="font-mono font-semibold text-brand-800 underline">
                  {shortOrderId(order.id)}
                </Link>
                <p className="text-sm text-stone-600">
                  {t("unit.home.placed")} {shanghaiTime(order.createdAt)} ·{" "}
                  {t("unit.home.lines", { count: order._count.lines })}
                  {order._count.recipients > 0 && ` · ${t("unit.home.recipients", { count: order._count.recipients })}`}
                  {order.transferReference && (
                    <>
                      {" "}
                      · <span className="font-mono">{order.transferReference}</span>
                    </>
                  )}
                </p>
                <UnitStateBadge locale={locale} state={order.state} until={order.reservedUntil} />
              </div>
              <div className="text-right">
                <p className="text-lg font-semibold tabular-nums">{formatFen(order.totalFen, locale)}</p>
                <Link to={`/unit/orders/${order.id}${q}`} className="text-sm underline">
                  {t("unit.home.open")}
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
