/**
 * The adapter to Stripe: one configured SDK client, and the few calls this app makes, shaped from
 * (and back into) the app's own data. Nothing here touches the database; the payment provider and
 * the models decide what to do with the answers.
 */
import Stripe from "stripe";
import { env, type Env } from "~/utils/env.server";
import { localePath, type Locale } from "~/utils/i18n";

/**
 * Pinned, so the shapes this code reads do not change under it when the account's default moves.
 * `satisfies` makes an SDK upgrade that changes its version fail the typecheck until someone
 * re-reads the changelog and moves this on purpose.
 */
export const STRIPE_API_VERSION = "2026-02-25.clover" satisfies Stripe.LatestApiVersion;

/** Stripe refuses a Checkout Session that expires sooner than 30 minutes after it is created. */
export const CHECKOUT_MINIMUM_OPEN_MS = 30 * 60_000;

/** The events the webhook acts on; the endpoint (and reconciliation) ask for exactly these. */
export const HANDLED_EVENT_TYPES = [
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "checkout.session.async_payment_failed",
  "checkout.session.expired",
  "charge.refunded",
  "refund.created",
  "refund.updated",
  "refund.failed",
] as const satisfies readonly Stripe.Event.Type[];

export function stripeConfigured(config: Env = env()): boolean {
  return Boolean(config.STRIPE_SECRET_KEY && config.STRIPE_WEBHOOK_SECRET);
}

let client: Stripe | undefined;

/** The process's Stripe client (configuration is read once, like the rest of env()). */
export function stripeClient(): Stripe {
  if (client) return client;
  const config = env();
  if (!config.STRIPE_SECRET_KEY) throw new Error("Stripe is not configured: set STRIPE_SECRET_KEY");
  client = new Stripe(config.STRIPE_SECRET_KEY, {
    apiVersion: STRIPE_API_VERSION,
    // Retries reuse the request's idempotency key, so a retried create never makes a second object.
    maxNetworkRetries: 2,
    // A buyer is waiting on the other end: better to say "try again" than to hang for the default 80 s.
    timeout: 10_000,
    telemetry: false,
    appInfo: { name: "fair-storefront" },
    ...(config.STRIPE_API_HOST ? { host: config.STRIPE_API_HOST } : {}),
    ...(config.STRIPE_API_PORT ? { port: config.STRIPE_API_PORT } : {}),
    ...(config.STRIPE_API_PROTOCOL ? { protocol: config.STRIPE_API_PROTOCOL } : {}),
  });
  return client;
}

/** Every error the SDK raises (network, 5xx, rate limit, rejected request, bad key) is one of these. */
export function isStripeError(error: unknown): error is Stripe.errors.StripeError {
  return error instanceof Stripe.errors.StripeError;
}

/** Worth trying again later: the request may not have been processed, or Stripe was briefly unwell. */
export function isTransientStripeError(error: unknown): boolean {
  return (
    error instanceof Stripe.errors.StripeConnectionError ||
    error instanceof Stripe.errors.StripeAPIError ||
    error instanceof Stripe.errors.StripeRateLimitError ||
    (isStripeError(error) && (error.statusCode ?? 0) >= 500)
  );
}

/** What a Checkout Session is built from: the order as stored, never the checkout form. */
export interface CheckoutOrder {
  id: string;
  token: string;
  /** The language the buyer ordered in: names, Stripe's page and the return URLs follow it. */
  locale: Locale;
  currency: string;
  totalFen: number;
  lines: { nameZh: string; nameEn: string; quantity: number; unitPriceFen: number }[];
}

/**
 * The Checkout Session for an order, expiring at `expiresAt` (the end of its reservation). A pure
 * function of the stored order and the expiry: a retry sends exactly the same parameters, which
 * Stripe requires when it sees the same idempotency key again.
 */
export function checkoutSessionParams(
  order: CheckoutOrder,
  expiresAt: Date,
  publicBaseUrl: string,
): Stripe.Checkout.SessionCreateParams {
  const sum = order.lines.reduce((total, line) => total + line.quantity * line.unitPriceFen, 0);
  // Charging anything but the order's total would break the ledger's reconciliation.
  if (sum !== order.totalFen) throw new Error(`order ${order.id}: lines add up to ${sum}, total is ${order.totalFen}`);
  const orderUrl = new URL(localePath(order.locale, `/orders/${order.token}`), publicBaseUrl).toString();
  return {
    mode: "payment",
    client_reference_id: order.id,
    metadata: { orderId: order.id },
    // Copied onto the payment, so refunds and disputes in the Dashboard lead back to the order.
    payment_intent_data: { metadata: { orderId: order.id } },
    line_items: order.lines.map((line) => ({
      quantity: line.quantity,
      price_data: {
        currency: order.currency,
        // CNY has two decimals in Stripe: fen are its minor unit.
        unit_amount: line.unitPriceFen,
        product_data: { name: order.locale === "en" ? line.nameEn : line.nameZh },
      },
    })),
    payment_method_types: ["card", "alipay", "wechat_pay"],
    // WeChat Pay on a web page shows a QR code to scan with the phone.
    payment_method_options: { wechat_pay: { client: "web" } },
    locale: order.locale,
    expires_at: Math.floor(expiresAt.getTime() / 1000),
    success_url: orderUrl,
    cancel_url: orderUrl,
  };
}

/**
 * One key per order and session expiry. The expiry is written to the order (as its reservation)
 * before the request, so a retry, by the SDK or by the buyer pressing "pay now" again, finds the
 * same expiry, sends the same key and parameters, and gets back the session the first request
 * made. The key changes exactly when the parameters must (a new expiry), since Stripe refuses a
 * key reused with different parameters.
 */
export function checkoutIdempotencyKey(orderId: string, expiresAt: Date): string {
  return `checkout:${orderId}:${Math.floor(expiresAt.getTime() / 1000)}`;
}

/**
 * For the calls a buyer waits on (checkout, "pay now"): 3 s per attempt, so a Stripe that does not
 * answer turns into "try again" within about 11 s (3 attempts) instead of 31 s (3 × 10 s).
 */
const BUYER_WAITING = { timeout: 3_000 } as const;

export async function createCheckoutSession(
  order: CheckoutOrder,
  expiresAt: Date,
): Promise<{ id: string; url: string }> {
  const session = await stripeClient().checkout.sessions.create(
    checkoutSessionParams(order, expiresAt, env().PUBLIC_BASE_URL),
    { idempotencyKey: checkoutIdempotencyKey(order.id, expiresAt), ...BUYER_WAITING },
  );
  if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL`);
  return { id: session.id, url: session.url };
}

export function retrieveCheckoutSession(sessionId: string): Promise<Stripe.Checkout.Session> {
  return stripeClient().checkout.sessions.retrieve(sessionId, {}, BUYER_WAITING);
}

/**
 * Sends a refund. The app's refund id is both the idempotency key (a resend never refunds twice)
 * and the metadata the webhook uses to find the refund again.
 */
export async function createStripeRefund(args: {
  refundId: string;
  orderId: string;
  paymentIntentId: string;
  amountFen: number;
  reason: string;
}): Promise<Stripe.Refund> {
  return stripeClient().refunds.create(
    {
      payment_intent: args.paymentIntentId,
      amount: args.amountFen,
      // Stripe's metadata values hold at most 500 characters.
      metadata: { refundId: args.refundId, orderId: args.orderId, reason: args.reason.slice(0, 500) },
    },
    { idempotencyKey: `refund:${args.refundId}` },
  );
}

/**
 * The events of the handled types created since `since`, oldest first (the order they happened
 * in), following Stripe's pages.
 */
export async function listRecentEvents(since: Date): Promise<Stripe.Event[]> {
  const events: Stripe.Event[] = [];
  const pages = stripeClient().events.list({
    types: [...HANDLED_EVENT_TYPES],
    created: { gte: Math.floor(since.getTime() / 1000) },
    limit: 100,
  });
  for await (const event of pages) events.push(event);
  return events.reverse();
}

/**
 * Checks the Stripe-Signature header against the raw body with the endpoint's secret and
 * Stripe's default tolerance (300 s, which refuses replays of old deliveries). Throws
 * Stripe's signature error when anything is off, including a missing header.
 */
export function verifyStripeWebhook(payload: string, signature: string | null): Stripe.Event {
  const secret = env().STRIPE_WEBHOOK_SECRET;
  if (!secret) throw new Error("Stripe is not configured: set STRIPE_WEBHOOK_SECRET");
  return Stripe.webhooks.constructEvent(payload, signature ?? "", secret);
}

export function isSignatureError(error: unknown): boolean {
  return error instanceof Stripe.errors.StripeSignatureVerificationError;
}
