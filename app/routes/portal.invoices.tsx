import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormField } from "~/components/FormField";
import { PortalErrorBoundary } from "~/components/portal/PortalErrorBoundary";
import { panel, primaryButton } from "~/components/portal/styles";
import { audit } from "~/accounts/accounts.server";
import { requireCooperativeStaff } from "~/accounts/auth.server";
import { InvoiceIssuedSchema } from "~/units/unit-admin-schema";
import { listCooperativeInvoices, markInvoiceIssued, UnitError } from "~/units/units.server";
import { db } from "~/utils/db.server";
import { pick, localeFromUrl } from "~/utils/i18n";
import { translate, type MessageKey } from "~/i18n/areas/console";
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
  const formData = await request.formData();
  const rowId = String(formData.get("invoiceId") ?? "");
  const submission = parseWithZod(formData, { schema: InvoiceIssuedSchema });
  if (submission.status !== "success")
    return data(
      { rowId, errors: submission.reply().error ?? {}, values: Object.fromEntries(formData), issued: null },
      { status: 400 },
    );
  const prisma = await db();
  try {
    await markInvoiceIssued(prisma, { ...submission.value, cooperativeId: user.cooperativeId });
  } catch (error) {
    if (!(error instanceof UnitError)) throw error;
    return data(
      {
        rowId,
        errors: { form: ["unitAdmin.error.unknownInvoice"] },
        values: Object.fromEntries(formData),
        issued: null,
      },
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
  return data({ rowId, errors: {} as Record<string, string[] | null | undefined>, values: {}, issued: rowId });
}

export const ErrorBoundary = PortalErrorBoundary;

export default function PortalInvoices() {
  const { locale, today, invoices } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = (key: string, p?: Record<string, string | number>) => translate(locale, key as MessageKey, p);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("unitAdmin.invoices.title")}</h1>
      <p className="max-w-3xl text-sm text-stone-700">{t("unitAdmin.invoices.intro")}</p>
      {result?.issued && (
        <p role="status" className="rounded bg-green-50 p-3 text-sm" data-testid="invoice-issued">
          {t("unitAdmin.invoices.issuedNow")}
        </p>
      )}
      {invoices.length === 0 ? (
        <p className="text-stone-600">{t("unitAdmin.invoices.none")}</p>
      ) : (
        <ul className="space-y-3" data-testid="invoice-list">
          {invoices.map((invoice) => {
            const errors: Record<string, string[] | null | undefined> =
              result?.rowId === invoice.id ? result.errors : {};
            const values = (result?.rowId === invoice.id ? result.values : {}) as Record<string, string>;
            const message = (field: string) => (errors[field]?.[0] ? t(errors[field]![0]!) : undefined);
            return (
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
                {message("form") && (
                  <p role="alert" className="text-sm text-red-800">
                    {message("form")}
                  </p>
                )}
                {invoice.status === "REQUESTED" && (
                  <Form method="post" className="flex flex-wrap items-end gap-3" noValidate>
                    <input type="hidden" name="invoiceId" value={invoice.id} />
                    <FormField
                      id={`number-${invoice.id}`}
                      label={t("unitAdmin.invoices.number")}
                      error={message("invoiceNumber")}
                    >
                      {(p) => (
                        <input
                          {...p}
                          name="invoiceNumber"
                          maxLength={24}
                          autoComplete="off"
                          defaultValue={values.invoiceNumber}
                        />
                      )}
                    </FormField>
                    <FormField
                      id={`issued-${invoice.id}`}
                      label={t("unitAdmin.invoices.issuedOn")}
                      error={message("issuedOn")}
                    >
                      {(p) => <input {...p} name="issuedOn" type="date" defaultValue={values.issuedOn ?? today} />}
                    </FormField>
                    <button type="submit" className={primaryButton}>
                      {t("unitAdmin.invoices.markIssued")}
                    </button>
                  </Form>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
