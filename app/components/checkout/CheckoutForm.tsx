import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { Honeypot } from "~/components/Honeypot";
import { ErrorList, Field } from "~/components/ui/Field";
import { useSchemaForm } from "~/components/ui/use-schema-form";
import { CHECKOUT_FALLBACK, CheckoutSchema, PROVINCES, RESERVATION_MINUTES } from "~/orders/checkout-schema";
import type { FormReply } from "~/utils/forms";
import { pick, type Locale } from "~/utils/i18n";
import { useT } from "~/i18n/areas/storefront";

/**
 * The checkout form: contact, pickup or delivery, and whom the purchase helps. The same schema
 * runs here before the post (errors at once, nothing lost) and in the action; without JavaScript
 * the action's reply shows the same errors.
 *
 * Errors first show on submit, not on blur: the radios and the submit button sit below the text
 * fields, and an error appearing as a field loses focus moved them between press and release, so
 * the tap on 快递 landed on the fieldset and the choice never changed.
 */
export function CheckoutForm({
  locale,
  checkoutKey,
  organisations,
  lastResult,
  submitting,
  submitLabel,
}: {
  locale: Locale;
  checkoutKey: string;
  organisations: { slug: string; nameZh: string; nameEn: string }[];
  lastResult: FormReply | null | undefined;
  submitting: boolean;
  submitLabel: string;
}) {
  const t = useT();
  const [form, fields] = useSchemaForm({
    id: "checkout",
    schema: CheckoutSchema,
    fallback: CHECKOUT_FALLBACK,
    lastResult,
    defaultValue: { checkoutKey, fulfilment: "BOOTH_PICKUP" },
  });
  const sent = (fields.fulfilment.initialValue as string | undefined) ?? "BOOTH_PICKUP";
  // conform follows the form's values on every input, validated or not: the choice lives in the form.
  const fulfilment = fields.fulfilment.value ?? sent;
  const hasErrors = Object.values(form.allErrors).some((errors) => errors.length > 0);
  const f = { locale, fallback: CHECKOUT_FALLBACK };
  return (
    <Form method="post" className="mt-6 space-y-6" aria-describedby="form-status" {...getFormProps(form)}>
      {/* After a "busy" answer the same key goes back: a retry finds the order if the first got through. */}
      <input
        type="hidden"
        name={fields.checkoutKey.name}
        value={(fields.checkoutKey.initialValue as string) ?? checkoutKey}
      />
      <Honeypot />
      {hasErrors && (
        <p id="form-status" role="alert" className="text-sm font-semibold text-red-800">
          {t("shop.formHasErrors")}
        </p>
      )}
      <fieldset className="min-w-0 space-y-4 rounded-lg border border-stone-200 bg-white p-4">
        <legend className="px-1 font-semibold">{t("shop.contact")}</legend>
        <Field field={fields.contactName} label={t("shop.contactName")} {...f}>
          {(p) => <input {...p} autoComplete="name" maxLength={40} />}
        </Field>
        <Field field={fields.contactPhone} label={t("shop.contactPhone")} hint={t("shop.contactHint")} {...f}>
          {(p) => <input {...p} type="tel" inputMode="tel" autoComplete="tel" maxLength={20} />}
        </Field>
        <Field field={fields.contactEmail} label={t("shop.contactEmail")} {...f}>
          {(p) => <input {...p} type="email" autoComplete="email" maxLength={120} />}
        </Field>
      </fieldset>

      <fieldset className="min-w-0 space-y-3 rounded-lg border border-stone-200 bg-white p-4">
        <legend className="px-1 font-semibold">{t("shop.fulfilment")}</legend>
        {(["BOOTH_PICKUP", "DELIVERY"] as const).map((option) => (
          <label key={option} className="flex min-h-11 items-center gap-3">
            <input
              type="radio"
              name={fields.fulfilment.name}
              value={option}
              aria-invalid={fields.fulfilment.errors?.length ? true : undefined}
              aria-describedby={fields.fulfilment.errors?.length ? fields.fulfilment.errorId : undefined}
              // Uncontrolled: the browser owns the choice and conform reads it from the form.
              defaultChecked={sent === option}
              className="h-5 w-5"
            />
            {t(`shop.fulfilment.${option}`)}
          </label>
        ))}
        <ErrorList field={fields.fulfilment} {...f} />
        {fulfilment === "BOOTH_PICKUP" && <p className="text-xs text-stone-600">{t("shop.boothHint")}</p>}
        {/* With JavaScript the choice shows or hides the address at once. Without it the address shows
            once a post chose delivery (the reply names what is missing); booth pickup ignores it. */}
        <div className={`space-y-4 ${fulfilment === "DELIVERY" ? "" : "hidden"}`} data-testid="delivery-fields">
          <Field field={fields.recipientName} label={t("shop.recipientName")} {...f}>
            {(p) => <input {...p} autoComplete="shipping name" maxLength={40} />}
          </Field>
          <Field field={fields.province} label={t("shop.province")} {...f}>
            {(p) => (
              <select {...p} autoComplete="shipping address-level1">
                <option value="">{t("shop.chooseProvince")}</option>
                {PROVINCES.map(([zh, en]) => (
                  <option key={zh} value={zh}>
                    {locale === "zh" ? zh : `${en} ${zh}`}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field field={fields.city} label={t("shop.city")} {...f}>
            {(p) => <input {...p} autoComplete="shipping address-level2" maxLength={40} />}
          </Field>
          <Field field={fields.district} label={t("shop.district")} {...f}>
            {(p) => <input {...p} autoComplete="shipping address-level3" maxLength={40} />}
          </Field>
          <Field field={fields.addressLine} label={t("shop.addressLine")} {...f}>
            {(p) => <input {...p} autoComplete="shipping street-address" maxLength={120} />}
          </Field>
          <Field field={fields.postalCode} label={t("shop.postalCode")} {...f}>
            {(p) => <input {...p} inputMode="numeric" autoComplete="shipping postal-code" maxLength={6} />}
          </Field>
        </div>
      </fieldset>

      <div className="rounded-lg border border-stone-200 bg-white p-4">
        <Field field={fields.onBehalfOf} label={t("shop.onBehalfOf")} hint={t("shop.onBehalfOfHint")} {...f}>
          {(p) => (
            <select {...p}>
              <option value="">{t("shop.onBehalfOfNone")}</option>
              {organisations.map((o) => (
                <option key={o.slug} value={o.slug}>
                  {pick(locale, o, "name")}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>

      <p className="text-sm text-stone-600">{t("shop.reservationNote", { minutes: RESERVATION_MINUTES })}</p>
      <button
        type="submit"
        disabled={submitting}
        className="min-h-12 w-full rounded bg-brand-700 px-6 py-3 text-lg font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {submitting ? t("shop.placing") : submitLabel}
      </button>
    </Form>
  );
}
