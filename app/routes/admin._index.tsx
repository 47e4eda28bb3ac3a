import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getOrganiserOverview } from "~/console/console.server";
import { requireOrganiser } from "~/accounts/auth.server";
import { formatDateTime } from "~/utils/shanghai-time";
import { db } from "~/utils/db.server";
import { localeFromUrl } from "~/utils/i18n";
import { useT, translate } from "~/i18n/areas/console";
import { formatFen } from "~/utils/money";

export const meta: MetaFunction = () => [
  { title: "组织方控制台 · Organisers' console" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  return { locale: localeFromUrl(request.url), ...(await getOrganiserOverview(await db())) };
}

export default function AdminOverview() {
  const { locale, needsRefund, recent } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="space-y-8">
      <section aria-labelledby="refund-heading">
        <h1 id="refund-heading" className="text-lg font-bold">
          {t("console.needsRefund")}
        </h1>
        {needsRefund.length === 0 ? (
          <p className="mt-2 text-sm text-stone-600">{t("console.noneNeedRefund")}</p>
        ) : (
          <ul className="mt-2 divide-y rounded border border-red-200 bg-red-50 text-sm" data-testid="needs-refund">
            {needsRefund.map((o) => (
              <li key={o.id} className="flex justify-between p-2">
                <a href={`/admin/orders/${o.id}`} className="font-mono underline">
                  {o.id.slice(0, 8).toUpperCase()}
                </a>
                <span>{o.contactName}</span>
                <span>{formatFen(o.totalFen, locale)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading" className="text-lg font-bold">
          {t("console.recentOrders")}
        </h2>
        {recent.length === 0 ? (
          <p className="mt-2 text-sm text-stone-600">{t("console.noOrders")}</p>
        ) : (
          <table className="mt-2 w-full text-sm">
            <thead>
              <tr className="text-left text-stone-600">
                <th className="py-1">{t("console.order")}</th>
                <th>{t("console.status")}</th>
                <th className="text-right">{t("console.amount")}</th>
              </tr>
            </thead>
            <tbody>
              {recent.map((o) => (
                <tr key={o.id} className="border-t border-stone-200">
                  <td className="py-1">
                    <a href={`/admin/orders/${o.id}`} className="font-mono underline">
                      {o.id.slice(0, 8).toUpperCase()}
                    </a>{" "}
                    <span className="text-xs text-stone-600">{formatDateTime(o.createdAt, locale)}</span>
                  </td>
                  <td>{translate(locale, `shop.status.${o.status}`)}</td>
                  <td className="text-right">{formatFen(o.totalFen, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
