/**
 * Stripe behind the PaymentProvider interface: Checkout Sessions for checkout, Stripe refunds,
 * and Stripe's events translated into the app's own ProviderReports. The only module (with the
 * SDK adapter, stripe-api.server.ts) that knows Stripe's types; it writes nothing.
 */
import type Stripe from "stripe";
import { localePath } from "~/utils/i18n";
import type { PaymentEventType } from "../payments.server";
import {
  PaymentsUnavailableError,
  WebhookSignatureError,
  type PaymentProvider,
  type ProviderReport,
  type RefundReport,
} from "../provider";
import {
  CHECKOUT_MINIMUM_OPEN_MS,
  createCheckoutSession,
  createStripeRefund,
  isSignatureError,
  isStripeError,
  isTransientStripeError,
  listRecentEvents,
  retrieveCheckoutSession,
  stripeConfigured,
  verifyStripeWebhook,
} from "./stripe-api.server";
import { logger } from "~/observability/logger.server";

/** Any failure to talk to Stripe leaves the order pending and the buyer able to try again. */
async function callStripe<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!isStripeError(error)) throw error;
    // A rejected request (bad key, invalid parameters) will not fix itself: say so loudly.
    if (!isTransientStripeError(error)) logger().error({ stripeError: error.type, err: error }, `stripe: ${what} rejected`);
    throw new PaymentsUnavailableError(`Stripe could not ${what} (${error.type}: ${error.message})`);
  }
}

/** The order's payment reference is its Checkout Session; refunds go to the session's PaymentIntent. */
async function paymentIntentOf(paymentReference: string | null): Promise<string | null> {
  if (!paymentReference) return null;
  if (paymentReference.startsWith("pi_")) return paymentReference;
  if (!paymentReference.startsWith("cs_")) return null;
  const session = await retrieveCheckoutSession(paymentReference);
  const intent = session.payment_intent;
  return typeof intent === "string" ? intent : (intent?.id ?? null);
}

function orderIdOf(session: Stripe.Checkout.Session): string | null {
  return session.metadata?.orderId ?? session.client_reference_id ?? null;
}

/** What a Checkout Session says about its order, as a report under `eventId`. */
export function sessionReport(
  session: Stripe.Checkout.Session,
  type: PaymentEventType,
  eventId: string,
): ProviderReport {
  return {
    kind: "payment",
    eventId,
    type,
    orderId: orderIdOf(session),
    reference: session.id,
    // CNY has two decimals in Stripe: its minor unit is the fen.
    amountFen: session.amount_total,
    currency: session.currency,
  };
}

function refundReport(refund: Stripe.Refund, eventId: string): RefundReport {
  return {
    eventId,
    refundId: refund.metadata?.refundId ?? null,
    providerRefundId: refund.id,
    amountFen: refund.amount,
    status:
      refund.status === "succeeded"
        ? "succeeded"
        : refund.status === "failed" || refund.status === "canceled"
          ? "failed"
          : "pending",
  };
}

/** One Stripe event in the app's terms; event types this app does not act on are ignored. */
export function stripeEventReport(event: Stripe.Event): ProviderReport {
  switch (event.type) {
    case "checkout.session.completed": {
      const session = event.data.object;
      // Paid now (card, Alipay, WeChat Pay), or accepted and waiting for an asynchronous method.
      if (session.payment_status === "unpaid") return { kind: "awaiting-payment", orderId: orderIdOf(session) };
      return sessionReport(session, "succeeded", event.id);
    }
    case "checkout.session.async_payment_succeeded":
      return sessionReport(event.data.object, "succeeded", event.id);
    case "checkout.session.async_payment_failed":
      return sessionReport(event.data.object, "failed", event.id);
    case "checkout.session.expired":
      return sessionReport(event.data.object, "expired", event.id);
    case "refund.created":
    case "refund.updated":
    case "refund.failed":
      return { kind: "refund", ...refundReport(event.data.object, event.id) };
    case "charge.refunded": {
      // charge.refunded says the charge's refunded amount moved, not which refund succeeded (a
      // pending one counts too). Refunds it carries (an endpoint that expands them) are applied
      // by their own status, each under an event id of its own; otherwise refund.created /
      // refund.updated, which every refund sends, settle it.
      const charge = event.data.object;
      return {
        kind: "refunds",
        orderId: charge.metadata?.orderId ?? null,
        refunds: (charge.refunds?.data ?? []).map((refund) => refundReport(refund, `${event.id}:${refund.id}`)),
      };
    }
    default:
      return { kind: "ignored" };
  }
}

/**
 * Stripe Checkout. A session is built from the stored order and expires with its reservation; an
 * open session is reused rather than replaced, so an order has at most one payable session.
 */
export const stripePaymentProvider: PaymentProvider = {
  id: "stripe",
  referencePrefix: "cs_",
  minimumOpenMs: CHECKOUT_MINIMUM_OPEN_MS,

  async resumePayment(order) {
    if (!order.paymentReference?.startsWith("cs_")) return null;
    const session = await callStripe("look up the checkout session", () =>
      retrieveCheckoutSession(order.paymentReference!),
    );
    if (session.status === "open" && session.url) return { redirectUrl: session.url, reference: session.id };
    // Paid, or waiting for an asynchronous method: the webhook (or reconciliation) records the outcome.
    if (session.status === "complete") {
      return { redirectUrl: localePath(order.locale, `/orders/${order.token}`), reference: session.id };
    }
    // Expired (or expired early by hand): a new session is needed, with another expiry and key.
    return { spentExpiry: new Date(session.expires_at * 1000) };
  },

  async startPayment(order) {
    const session = await callStripe("create a checkout session", () =>
      createCheckoutSession(order, order.reservedUntil),
    );
    return { redirectUrl: session.url, reference: session.id };
  },

  // Confirmation comes from Stripe's webhook (or reconciliation), never directly.

  async sendRefund(refund) {
    if (!stripeConfigured()) return { delivery: "retry-later", why: "Stripe is not configured" };
    try {
      const paymentIntentId = await paymentIntentOf(refund.paymentReference);
      if (!paymentIntentId) {
        return { delivery: "rejected", why: `order ${refund.orderId} has no Stripe payment to refund` };
      }
      const sent = await createStripeRefund({
        refundId: refund.id,
        orderId: refund.orderId,
        paymentIntentId,
        amountFen: refund.amountFen,
        reason: refund.reason,
      });
      return { delivery: "sent", providerRefundId: sent.id };
    } catch (error) {
      if (isTransientStripeError(error)) {
        return { delivery: "retry-later", why: `could not reach Stripe (${(error as Error).message})` };
      }
      if (isStripeError(error))
        return { delivery: "rejected", why: `Stripe refused refund ${refund.id}: ${error.message}` };
      throw error;
    }
  },

  verifyWebhook(payload, headers) {
    let event: Stripe.Event;
    try {
      event = verifyStripeWebhook(payload, headers.get("Stripe-Signature"));
    } catch (error) {
      if (isSignatureError(error)) throw new WebhookSignatureError((error as Error).message);
      throw error;
    }
    return { id: event.id, type: event.type, report: stripeEventReport(event) };
  },

  async lookupPayment(sessionId) {
    const session = await retrieveCheckoutSession(sessionId);
    if (session.status === "complete" && session.payment_status !== "unpaid") {
      return sessionReport(session, "succeeded", `reconcile:${sessionId}:paid`);
    }
    if (session.status === "expired") return sessionReport(session, "expired", `reconcile:${sessionId}:expired`);
    return null; // still open, or waiting for an asynchronous payment: its own events will follow
  },

  async reportsSince(since) {
    const events = await listRecentEvents(since);
    return events.map((event) => ({ source: `event ${event.id} ${event.type}`, report: stripeEventReport(event) }));
  },
};
