import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormField } from "~/components/FormField";
import { audit } from "~/accounts/accounts.server";
import { refundOrder, RefundRejectedError } from "~/payments/refund-order.server";
import { RefundError } from "~/payments/refunds.server";
import { requireOrganiser } from "~/accounts/auth.server";
import { formatDateTime } from "~/utils/shanghai-time";
import { db } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import { localeFromUrl, pick } from "~/utils/i18n";
import { useT } from "~/i18n/areas/console";
import { formatFen } from "~/utils/money";

export const meta: MetaFunction = () => [{ title: "订单 · Order" }, { name: "robots", content: "noindex" }];

async function loadOrder(id: string) {
  return (await db()).order.findUnique({
    where: { id },
    select: {
      id: true,
      token: true,
      status: true,
      channel: true,
      totalFen: true,
      refundedFen: true,
      contactName: true,
      paidAt: true,
      paymentProvider: true,
      lines: {
        select: {
          id: true,
          nameZh: true,
          nameEn: true,
          quantity: true,
          refundedQuantity: true,
          unitPriceFen: true,
          lineTotalFen: true,
        },
      },
      refunds: {
        orderBy: { createdAt: "desc" },
        select: { id: true, amountFen: true, status: true, reason: true, createdAt: true },
      },
    },
  });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const order = await loadOrder(params.id ?? "");
  if (!order) notFound();
  return { locale: localeFromUrl(request.url), order };
}

/** Refunds the whole order or the quantities given per line; the ledger reverses when the provider confirms. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const order = await loadOrder(params.id ?? "");
  if (!order) notFound();
  const form = await request.formData();
  const reason = String(form.get("reason") ?? "")
    .trim()
    .slice(0, 500);
  if (!reason) return data({ error: "admin.error.required", field: "reason", done: false }, { status: 400 });
  const lines =
    form.get("scope") === "lines"
      ? order.lines
          .map((l) => ({ orderLineId: l.id, quantity: Number(form.get(`qty:${l.id}`) ?? 0) }))
          .filter((l) => Number.isInteger(l.quantity) && l.quantity > 0)
      : undefined;
  try {
    const result = await refundOrder(await db(), { orderId: order.id, lines, reason, requestedBy: user.email });
    await audit(await db(), {
      actorId: user.id,
      action: "refund",
      entity: "Order",
      entityId: order.id,
      after: { ...result, reason, lines },
    });
    return data({ error: null, field: null, done: true });
  } catch (error) {
    if (error instanceof RefundError)
      return data({ error: `refund.${error.problem}`, field: "form", done: false }, { status: 409 });
    if (error instanceof RefundRejectedError)
      return data({ error: error.message, field: "form", done: false }, { status: 409 });
    throw error;
  }
}

export default function AdminOrder() {
  const { locale, order } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const refundable = ["PAID", "PARTLY_REFUNDED", "NEEDS_REFUND"].includes(order.status);
  return (
    <div className="max-w-3xl space-y-6">
      <header>
        <h1 className="text-xl font-bold">
          {t("console.order")} <span className="font-mono">{order.id.slice(0, 8).toUpperCase()}</span>
        </h1>
        <p className="text-sm text-stone-600">
          {t(`shop.status.${order.status}`)} · {order.channel} · {order.paymentProvider} · {order.contactName}
          {order.paidAt && ` · ${formatDateTime(order.paidAt, locale)}`}
        </p>
        <p className="mt-1">
          {formatFen(order.totalFen, locale)}
          {order.refundedFen > 0 && ` (−${formatFen(order.refundedFen, locale)})`}
        </p>
      </header>
      {refundable && (
        <Form
          method="post"
          className="space-y-3 rounded border border-stone-200 bg-white p-4"
          data-testid="refund-form"
        >
          <h2 className="font-bold">{t("console.refund")}</h2>
          <table className="w-full text-sm">
            <tbody>
              {order.lines.map((line) => (
                <tr key={line.id} className="border-t border-stone-200">
                  <td className="py-1">{pick(locale, line, "name")}</td>
                  <td>
                    {line.quantity - line.refundedQuantity}/{line.quantity} × {formatFen(line.unitPriceFen, locale)}
                  </td>
                  <td className="text-right">
                    <label className="sr-only" htmlFor={`qty-${line.id}`}>
                      {t("shop.quantity")}
                    </label>
                    <input
                      id={`qty-${line.id}`}
                      name={`qty:${line.id}`}
                      type="number"
                      min={0}
                      max={line.quantity - line.refundedQuantity}
                      defaultValue={0}
                      className="w-20 rounded border border-stone-400 px-2 py-1"
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <FormField
            id="reason"
            label={t("console.reason")}
            error={result?.field === "reason" && result.error ? t.code(result.error) : undefined}
          >
            {(p) => <input {...p} name="reason" maxLength={500} />}
          </FormField>
          {result?.field === "form" && result.error && (
            <p role="alert" className="text-sm text-red-800">
              {t("admin.error.refund", { problem: result.error })}
            </p>
          )}
          {result?.done && (
            <p role="status" className="text-sm text-green-900">
              {t("console.refundDone")}
            </p>
          )}
          <div className="flex flex-wrap gap-2">
            <button
              type="submit"
              name="scope"
              value="all"
              className="min-h-11 rounded bg-red-800 px-4 py-2 font-semibold text-white"
            >
              {t("console.refundAll")}
            </button>
            <button
              type="submit"
              name="scope"
              value="lines"
              className="min-h-11 rounded border border-red-800 px-4 py-2 font-semibold text-red-800"
            >
              {t("console.refundLines")}
            </button>
          </div>
        </Form>
      )}
      {order.refunds.length > 0 && (
        <ul className="text-sm">
          {order.refunds.map((r) => (
            <li key={r.id}>
              {formatDateTime(r.createdAt, locale)} · {formatFen(r.amountFen, locale)} · {r.status} · {r.reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
