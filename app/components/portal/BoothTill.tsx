import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useState } from "react";
import { ErrorList, FormErrors } from "~/components/ui/Field";
import { useSchemaForm } from "~/components/ui/use-schema-form";
import { BoothSaleSchema, MAX_BOOTH_QUANTITY, PAYMENT_METHODS, PORTAL_FALLBACK } from "~/portal/portal-schema";
import type { FormReply } from "~/utils/forms";
import { pick } from "~/utils/i18n";
import { useT } from "~/i18n/areas/portal";
import { formatFen } from "~/utils/money";
import { useLocale } from "~/utils/use-locale";

interface TillProduct {
  id: string;
  nameZh: string;
  nameEn: string;
  unitZh: string;
  unitEn: string;
  priceFen: number;
  stock: number;
  images: { url: string }[];
}

/**
 * The booth till, made for a phone held in one hand: big − / + buttons per product, the
 * payment method, and one button that shows the total. The total shown here is only a guide;
 * the server prices the sale from the database. Without JavaScript the quantity boxes still work.
 *
 * The sale's schema runs here before the post (a sale of nothing, a bad quantity) and in the
 * action; a refused sale comes back with the quantities and payment that were sent.
 */
export function BoothTill({
  products,
  saleKey,
  lastResult,
  submitting,
}: {
  products: TillProduct[];
  saleKey: string;
  lastResult: FormReply | null | undefined;
  submitting: boolean;
}) {
  const locale = useLocale();
  const t = useT();
  const [form, fields] = useSchemaForm({
    id: "booth",
    schema: BoothSaleSchema,
    fallback: PORTAL_FALLBACK,
    lastResult,
    // The schema transforms the whole form (into what the action stores), which conform cannot read.
    constraint: false,
  });
  const boxes = fields.qty.getFieldset();
  const sent = (value: unknown) => (typeof value === "string" ? value : "");
  // The boxes and the payment are held here (the − / + buttons and the total follow them).
  const [quantities, setQuantities] = useState<Record<string, string>>(() =>
    Object.fromEntries(products.map((p) => [p.id, sent(boxes[p.id]?.initialValue)])),
  );
  const [payment, setPayment] = useState(sent(fields.payment.initialValue) || "CASH");
  const count = (id: string) => {
    const n = Number(quantities[id]);
    return Number.isInteger(n) && n > 0 ? n : 0;
  };
  const totalFen = products.reduce((sum, p) => sum + count(p.id) * p.priceFen, 0);
  const step = (id: string, by: number, max: number) =>
    setQuantities((q) => ({ ...q, [id]: String(Math.min(Math.max(count(id) + by, 0), max)) }));
  const f = { fallback: PORTAL_FALLBACK };

  return (
    <Form method="post" className="space-y-4" data-testid="booth-form" {...getFormProps(form)}>
      <input type="hidden" name={fields.saleKey.name} value={saleKey} />
      {/* A stale screen (its one-time key) is about the whole sale. */}
      <FormErrors errors={[...(form.errors ?? []), ...(fields.saleKey.errors ?? [])]} id={form.errorId} {...f} />
      <fieldset className="space-y-2" aria-describedby={fields.qty.errors?.length ? fields.qty.errorId : undefined}>
        <legend className="mb-2 font-semibold">{t("portal.booth.pick")}</legend>
        <div role="alert">
          <ErrorList field={fields.qty} testId="error-lines" {...f} />
        </div>
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {products.map((p) => {
            const box = boxes[p.id]!;
            const name = pick(locale, p, "name");
            const max = Math.min(p.stock, MAX_BOOTH_QUANTITY);
            const invalid = Boolean(box.errors?.length);
            return (
              <li key={p.id} className="flex items-center gap-3 p-3" data-testid="till-product">
                {p.images[0] && (
                  <img
                    src={p.images[0].url}
                    alt=""
                    width={48}
                    height={48}
                    className="size-12 shrink-0 rounded object-cover"
                  />
                )}
                <div className="min-w-0 flex-1">
                  <label htmlFor={box.id} className="block font-medium leading-snug">
                    {name}
                  </label>
                  <p className="text-sm text-stone-600">
                    {formatFen(p.priceFen, locale)} / {pick(locale, p, "unit")} ·{" "}
                    <span className={p.stock === 0 ? "text-red-800" : ""}>
                      {t("portal.booth.stockLeft", { stock: p.stock })}
                    </span>
                  </p>
                  <ErrorList field={box} {...f} />
                </div>
                <div className="flex shrink-0 items-center gap-1">
                  <button
                    type="button"
                    onClick={() => step(p.id, -1, max)}
                    disabled={count(p.id) === 0}
                    aria-label={t("portal.booth.less", { name })}
                    className="size-11 rounded-full border border-stone-400 text-xl leading-none disabled:opacity-40"
                  >
                    −
                  </button>
                  <input
                    id={box.id}
                    name={box.name}
                    inputMode="numeric"
                    pattern="[0-9]*"
                    autoComplete="off"
                    aria-label={t("portal.booth.quantityOf", { name })}
                    aria-invalid={invalid || undefined}
                    aria-describedby={invalid ? box.errorId : undefined}
                    value={quantities[p.id] ?? ""}
                    placeholder="0"
                    onChange={(e) => setQuantities((q) => ({ ...q, [p.id]: e.target.value }))}
                    className="h-11 w-14 rounded border border-stone-400 text-center text-lg tabular-nums"
                  />
                  <button
                    type="button"
                    onClick={() => step(p.id, 1, max)}
                    disabled={count(p.id) >= max}
                    aria-label={t("portal.booth.more", { name })}
                    className="size-11 rounded-full bg-brand-700 text-xl leading-none text-white disabled:opacity-40"
                  >
                    +
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      </fieldset>
      {/* Payment and the button stay in reach at the bottom of the screen however long the list is. */}
      <div className="sticky bottom-0 -mx-4 space-y-2 border-t border-stone-200 bg-stone-50/95 px-4 py-3 backdrop-blur">
        <fieldset>
          <legend className="sr-only">{t("portal.booth.payment")}</legend>
          <div className="grid grid-cols-2 gap-2">
            {PAYMENT_METHODS.map((method) => (
              <label
                key={method}
                className={`flex min-h-11 cursor-pointer items-center justify-center gap-2 rounded-lg border-2 px-3 font-medium ${payment === method ? "border-brand-700 bg-brand-50" : "border-stone-300 bg-white"}`}
              >
                <input
                  type="radio"
                  name={fields.payment.name}
                  value={method}
                  checked={payment === method}
                  onChange={() => setPayment(method)}
                  className="size-5 accent-brand-700"
                />
                {t(`portal.booth.payment.${method}`)}
              </label>
            ))}
          </div>
          <ErrorList field={fields.payment} {...f} />
        </fieldset>
        <button
          type="submit"
          disabled={submitting}
          className="min-h-14 w-full rounded-lg bg-brand-700 px-5 text-lg font-bold text-white hover:bg-brand-800 disabled:opacity-60"
          data-testid="record-sale"
        >
          {totalFen > 0
            ? t("portal.booth.recordTotal", { total: formatFen(totalFen, locale) })
            : t("portal.booth.record")}
        </button>
      </div>
    </Form>
  );
}
