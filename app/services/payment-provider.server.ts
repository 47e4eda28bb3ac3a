import type { PrismaClient } from "~/generated/prisma/client";
import { env } from "~/utils/env.server";
import { localePath, type Locale } from "~/utils/i18n";

/** What a payment provider needs to take payment for an order. */
export interface OrderForPayment {
  id: string;
  token: string;
  totalFen: number;
  locale: Locale;
  lines: { nameZh: string; nameEn: string; quantity: number; unitPriceFen: number }[];
}

/**
 * A way to take payment. It starts a payment and sends the buyer somewhere to pay; whatever it
 * learns afterwards (a confirmation page, a webhook) goes through applyPaymentEvent.
 */
export interface PaymentProvider {
  readonly id: string;
  startPayment(order: OrderForPayment): Promise<{ redirectUrl: string; reference: string }>;
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

/** Test payments are for development and demos; production on a real database needs them explicitly enabled. */
export function testPaymentsAllowed(): boolean {
  const config = env();
  return !(config.NODE_ENV === "production" && config.DATABASE_URL) || process.env.ALLOW_TEST_PAYMENTS === "true";
}

export function paymentProvider(): PaymentProvider {
  if (!testPaymentsAllowed()) {
    throw new PaymentsUnavailableError(
      "no payment provider is configured (set the Stripe keys, or ALLOW_TEST_PAYMENTS=true)",
    );
  }
  return testPaymentProvider;
}

/**
 * Starts paying for a pending order and returns where to send the buyer: the provider's page,
 * or, when the provider cannot be reached or the order is no longer pending, the order page
 * (which says so and offers to try again while the reservation lasts).
 */
export async function startPaymentOrExplain(prisma: PrismaClient, orderId: string, locale: Locale): Promise<string> {
  const order = await prisma.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      id: true,
      token: true,
      totalFen: true,
      status: true,
      lines: { select: { nameZh: true, nameEn: true, quantity: true, unitPriceFen: true } },
    },
  });
  const orderPage = localePath(locale, `/orders/${order.token}`);
  if (order.status !== "PENDING") return orderPage;
  try {
    const payment = await paymentProvider().startPayment({ ...order, locale });
    await prisma.order.update({ where: { id: order.id }, data: { paymentReference: payment.reference } });
    return payment.redirectUrl;
  } catch (error) {
    if (!(error instanceof PaymentsUnavailableError)) throw error;
    console.error(`payment could not start for order ${order.id}: ${error.message}`);
    return `${orderPage}?payment=unavailable`;
  }
}
