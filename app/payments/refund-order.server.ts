import type { PrismaClient } from "~/generated/prisma/client";
import { paymentProviderById } from "./provider.server";
import { confirmRefund, failRefund, requestRefund } from "./refunds.server";
import { logger } from "~/observability/logger.server";

/**
 * Where a refund stands after it was handed to the payment provider:
 * - confirmed: the provider confirmed it and the ledger is reversed (the test provider, at once);
 * - sent: the provider accepted it; its webhook confirms it (or says it failed) later;
 * - retry-later: the provider could not be reached; the refund stays requested and
 *   `npm run payments:reconcile` (or sendRefund) sends it again under the same idempotency key.
 * (A provider's refusal is RefundRejectedError.)
 */
export type RefundDelivery = "confirmed" | "sent" | "retry-later";

export interface RefundOrderResult {
  refundId: string;
  amountFen: number;
  delivery: RefundDelivery;
  providerRefundId?: string;
}

/** The provider refused the refund (e.g. more than the charge has left); it is marked FAILED. */
export class RefundRejectedError extends Error {
  constructor(
    public readonly refundId: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * An organiser refunds a whole paid order, or some of its lines. The amount comes from the
 * order's own prices (requestRefund), the refund goes to the provider that took the money, and the
 * ledger is reversed only when the provider confirms. Throws RefundError when the order or lines
 * cannot be refunded, RefundRejectedError when the provider refuses.
 */
export async function refundOrder(
  prisma: PrismaClient,
  args: {
    orderId: string;
    lines?: { orderLineId: string; quantity: number }[];
    reason: string;
    requestedBy: string;
  },
): Promise<RefundOrderResult> {
  const refund = await requestRefund(prisma, args);
  return sendRefund(prisma, refund.id);
}

/**
 * Hands a requested refund to its order's payment provider. Safe to call again for the same
 * refund (after "retry-later"): the provider gets the same idempotency key and answers with the
 * refund it already made instead of refunding twice.
 */
export async function sendRefund(prisma: PrismaClient, refundId: string): Promise<RefundOrderResult> {
  const refund = await prisma.refund.findUniqueOrThrow({
    where: { id: refundId },
    select: {
      id: true,
      amountFen: true,
      status: true,
      reason: true,
      providerRefundId: true,
      order: { select: { id: true, paymentProvider: true, paymentReference: true } },
    },
  });
  const result = { refundId: refund.id, amountFen: refund.amountFen };
  if (refund.status === "SUCCEEDED") return { ...result, delivery: "confirmed" };
  if (refund.status === "FAILED") throw new RefundRejectedError(refund.id, "this refund already failed");

  const provider = paymentProviderById(refund.order.paymentProvider);
  const sent = await provider.sendRefund({
    id: refund.id,
    orderId: refund.order.id,
    amountFen: refund.amountFen,
    reason: refund.reason,
    paymentReference: refund.order.paymentReference,
  });
  switch (sent.delivery) {
    case "confirmed":
      // Confirmed on the spot: it takes the path a webhook's confirmation would.
      await confirmRefund(prisma, { provider: provider.id, eventId: sent.eventId, refundId: refund.id });
      return { ...result, delivery: "confirmed" };
    case "sent":
      // Lets a webhook that lost the metadata still find the refund; the first writer wins.
      await prisma.refund.updateMany({
        where: { id: refund.id, providerRefundId: null },
        data: { providerRefundId: sent.providerRefundId },
      });
      return { ...result, delivery: "sent", providerRefundId: sent.providerRefundId };
    case "retry-later":
      logger().warn({ refundId: refund.id, why: sent.why }, "refund not delivered; it stays requested");
      return { ...result, delivery: "retry-later" };
    case "rejected":
      await failRefund(prisma, refund.id);
      throw new RefundRejectedError(refund.id, sent.why);
  }
}
