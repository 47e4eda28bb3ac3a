import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireUnitBuyer } from "~/accounts/auth.server";
import { FormErrors } from "~/components/ui/Field";
import { buttonClass, FieldError, inputClass, Notice, UnitStateBadge } from "~/components/unit/UnitUi";
import { startPaymentOrExplain } from "~/payments/provider.server";
import { InvoiceRequestSchema, shanghaiTime, shortOrderId, unitOrderState } from "~/units/unit-buyer";
import { getUnitOrder, receivingAccount, requestUnitInvoices, unitProfile } from "~/units/unit-buyer.server";
import { UnitError } from "~/units/units.server";
import { db } from "~/utils/db.server";
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
  const formData = await request.formData();
  if (formData.get("intent") === "pay") {
    if (unitOrderState(order) !== "awaiting-payment") return redirect(request.url);
    return redirect(await startPaymentOrExplain(prisma, order.id, locale));
  }
  const submission = parseWithZod(formData, { schema: InvoiceRequestSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    const invoices = await requestUnitInvoices(prisma, {
      organisationId: user.organisationId,
      orderId: order.id,
      ...submission.value,
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
  const [form, fields] = useForm({
    lastResult,
    defaultValue: invoiceDefaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InvoiceRequestSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
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
        <section className="space-y-2 rounded border-2 border-amber-400 bg-amber-50 p-4" data-testid="transfer-details">
          <h2 className="text-lg font-semibold">{t("unit.order.transferTitle")}</h2>
          <p className="text-sm">{t("unit.order.transferIntro", { until: shanghaiTime(order.reservedUntil) })}</p>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            {/* Without a configured account (production, FAIR_BANK_* unset) the reference, amount and
                deadline still show: the buyer needs them whoever tells them the account. */}
            {account ? (
              <>
                <dt className="text-stone-600">{t("unit.order.accountName")}</dt>
                <dd data-testid="transfer-account-name">{account.accountName}</dd>
                <dt className="text-stone-600">{t("unit.order.bank")}</dt>
                <dd>{account.bank}</dd>
                <dt className="text-stone-600">{t("unit.order.accountNumber")}</dt>
                <dd className="font-mono">{account.accountNumber}</dd>
              </>
            ) : (
              <>
                <dt className="text-stone-600">{t("unit.order.accountName")}</dt>
                <dd data-testid="transfer-account-missing">{t("unit.order.accountMissing")}</dd>
              </>
            )}
            <dt className="text-stone-600">{t("unit.order.amount")}</dt>
            <dd className="font-semibold tabular-nums" data-testid="transfer-amount">
              {formatFen(order.totalFen, locale)}
            </dd>
            <dt className="text-stone-600">{t("unit.order.reference")}</dt>
            <dd className="font-mono text-lg font-bold tracking-wider" data-testid="transfer-reference">
              {order.transferReference}
            </dd>
            <dt className="text-stone-600">{t("unit.order.deadline")}</dt>
            <dd data-testid="transfer-deadline">{shanghaiTime(order.reservedUntil)}</dd>
          </dl>
        </section>
      )}
      {state === "awaiting-payment" && (
        <Form method="post">
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
              fallback="unit.error.invalid"
              testId="unit-error"
              className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-900 sm:col-span-2"
            />
            <div className="flex flex-col gap-1">
              <label htmlFor={fields.title.id} className="text-sm font-medium">
                {t("unit.invoice.invoiceTitle")}
              </label>
              <input {...getInputProps(fields.title, { type: "text" })} className={inputClass(!!fields.title.errors)} />
              <FieldError locale={locale} id={fields.title.errorId} errors={fields.title.errors} />
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor={fields.creditCode.id} className="text-sm font-medium">
                {t("unit.invoice.creditCode")}
              </label>
              <input
                {...getInputProps(fields.creditCode, { type: "text" })}
                autoCapitalize="characters"
                spellCheck={false}
                className={`${inputClass(!!fields.creditCode.errors)} font-mono`}
              />
              <p className="text-xs text-stone-600">{t("unit.invoice.creditCodeHint")}</p>
              <FieldError locale={locale} id={fields.creditCode.errorId} errors={fields.creditCode.errors} />
            </div>
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
