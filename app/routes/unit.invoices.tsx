import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUnitBuyer } from "~/accounts/auth.server";
import { shortOrderId } from "~/units/unit-buyer";
import { listUnitInvoices } from "~/units/unit-buyer.server";
import { db } from "~/utils/db.server";
import { pick, localeFromUrl } from "~/utils/i18n";
import { translate, type MessageKey } from "~/i18n/areas/console";
import { formatFen } from "~/utils/money";

export const meta: MetaFunction = () => [{ title: "发票 · Invoices" }, { name: "robots", content: "noindex" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUnitBuyer(request);
  return { locale: localeFromUrl(request.url), invoices: await listUnitInvoices(await db(), user.organisationId) };
}

export default function UnitInvoices() {
  const { locale, invoices } = useLoaderData<typeof loader>();
  const t = (key: MessageKey, p?: Record<string, string | number>) => translate(locale, key, p);
  const q = locale === "en" ? "?lang=en" : "";
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("unit.invoice.title")}</h1>
      <p className="text-stone-700">{t("unit.invoice.intro")}</p>
      {invoices.length === 0 ? (
        <p className="text-stone-600">{t("unit.invoice.none")}</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded border border-stone-200" data-testid="unit-invoice-list">
          {invoices.map((inv) => (
            <li
              key={inv.id}
              className="grid gap-1 p-3 sm:grid-cols-[8rem_1fr_auto]"
              data-testid="unit-invoice"
              data-status={inv.status}
            >
              <Link to={`/unit/orders/${inv.orderId}${q}`} className="font-mono underline">
                {shortOrderId(inv.orderId)}
              </Link>
              <div>
                <p>{pick(locale, inv.cooperative, "name")}</p>
                <p className="text-xs text-stone-600">
                  {inv.title} · <span className="font-mono">{inv.creditCode}</span>
                </p>
              </div>
              <div className="sm:text-right">
                <p className="font-semibold tabular-nums">{formatFen(inv.amountFen, locale)}</p>
                <p className={`text-sm ${inv.status === "ISSUED" ? "text-green-800" : "text-amber-800"}`}>
                  {t(`unit.invoice.${inv.status}`)}
                  {inv.status === "ISSUED" &&
                    ` · ${t("unit.invoice.number", { number: inv.invoiceNumber ?? "", date: inv.issuedOn ? new Date(inv.issuedOn).toISOString().slice(0, 10) : "" })}`}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
