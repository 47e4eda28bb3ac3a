import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CheckoutForm } from "~/components/checkout/CheckoutForm";
import { honeypotFilled } from "~/components/Honeypot";
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
import { CHECKOUT_FALLBACK, CheckoutSchema } from "~/orders/checkout-schema";
import { paymentProvider, PaymentsUnavailableError, startPaymentOrExplain } from "~/payments/provider.server";
import { clientAddress } from "~/accounts/auth.server";
import { readCartId } from "~/utils/cookies.server";
import { db } from "~/utils/db.server";
import { parseSubmission, type FormReply } from "~/utils/forms";
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

type Submission = ReturnType<typeof parseCheckout>;
const parseCheckout = (form: FormData) => parseSubmission(form, CheckoutSchema, CHECKOUT_FALLBACK);
/** Every answer of the action: the form's reply (errors, what was typed), and what else to say. */
type Answer = { result: FormReply | null; soldOut: SoldOutError["items"] | null; notice: StorefrontKey | null };
const answer = (result: FormReply | null, more: Partial<Answer> = {}): Answer => ({
  result,
  soldOut: null,
  notice: null,
  ...more,
});

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = requireLocale(params.lang);
  const form = await request.formData();
  const submission = parseCheckout(form);
  try {
    return await checkout({ request, locale, form, submission, clientAddress: clientAddress(context) });
  } catch (error) {
    // Every answer under a rush is reserved, sold out or this: 503 with Retry-After, the form
    // kept (its checkout key too, so a retry cannot make a second order), the cart untouched.
    if (error instanceof BusyError || isBusyError(error)) {
      countCheckout("busy");
      return data(answer(submission.reply(), { notice: "shop.busy" }), {
        status: 503,
        headers: { "Retry-After": String(BUSY_RETRY_AFTER_SECONDS), "Cache-Control": "private, no-store" },
      });
    }
    throw error;
  }
}

async function checkout({
  request,
  locale,
  form,
  submission,
  clientAddress,
}: {
  request: Request;
  locale: Locale;
  form: FormData;
  submission: Submission;
  clientAddress: string;
}) {
  const prisma = await db();
  if (honeypotFilled(form)) {
    countCheckout("invalid");
    return data(answer(null, { notice: "shop.error.badRequest" }), { status: 400 });
  }
  const limit = await hitRateLimit(prisma, LIMITS.checkout, clientAddress);
  if (!limit.allowed) {
    return data(answer(submission.reply(), { notice: "shop.error.tooMany" }), {
      status: 429,
      headers: { "Retry-After": String(limit.retryAfterSeconds) },
    });
  }
  if (submission.status !== "success") {
    countCheckout("invalid");
    return data(answer(submission.reply()), { status: 400 });
  }
  const cartId = await readCartId(request);
  if (!cartId) return redirect(localePath(locale, "/cart"));
  let order: { id: string; token: string };
  try {
    const { admission } = await checkoutAdmission();
    order = await placeOrder(prisma, {
      cartId,
      input: submission.value,
      locale,
      provider: paymentProvider().id,
      admission,
    });
  } catch (error) {
    if (error instanceof EmptyCartError) return redirect(localePath(locale, "/cart"));
    if (error instanceof SoldOutError) {
      countCheckout("sold_out");
      return data(answer(submission.reply(), { soldOut: error.items }), { status: 409 });
    }
    if (error instanceof UnknownOrganisationError) {
      countCheckout("invalid");
      return data(answer(submission.reply({ fieldErrors: { onBehalfOf: ["shop.error.organisationUnknown"] } })), {
        status: 400,
      });
    }
    if (error instanceof PaymentsUnavailableError) {
      countCheckout("busy");
      return data(answer(submission.reply(), { notice: "shop.paymentsUnavailable" }), { status: 503 });
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
  const submitting = navigation.state !== "idle" && navigation.formMethod === "POST";
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

      <CheckoutForm
        locale={locale}
        checkoutKey={checkoutKey}
        organisations={organisations}
        lastResult={result?.result}
        submitting={submitting}
        submitLabel={t("shop.placeOrder", { total: formatFen(cart.subtotalFen, locale) })}
      />
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
