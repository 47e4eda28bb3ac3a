import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { ErrorList, Field, FormErrors } from "~/components/ui/Field";
import { useSchemaForm } from "~/components/ui/use-schema-form";
import { ApplyTransferSchema, HoldSchema, RejectTransferSchema, UNIT_ADMIN_FALLBACK } from "~/units/unit-admin-schema";
import type { FormReply } from "~/utils/forms";
import { isoDay, formatDateTime } from "~/utils/shanghai-time";
import { pick, type Locale } from "~/utils/i18n";
import { fenToDecimal, formatFen } from "~/utils/money";
import { panelBox, smallButton, type Translate } from "./Fields";

type Unit = { nameZh: string; nameEn: string } | null;

export interface HeldTransfer {
  id: string;
  reference: string;
  amountFen: number;
  receivedOn: string | Date;
  payerName: string;
  createdAt: string | Date;
  order: { id: string; status: string; totalFen: number; onBehalfOf: Unit };
}

/** The action's last reply and the form it answers (transferFormId); each row form takes only its own. */
export type RowReply = { formId: string | null; result: FormReply | undefined } | null;

const day = (value: string | Date) => isoDay(new Date(value));
const f = { fallback: UNIT_ADMIN_FALLBACK };
const replyFor = (reply: RowReply, formId: string) => (reply?.formId === formId ? reply.result : undefined);

/** Held transfers, each with "apply (amount corrected)" and "reject" forms; both work without JavaScript. */
export function HeldTransfers({
  locale,
  t,
  held,
  reply,
}: {
  locale: Locale;
  t: Translate;
  held: HeldTransfer[];
  reply: RowReply;
}) {
  if (held.length === 0) return <p className="text-stone-600">{t("unitAdmin.transfers.noneHeld")}</p>;
  return (
    <ul className="space-y-3" data-testid="held-transfers">
      {held.map((transfer) => (
        <li key={transfer.id} className={`${panelBox} border-amber-400`} data-testid="held-transfer">
          <p className="font-semibold">
            {transfer.order.onBehalfOf ? pick(locale, transfer.order.onBehalfOf, "name") : "—"} ·{" "}
            <span className="font-mono">{transfer.reference}</span>
          </p>
          <p className="text-sm">
            {t("unitAdmin.transfers.heldLine", {
              received: formatFen(transfer.amountFen, locale),
              expected: formatFen(transfer.order.totalFen, locale),
              payer: transfer.payerName,
              day: day(transfer.receivedOn),
            })}
          </p>
          <div className="grid gap-3 md:grid-cols-2">
            <ApplyForm t={t} transfer={transfer} lastResult={replyFor(reply, `apply-${transfer.id}`)} />
            <RejectForm t={t} transfer={transfer} lastResult={replyFor(reply, `reject-${transfer.id}`)} />
          </div>
        </li>
      ))}
    </ul>
  );
}

function ApplyForm({ t, transfer, lastResult }: { t: Translate; transfer: HeldTransfer; lastResult?: FormReply }) {
  const [form, fields] = useSchemaForm({
    id: `apply-${transfer.id}`,
    schema: ApplyTransferSchema,
    lastResult,
    defaultValue: { amount: fenToDecimal(transfer.amountFen) },
    ...f,
  });
  return (
    <Form method="post" className="space-y-2" {...getFormProps(form)}>
      <FormErrors errors={form.errors} {...f} testId="form-error" />
      <input type="hidden" name={fields.intent.name} value="apply" />
      <input type="hidden" name={fields.transferId.name} value={transfer.id} />
      <Field field={fields.amount} label={t("unitAdmin.transfers.correctedAmount")} {...f}>
        {(p) => <input {...p} inputMode="decimal" />}
      </Field>
      <Field field={fields.note} label={t("unitAdmin.transfers.note")} {...f}>
        {(p) => <input {...p} maxLength={300} />}
      </Field>
      <button type="submit" className={smallButton}>
        {t("unitAdmin.transfers.apply")}
      </button>
    </Form>
  );
}

function RejectForm({ t, transfer, lastResult }: { t: Translate; transfer: HeldTransfer; lastResult?: FormReply }) {
  const [form, fields] = useSchemaForm({
    id: `reject-${transfer.id}`,
    schema: RejectTransferSchema,
    lastResult,
    ...f,
  });
  return (
    <Form method="post" className="space-y-2" {...getFormProps(form)}>
      <FormErrors errors={form.errors} {...f} testId="form-error" />
      <input type="hidden" name={fields.intent.name} value="reject" />
      <input type="hidden" name={fields.transferId.name} value={transfer.id} />
      <Field field={fields.note} label={t("unitAdmin.transfers.rejectReason")} {...f}>
        {(p) => <input {...p} maxLength={300} />}
      </Field>
      <button type="submit" className={`${smallButton} border-red-700 text-red-800`}>
        {t("unitAdmin.transfers.reject")}
      </button>
    </Form>
  );
}

export interface AwaitingOrder {
  id: string;
  totalFen: number;
  transferReference: string | null;
  reservedUntil: string | Date;
  onBehalfOf: Unit;
}

/** Unit orders waiting for their transfer, each with "extend the hold" and "release now" forms. */
export function AwaitingTransfers({
  locale,
  t,
  orders,
  reply,
}: {
  locale: Locale;
  t: Translate;
  orders: AwaitingOrder[];
  reply: RowReply;
}) {
  if (orders.length === 0) return <p className="text-stone-600">{t("unitAdmin.transfers.noneAwaiting")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[48rem] text-sm [&_td]:px-2 [&_th]:px-2" data-testid="awaiting-transfers">
        <thead>
          <tr className="border-b border-stone-300 text-left">
            <th className="py-2">{t("unitAdmin.transfers.reference")}</th>
            <th>{t("unitAdmin.report.unit")}</th>
            <th className="text-right">{t("console.amount")}</th>
            <th>{t("unitAdmin.transfers.holdUntil")}</th>
            <th>{t("unitAdmin.transfers.hold")}</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.id} className="border-b border-stone-200 align-top" data-testid="awaiting-order">
              <td className="py-2 font-mono">{order.transferReference}</td>
              <td>{order.onBehalfOf ? pick(locale, order.onBehalfOf, "name") : "—"}</td>
              <td className="text-right">{formatFen(order.totalFen, locale)}</td>
              <td>{formatDateTime(order.reservedUntil, locale)}</td>
              <td className="space-y-1">
                <div className="flex flex-wrap gap-2">
                  <HoldForm t={t} order={order} release={false} lastResult={replyFor(reply, `hold-${order.id}`)} />
                  <HoldForm t={t} order={order} release lastResult={replyFor(reply, `release-${order.id}`)} />
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Extend the hold by the days chosen, or (release) end it now: the same schema, days = 0. */
function HoldForm({
  t,
  order,
  release,
  lastResult,
}: {
  t: Translate;
  order: AwaitingOrder;
  release: boolean;
  lastResult?: FormReply;
}) {
  const [form, fields] = useSchemaForm({
    id: `${release ? "release" : "hold"}-${order.id}`,
    schema: HoldSchema,
    lastResult,
    defaultValue: { days: release ? "0" : "7" },
    ...f,
  });
  return (
    <Form method="post" className="space-y-1" {...getFormProps(form)}>
      <div className="flex items-center gap-1">
        <input type="hidden" name={fields.intent.name} value="hold" />
        <input type="hidden" name={fields.orderId.name} value={order.id} />
        {release ? (
          <input type="hidden" name={fields.days.name} value="0" />
        ) : (
          <>
            <label className="sr-only" htmlFor={fields.days.id}>
              {t("unitAdmin.transfers.extendDays")}
            </label>
            <select
              id={fields.days.id}
              name={fields.days.name}
              defaultValue={typeof fields.days.initialValue === "string" ? fields.days.initialValue : "7"}
              aria-invalid={fields.days.errors?.length ? true : undefined}
              aria-describedby={fields.days.errors?.length ? fields.days.errorId : undefined}
              className="min-h-11 rounded border border-stone-400 px-2"
            >
              {[1, 3, 7, 14].map((d) => (
                <option key={d} value={d}>
                  {t("unitAdmin.transfers.days", { days: d })}
                </option>
              ))}
            </select>
          </>
        )}
        <button type="submit" className={release ? `${smallButton} border-red-700 text-red-800` : smallButton}>
          {t(release ? "unitAdmin.transfers.release" : "unitAdmin.transfers.extend")}
        </button>
      </div>
      <ErrorList field={fields.days} {...f} testId={`error-days-${release ? "release" : "hold"}`} />
      <FormErrors errors={form.errors} {...f} testId="form-error" className="text-sm text-red-800" />
    </Form>
  );
}

export interface RecentTransfer {
  id: string;
  reference: string;
  amountFen: number;
  receivedOn: string | Date;
  payerName: string;
  status: string;
  resolution: string | null;
  order: { onBehalfOf: Unit };
}

export function RecentTransfers({ locale, t, rows }: { locale: Locale; t: Translate; rows: RecentTransfer[] }) {
  if (rows.length === 0) return null;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[40rem] text-sm [&_td]:px-2 [&_th]:px-2" data-testid="recent-transfers">
        <thead>
          <tr className="border-b border-stone-300 text-left">
            <th className="py-2">{t("unitAdmin.transfers.receivedOn")}</th>
            <th>{t("unitAdmin.transfers.reference")}</th>
            <th>{t("unitAdmin.report.unit")}</th>
            <th>{t("unitAdmin.transfers.payerName")}</th>
            <th className="text-right">{t("console.amount")}</th>
            <th>{t("console.status")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-stone-200">
              <td className="py-1">{day(row.receivedOn)}</td>
              <td className="font-mono">{row.reference}</td>
              <td>{row.order.onBehalfOf ? pick(locale, row.order.onBehalfOf, "name") : "—"}</td>
              <td>{row.payerName}</td>
              <td className="text-right">{formatFen(row.amountFen, locale)}</td>
              <td>
                {t(`unitAdmin.transferStatus.${row.status}`)}
                {row.resolution && <span className="block text-xs text-stone-600">{row.resolution}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
