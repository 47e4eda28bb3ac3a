import { env, type Env } from "~/utils/env.server";
import { localePath } from "~/utils/i18n";
import type { PaymentProvider } from "../provider";

/** Test payments are for development and demos; production on a real database needs them explicitly enabled. */
export function testPaymentsAllowed(config: Env = env()): boolean {
  return !(config.NODE_ENV === "production" && config.DATABASE_URL) || config.ALLOW_TEST_PAYMENTS;
}

/**
 * The embedded default: a local page, clearly marked as a test, where the buyer confirms or
 * cancels. Confirming applies the same payment event a real provider's confirmation would, and
 * a refund is confirmed at once (no money moved) by the path a webhook's confirmation takes.
 */
export const testPaymentProvider: PaymentProvider = {
  id: "test",
  referencePrefix: "test_",
  async startPayment(order) {
    return { redirectUrl: localePath(order.locale, `/pay/test/${order.token}`), reference: `test_${order.id}` };
  },
  confirmation(orderId, type) {
    return { eventId: `test_${orderId}_${type}`, reference: type === "succeeded" ? `test_${orderId}` : undefined };
  },
  async sendRefund(refund) {
    return { delivery: "confirmed", eventId: `test_refund_${refund.id}` };
  },
};
