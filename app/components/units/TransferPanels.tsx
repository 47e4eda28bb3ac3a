import { Form } from "@remix-run/react";
import { FormField } from "~/components/FormField";
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

/** Per-row results of the review forms: which transfer, which field, which message key. */
export type RowErrors = { rowId: string; errors: Record<string, string[] | null | undefined> } | null;

const day = (value: string | Date) => isoDay(new Date(value));

/** Held transfers, each with "apply (amount corrected)" and "reject" forms; both work without JavaScript. */
export function HeldTransfers({
  locale,
  t,
  held,
  rowErrors,
}: {
  locale: Locale;
  t: Translate;
  held: HeldTransfer[];
  rowErrors: RowErrors;
}) {
  if (held.length === 0) return <p className="text-stone-600">{t("unitAdmin.transfers.noneHeld")}</p>;
  return (
    <ul className="space-y-3" data-testid="held-transfers">
      {held.map((transfer) => {
        const errors = rowErrors?.rowId === transfer.id ? rowErrors.errors : {};
        const message = (field: string) => (errors[field]?.[0] ? t(errors[field]![0]!) : undefined);
        return (
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
            {message("form") && (
              <p role="alert" className="text-sm text-red-800">
                {message("form")}
              </p>
            )}
            <div className="grid gap-3 md:grid-cols-2">
              <Form method="post" className="space-y-2" noValidate>
                <input type="hidden" name="intent" value="apply" />
                <input type="hidden" name="transferId" value={transfer.id} />
                <FormField
                  id={`amount-${transfer.id}`}
                  label={t("unitAdmin.transfers.correctedAmount")}
                  error={message("amount")}
                >
                  {(p) => (
                    <input {...p} name="amount" inputMode="decimal" defaultValue={fenToDecimal(transfer.amountFen)} />
                  )}
                </FormField>
                <FormField
                  id={`apply-note-${transfer.id}`}
                  label={t("unitAdmin.transfers.note")}
                  error={message("note")}
                >
                  {(p) => <input {...p} name="note" maxLength={300} />}
                </FormField>
                <button type="submit" className={smallButton}>
                  {t("unitAdmin.transfers.apply")}
                </button>
              </Form>
              <Form method="post" className="space-y-2" noValidate>
                <input type="hidden" name="intent" value="reject" />
                <input type="hidden" name="transferId" value={transfer.id} />
                <FormField
                  id={`reject-note-${transfer.id}`}
                  label={t("unitAdmin.transfers.rejectReason")}
                  error={errors.note && !errors.amount ? message("note") : undefined}
                >
                  {(p) => <input {...p} name="note" maxLength={300} />}
                </FormField>
                <button type="submit" className={`${smallButton} border-red-700 text-red-800`}>
                  {t("unitAdmin.transfers.reject")}
                </button>
              </Form>
            </div>
          </li>
        );
      })}
    </ul>
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
  rowErrors,
}: {
  locale: Locale;
  t: Translate;
  orders: AwaitingOrder[];
  rowErrors: RowErrors;
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
          {orders.map((order) => {
            const error =
              rowErrors?.rowId === order.id ? (rowErrors.errors.days?.[0] ?? rowErrors.errors.form?.[0]) : null;
            return (
              <tr key={order.id} className="border-b border-stone-200 align-top" data-testid="awaiting-order">
                <td className="py-2 font-mono">{order.transferReference}</td>
                <td>{order.onBehalfOf ? pick(locale, order.onBehalfOf, "name") : "—"}</td>
                <td className="text-right">{formatFen(order.totalFen, locale)}</td>
                <td>{formatDateTime(order.reservedUntil, locale)}</td>
                <td className="space-y-1">
                  <div className="flex flex-wrap gap-2">
                    <Form method="post" className="flex items-center gap-1">
                      <input type="hidden" name="intent" value="hold" />
                      <input type="hidden" name="orderId" value={order.id} />
                      <label className="sr-only" htmlFor={`days-${order.id}`}>
                        {t("unitAdmin.transfers.extendDays")}
                      </label>
                      <select
                        id={`days-${order.id}`}
                        name="days"
                        defaultValue="7"
                        className="min-h-11 rounded border border-stone-400 px-2"
                      >
                        {[1, 3, 7, 14].map((d) => (
                          <option key={d} value={d}>
                            {t("unitAdmin.transfers.days", { days: d })}
                          </option>
                        ))}
                      </select>
                      <button type="submit" className={smallButton}>
                        {t("unitAdmin.transfers.extend")}
                      </button>
                    </Form>
                    <Form method="post">
                      <input type="hidden" name="intent" value="hold" />
                      <input type="hidden" name="orderId" value={order.id} />
                      <input type="hidden" name="days" value="0" />
                      <button type="submit" className={`${smallButton} border-red-700 text-red-800`}>
                        {t("unitAdmin.transfers.release")}
                      </button>
                    </Form>
                  </div>
                  {error && (
                    <p role="alert" className="text-red-800">
                      {t(error)}
                    </p>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
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
