import { getFormProps, getInputProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUnitBuyer } from "~/accounts/auth.server";
import { Field, FormErrors } from "~/components/ui/Field";
import { useSchemaForm } from "~/components/ui/use-schema-form";
import {
  buttonClass,
  Notice,
  PaymentChoice,
  secondaryButtonClass,
  unitOrderProblemText,
} from "~/components/unit/UnitUi";
import { ConfirmRecipientsSchema, UNIT_FALLBACK } from "~/units/unit-buyer";
import {
  deleteRecipientDraft,
  loadRecipientDraft,
  newOrderKey,
  placeOrderForUnit,
  TRANSFER_HOLD_DAYS,
} from "~/units/unit-buyer.server";
import { db } from "~/utils/db.server";
import { parseSubmission } from "~/utils/forms";
import { pick, localeFromUrl } from "~/utils/i18n";
import { translate, type MessageKey } from "~/i18n/areas/console";
import { formatFen } from "~/utils/money";

export const meta: MetaFunction = () => [
  { title: "确认收件人清单 · Confirm the recipient list" },
  { name: "robots", content: "noindex" },
];

const SHOWN_ROWS = 20;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUnitBuyer(request);
  const draft = await loadRecipientDraft(await db(), user.organisationId, params.draftId ?? "");
  if (!draft) throw new Response("Not found", { status: 404 });
  return {
    locale: localeFromUrl(request.url),
    draft: { ...draft, rows: draft.rows.slice(0, SHOWN_ROWS) },
    orderKey: newOrderKey(),
    holdDays: TRANSFER_HOLD_DAYS,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUnitBuyer(request);
  const locale = localeFromUrl(request.url);
  const prisma = await db();
  const draft = await loadRecipientDraft(prisma, user.organisationId, params.draftId ?? "");
  if (!draft) throw new Response("Not found", { status: 404 });
  const submission = parseSubmission(await request.formData(), ConfirmRecipientsSchema, UNIT_FALLBACK);
  if (submission.status !== "success") return data({ result: submission.reply(), problem: null }, { status: 400 });
  const input = submission.value;
  // The order is placed from the previewed rows kept on the server, never from the browser.
  const outcome = await placeOrderForUnit(prisma, {
    orderKey: input.orderKey,
    organisationId: user.organisationId,
    placedById: user.id,
    lines: draft.totals.map((total) => ({ productId: total.productId, quantity: total.quantity })),
    delivery: {
      contactName: input.contactName,
      contactPhone: input.contactPhone,
      address: null,
      recipients: draft.rows,
    },
    payment: input.payment,
    locale,
  });
  if (outcome.ok) {
    await deleteRecipientDraft(prisma, user.organisationId, draft.id);
    return redirect(outcome.redirectTo);
  }
  return data({ result: submission.reply(), problem: unitOrderProblemText(locale, outcome) }, { status: 409 });
}

export default function UnitRecipientsPreview() {
  const { locale, draft, orderKey, holdDays } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const t = (key: MessageKey, p?: Record<string, string | number>) => translate(locale, key, p);
  const [form, fields] = useSchemaForm({
    id: "recipients-confirm",
    schema: ConfirmRecipientsSchema,
    fallback: UNIT_FALLBACK,
    lastResult: answer?.result,
    defaultValue: { orderKey, payment: "transfer" },
  });
  const q = locale === "en" ? "?lang=en" : "";
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("unit.preview.title")}</h1>
      <p className="text-stone-700">{t("unit.preview.intro", { count: draft.recipientCount })}</p>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[20rem] text-sm" data-testid="preview-totals">
          <thead>
            <tr className="border-b border-stone-300 text-left">
              <th className="py-1 pr-2">{t("unit.preview.product")}</th>
              <th className="py-1 pr-2 text-right">{t("unit.preview.quantity")}</th>
              <th className="py-1 pr-2 text-right">{t("unit.preview.subtotal")}</th>
              <th className="py-1 text-right">{t("unit.preview.stock")}</th>
            </tr>
          </thead>
          <tbody>
            {draft.totals.map((total) => (
              <tr key={total.productId} className="border-b border-stone-100" data-testid="preview-total">
                <td className="py-1 pr-2">{pick(locale, total, "name")}</td>
                <td className="py-1 pr-2 text-right tabular-nums">
                  {total.quantity} {pick(locale, total, "unit")}
                </td>
                <td className="py-1 pr-2 text-right tabular-nums">{formatFen(total.subtotalFen, locale)}</td>
                <td className="py-1 text-right tabular-nums">{total.stock}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="font-semibold">
              <td className="py-1 pr-2">{t("unit.preview.total")}</td>
              <td />
              <td className="py-1 pr-2 text-right tabular-nums" data-testid="preview-total-fen">
                {formatFen(draft.totalFen, locale)}
              </td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      <details className="rounded border border-stone-200 p-2 text-sm">
        <summary className="cursor-pointer">{t("unit.preview.first", { count: draft.rows.length })}</summary>
        <ul className="mt-2 divide-y divide-stone-100">
          {draft.rows.map((row) => (
            <li key={row.line} className="py-1">
              <span className="font-mono">{t("unit.csv.line", { line: row.line })}</span> · {row.recipient} ·{" "}
              {row.province}
              {row.city}
              {row.district} · ×{row.quantity}
            </li>
          ))}
        </ul>
      </details>

      <Form method="post" {...getFormProps(form)} className="space-y-4" data-testid="preview-confirm-form">
        <input {...getInputProps(fields.orderKey, { type: "hidden" })} />
        <FormErrors
          id={form.errorId}
          errors={form.errors}
          fallback={UNIT_FALLBACK}
          testId="unit-error"
          className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-900"
        />
        {answer?.problem && <Notice tone="error">{answer.problem}</Notice>}
        <div className="grid gap-3 sm:grid-cols-2">
          <Field field={fields.contactName} label={t("unit.builder.contact")} fallback={UNIT_FALLBACK}>
            {(p) => <input {...p} type="text" autoComplete="name" />}
          </Field>
          <Field field={fields.contactPhone} label={t("unit.builder.contactPhone")} fallback={UNIT_FALLBACK}>
            {(p) => <input {...p} type="text" inputMode="tel" autoComplete="tel" />}
          </Field>
        </div>
        <PaymentChoice locale={locale} holdDays={holdDays} field={fields.payment} />
        <div className="flex flex-wrap gap-2">
          <button type="submit" className={buttonClass} data-testid="preview-confirm">
            {t("unit.preview.confirm")}
          </button>
          <Link to={`/unit/recipients${q}`} className={secondaryButtonClass}>
            {t("unit.preview.again")}
          </Link>
        </div>
      </Form>
    </div>
  );
}
