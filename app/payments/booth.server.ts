import type { PrismaClient } from "~/generated/prisma/client";
import { cacheKeys, purgeAfterCommit } from "~/utils/cache-purge.server";
import type { BoothSaleInput } from "~/portal/portal-schema";
import { audit } from "~/accounts/accounts.server";
import { isUniqueViolation, PortalConflictError } from "~/portal/portal-common.server";
import { shanghaiMidnight } from "~/utils/shanghai-time";
import { confirmPayment } from "./provider.server";
import { boothPaymentProvider } from "./providers/booth.server";
import { createPendingOrder, reserveLines, SoldOutError } from "./reservation.server";

/*
 * Selling at the fair's booth. A booth sale is an order like any other (channel BOOTH): its stock
 * is taken by reserveLines like checkout's (all or nothing, never oversold), and it is marked paid
 * through the booth provider's confirmation (applyPaymentEvent, the one path that writes the
 * ledger), so booth sales are attributed exactly like online ones.
 */

/** The buyer at the booth is anonymous; the order names the booth instead. */
export const BOOTH_CONTACT_NAME = "展位现场销售";
/**
 * Orders must carry a phone or an e-mail (a CHECK): a booth sale carries the cooperative's own
 * contact phone (digits only), or this placeholder when the cooperative has none on file.
 */
export const BOOTH_PLACEHOLDER_PHONE = "00000000000";

/** Some lines could not be taken; nothing was sold and no stock changed. */
export class BoothSoldOutError extends SoldOutError {}

/** The booth screen: the cooperative's listed products and today's booth sales. */
export async function getBoothScreen(prisma: PrismaClient, cooperativeId: string, now = new Date()) {
  const since = shanghaiMidnight(now);
  const [products, recent, today] = await Promise.all([
    prisma.product.findMany({
      where: { cooperativeId, status: "LISTED" },
      orderBy: [{ nameZh: "asc" }, { id: "asc" }],
      select: {
        id: true,
        nameZh: true,
        nameEn: true,
        unitZh: true,
        unitEn: true,
        priceFen: true,
        stock: true,
        images: { orderBy: { sortOrder: "asc" }, take: 1, select: { url: true } },
      },
    }),
    prisma.order.findMany({
      where: {
        channel: "BOOTH",
        status: { not: "PENDING" },
        lines: { some: { cooperativeId } },
        paidAt: { gte: since },
      },
      orderBy: { paidAt: "desc" },
      take: 10,
      select: {
        id: true,
        token: true,
        status: true,
        totalFen: true,
        paidAt: true,
        paymentReference: true,
        lines: { where: { cooperativeId }, select: { nameZh: true, nameEn: true, quantity: true } },
      },
    }),
    prisma.ledgerEntry.aggregate({
      where: { cooperativeId, target: "COOPERATIVE", channel: "BOOTH", occurredAt: { gte: since } },
      _sum: { amountFen: true },
    }),
  ]);
  return { products, recent, boothTodayFen: today._sum.amountFen ?? 0 };
}

/** The order a sale key already made, if this cooperative made it; another's is refused. */
async function findSale(
  prisma: PrismaClient,
  checkoutKey: string,
  cooperativeId: string,
): Promise<{ id: string; token: string; totalFen: number } | null> {
  const order = await prisma.order.findUnique({
    where: { checkoutKey },
    select: { id: true, token: true, totalFen: true, channel: true, lines: { select: { cooperativeId: true } } },
  });
  if (!order) return null;
  if (order.channel !== "BOOTH" || order.lines.some((l) => l.cooperativeId !== cooperativeId))
    throw new PortalConflictError("saleKey", "portal.error.reload");
  return { id: order.id, token: order.token, totalFen: order.totalFen };
}

/**
 * Records a sale at the cooperative's booth, paid on the spot in cash or to the booth's own QR
 * code: takes the stock (only the cooperative's own listed products; all or nothing), creates a
 * BOOTH order, marks it paid through the booth provider's confirmation (event `booth:<orderId>`)
 * so the ledger gets BOOTH entries, and marks the goods handed over. Idempotent on the screen's
 * sale key: a double tap or a retried post returns the first sale and changes nothing more.
 */
export async function recordBoothSale(
  prisma: PrismaClient,
  args: { cooperativeId: string; actorId: string; input: BoothSaleInput; now?: Date },
): Promise<{ orderId: string; token: string; totalFen: number; duplicate: boolean }> {
  const { cooperativeId, actorId, input, now = new Date() } = args;
  // Namespaced so a booth key can never meet an online checkout's key.
  const checkoutKey = `booth:${input.saleKey}`;
  let order = await findSale(prisma, checkoutKey, cooperativeId);
  const duplicate = order !== null;
  if (!order) {
    try {
      order = await reserveBoothOrder(prisma, { cooperativeId, checkoutKey, lines: input.lines, now });
      // Booth sales are few: the goods' cached pages are refreshed whether or not they reached zero.
      purgeAfterCommit(input.lines.map((line) => cacheKeys.product(line.productId)));
    } catch (error) {
      // Two taps at once: the second loses the race on the unique key and its reservations roll back.
      if (!isUniqueViolation(error)) throw error;
      order = await findSale(prisma, checkoutKey, cooperativeId);
      if (!order) throw error;
    }
  }

  // Applied on every call (a replay is a no-op), so a sale interrupted between the two steps is
  // completed by the retry rather than left pending.
  const payment = await confirmPayment(prisma, boothPaymentProvider, {
    orderId: order.id,
    type: "succeeded",
    amountFen: order.totalFen,
    reference: input.payment === "QR" ? "qr" : "cash",
    now,
  });
  if (payment.status === "PAID" || payment.status === "PARTLY_REFUNDED") {
    await prisma.$transaction(async (tx) => {
      // Handed over across the counter: nothing left to fulfil.
      // ON CONFLICT DO NOTHING: both taps of a double tap get here, and an upsert would race.
      await tx.orderFulfilment.createMany({
        data: [{ orderId: order.id, cooperativeId, status: "PICKED_UP", updatedById: actorId }],
        skipDuplicates: true,
      });
      if (payment.changed)
        await audit(tx, {
          actorId,
          action: "booth.sale",
          entity: "Order",
          entityId: order.id,
          after: { totalFen: order.totalFen, payment: input.payment, lines: input.lines },
        });
    });
  }
  return { orderId: order.id, token: order.token, totalFen: order.totalFen, duplicate };
}

/** Takes the lines' stock with reserveLines (only the cooperative's own listed goods) and writes the BOOTH order. */
async function reserveBoothOrder(
  prisma: PrismaClient,
  args: { cooperativeId: string; checkoutKey: string; lines: BoothSaleInput["lines"]; now: Date },
) {
  const { cooperativeId, checkoutKey, lines, now } = args;
  return prisma.$transaction(async (tx) => {
    const short = await reserveLines(tx, lines, { listed: true, cooperativeId });
    if (short.length > 0) throw new BoothSoldOutError(short); // rolls back the whole transaction

    // Read after the reservation: the rows are locked by this transaction, so the price is the one sold at.
    const products = await tx.product.findMany({
      where: { id: { in: lines.map((l) => l.productId) }, cooperativeId },
      select: {
        id: true,
        cooperativeId: true,
        nameZh: true,
        nameEn: true,
        unitZh: true,
        unitEn: true,
        priceFen: true,
        certificateNumber: true,
        certifiedFrom: true,
        certifiedUntil: true,
        cooperative: { select: { boothNumber: true, contactPhone: true } },
      },
    });
    const byId = new Map(products.map((p) => [p.id, p]));
    const sold = [...lines]
      .sort((a, b) => (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0))
      .map((line) => ({ quantity: line.quantity, product: byId.get(line.productId)! }));
    const booth = sold[0]!.product.cooperative;
    const phone = booth.contactPhone.replace(/\D/g, "");
    return createPendingOrder(tx, {
      details: {
        checkoutKey,
        channel: "BOOTH",
        locale: "zh",
        contactName: booth.boothNumber ? `${BOOTH_CONTACT_NAME} ${booth.boothNumber}` : BOOTH_CONTACT_NAME,
        contactPhone: phone || BOOTH_PLACEHOLDER_PHONE,
        fulfilment: "BOOTH_PICKUP",
        // Paid within the same request; the hold only matters if the server stops in between.
        paymentProvider: boothPaymentProvider.id,
      },
      lines: sold,
      now,
    });
  });
}
