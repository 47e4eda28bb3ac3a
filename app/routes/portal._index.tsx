import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getCooperativeDashboard } from "~/models/console.server";
import { requireCooperativeStaff } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { consoleLocale, pick, translate, type MessageKey } from "~/utils/i18n";
import { formatFen } from "~/utils/money";

export const meta: MetaFunction = () => [
  { title: "合作社工作台 · Cooperative portal" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCooperativeStaff(request);
  return { locale: consoleLocale(request.url), ...(await getCooperativeDashboard(await db(), user.cooperativeId)) };
}

export default function PortalDashboard() {
  const { locale, salesTodayFen, salesFairFen, toFulfil, lowStock } = useLoaderData<typeof loader>();
  const t = (key: MessageKey) => translate(locale, key);
  return (
    <div className="space-y-8">
      <dl className="grid grid-cols-2 gap-3">
        <div className="rounded border border-stone-200 bg-white p-4">
          <dt className="text-sm text-stone-600">{t("console.salesToday")}</dt>
          <dd className="text-2xl font-bold" data-testid="sales-today">
            {formatFen(salesTodayFen, locale)}
          </dd>
        </div>
        <div className="rounded border border-stone-200 bg-white p-4">
          <dt className="text-sm text-stone-600">{t("console.salesFair")}</dt>
          <dd className="text-2xl font-bold" data-testid="sales-fair">
            {formatFen(salesFairFen, locale)}
          </dd>
        </div>
      </dl>
      <section>
        <h2 className="text-lg font-bold">{t("console.ordersToFulfil")}</h2>
        {toFulfil.length === 0 ? (
          <p className="mt-2 text-sm text-stone-600">{t("console.noOrders")}</p>
        ) : (
          <ul className="mt-2 divide-y rounded border border-stone-200 bg-white text-sm">
            {toFulfil.map((o) => (
              <li key={o.id} className="p-2">
                <span className="font-mono">{o.id.slice(0, 8).toUpperCase()}</span> · {o.contactName} ·{" "}
                {translate(locale, `shop.fulfilment.${o.fulfilment}`)}
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
      <section>
        <h2 className="text-lg font-bold">{t("console.lowStock")}</h2>
        {lowStock.length === 0 ? (
          <p className="mt-2 text-sm text-stone-600">{t("console.noLowStock")}</p>
        ) : (
          <ul className="mt-2 divide-y rounded border border-stone-200 bg-white text-sm">
            {lowStock.map((p) => (
              <li key={p.id} className="flex justify-between p-2">
                <span>{pick(locale, p, "name")}</span>
                <span>
                  {t("console.stock")}: {p.stock}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
