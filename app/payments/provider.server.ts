import type { PrismaClient } from "~/generated/prisma/client";
import { env, type Env } from "~/utils/env.server";
import { localePath, type Locale } from "~/utils/i18n";
import {
  applyPaymentEvent,
  recordPaymentReference,
  type PaymentEventResult,
  type PaymentEventType,
} from "./payments.server";
import { PaymentsUnavailableError, type OrderForPayment, type PaymentProvider, type StartedPayment } from "./provider";
import { boothPaymentProvider } from "./providers/booth.server";
import { stripeConfigured } from "./providers/stripe-api.server";
import { stripePaymentProvider } from "./providers/stripe.server";
import { testPaymentProvider, testPaymentsAllowed } from "./providers/test.server";
import { extendReservation } from "./reservation.server";
import { logger } from "~/observability/logger.server";

/*
 * Which provider takes an order's payment, and the checkout and confirmation steps every provider
 * shares. The providers themselves are in providers/, behind the interface in provider.ts.
 */

export {
  boothPaymentProvider,
  PaymentsUnavailableError,
  stripePaymentProvider,
  testPaymentProvider,
  testPaymentsAllowed,
};
export type { OrderForPayment, PaymentProvider, StartedPayment };

/** A provider by its id, whether or not it is configured here (refunds and reports of orders it already took). */
export function paymentProviderById(id: string): PaymentProvider {
  switch (id) {
    case "test":
      return testPaymentProvider;
    case "stripe":
      return stripePaymentProvider;
    case "booth":
      return boothPaymentProvider;
    default:
      throw new Error(`unknown payment provider ${id}`);
  }
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

/** The provider whose webhook endpoint this is, when it is configured here; null otherwise (the endpoint answers 404). */
export function webhookProvider(providerId: "stripe", config: Env = env()): PaymentProvider | null {
  return providerId === "stripe" && stripeConfigured(config) ? stripePaymentProvider : null;
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
        const reservedUntil = await extendReservation(prisma, {
          orderId: order.id,
          minimumOpenMs: provider.minimumOpenMs,
          now: new Date(),
          spentExpiry: resumed?.spentExpiry,
        });
        if (!reservedUntil) return orderPage; // the reservation ran out: the order page says so
        order.reservedUntil = reservedUntil;
      }
      if (!provider.startPayment) throw new PaymentsUnavailableError(`${provider.id} takes no payment online`);
      payment = await provider.startPayment(order);
    }
    if (payment.reference !== stored.paymentReference) {
      await recordPaymentReference(prisma, order.id, payment.reference);
    }
    return payment.redirectUrl;
  } catch (error) {
    if (!(error instanceof PaymentsUnavailableError)) throw error;
    logger().error({ orderId: order.id, err: error }, "payment could not start");
    return `${orderPage}?payment=unavailable`;
  }
}

/**
 * Applies a payment the provider confirmed directly (the test page's buttons, the booth's
 * counter), under the provider's fixed event id for the order and outcome: a double click or a
 * retried post applies once.
 */
export async function confirmPayment(
  prisma: PrismaClient,
  provider: PaymentProvider,
  args: { orderId: string; type: PaymentEventType; amountFen?: number; reference?: string; now?: Date },
): Promise<PaymentEventResult> {
  if (!provider.confirmation) throw new Error(`${provider.id} payments are confirmed by the provider, not here`);
  const { eventId, reference } = provider.confirmation(args.orderId, args.type);
  return applyPaymentEvent(prisma, {
    provider: provider.id,
    eventId,
    type: args.type,
    orderId: args.orderId,
    amountFen: args.amountFen,
    reference: args.reference ?? reference,
    now: args.now,
  });
}
