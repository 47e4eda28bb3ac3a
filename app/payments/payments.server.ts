import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import type { OrderStatus } from "~/generated/prisma/enums";
import { recordSale } from "~/ledger/ledger.server";
import { logger } from "~/observability/logger.server";
import { countLedgerEntries, countPaymentEvent } from "~/observability/metrics.server";
import { cacheKeys, purgeAfterCommit } from "~/utils/cache-purge.server";
import { reserveLines, returnLines } from "./reservation.server";

export type PaymentEventType = "succeeded" | "failed" | "expired";

export interface PaymentEventInput {
  /** "test", "stripe", "booth", or "system" for the reservation sweeper. */
  provider: string;
  /** Unique per provider: the same event applied twice changes nothing the second time. */
  eventId: string;
  type: PaymentEventType;
  orderId: string;
  /** What the provider says was paid, in fen; checked against the order's total. */
  amountFen?: number;
  reference?: string;
  now?: Date;
}

export interface PaymentEventResult {
  duplicate: boolean;
  changed: boolean;
  status: OrderStatus;
  flag?: "amount-mismatch";
}

/**
 * The one path by which an order's payment state changes, whoever reports it (the test payment
 * page, a provider's webhook, the reservation sweeper). Records the event under a unique key in
 * the same transaction as its effect, locks the order row, then applies the state machine:
 * PENDING → PAID on success; PENDING → FAILED / EXPIRED releasing the reserved stock; a success
 * that arrives after the stock was released takes the stock again if it is still there, or
 * marks the order NEEDS_REFUND. A sale writes its ledger entries in the same transaction. Duplicated, concurrent and reordered events end in the same state.
 */
export async function applyPaymentEvent(prisma: PrismaClient, event: PaymentEventInput): Promise<PaymentEventResult> {
  let ledgerEntries = 0;
  const result = await applyInTransaction(prisma, event, (written) => (ledgerEntries += written));
  // Counted once committed: a rolled-back attempt wrote nothing.
  const outcome = result.duplicate ? "duplicate" : result.flag ? "rejected" : "applied";
  countPaymentEvent(event.provider, outcome);
  countLedgerEntries("sale", ledgerEntries);
  // One line per payment event, found by the order's id (what support searches the log for).
  logger().info(
    {
      orderId: event.orderId,
      provider: event.provider,
      eventId: event.eventId,
      type: event.type,
      outcome,
      status: result.status,
    },
    "payment event",
  );
  return result;
}

async function applyInTransaction(
  prisma: PrismaClient,
  event: PaymentEventInput,
  wrote: (entries: number) => void,
): Promise<PaymentEventResult> {
  const now = event.now ?? new Date();
  // Products whose stock this event moved: their pages may change between "sold out" and not.
  const stockMoved: string[] = [];
  const result = await prisma.$transaction(async (tx): Promise<PaymentEventResult> => {
    // Lock the order first: the event row's foreign key would otherwise take a share lock that
    // two concurrent events then both try to upgrade (a deadlock).
    const [order] = await tx.$queryRaw<{ id: string; status: OrderStatus; holdsStock: boolean; totalFen: number }[]>`
      SELECT "id", "status", "holdsStock", "totalFen" FROM "Order" WHERE "id" = ${event.orderId} FOR UPDATE`;
    if (!order) throw new Error(`payment event for unknown order ${event.orderId}`);
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "PaymentEvent" ("id", "provider", "eventId", "type", "orderId", "amountFen")
      VALUES (gen_random_uuid()::text, ${event.provider}, ${event.eventId}, ${event.type}, ${event.orderId}, ${event.amountFen ?? null}::int)
      ON CONFLICT ("provider", "eventId") DO NOTHING
      RETURNING "id"`;
    if (inserted.length === 0) return { duplicate: true, changed: false, status: order.status };

    if (event.type === "succeeded") {
      if (event.amountFen !== undefined && event.amountFen !== order.totalFen) {
        return { duplicate: false, changed: false, status: order.status, flag: "amount-mismatch" };
      }
      if (order.status === "PENDING" && order.holdsStock) {
        await setStatus(tx, order.id, "PAID", { paidAt: now, paymentReference: event.reference });
        wrote(await recordSale(tx, order.id, now));
        return { duplicate: false, changed: true, status: "PAID" };
      }
      if (order.status === "EXPIRED" || order.status === "FAILED") {
        // Paid after the reservation was released: take the stock again if nobody bought it meanwhile.
        const status = (await reserveAgain(tx, order.id, stockMoved)) ? "PAID" : "NEEDS_REFUND";
        await setStatus(tx, order.id, status, { paidAt: now, paymentReference: event.reference });
        // Only goods actually sold are attributed; money for goods that were gone is refunded instead.
        if (status === "PAID") wrote(await recordSale(tx, order.id, now));
        return { duplicate: false, changed: true, status };
      }
      return { duplicate: false, changed: false, status: order.status };
    }

    // failed or expired: only a pending order releases its stock.
    if (order.status === "PENDING" && order.holdsStock) {
      const status = event.type === "failed" ? "FAILED" : "EXPIRED";
      await releaseStock(tx, order.id, stockMoved);
      await setStatus(tx, order.id, status, {});
      return { duplicate: false, changed: true, status };
    }
    return { duplicate: false, changed: false, status: order.status };
  });
  if (result.changed) {
    // After the commit: the transparency page's sums, and the pages of goods whose stock moved.
    purgeAfterCommit([...(result.status === "PAID" ? [cacheKeys.ledger] : []), ...stockMoved.map(cacheKeys.product)]);
  }
  return result;
}

async function setStatus(
  tx: Prisma.TransactionClient,
  orderId: string,
  status: OrderStatus,
  extra: { paidAt?: Date; paymentReference?: string },
) {
  await tx.order.update({
    where: { id: orderId },
    data: {
      status,
      holdsStock: false,
      ...(extra.paidAt ? { paidAt: extra.paidAt } : {}),
      ...(extra.paymentReference ? { paymentReference: extra.paymentReference } : {}),
    },
  });
}

async function linesOf(tx: Prisma.TransactionClient, orderId: string) {
  return tx.orderLine.findMany({ where: { orderId }, select: { productId: true, quantity: true } });
}

async function releaseStock(tx: Prisma.TransactionClient, orderId: string, moved: string[]) {
  const lines = await linesOf(tx, orderId);
  await returnLines(tx, lines);
  moved.push(...lines.map((line) => line.productId));
}

/** Takes every line's stock again, all or nothing (listed or not: it was sold); false when any line is gone. */
async function reserveAgain(tx: Prisma.TransactionClient, orderId: string, moved: string[]): Promise<boolean> {
  const lines = await linesOf(tx, orderId);
  const short = await reserveLines(tx, lines);
  if (short.length === 0) moved.push(...lines.map((line) => line.productId));
  return short.length === 0;
}

/**
 * Releases the stock of pending orders whose reservation ran out. Safe to run from every server
 * at once: each release is a conditional state change applied through applyPaymentEvent.
 */
export async function releaseExpiredReservations(prisma: PrismaClient, now = new Date(), limit = 200): Promise<number> {
  const expired = await prisma.order.findMany({
    where: { status: "PENDING", holdsStock: true, reservedUntil: { lt: now } },
    select: { id: true },
    take: limit,
  });
  let released = 0;
  for (const { id } of expired) {
    const result = await applyPaymentEvent(prisma, {
      provider: "system",
      eventId: `reservation-expired:${id}`,
      type: "expired",
      orderId: id,
      now,
    });
    if (result.changed) released++;
  }
  return released;
}

/**
 * Remembers the payment a provider just started for a pending order (e.g. its Checkout Session),
 * so a retry resumes it and a webhook can tell a stale session from the live one. Only while
 * pending: a webhook that already settled the order has recorded who paid.
 */
export async function recordPaymentReference(prisma: PrismaClient, orderId: string, reference: string) {
  await prisma.order.updateMany({ where: { id: orderId, status: "PENDING" }, data: { paymentReference: reference } });
}
