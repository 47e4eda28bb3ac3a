import type { PrismaClient } from "~/generated/prisma/client";
import { cacheKeys, purgeAfterCommit } from "~/utils/cache-purge.server";
import { recordRefund } from "~/ledger/ledger.server";
import { countLedgerEntries, countRefund } from "~/observability/metrics.server";

export type RefundProblem = "order-not-refundable" | "nothing-to-refund" | "too-many" | "unknown-line";

export class RefundError extends Error {
  constructor(public readonly problem: RefundProblem) {
    super(problem);
  }
}

/**
 * Asks for a refund of some lines of a paid order (all of them when `lines` is omitted). The
 * amount comes from the order's own prices; quantities already refunded or awaiting refund
 * cannot be refunded twice. The refund then goes to the payment provider, and takes effect
 * (ledger reversed) only when confirmRefund is told it succeeded.
 */
export async function requestRefund(
  prisma: PrismaClient,
  args: { orderId: string; lines?: { orderLineId: string; quantity: number }[]; reason?: string; requestedBy?: string },
) {
  const refund = await prisma.$transaction(async (tx) => {
    const [order] = await tx.$queryRaw<
      { status: string }[]
    >`SELECT "status" FROM "Order" WHERE "id" = ${args.orderId} FOR UPDATE`;
    if (!order || !["PAID", "PARTLY_REFUNDED", "NEEDS_REFUND"].includes(order.status)) {
      throw new RefundError("order-not-refundable");
    }
    const orderLines = await tx.orderLine.findMany({
      where: { orderId: args.orderId },
      select: {
        id: true,
        quantity: true,
        unitPriceFen: true,
        refundLines: { where: { refund: { status: { not: "FAILED" } } }, select: { quantity: true } },
      },
    });
    const refundable = new Map(
      orderLines.map((l) => [
        l.id,
        { left: l.quantity - l.refundLines.reduce((s, r) => s + r.quantity, 0), unit: l.unitPriceFen },
      ]),
    );
    // Money taken for goods that were gone is returned whole; only sold goods are refunded by line.
    const wanted =
      (order.status === "NEEDS_REFUND" ? undefined : args.lines) ??
      orderLines.map((l) => ({ orderLineId: l.id, quantity: refundable.get(l.id)!.left }));
    const lines = wanted.filter((l) => l.quantity > 0);
    if (lines.length === 0) throw new RefundError("nothing-to-refund");
    for (const line of lines) {
      const available = refundable.get(line.orderLineId);
      if (!available) throw new RefundError("unknown-line");
      if (!Number.isInteger(line.quantity) || line.quantity > available.left) throw new RefundError("too-many");
    }
    const priced = lines.map((l) => ({ ...l, amountFen: l.quantity * refundable.get(l.orderLineId)!.unit }));
    return tx.refund.create({
      data: {
        orderId: args.orderId,
        amountFen: priced.reduce((s, l) => s + l.amountFen, 0),
        reason: args.reason ?? "",
        requestedBy: args.requestedBy ?? "",
        lines: { create: priced },
      },
      select: { id: true, amountFen: true, orderId: true },
    });
  });
  countRefund("requested");
  return refund;
}

/**
 * Applies a provider's confirmation of a refund: once per event id and once per refund,
 * in one transaction with the ledger reversal and the order's refunded totals.
 */
export async function confirmRefund(
  prisma: PrismaClient,
  event: { provider: string; eventId: string; refundId: string; providerRefundId?: string; now?: Date },
): Promise<{ duplicate: boolean; changed: boolean }> {
  const now = event.now ?? new Date();
  let ledgerEntries = 0;
  const result = await prisma.$transaction(async (tx) => {
    const refund = await tx.refund.findUniqueOrThrow({ where: { id: event.refundId }, select: { orderId: true } });
    await tx.$queryRaw`SELECT 1 FROM "Order" WHERE "id" = ${refund.orderId} FOR UPDATE`;
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "PaymentEvent" ("id", "provider", "eventId", "type", "orderId")
      VALUES (gen_random_uuid()::text, ${event.provider}, ${event.eventId}, 'refund.succeeded', ${refund.orderId})
      ON CONFLICT ("provider", "eventId") DO NOTHING RETURNING "id"`;
    if (inserted.length === 0) return { duplicate: true, changed: false };
    const { count } = await tx.refund.updateMany({
      where: { id: event.refundId, status: "REQUESTED" },
      data: {
        status: "SUCCEEDED",
        confirmedAt: now,
        ...(event.providerRefundId ? { providerRefundId: event.providerRefundId } : {}),
      },
    });
    if (count === 0) return { duplicate: false, changed: false };
    const lines = await tx.refundLine.findMany({
      where: { refundId: event.refundId },
      select: { orderLineId: true, quantity: true, amountFen: true },
    });
    for (const line of lines) {
      await tx.orderLine.update({
        where: { id: line.orderLineId },
        data: { refundedQuantity: { increment: line.quantity } },
      });
    }
    const amount = lines.reduce((s, l) => s + l.amountFen, 0);
    const order = await tx.order.update({
      where: { id: refund.orderId },
      data: { refundedFen: { increment: amount } },
      select: { refundedFen: true, totalFen: true, status: true },
    });
    await tx.order.update({
      where: { id: refund.orderId },
      data: { status: order.refundedFen >= order.totalFen ? "REFUNDED" : "PARTLY_REFUNDED" },
    });
    // An order paid after its goods were sold elsewhere (NEEDS_REFUND) was never attributed, so
    // its refund has nothing in the ledger to reverse.
    if (order.status !== "NEEDS_REFUND") ledgerEntries = await recordRefund(tx, event.refundId, now);
    return { duplicate: false, changed: true };
  });
  if (result.changed) countRefund("succeeded");
  countLedgerEntries("refund", ledgerEntries);
  if (result.changed) purgeAfterCommit([cacheKeys.ledger]); // the transparency page's sums
  return result;
}

/** The provider said the refund failed: the quantities become refundable again; nothing else changes. */
export async function failRefund(prisma: PrismaClient, refundId: string) {
  const { count } = await prisma.refund.updateMany({
    where: { id: refundId, status: "REQUESTED" },
    data: { status: "FAILED" },
  });
  if (count > 0) countRefund("failed");
}
