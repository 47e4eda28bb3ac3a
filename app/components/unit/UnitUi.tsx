import type { ReactNode } from "react";
import { shanghaiTime, type UnitOrderState } from "~/units/unit-buyer";
import { ONLINE_PAYMENT_LIMIT_FEN } from "~/units/unit-buyer";
import { type Locale } from "~/utils/i18n";
import { translate, type MessageKey } from "~/i18n/areas/console";
import { formatFen } from "~/utils/money";
import { controlClass } from "~/components/ui/Field";

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

/** A form error whose message is an i18n key (from the schemas in app/units/unit-buyer.ts). */
export function FieldError({ locale, id, errors }: { locale: Locale; id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="text-sm text-red-800" data-testid={`error-${id.replace(/-error$/, "")}`}>
      {errors.map((key) => translate(locale, key as MessageKey)).join(" ")}
    </p>
  );
}

/** The one control style of the site's forms (components/ui/Field). */
export const inputClass = controlClass;

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
export function PaymentChoice({
  locale,
  holdDays,
  name,
  initial,
  errors,
  errorId,
}: {
  locale: Locale;
  holdDays: number;
  name: string;
  initial?: string;
  errors?: string[];
  errorId: string;
}) {
  const t = (key: MessageKey, p?: Record<string, string | number>) => translate(locale, key, p);
  return (
    <fieldset className="space-y-2 rounded border border-stone-200 p-3">
      <legend className="px-1 font-semibold">{t("unit.builder.payment")}</legend>
      <label className="flex min-h-11 items-center gap-2">
        <input type="radio" name={name} value="transfer" defaultChecked={initial !== "online"} />
        {t("unit.builder.payTransfer", { days: holdDays })}
      </label>
      <label className="flex min-h-11 items-center gap-2">
        <input type="radio" name={name} value="online" defaultChecked={initial === "online"} />
        {t("unit.builder.payOnline", { limit: formatFen(ONLINE_PAYMENT_LIMIT_FEN, locale) })}
      </label>
      <FieldError locale={locale} id={errorId} errors={errors} />
    </fieldset>
  );
}
