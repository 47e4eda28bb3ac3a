import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormErrors } from "~/components/ui/Field";
import { useSchemaForm } from "~/components/ui/use-schema-form";
import { PortalErrorBoundary } from "~/components/portal/PortalErrorBoundary";
import { panel, primaryButton } from "~/components/portal/styles";
import { audit } from "~/accounts/accounts.server";
import { requireCooperativeStaff } from "~/accounts/auth.server";
import { PORTAL_FALLBACK } from "~/portal/portal-schema";
import { InvoiceIssuedSchema } from "~/units/unit-admin-schema";
import { listCooperativeInvoices, markInvoiceIssued, UnitError } from "~/units/units.server";
import { db } from "~/utils/db.server";
import { parseSubmission, type FormReply } from "~/utils/forms";
import { pick, localeFromUrl } from "~/utils/i18n";
import { useT } from "~/i18n/areas/portal";
import { formatFen } from "~/utils/money";
import { isoDay, shanghaiToday } from "~/utils/shanghai-time";

export const meta: MetaFunction = () => [
  { title: "发票申请 · Invoice requests" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCooperativeStaff(request);
  return {
    locale: localeFromUrl(request.url),
    today: shanghaiToday(),
    invoices: await listCooperativeInvoices(await db(), user.cooperativeId),
  };
}

/** Marks one of this cooperative's invoice requests issued (number and date); another's is not found. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCooperativeStaff(request);
  const submission = parseSubmission(await request.formData(), InvoiceIssuedSchema, PORTAL_FALLBACK);
  // Which request's form the answer is for.
  const rowId = String(submission.payload.invoiceId ?? "");
  if (submission.status !== "success")
    return data({ rowId, result: submission.reply(), issued: null }, { status: 400 });
  const prisma = await db();
  try {
    await markInvoiceIssued(prisma, { ...submission.value, cooperativeId: user.cooperativeId });
  } catch (error) {
    if (!(error instanceof UnitError)) throw error;
    return data(
      { rowId, result: submission.reply({ formErrors: ["unitAdmin.error.unknownInvoice"] }), issued: null },
      { status: 404 },
    );
  }
  await audit(prisma, {
    actorId: user.id,
    action: "invoice.issued",
    entity: "InvoiceRequest",
    entityId: submission.value.invoiceId,
    after: { invoiceNumber: submission.value.invoiceNumber, issuedOn: submission.value.issuedOn },
  });
  return data({ rowId, result: submission.reply({ resetForm: true }), issued: rowId });
}

export const ErrorBoundary = PortalErrorBoundary;

export default function PortalInvoices() {
  const { locale, today, invoices } = useLoaderData<typeof loader>();
  const answered = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("unitAdmin.invoices.title")}</h1>
      <p className="max-w-3xl text-sm text-stone-700">{t("unitAdmin.invoices.intro")}</p>
      {answered?.issued && (
        <p role="status" className="rounded bg-green-50 p-3 text-sm" data-testid="invoice-issued">
          {t("unitAdmin.invoices.issuedNow")}
        </p>
      )}
      {invoices.length === 0 ? (
        <p className="text-stone-600">{t("unitAdmin.invoices.none")}</p>
      ) : (
        <ul className="space-y-3" data-testid="invoice-list">
          {invoices.map((invoice) => (
            <li
              key={invoice.id}
              className={`${panel} space-y-2`}
              data-testid="invoice-request"
              data-status={invoice.status}
            >
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="font-semibold">
                  {t("portal.orders.heading", { id: invoice.order.id.slice(0, 8).toUpperCase() })} ·{" "}
                  {invoice.order.onBehalfOf ? pick(locale, invoice.order.onBehalfOf, "name") : ""}
                </h2>
                <span className="rounded border border-stone-300 px-2 py-0.5 text-sm">
                  {t(`unitAdmin.invoiceStatus.${invoice.status}`)}
                </span>
              </div>
              <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                <dt className="text-stone-600">{t("unitAdmin.invoices.invoiceTitle")}</dt>
                <dd>{invoice.title}</dd>
                <dt className="text-stone-600">{t("unitAdmin.units.creditCode")}</dt>
                <dd className="font-mono">{invoice.creditCode}</dd>
                <dt className="text-stone-600">{t("console.amount")}</dt>
                <dd className="font-semibold">{formatFen(invoice.amountFen, locale)}</dd>
                <dt className="text-stone-600">{t("unitAdmin.invoices.goods")}</dt>
                <dd>
                  {invoice.order.lines
                    .map((l) => `${pick(locale, l, "name")} × ${l.quantity - l.refundedQuantity}`)
                    .join("，")}
                </dd>
                {invoice.status === "ISSUED" && (
                  <>
                    <dt className="text-stone-600">{t("unitAdmin.invoices.number")}</dt>
                    <dd className="font-mono">
                      {invoice.invoiceNumber} · {invoice.issuedOn ? isoDay(new Date(invoice.issuedOn)) : ""}
                    </dd>
                  </>
                )}
              </dl>
              {invoice.status === "REQUESTED" && (
                <IssueForm
                  invoiceId={invoice.id}
                  today={today}
                  lastResult={answered?.rowId === invoice.id ? answered.result : undefined}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** One request's "issued" form: the invoice's number and the day it was issued. */
function IssueForm({
  invoiceId,
  today,
  lastResult,
}: {
  invoiceId: string;
  today: string;
  lastResult: FormReply | undefined;
}) {
  const t = useT();
  const [form, fields] = useSchemaForm({
    id: `invoice-${invoiceId}`,
    schema: InvoiceIssuedSchema,
    fallback: PORTAL_FALLBACK,
    lastResult,
    defaultValue: { issuedOn: today },
  });
  const f = { fallback: PORTAL_FALLBACK };
  return (
    <>
      <FormErrors errors={[...(form.errors ?? []), ...(fields.invoiceId.errors ?? [])]} id={form.errorId} {...f} />
      <Form method="post" className="flex flex-wrap items-end gap-3" {...getFormProps(form)}>
        <input type="hidden" name={fields.invoiceId.name} value={invoiceId} />
        <Field field={fields.invoiceNumber} label={t("unitAdmin.invoices.number")} {...f}>
          {(p) => <input {...p} maxLength={24} autoComplete="off" />}
        </Field>
        <Field field={fields.issuedOn} label={t("unitAdmin.invoices.issuedOn")} {...f}>
          {(p) => <input {...p} type="date" />}
        </Field>
        <button type="submit" className={primaryButton}>
          {t("unitAdmin.invoices.markIssued")}
        </button>
      </Form>
    </>
  );
}
