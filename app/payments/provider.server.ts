import type { PrismaClient } from "~/generated/prisma/client";
import { env, type Env } from "~/utils/env.server";
import { localePath, type Locale } from "~/utils/i18n";
import {
  CHECKOUT_MINIMUM_OPEN_MS,
  createCheckoutSession,
  isStripeError,
  isTransientStripeError,
  retrieveCheckoutSession,
  stripeConfigured,
} from "./stripe.server";
import { logger } from "~/observability/logger.server";

/** What a payment provider needs to take payment for an order, as stored in the database. */
export interface OrderForPayment {
  id: string;
  token: string;
  totalFen: number;
  /** The language the buyer ordered in. */
  locale: Locale;
  currency: string;
  /** Until when the order holds its stock: a payment page must not stay open longer. */
  reservedUntil: Date;
  /** What the last started payment returned as its reference (e.g. a Stripe Checkout Session id). */
  paymentReference: string | null;
  lines: { nameZh: string; nameEn: string; quantity: number; unitPriceFen: number }[];
}

export interface StartedPayment {
  redirectUrl: string;
  reference: string;
}

/**
 * A way to take payment. It starts a payment and sends the buyer somewhere to pay; whatever it
 * learns afterwards (a confirmation page, a webhook) goes through applyPaymentEvent.
 */
export interface PaymentProvider {
  readonly id: string;
  /**
   * The shortest time the provider keeps a payment page open once created (Stripe: 30 minutes).
   * The order's reservation is stretched to cover it, so stock is never released while the buyer
   * can still pay.
   */
  readonly minimumOpenMs?: number;
  /**
   * A payment already started for this order that the buyer can still use; or, when the last one
   * ended early, its expiry (spent: a new page needs another); or null when there was none.
   */
  resumePayment?(order: OrderForPayment): Promise<StartedPayment | { spentExpiry: Date } | null>;
  startPayment(order: OrderForPayment): Promise<StartedPayment>;
}

/**
 * The embedded default: a local page, clearly marked as a test, where the buyer confirms or
 * cancels. Confirming applies the same payment event a real provider's confirmation would.
 */
export const testPaymentProvider: PaymentProvider = {
  id: "test",
  async startPayment(order) {
    return { redirectUrl: localePath(order.locale, `/pay/test/${order.token}`), reference: `test_${order.id}` };
  },
};

export class PaymentsUnavailableError extends Error {}

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

/**
 * Stripe Checkout. A session is built from the stored order and expires with its reservation; an
 * open session is reused rather than replaced, so an order has at most one payable session.
 */
export const stripePaymentProvider: PaymentProvider = {
  id: "stripe",
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
};

/** Test payments are for development and demos; production on a real database needs them explicitly enabled. */
export function testPaymentsAllowed(config: Env = env()): boolean {
  return !(config.NODE_ENV === "production" && config.DATABASE_URL) || config.ALLOW_TEST_PAYMENTS;
}

/** The provider new orders are placed with: Stripe when its keys are set, else the test provider where allowed. */
export function paymentProvider(config: Env = env()): PaymentProvider {
  if (stripeConfigured(config)) return stripePaymentProvider;
  if (!testPaymentsAllowed(config)) {
    throw new PaymentsUnavailableError(
      "no payment provider is configured (set the Stripe keys, or ALLOW_TEST_PAYMENTS=true)",
    );
  }
  return testPaymentProvider;
}

/** The provider an order was placed with, which alone can take (or refund) its payment. */
export function providerForOrder(providerId: string, config: Env = env()): PaymentProvider {
  if (providerId === "stripe") {
    if (!stripeConfigured(config))
      throw new PaymentsUnavailableError("this order is paid through Stripe, which is not configured");
    return stripePaymentProvider;
  }
  if (providerId === "test") {
    if (!testPaymentsAllowed(config)) throw new PaymentsUnavailableError("test payments are not allowed here");
    return testPaymentProvider;
  }
  throw new PaymentsUnavailableError(`unknown payment provider ${providerId}`);
}

/** Clock skew and request time: a session must still be 30 minutes from expiry when Stripe sees it. */
const EXPIRY_MARGIN_MS = 60_000;
/**
 * How much longer than the minimum a stretched reservation lasts: a buyer who retries "pay now"
 * within these minutes sends the same expiry, hence the same idempotency key.
 */
const EXPIRY_REUSE_MS = 3 * 60_000;

/**
 * Makes the reservation last at least as long as a payment page the provider is about to open,
 * and returns the order's (possibly new) reservedUntil, or null when the order can no longer be
 * paid. A `spentExpiry` (that of a page that ended early) is moved off, since its idempotency key
 * is used up. Conditional updates, so concurrent requests (a double click) end on the same expiry.
 */
async function stretchReservation(
  prisma: PrismaClient,
  args: { orderId: string; minimumOpenMs: number; now: Date; spentExpiry?: Date },
) {
  const { orderId, minimumOpenMs, now, spentExpiry } = args;
  const needed = new Date(now.getTime() + minimumOpenMs + EXPIRY_MARGIN_MS);
  // Whole seconds: Stripe's expires_at is in seconds, and the idempotency key is built from it.
  const until = new Date(Math.ceil((needed.getTime() + EXPIRY_REUSE_MS) / 1000) * 1000);
  const live = { id: orderId, status: "PENDING" as const, holdsStock: true, reservedUntil: { gt: now } };
  if (spentExpiry) {
    const later = new Date(Math.max(until.getTime(), spentExpiry.getTime() + 1000));
    await prisma.order.updateMany({
      where: { ...live, reservedUntil: { gt: now, equals: spentExpiry } },
      data: { reservedUntil: later },
    });
  }
  await prisma.order.updateMany({
    where: { ...live, reservedUntil: { gt: now, lt: needed } },
    data: { reservedUntil: until },
  });
  const order = await prisma.order.findUniqueOrThrow({
    where: { id: orderId },
    select: { status: true, holdsStock: true, reservedUntil: true },
  });
  const payable = order.status === "PENDING" && order.holdsStock && order.reservedUntil >= needed;
  return payable ? order.reservedUntil : null;
}

/**
 * Starts paying for a pending order and returns where to send the buyer: the provider's page,
 * or, when the provider cannot be reached or the order is no longer pending, the order page
 * (which says so and offers to try again while the reservation lasts).
 */
export async function startPaymentOrExplain(prisma: PrismaClient, orderId: string, locale: Locale): Promise<string> {
  const stored = await prisma.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      id: true,
      token: true,
      totalFen: true,
      status: true,
      locale: true,
      currency: true,
      reservedUntil: true,
      paymentProvider: true,
      paymentReference: true,
      // A stable order, so a retried payment sends the same line items.
      lines: { orderBy: { id: "asc" }, select: { nameZh: true, nameEn: true, quantity: true, unitPriceFen: true } },
    },
  });
  const orderPage = localePath(locale, `/orders/${stored.token}`);
  if (stored.status !== "PENDING") return orderPage;
  const order: OrderForPayment = { ...stored, locale: stored.locale === "en" ? "en" : "zh" };
  try {
    const provider = providerForOrder(stored.paymentProvider);
    const resumed = (await provider.resumePayment?.(order)) ?? null;
    let payment: StartedPayment;
    if (resumed && "redirectUrl" in resumed) {
      payment = resumed;
    } else {
      if (provider.minimumOpenMs) {
        const reservedUntil = await stretchReservation(prisma, {
          orderId: order.id,
          minimumOpenMs: provider.minimumOpenMs,
          now: new Date(),
          spentExpiry: resumed?.spentExpiry,
        });
        if (!reservedUntil) return orderPage; // the reservation ran out: the order page says so
        order.reservedUntil = reservedUntil;
      }
      payment = await provider.startPayment(order);
    }
    if (payment.reference !== stored.paymentReference) {
      // Only while pending: a webhook that already settled the order has recorded who paid.
      await prisma.order.updateMany({
        where: { id: order.id, status: "PENDING" },
        data: { paymentReference: payment.reference },
      });
    }
    return payment.redirectUrl;
  } catch (error) {
    if (!(error instanceof PaymentsUnavailableError)) throw error;
    logger().error({ orderId: order.id, err: error }, "payment could not start");
    return `${orderPage}?payment=unavailable`;
  }
}
