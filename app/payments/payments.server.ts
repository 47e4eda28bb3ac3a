import type { PrismaClient } from "~/generated/prisma/client";
import type { OrderStatus } from "~/generated/prisma/enums";
import { recordSale } from "~/ledger/ledger.server";
import { MAX_STOCK } from "~/catalog/stock";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export type PaymentEventType = "succeeded" | "failed" | "expired";

export interface PaymentEventInput {
  /** "test", "stripe", or "system" for the reservation sweeper. */
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
  const now = event.now ?? new Date();
  return prisma.$transaction(async (tx) => {
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
        await recordSale(tx, order.id, now);
        return { duplicate: false, changed: true, status: "PAID" };
      }
      if (order.status === "EXPIRED" || order.status === "FAILED") {
        // Paid after the reservation was released: take the stock again if nobody bought it meanwhile.
        const status = (await reserveAgain(tx, order.id)) ? "PAID" : "NEEDS_REFUND";
        await setStatus(tx, order.id, status, { paidAt: now, paymentReference: event.reference });
        // Only goods actually sold are attributed; money for goods that were gone is refunded instead.
        if (status === "PAID") await recordSale(tx, order.id, now);
        return { duplicate: false, changed: true, status };
      }
      return { duplicate: false, changed: false, status: order.status };
    }

    // failed or expired: only a pending order releases its stock.
    if (order.status === "PENDING" && order.holdsStock) {
      const status = event.type === "failed" ? "FAILED" : "EXPIRED";
      await releaseStock(tx, order.id);
      await setStatus(tx, order.id, status, {});
      return { duplicate: false, changed: true, status };
    }
    return { duplicate: false, changed: false, status: order.status };
  });
}

async function setStatus(
  tx: Tx,
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

async function releaseStock(tx: Tx, orderId: string) {
  const lines = await tx.orderLine.findMany({
    where: { orderId },
    orderBy: { productId: "asc" },
    select: { productId: true, quantity: true },
  });
  for (const line of lines) await giveBackStock(tx, line.productId, line.quantity);
}

/**
 * Returns released units to a product's stock, capped at MAX_STOCK (a database CHECK): the
 * cooperative may have raised its stock to the ceiling while the units were held. Each step is
 * one conditional statement, so concurrent sales and edits can only make it try again.
 */
async function giveBackStock(tx: Tx, productId: string, quantity: number) {
  for (;;) {
    const added = await tx.product.updateMany({
      where: { id: productId, stock: { lte: MAX_STOCK - quantity } },
      data: { stock: { increment: quantity } },
    });
    if (added.count > 0) return;
    const capped = await tx.product.updateMany({
      where: { id: productId, stock: { gt: MAX_STOCK - quantity } },
      data: { stock: MAX_STOCK },
    });
    if (capped.count > 0) return;
    if (!(await tx.product.findUnique({ where: { id: productId }, select: { id: true } }))) return;
  }
}

/** Takes every line's stock again, all or nothing; false when any line is no longer available. */
async function reserveAgain(tx: Tx, orderId: string): Promise<boolean> {
  const lines = await tx.orderLine.findMany({
    where: { orderId },
    orderBy: { productId: "asc" },
    select: { productId: true, quantity: true },
  });
  const taken: typeof lines = [];
  for (const line of lines) {
    const { count } = await tx.product.updateMany({
      where: { id: line.productId, stock: { gte: line.quantity } },
      data: { stock: { decrement: line.quantity } },
    });
    if (count === 0) {
      for (const back of taken)
        await tx.product.update({ where: { id: back.productId }, data: { stock: { increment: back.quantity } } });
      return false;
    }
    taken.push(line);
  }
  return true;
}
