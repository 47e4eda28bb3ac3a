import type { ReactNode } from "react";
import { ONLINE_PAYMENT_LIMIT_FEN, shanghaiTime, UNIT_FALLBACK, type UnitOrderState } from "~/units/unit-buyer";
import { type Locale } from "~/utils/i18n";
import { translate, type MessageKey } from "~/i18n/areas/console";
import { formatFen } from "~/utils/money";
import { ErrorList, type FieldMeta } from "~/components/ui/Field";

const STATE_COLOURS: Record<UnitOrderState, string> = {
  "awaiting-transfer": "bg-amber-100 text-amber-900 border-amber-300",
  "awaiting-payment": "bg-amber-100 text-amber-900 border-amber-300",
  paid: "bg-green-100 text-green-900 border-green-300",
  "partly-refunded": "bg-sky-100 text-sky-900 border-sky-300",
  refunded: "bg-stone-100 text-stone-700 border-stone-300",
  released: "bg-stone-100 text-stone-700 border-stone-300",
  "needs-refund": "bg-red-100 text-red-900 border-red-300",
};

/** An order's state as the unit reads it, with the hold deadline while it waits for payment. */
export function UnitStateBadge({
  locale,
  state,
  until,
}: {
  locale: Locale;
  state: UnitOrderState;
  until: Date | string;
}) {
  return (
    <span
      data-testid="unit-order-state"
      data-state={state}
      className={`inline-block rounded border px-2 py-0.5 text-sm ${STATE_COLOURS[state]}`}
    >
      {translate(locale, `unit.state.${state}`, { until: shanghaiTime(until) })}
    </span>
  );
}

export function Notice({ children, tone = "ok" }: { children: ReactNode; tone?: "ok" | "error" }) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      data-testid={tone === "error" ? "unit-error" : "unit-notice"}
      className={`rounded border px-3 py-2 ${tone === "error" ? "border-red-300 bg-red-50 text-red-900" : "border-green-300 bg-green-50 text-green-900"}`}
    >
      {children}
    </div>
  );
}

export const buttonClass = "min-h-11 rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800";
export const secondaryButtonClass =
  "min-h-11 inline-flex items-center rounded border border-stone-400 px-4 py-2 hover:bg-stone-100";

/** Bank transfer or (for small orders) online payment; shared with the recipient-list preview. */
export function PaymentChoice({ locale, holdDays, field }: { locale: Locale; holdDays: number; field: FieldMeta }) {
  const t = (key: MessageKey, p?: Record<string, string | number>) => translate(locale, key, p);
  const invalid = Boolean(field.errors?.length);
  const radio = {
    type: "radio",
    name: field.name,
    "aria-invalid": invalid || undefined,
    "aria-describedby": invalid ? field.errorId : undefined,
  } as const;
  return (
    <fieldset className="space-y-2 rounded border border-stone-200 p-3">
      <legend className="px-1 font-semibold">{t("unit.builder.payment")}</legend>
      <label className="flex min-h-11 items-center gap-2">
        <input {...radio} value="transfer" defaultChecked={field.initialValue !== "online"} />
        {t("unit.builder.payTransfer", { days: holdDays })}
      </label>
      <label className="flex min-h-11 items-center gap-2">
        <input {...radio} value="online" defaultChecked={field.initialValue === "online"} />
        {t("unit.builder.payOnline", { limit: formatFen(ONLINE_PAYMENT_LIMIT_FEN, locale) })}
      </label>
      <ErrorList field={field} fallback={UNIT_FALLBACK} />
    </fieldset>
  );
}

/** Why an order was not placed (nothing was reserved), in the buyer's words. */
export type UnitOrderProblem =
  | { problem: "short"; nameZh: string; nameEn: string; available: number }
  | { problem: "online-too-large"; totalFen: number }
  | { problem: "online-unavailable" };

export function unitOrderProblemText(locale: Locale, outcome: UnitOrderProblem): string {
  switch (outcome.problem) {
    case "short":
      return translate(locale, "unit.builder.short", {
        name: locale === "en" ? outcome.nameEn : outcome.nameZh,
        available: outcome.available,
      });
    case "online-too-large":
      return translate(locale, "unit.builder.onlineTooLarge", {
        total: formatFen(outcome.totalFen, locale),
        limit: formatFen(ONLINE_PAYMENT_LIMIT_FEN, locale),
      });
    case "online-unavailable":
      return translate(locale, "unit.builder.onlineUnavailable");
  }
}

/**
 * How to pay a bank-transfer order: the fair's receiving account, or (production without
 * FAIR_BANK_* configured) where to ask for it, and always the amount, the reference to quote
 * and the deadline: the buyer needs those whoever tells them the account.
 */
export function TransferDetails({
  locale,
  account,
  totalFen,
  reference,
  until,
}: {
  locale: Locale;
  account: { accountName: string; bank: string; accountNumber: string } | null;
  totalFen: number;
  reference: string | null;
  until: Date | string;
}) {
  const t = (key: MessageKey, p?: Record<string, string | number>) => translate(locale, key, p);
  return (
    <section className="space-y-2 rounded border-2 border-amber-400 bg-amber-50 p-4" data-testid="transfer-details">
      <h2 className="text-lg font-semibold">{t("unit.order.transferTitle")}</h2>
      <p className="text-sm">{t("unit.order.transferIntro", { until: shanghaiTime(until) })}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
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
          {formatFen(totalFen, locale)}
        </dd>
        <dt className="text-stone-600">{t("unit.order.reference")}</dt>
        <dd className="font-mono text-lg font-bold tracking-wider" data-testid="transfer-reference">
          {reference}
        </dd>
        <dt className="text-stone-600">{t("unit.order.deadline")}</dt>
        <dd data-testid="transfer-deadline">{shanghaiTime(until)}</dd>
      </dl>
    </section>
  );
}
