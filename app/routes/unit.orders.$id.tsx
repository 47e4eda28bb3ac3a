import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireUnitBuyer } from "~/accounts/auth.server";
import { Field, FormErrors } from "~/components/ui/Field";
import { useSchemaForm } from "~/components/ui/use-schema-form";
import { buttonClass, Notice, TransferDetails, UnitStateBadge } from "~/components/unit/UnitUi";
import { startPaymentOrExplain } from "~/payments/provider.server";
import {
  InvoiceRequestSchema,
  shortOrderId,
  UNIT_FALLBACK,
  UnitOrderActionSchema,
  unitOrderState,
} from "~/units/unit-buyer";
import { getUnitOrder, receivingAccount, requestUnitInvoices, unitProfile } from "~/units/unit-buyer.server";
import { UnitError } from "~/units/units.server";
import { db } from "~/utils/db.server";
import { parseSubmission } from "~/utils/forms";
import { pick, localeFromUrl } from "~/utils/i18n";
import { translate, type MessageKey } from "~/i18n/areas/console";
import { formatFen } from "~/utils/money";

export const meta: MetaFunction = () => [{ title: "单位订单 · Unit order" }, { name: "robots", content: "noindex" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUnitBuyer(request);
  const prisma = await db();
  const order = await getUnitOrder(prisma, user.organisationId, params.id ?? "");
  if (!order) throw new Response("Not found", { status: 404 });
  const unit = await unitProfile(prisma, user.organisationId);
  const url = new URL(request.url);
  const state = unitOrderState(order);
  const { token: _token, ...shown } = order; // the citizen order-page token stays on the server
  return {
    locale: localeFromUrl(url),
    order: shown,
    state,
    account: order.paymentProvider === "transfer" ? receivingAccount() : null,
    invoiceDefaults: { title: unit.invoiceTitle ?? unit.nameZh, creditCode: unit.creditCode ?? "" },
    placed: url.searchParams.has("placed"),
    invoiced: url.searchParams.get("invoiced"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUnitBuyer(request);
  const locale = localeFromUrl(request.url);
  const prisma = await db();
  const order = await getUnitOrder(prisma, user.organisationId, params.id ?? "");
  if (!order) throw new Response("Not found", { status: 404 });
  const submission = parseSubmission(await request.formData(), UnitOrderActionSchema, UNIT_FALLBACK);
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  if (submission.value.intent === "pay") {
    if (unitOrderState(order) !== "awaiting-payment") return redirect(request.url);
    return redirect(await startPaymentOrExplain(prisma, order.id, locale));
  }
  const { title, creditCode } = submission.value;
  try {
    const invoices = await requestUnitInvoices(prisma, {
      organisationId: user.organisationId,
      orderId: order.id,
      title,
      creditCode,
    });
    const count = invoices?.length ?? 0;
    return redirect(`/unit/orders/${order.id}?invoiced=${count}${locale === "en" ? "&lang=en" : ""}`);
  } catch (error) {
    if (!(error instanceof UnitError)) throw error;
    const key = error.problem === "bad-credit-code" ? "unit.error.creditCode.check" : "unit.error.notPaid";
    return data(submission.reply({ formErrors: [key] }), { status: 409 });
  }
}

export default function UnitOrderPage() {
  const { locale, order, state, account, invoiceDefaults, placed, invoiced } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = (key: MessageKey, p?: Record<string, string | number>) => translate(locale, key, p);
  const [form, fields] = useSchemaForm({
    id: "unit-invoice",
    schema: InvoiceRequestSchema,
    fallback: UNIT_FALLBACK,
    lastResult,
    defaultValue: { intent: "invoice", ...invoiceDefaults },
  });
  const invoiceable = state === "paid" || state === "partly-refunded";
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("unit.order.title", { id: shortOrderId(order.id) })}</h1>
        <UnitStateBadge locale={locale} state={state} until={order.reservedUntil} />
      </div>
      {placed && <Notice>{t("unit.order.placedNotice")}</Notice>}
      {invoiced && <Notice>{t("unit.invoice.requestedNotice", { count: invoiced })}</Notice>}

      {state === "awaiting-transfer" && (
        <TransferDetails
          locale={locale}
          account={account}
          totalFen={order.totalFen}
          reference={order.transferReference}
          until={order.reservedUntil}
        />
      )}
      {state === "awaiting-payment" && (
        <Form method="post" data-testid="unit-pay-form">
          <input type="hidden" name="intent" value="pay" />
          <button type="submit" className={buttonClass} data-testid="unit-pay-online">
            {t("unit.order.payOnline")} · {formatFen(order.totalFen, locale)}
          </button>
        </Form>
      )}

      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t("unit.order.lines")}</h2>
        <ul className="divide-y divide-stone-200 rounded border border-stone-200" data-testid="unit-order-lines">
          {order.lines.map((line) => (
            <li key={line.id} className="flex flex-wrap justify-between gap-2 p-2">
              <div>
                <p>{pick(locale, line, "name")}</p>
                <p className="text-xs text-stone-600">{pick(locale, line.cooperative, "name")}</p>
              </div>
              <p className="tabular-nums">
                {line.quantity} {pick(locale, line, "unit")} × {formatFen(line.unitPriceFen, locale)} ={" "}
                <span className="font-semibold">{formatFen(line.lineTotalFen, locale)}</span>
              </p>
            </li>
          ))}
        </ul>
        <p className="text-right text-lg font-semibold tabular-nums" data-testid="unit-order-total">
          {t("unit.order.total")} {formatFen(order.totalFen, locale)}
        </p>
      </section>

      <section className="space-y-1 text-sm">
        {order._count.recipients > 0 ? (
          <>
            <h2 className="text-lg font-semibold">{t("unit.order.recipients", { count: order._count.recipients })}</h2>
            <ul className="divide-y divide-stone-100">
              {order.recipients.map((r) => (
                <li key={r.line} className="py-1">
                  {r.recipient} · {r.province}
                  {r.city}
                  {r.district} · {pick(locale, r.product, "name")} ×{r.quantity}
                </li>
              ))}
            </ul>
            {order._count.recipients > order.recipients.length && (
              <p className="text-stone-600">
                {t("unit.order.moreRecipients", { count: order._count.recipients - order.recipients.length })}
              </p>
            )}
          </>
        ) : (
          <>
            <h2 className="text-lg font-semibold">{t("unit.order.deliverTo")}</h2>
            <p>
              {order.recipientName} · {order.province}
              {order.city}
              {order.district} {order.addressLine}
            </p>
          </>
        )}
        <p className="text-stone-600">
          {t("unit.builder.contact")}: {order.contactName} {order.contactPhone}
        </p>
      </section>

      <section className="space-y-3 rounded border border-stone-200 p-3" data-testid="unit-invoices">
        <h2 className="text-lg font-semibold">{t("unit.invoice.title")}</h2>
        <p className="text-sm text-stone-600">{t("unit.invoice.intro")}</p>
        {order.invoiceRequests.length > 0 && (
          <ul className="divide-y divide-stone-100 text-sm">
            {order.invoiceRequests.map((inv) => (
              <li
                key={inv.id}
                className="flex flex-wrap justify-between gap-2 py-1"
                data-testid="unit-invoice"
                data-status={inv.status}
              >
                <span>{pick(locale, inv.cooperative, "name")}</span>
                <span className="tabular-nums">{formatFen(inv.amountFen, locale)}</span>
                <span>
                  {t(`unit.invoice.${inv.status}`)}
                  {inv.status === "ISSUED" &&
                    ` · ${t("unit.invoice.number", { number: inv.invoiceNumber ?? "", date: inv.issuedOn ? new Date(inv.issuedOn).toISOString().slice(0, 10) : "" })}`}
                </span>
              </li>
            ))}
          </ul>
        )}
        {invoiceable ? (
          <Form method="post" {...getFormProps(form)} className="grid gap-3 sm:grid-cols-2" data-testid="invoice-form">
            <FormErrors
              id={form.errorId}
              errors={form.errors}
              fallback={UNIT_FALLBACK}
              testId="unit-error"
              className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-900 sm:col-span-2"
            />
            <input type="hidden" name={fields.intent.name} value="invoice" />
            <Field field={fields.title} label={t("unit.invoice.invoiceTitle")} fallback={UNIT_FALLBACK}>
              {(p) => <input {...p} type="text" />}
            </Field>
            <Field
              field={fields.creditCode}
              label={t("unit.invoice.creditCode")}
              hint={t("unit.invoice.creditCodeHint")}
              fallback={UNIT_FALLBACK}
            >
              {(p) => (
                <input
                  {...p}
                  type="text"
                  autoCapitalize="characters"
                  spellCheck={false}
                  className={`${p.className} font-mono`}
                />
              )}
            </Field>
            <div className="sm:col-span-2">
              <button type="submit" className={buttonClass} data-testid="invoice-submit">
                {t("unit.invoice.submit")}
              </button>
            </div>
          </Form>
        ) : (
          <p className="text-sm text-stone-600">{t("unit.invoice.onlyPaid")}</p>
        )}
      </section>
    </div>
  );
}
