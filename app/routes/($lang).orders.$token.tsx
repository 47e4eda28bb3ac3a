import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getOrderByToken } from "~/orders/orders.server";
import { releaseExpiredReservations } from "~/payments/payments.server";
import { getReceipt } from "~/orders/receipt.server";
import { startPaymentOrExplain } from "~/payments/provider.server";
import { db } from "~/utils/db.server";
import { formatDateTime } from "~/utils/shanghai-time";
import { notFound, requireLocale } from "~/utils/http.server";
import { localePath, pick } from "~/utils/i18n";
import { useT, translate } from "~/i18n/areas/storefront";
import { formatFen } from "~/utils/money";
import { useLocale } from "~/utils/use-locale";

/** The loader's "private, no-store": this page is one buyer's own. */
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${translate(data?.locale ?? "zh", "shop.orderTitle")} · ${translate(data?.locale ?? "zh", "site.name")}` },
  { name: "robots", content: "noindex" },
];

const TOKEN = /^[A-Za-z0-9_-]{20,64}$/;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const locale = requireLocale(params.lang);
  if (!TOKEN.test(params.token ?? "")) notFound();
  const prisma = await db();
  // An order viewed after its hold ran out shows as expired, not as still payable.
  await releaseExpiredReservations(prisma);
  const order = await getOrderByToken(prisma, params.token!);
  if (!order) notFound();
  const receipt = await getReceipt(prisma, order);
  const paymentUnavailable = new URL(request.url).searchParams.get("payment") === "unavailable";
  return data({ locale, order, receipt, paymentUnavailable }, { headers: { "Cache-Control": "private, no-store" } });
}

/** "Pay now" for a pending order: starts (or restarts) the payment with the configured provider. */
export async function action({ params }: ActionFunctionArgs) {
  const locale = requireLocale(params.lang);
  if (!TOKEN.test(params.token ?? "")) notFound();
  const prisma = await db();
  const order = await getOrderByToken(prisma, params.token!);
  if (!order) notFound();
  return redirect(await startPaymentOrExplain(prisma, order.id, locale));
}

export default function OrderPage() {
  const { locale, order, receipt, paymentUnavailable } = useLoaderData<typeof loader>();
  const t = useT();
  const paid = order.status === "PAID" || order.status === "PARTLY_REFUNDED";
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header>
        <h1 className="text-2xl font-bold">{t("shop.orderTitle")}</h1>
        <p className="mt-1 text-sm text-stone-600">
          {t("shop.orderNumber")}: <span className="font-mono">{order.id.slice(0, 8).toUpperCase()}</span> ·{" "}
          {formatDateTime(order.createdAt, locale)}
        </p>
        <p
          className={`mt-3 inline-block rounded px-3 py-1 font-semibold ${paid ? "bg-green-100 text-green-900" : order.status === "PENDING" ? "bg-amber-100 text-amber-900" : "bg-stone-200 text-stone-800"}`}
          data-testid="order-status"
          data-status={order.status}
        >
          {t(`shop.status.${order.status}`)}
        </p>
        {paid && <p className="mt-2 text-green-900">{t("shop.thanks")}</p>}
        <p className="mt-2 text-xs text-stone-600">{t("shop.orderLinkNote")}</p>
      </header>

      {order.status === "PENDING" && (
        <Form method="post" className="rounded-lg border border-amber-300 bg-amber-50 p-4">
          {paymentUnavailable && (
            <p role="alert" className="mb-2 font-semibold text-amber-950">
              {t("shop.paymentsUnavailableRetry")}
            </p>
          )}
          <p className="text-sm">{t("shop.reservedUntil", { time: formatDateTime(order.reservedUntil, locale) })}</p>
          <button
            type="submit"
            className="mt-3 min-h-11 rounded bg-brand-700 px-6 py-2 font-semibold text-white hover:bg-brand-800"
          >
            {t("shop.payNow")}
          </button>
        </Form>
      )}

      <section className="rounded-lg border border-stone-200 bg-white">
        <ul className="divide-y divide-stone-200 text-sm">
          {order.lines.map((line) => (
            <li key={line.id} className="flex justify-between gap-3 p-3">
              <span>
                <Link to={localePath(locale, `/products/${line.product.slug}`)} className="font-medium hover:underline">
                  {pick(locale, line, "name")}
                </Link>{" "}
                × {line.quantity} {pick(locale, line, "unit")}
                {order.fulfilment === "BOOTH_PICKUP" && line.cooperative.boothNumber && (
                  <span className="block text-xs text-stone-600">
                    {t("shop.boothPickupAt", { booth: line.cooperative.boothNumber })}
                  </span>
                )}
              </span>
              <span className="whitespace-nowrap">{formatFen(line.lineTotalFen, locale)}</span>
            </li>
          ))}
          <li className="flex justify-between p-3 text-base font-bold">
            <span>{t("shop.total")}</span>
            <span data-testid="order-total">{formatFen(order.totalFen, locale)}</span>
          </li>
          {order.refundedFen > 0 && (
            <li className="flex justify-between p-3">
              <span>{t("shop.refunded")}</span>
              <span>−{formatFen(order.refundedFen, locale)}</span>
            </li>
          )}
        </ul>
      </section>

      <section className="rounded-lg border border-stone-200 bg-white p-4 text-sm">
        <p>
          {order.contactName} · {order.contactPhone ?? order.contactEmail}
        </p>
        {order.fulfilment === "DELIVERY" ? (
          <p className="mt-1">
            {t("shop.deliveryTo")}: {order.recipientName}, {order.province}
            {order.city} {order.district ?? ""} {order.addressLine} {order.postalCode ?? ""}
          </p>
        ) : (
          <p className="mt-1">{t("shop.fulfilment.BOOTH_PICKUP")}</p>
        )}
      </section>

      <Receipt receipt={receipt} />
    </div>
  );
}

/** The receipt: the order's ledger entries as recorded (or, unpaid, what payment would record). */
function Receipt({
  receipt,
}: {
  receipt: ReturnType<typeof useLoaderData<typeof loader>>["receipt"];
}) {
  const locale = useLocale();
  const t = useT();
  const intro =
    receipt.events.length === 0
      ? t("shop.receiptNothing")
      : receipt.recorded
        ? t("shop.receiptLedger")
        : t("shop.receiptNotRecorded");
  return (
    <section
      aria-labelledby="receipt-heading"
      className={`rounded-lg border p-4 ${receipt.recorded ? "border-green-200 bg-green-50" : "border-dashed border-amber-400 bg-amber-50"}`}
      data-testid="receipt"
      data-recorded={receipt.recorded ? "true" : "false"}
    >
      <h2 id="receipt-heading" className="text-lg font-bold text-stone-900">
        {t("shop.receipt")}
      </h2>
      <p className="mt-1 text-sm text-stone-800">{intro}</p>
      <ol className="mt-3 space-y-3 text-sm">
        {receipt.events.map((event) => (
          <li
            key={event.refundId ?? "sale"}
            className="rounded bg-white p-3"
            data-testid="receipt-event"
            data-kind={event.kind}
          >
            <p className="font-semibold">
              {receipt.recorded ? t(`shop.receiptEvent.${event.kind}`) : t("shop.receiptProjected")}
              {event.occurredAt && (
                <span className="font-normal text-stone-600"> · {formatDateTime(event.occurredAt, locale)}</span>
              )}
            </p>
            {event.lines.map((line) => (
              <div key={line.lineId} className="mt-2 border-t border-stone-100 pt-2">
                <p className="font-medium">
                  {pick(locale, line, "name")}
                  {line.certified && (
                    <span className="ml-1 rounded bg-green-100 px-1 text-xs text-green-900">
                      {t("shop.receiptCertified")}
                    </span>
                  )}
                </p>
                <ul className="mt-1 space-y-0.5">
                  {line.entries.map((entry, i) => (
                    <li
                      key={i}
                      className="flex justify-between gap-3"
                      data-testid="receipt-entry"
                      data-target={entry.target}
                      data-to={entry.to.id}
                      data-fen={entry.amountFen}
                    >
                      <span className="text-stone-700">
                        {t(`shop.receiptTarget.${entry.target}`)} · {pick(locale, entry.to, "name")}
                      </span>
                      <span className={`whitespace-nowrap tabular-nums ${entry.amountFen < 0 ? "text-red-800" : ""}`}>
                        {entry.amountFen < 0
                          ? `−${formatFen(-entry.amountFen, locale)}`
                          : formatFen(entry.amountFen, locale)}
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </li>
        ))}
      </ol>
      {receipt.recorded && receipt.events.length > 1 && (
        <div className="mt-3 rounded bg-white p-3 text-sm">
          <p className="font-semibold">{t("shop.receiptNet")}</p>
          <ul className="mt-1 space-y-0.5">
            {receipt.totals.map((total) => (
              <li
                key={`${total.target}:${total.to.id}`}
                className="flex justify-between gap-3"
                data-testid="receipt-total"
                data-target={total.target}
                data-to={total.to.id}
                data-fen={total.netFen}
              >
                <span className="text-stone-700">
                  {t(`shop.receiptTarget.${total.target}`)} · {pick(locale, total.to, "name")}
                </span>
                <span className="whitespace-nowrap tabular-nums">{formatFen(total.netFen, locale)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
