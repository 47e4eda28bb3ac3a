import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorList, Field, FormErrors } from "~/components/ui/Field";
import { useSchemaForm } from "~/components/ui/use-schema-form";
import { ADMIN_FALLBACK, RefundSchema } from "~/console/admin-schema";
import { audit } from "~/accounts/accounts.server";
import { refundOrder, RefundRejectedError } from "~/payments/refund-order.server";
import { RefundError } from "~/payments/refunds.server";
import { requireOrganiser } from "~/accounts/auth.server";
import { formatDateTime } from "~/utils/shanghai-time";
import { db } from "~/utils/db.server";
import { parseSubmission } from "~/utils/forms";
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
  const submission = parseSubmission(await request.formData(), RefundSchema, ADMIN_FALLBACK);
  if (submission.status !== "success")
    return data({ result: submission.reply(), rejected: null, done: false }, { status: 400 });
  const { reason, scope, quantities } = submission.value;
  const lines =
    scope === "lines"
      ? order.lines.map((l) => ({ orderLineId: l.id, quantity: quantities[l.id] ?? 0 })).filter((l) => l.quantity > 0)
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
    return data({ result: submission.reply({ resetForm: true }), rejected: null, done: true });
  } catch (error) {
    if (error instanceof RefundError)
      return data(
        {
          result: submission.reply({ formErrors: [`admin.error.refund.${error.problem}`] }),
          rejected: null,
          done: false,
        },
        { status: 409 },
      );
    // The provider said no: its own words, shown as they came.
    if (error instanceof RefundRejectedError)
      return data(
        {
          result: submission.reply({ formErrors: ["admin.error.refundRejected"] }),
          rejected: error.message,
          done: false,
        },
        { status: 409 },
      );
    throw error;
  }
}

export default function AdminOrder() {
  const { locale, order } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const refundable = ["PAID", "PARTLY_REFUNDED", "NEEDS_REFUND"].includes(order.status);
  const [form, fields] = useSchemaForm({
    id: "refund",
    schema: RefundSchema,
    fallback: ADMIN_FALLBACK,
    lastResult: result?.result,
    defaultValue: Object.fromEntries(order.lines.map((line) => [`qty:${line.id}`, "0"])),
    // The per-line fields are named after the order's lines, which the schema cannot list.
    constraint: false,
  });
  const f = { fallback: ADMIN_FALLBACK };
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
          {...getFormProps(form)}
        >
          <h2 className="font-bold">{t("console.refund")}</h2>
          <table className="w-full text-sm">
            <tbody>
              {order.lines.map((line) => {
                const quantity = fields[`qty:${line.id}`]!;
                return (
                  <tr key={line.id} className="border-t border-stone-200">
                    <td className="py-1">{pick(locale, line, "name")}</td>
                    <td>
                      {line.quantity - line.refundedQuantity}/{line.quantity} × {formatFen(line.unitPriceFen, locale)}
                    </td>
                    <td className="text-right">
                      <label className="sr-only" htmlFor={quantity.id}>
                        {t("shop.quantity")}
                      </label>
                      <input
                        id={quantity.id}
                        name={quantity.name}
                        type="number"
                        min={0}
                        max={line.quantity - line.refundedQuantity}
                        defaultValue={typeof quantity.initialValue === "string" ? quantity.initialValue : "0"}
                        aria-invalid={quantity.errors?.length ? true : undefined}
                        aria-describedby={quantity.errors?.length ? quantity.errorId : undefined}
                        className="w-20 rounded border border-stone-400 px-2 py-1"
                      />
                      <ErrorList field={quantity} {...f} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <Field field={fields.reason} label={t("console.reason")} {...f}>
            {(p) => <input {...p} maxLength={500} />}
          </Field>
          <FormErrors errors={form.errors} {...f} testId="form-error" />
          {result?.rejected && (
            <p className="text-sm text-red-800" data-testid="refund-rejected">
              {result.rejected}
            </p>
          )}
          {result?.done && (
            <p role="status" className="text-sm text-green-900">
              {t("console.refundDone")}
            </p>
          )}
          <ErrorList field={fields.scope} {...f} />
          {/* The part refund comes first: Enter in a field submits with the form's first submit
              button (the browser's implicit submission, with or without JavaScript), and that
              must never be "refund everything". tests/e2e/refund.spec.ts */}
          <div className="flex flex-wrap gap-2">
            <button
              type="submit"
              name="scope"
              value="lines"
              className="min-h-11 rounded border border-red-800 px-4 py-2 font-semibold text-red-800"
            >
              {t("console.refundLines")}
            </button>
            <button
              type="submit"
              name="scope"
              value="all"
              className="min-h-11 rounded bg-red-800 px-4 py-2 font-semibold text-white"
            >
              {t("console.refundAll")}
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
