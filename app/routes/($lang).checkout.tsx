import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { FormField } from "~/components/FormField";
import { Honeypot, honeypotFilled } from "~/components/Honeypot";
import { getCart } from "~/cart/cart.server";
import { checkoutAdmission } from "~/payments/checkout-admission.server";
import {
  BusyError,
  EmptyCartError,
  placeOrder,
  SoldOutError,
  UnknownOrganisationError,
} from "~/payments/checkout.server";
import { listOrganisationsForCheckout } from "~/catalog/organisations.server";
import { hitRateLimit, LIMITS } from "~/utils/rate-limit.server";
import { countCheckout } from "~/observability/metrics.server";
import { MAX_PER_LINE } from "~/utils/limits";
import {
  CheckoutSchema,
  fieldErrors,
  PROVINCES,
  RESERVATION_MINUTES,
  type CheckoutField,
} from "~/orders/checkout-schema";
import { paymentProvider, PaymentsUnavailableError, startPaymentOrExplain } from "~/payments/provider.server";
import { clientAddress } from "~/accounts/auth.server";
import { readCartId } from "~/utils/cookies.server";
import { db } from "~/utils/db.server";
import { isBusyError } from "~/utils/db-errors.server";
import { requireLocale } from "~/utils/http.server";
import { localePath, pick, type Locale } from "~/utils/i18n";
import { useT, translate, type StorefrontKey } from "~/i18n/areas/storefront";
import { formatFen } from "~/utils/money";
import { useLocale } from "~/utils/use-locale";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `${translate(data?.locale ?? "zh", "shop.checkoutTitle")} · ${translate(data?.locale ?? "zh", "site.name")}`,
  },
  { name: "robots", content: "noindex" },
];

/** The action's Retry-After (rate limit, busy) and the loader's no-store both reach the browser. */
export const headers: HeadersFunction = ({ actionHeaders, loaderHeaders }) => {
  const merged = new Headers(loaderHeaders);
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) merged.set("Retry-After", retryAfter);
  return merged;
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params.lang);
  const prisma = await db();
  const { cart, organisations } = await Promise.all([
    getCart(prisma, await readCartId(request)),
    listOrganisationsForCheckout(prisma),
  ])
    .then(([cart, organisations]) => ({ cart, organisations }))
    .catch((error: unknown) => {
      // A saturated database while the page re-renders after a post: "busy", never a 500.
      if (isBusyError(error)) throw busyResponse(locale);
      throw error;
    });
  // A cart with problems still renders here (e.g. right after a sold-out race), with the problems shown.
  if (cart.lines.length === 0) throw redirect(localePath(locale, "/cart"));
  // A fresh key per visit to the form: resubmitting the same form finds the same order.
  return data(
    { locale, cart, organisations, checkoutKey: randomUUID() },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

const BUSY_RETRY_AFTER_SECONDS = 2;
/** The page itself could not be rendered for the load: a short plain answer in the buyer's language. */
function busyResponse(locale: Locale) {
  return new Response(translate(locale, "shop.busy"), {
    status: 503,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Retry-After": String(BUSY_RETRY_AFTER_SECONDS),
      "Cache-Control": "private, no-store",
    },
  });
}

type Values = Partial<Record<CheckoutField, string>>;
const formValues = (form: FormData) =>
  Object.fromEntries([...form].map(([k, v]) => [k, typeof v === "string" ? v : ""])) as Values;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = requireLocale(params.lang);
  const form = await request.formData();
  const values = formValues(form);
  try {
    return await checkout({ request, locale, form, values, clientAddress: clientAddress(context) });
  } catch (error) {
    // Every answer under a rush is reserved, sold out or this: 503 with Retry-After, the form
    // kept (its checkout key too, so a retry cannot make a second order), the cart untouched.
    if (error instanceof BusyError || isBusyError(error)) {
      countCheckout("busy");
      return data(
        { values, errors: {}, soldOut: null, notice: "shop.busy" as const },
        {
          status: 503,
          headers: { "Retry-After": String(BUSY_RETRY_AFTER_SECONDS), "Cache-Control": "private, no-store" },
        },
      );
    }
    throw error;
  }
}

async function checkout({
  request,
  locale,
  form,
  values,
  clientAddress,
}: {
  request: Request;
  locale: Locale;
  form: FormData;
  values: Values;
  clientAddress: string;
}) {
  const prisma = await db();
  if (honeypotFilled(form)) {
    countCheckout("invalid");
    return data({ values: {}, errors: {}, soldOut: null, notice: "shop.error.badRequest" as const }, { status: 400 });
  }
  const limit = await hitRateLimit(prisma, LIMITS.checkout, clientAddress);
  if (!limit.allowed) {
    return data(
      { values, errors: {}, soldOut: null, notice: "shop.error.tooMany" as const },
      { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
    );
  }
  const parsed = CheckoutSchema.safeParse(values);
  if (!parsed.success) {
    countCheckout("invalid");
    return data({ values, errors: fieldErrors(parsed.error), soldOut: null, notice: null }, { status: 400 });
  }
  const cartId = await readCartId(request);
  if (!cartId) return redirect(localePath(locale, "/cart"));
  let order: { id: string; token: string };
  try {
    const { admission } = await checkoutAdmission();
    order = await placeOrder(prisma, {
      cartId,
      input: parsed.data,
      locale,
      provider: paymentProvider().id,
      admission,
    });
  } catch (error) {
    if (error instanceof EmptyCartError) return redirect(localePath(locale, "/cart"));
    if (error instanceof SoldOutError) {
      countCheckout("sold_out");
      return data({ values, errors: {}, soldOut: error.items, notice: null }, { status: 409 });
    }
    if (error instanceof UnknownOrganisationError) {
      countCheckout("invalid");
      return data(
        { values, errors: { onBehalfOf: "shop.error.organisationUnknown" }, soldOut: null, notice: null },
        { status: 400 },
      );
    }
    if (error instanceof PaymentsUnavailableError) {
      countCheckout("busy");
      return data({ values, errors: {}, soldOut: null, notice: "shop.paymentsUnavailable" as const }, { status: 503 });
    }
    throw error;
  }
  countCheckout("reserved");
  // The order now holds the stock. If the provider cannot be reached, the order page offers
  // "pay now" again for as long as the reservation lasts.
  return redirect(await startPaymentOrExplain(prisma, order.id, locale));
}

export default function CheckoutPage() {
  const { locale, cart, organisations, checkoutKey } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const values: Values = result && "values" in result ? result.values : {};
  const [clientErrors, setClientErrors] = useState<Partial<Record<CheckoutField, string>> | null>(null);
  const errors: Partial<Record<CheckoutField, string>> =
    clientErrors ?? (result && "errors" in result ? result.errors : {});
  const [fulfilment, setFulfilment] = useState(values.fulfilment ?? "BOOTH_PICKUP");
  const submitting = navigation.state !== "idle" && navigation.formMethod === "POST";
  const error = (field: CheckoutField) => (errors[field] ? t(errors[field] as StorefrontKey) : undefined);

  // The same schema as the server, run before the post: errors show at once, nothing is lost.
  function validate(event: FormEvent<HTMLFormElement>) {
    const entries = Object.fromEntries(new FormData(event.currentTarget));
    const parsed = CheckoutSchema.safeParse(entries);
    if (parsed.success) {
      setClientErrors(null);
      return;
    }
    event.preventDefault();
    setClientErrors(fieldErrors(parsed.error));
    const first = event.currentTarget.querySelector<HTMLElement>("[aria-invalid=true]");
    first?.focus();
  }

  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-bold">{t("shop.checkoutTitle")}</h1>

      {result && "soldOut" in result && result.soldOut && (
        <div
          role="alert"
          className="mt-4 rounded border border-red-300 bg-red-50 p-4 text-red-900"
          data-testid="sold-out-alert"
        >
          <p>{t("shop.soldOutDuringCheckout")}</p>
          <ul className="mt-2 list-disc pl-5">
            {result.soldOut.map((item) => (
              <li key={item.productId}>
                {pick(locale, item, "name")} — {t("shop.available", { count: item.available })}
              </li>
            ))}
          </ul>
          <Link to={localePath(locale, "/cart")} className="mt-3 inline-block font-semibold underline">
            {t("shop.backToCart")}
          </Link>
        </div>
      )}
      {result && "notice" in result && result.notice && (
        <p role="alert" className="mt-4 rounded border border-amber-300 bg-amber-50 p-4 text-amber-900">
          {t(result.notice)}
        </p>
      )}

      <OrderSummary cart={cart} />
      {!cart.ready && !(result && "soldOut" in result && result.soldOut) && (
        <p role="alert" className="mt-3 text-sm text-red-800">
          {t("shop.problem.fixCart")}{" "}
          <Link to={localePath(locale, "/cart")} className="font-semibold underline">
            {t("shop.backToCart")}
          </Link>
        </p>
      )}

      <Form method="post" noValidate onSubmit={validate} className="mt-6 space-y-6" aria-describedby="form-status">
        {/* After a "busy" answer the same key goes back: a retry finds the order if the first got through. */}
        <input type="hidden" name="checkoutKey" value={values.checkoutKey ?? checkoutKey} />
        <Honeypot />
        {Object.keys(errors).length > 0 && (
          <p id="form-status" role="alert" className="text-sm font-semibold text-red-800">
            {t("shop.formHasErrors")}
          </p>
        )}
        <fieldset className="min-w-0 space-y-4 rounded-lg border border-stone-200 bg-white p-4">
          <legend className="px-1 font-semibold">{t("shop.contact")}</legend>
          <FormField id="contactName" label={t("shop.contactName")} error={error("contactName")}>
            {(p) => (
              <input {...p} name="contactName" autoComplete="name" defaultValue={values.contactName} maxLength={40} />
            )}
          </FormField>
          <FormField
            id="contactPhone"
            label={t("shop.contactPhone")}
            error={error("contactPhone")}
            hint={t("shop.contactHint")}
          >
            {(p) => (
              <input
                {...p}
                name="contactPhone"
                type="tel"
                inputMode="tel"
                autoComplete="tel"
                defaultValue={values.contactPhone}
                maxLength={20}
              />
            )}
          </FormField>
          <FormField id="contactEmail" label={t("shop.contactEmail")} error={error("contactEmail")}>
            {(p) => (
              <input
                {...p}
                name="contactEmail"
                type="email"
                autoComplete="email"
                defaultValue={values.contactEmail}
                maxLength={120}
              />
            )}
          </FormField>
        </fieldset>

        <fieldset className="min-w-0 space-y-3 rounded-lg border border-stone-200 bg-white p-4">
          <legend className="px-1 font-semibold">{t("shop.fulfilment")}</legend>
          {(["BOOTH_PICKUP", "DELIVERY"] as const).map((option) => (
            <label key={option} className="flex min-h-11 items-center gap-3">
              <input
                type="radio"
                name="fulfilment"
                value={option}
                checked={fulfilment === option}
                onChange={() => setFulfilment(option)}
                className="h-5 w-5"
              />
              {t(`shop.fulfilment.${option}`)}
            </label>
          ))}
          {error("fulfilment") && <p className="text-sm text-red-800">{error("fulfilment")}</p>}
          {fulfilment === "BOOTH_PICKUP" && <p className="text-xs text-stone-600">{t("shop.boothHint")}</p>}
          {/* Without JavaScript both parts show; the server ignores the address for booth pickup. */}
          <div className={`space-y-4 ${fulfilment === "DELIVERY" ? "" : "hidden"}`} data-testid="delivery-fields">
            <FormField id="recipientName" label={t("shop.recipientName")} error={error("recipientName")}>
              {(p) => (
                <input
                  {...p}
                  name="recipientName"
                  autoComplete="shipping name"
                  defaultValue={values.recipientName}
                  maxLength={40}
                />
              )}
            </FormField>
            <FormField id="province" label={t("shop.province")} error={error("province")}>
              {(p) => (
                <select
                  {...p}
                  name="province"
                  defaultValue={values.province ?? ""}
                  autoComplete="shipping address-level1"
                >
                  <option value="">{t("shop.chooseProvince")}</option>
                  {PROVINCES.map(([zh, en]) => (
                    <option key={zh} value={zh}>
                      {locale === "zh" ? zh : `${en} ${zh}`}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField id="city" label={t("shop.city")} error={error("city")}>
              {(p) => (
                <input
                  {...p}
                  name="city"
                  autoComplete="shipping address-level2"
                  defaultValue={values.city}
                  maxLength={40}
                />
              )}
            </FormField>
            <FormField id="district" label={t("shop.district")} error={error("district")}>
              {(p) => (
                <input
                  {...p}
                  name="district"
                  autoComplete="shipping address-level3"
                  defaultValue={values.district}
                  maxLength={40}
                />
              )}
            </FormField>
            <FormField id="addressLine" label={t("shop.addressLine")} error={error("addressLine")}>
              {(p) => (
                <input
                  {...p}
                  name="addressLine"
                  autoComplete="shipping street-address"
                  defaultValue={values.addressLine}
                  maxLength={120}
                />
              )}
            </FormField>
            <FormField id="postalCode" label={t("shop.postalCode")} error={error("postalCode")}>
              {(p) => (
                <input
                  {...p}
                  name="postalCode"
                  inputMode="numeric"
                  autoComplete="shipping postal-code"
                  defaultValue={values.postalCode}
                  maxLength={6}
                />
              )}
            </FormField>
          </div>
        </fieldset>

        <div className="rounded-lg border border-stone-200 bg-white p-4">
          <FormField
            id="onBehalfOf"
            label={t("shop.onBehalfOf")}
            error={error("onBehalfOf")}
            hint={t("shop.onBehalfOfHint")}
          >
            {(p) => (
              <select {...p} name="onBehalfOf" defaultValue={values.onBehalfOf ?? ""}>
                <option value="">{t("shop.onBehalfOfNone")}</option>
                {organisations.map((o) => (
                  <option key={o.slug} value={o.slug}>
                    {pick(locale, o, "name")}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>

        <p className="text-sm text-stone-600">{t("shop.reservationNote", { minutes: RESERVATION_MINUTES })}</p>
        <button
          type="submit"
          disabled={submitting}
          className="min-h-12 w-full rounded bg-brand-700 px-6 py-3 text-lg font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {submitting ? t("shop.placing") : t("shop.placeOrder", { total: formatFen(cart.subtotalFen, locale) })}
        </button>
      </Form>
    </div>
  );
}

function OrderSummary({ cart }: { cart: ReturnType<typeof useLoaderData<typeof loader>>["cart"] }) {
  const locale = useLocale();
  return (
    <ul
      className="mt-4 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white text-sm"
      data-testid="checkout-summary"
    >
      {cart.lines.map((line) => (
        <li key={line.product.id} className="flex justify-between gap-3 p-3">
          <span>
            {pick(locale, line.product, "name")} × {line.quantity}
            {line.product.cooperative.boothNumber && (
              <span className="ml-2 text-xs text-stone-600">({line.product.cooperative.boothNumber})</span>
            )}
            {line.problem && (
              <span className="block text-red-800">
                {translate(locale, `shop.problem.${line.problem}`, { stock: line.product.stock, max: MAX_PER_LINE })}
              </span>
            )}
          </span>
          <span className="whitespace-nowrap font-medium">{formatFen(line.lineTotalFen, locale)}</span>
        </li>
      ))}
      <li className="flex justify-between p-3 font-bold">
        <span>{translate(locale, "shop.subtotal")}</span>
        <span className="text-brand-700">{formatFen(cart.subtotalFen, locale)}</span>
      </li>
    </ul>
  );
}
