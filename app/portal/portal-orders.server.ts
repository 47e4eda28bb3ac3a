import type { PrismaClient } from "~/generated/prisma/client";
import type { FulfilmentInput } from "~/portal/portal-schema";
import { audit } from "~/accounts/accounts.server";
import { isUniqueViolation, PortalConflictError, PortalNotFoundError } from "./portal-common.server";

/*
 * A cooperative's part of the paid orders: it sees only its own lines (an order may hold goods of
 * several cooperatives) and records its own fulfilment (OrderFulfilment, one row per order and
 * cooperative). Every query names the cooperative.
 */

/** Orders whose goods the cooperative still has to hand over: paid, and not refunded in full. */
const FULFILLABLE = ["PAID", "PARTLY_REFUNDED"] as const;
const DONE = ["SHIPPED", "PICKED_UP"] as const;

export type OrdersView = "open" | "done";

export async function listCooperativeOrders(
  prisma: PrismaClient,
  cooperativeId: string,
  view: OrdersView = "open",
  take = 100,
) {
  const finished = { cooperativeId, status: { in: [...DONE] } };
  return prisma.order.findMany({
    where: {
      status: { in: [...FULFILLABLE] },
      lines: { some: { cooperativeId } },
      orderFulfilments: view === "open" ? { none: finished } : { some: finished },
    },
    orderBy: { paidAt: view === "open" ? "asc" : "desc" },
    take,
    select: {
      id: true,
      status: true,
      channel: true,
      paidAt: true,
      fulfilment: true,
      contactName: true,
      contactPhone: true,
      contactEmail: true,
      recipientName: true,
      province: true,
      city: true,
      district: true,
      addressLine: true,
      postalCode: true,
      lines: {
        where: { cooperativeId },
        orderBy: { id: "asc" },
        select: {
          id: true,
          nameZh: true,
          nameEn: true,
          unitZh: true,
          unitEn: true,
          quantity: true,
          refundedQuantity: true,
          lineTotalFen: true,
        },
      },
      orderFulfilments: {
        where: { cooperativeId },
        select: { status: true, trackingNumber: true, updatedAt: true },
      },
      // A unit's order shipped to a recipient list: the rows for this cooperative's products only.
      recipients: {
        where: { product: { cooperativeId } },
        orderBy: { line: "asc" },
        select: {
          id: true,
          line: true,
          recipient: true,
          mobile: true,
          province: true,
          city: true,
          district: true,
          address: true,
          quantity: true,
          product: { select: { nameZh: true, nameEn: true } },
        },
      },
    },
  });
}
export type CooperativeOrder = Awaited<ReturnType<typeof listCooperativeOrders>>[number];

/**
 * Records that the cooperative packed, shipped (with a tracking number) or handed over at the
 * booth its part of a paid order. Shipping is for delivery orders, pick-up for booth orders; a
 * handed-over order is final, and a shipped one may only have its tracking number corrected.
 * An order without this cooperative's lines is not found.
 */
export async function setFulfilment(
  prisma: PrismaClient,
  args: { cooperativeId: string; actorId: string; input: FulfilmentInput },
) {
  try {
    await applyFulfilment(prisma, args);
  } catch (error) {
    // Two people marking the same order at once: the loser's insert hits the unique key. Once
    // more, it finds the winner's row and follows the same rules against it.
    if (!isUniqueViolation(error)) throw error;
    await applyFulfilment(prisma, args);
  }
}

async function applyFulfilment(
  prisma: PrismaClient,
  args: { cooperativeId: string; actorId: string; input: FulfilmentInput },
) {
  const { cooperativeId, actorId, input } = args;
  await prisma.$transaction(async (tx) => {
    const order = await tx.order.findFirst({
      where: { id: input.orderId, status: { in: [...FULFILLABLE] }, lines: { some: { cooperativeId } } },
      select: {
        fulfilment: true,
        orderFulfilments: { where: { cooperativeId }, select: { status: true, trackingNumber: true } },
      },
    });
    if (!order) throw new PortalNotFoundError("order");
    const current = order.orderFulfilments[0] ?? null;
    if (input.status === "SHIPPED" && order.fulfilment !== "DELIVERY")
      throw new PortalConflictError("status", "portal.error.notADelivery");
    if (input.status === "PICKED_UP" && order.fulfilment !== "BOOTH_PICKUP")
      throw new PortalConflictError("status", "portal.error.notAPickup");
    if (current?.status === "PICKED_UP" || (current?.status === "SHIPPED" && input.status !== "SHIPPED"))
      throw new PortalConflictError("status", "portal.error.alreadyDone");
    if (current?.status === input.status && current.trackingNumber === (input.trackingNumber ?? null)) return;

    const data = { status: input.status, trackingNumber: input.trackingNumber ?? null, updatedById: actorId };
    await tx.orderFulfilment.upsert({
      where: { orderId_cooperativeId: { orderId: input.orderId, cooperativeId } },
      create: { orderId: input.orderId, cooperativeId, ...data },
      update: data,
    });
    await audit(tx, {
      actorId,
      action: "fulfilment.update",
      entity: "OrderFulfilment",
      entityId: `${input.orderId}:${cooperativeId}`,
      before: current,
      after: { status: data.status, trackingNumber: data.trackingNumber },
    });
  });
}
