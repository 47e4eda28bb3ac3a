import { maskPhone } from "./contact-mask";
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "~/generated/prisma/client";
import { isUniqueViolation } from "~/utils/db-errors.server";
import { RESERVATION_MINUTES, type CheckoutInput } from "~/orders/checkout-schema";
import { applyPaymentEvent } from "~/payments/payments.server";

export { RESERVATION_MINUTES };

export class EmptyCartError extends Error {
  constructor() {
    super("empty-cart");
  }
}

export class UnknownOrganisationError extends Error {
  constructor() {
    super("unknown-organisation");
  }
}

/** Some lines could not be reserved; nothing was reserved and the cart is unchanged. */
export class SoldOutError extends Error {
  constructor(public readonly items: { productId: string; nameZh: string; nameEn: string; available: number }[]) {
    super("sold-out");
  }
}

/**
 * Turns the cart into a pending order: prices from the database, every line's stock reserved
 * atomically (all or nothing), the cart emptied. Never oversells: each reservation is a
 * conditional decrement. Idempotent on the checkout form's key: a double click or a retried post
 * returns the order the first one made.
 */
export async function placeOrder(
  prisma: PrismaClient,
  args: { cartId: string; input: CheckoutInput; locale: "zh" | "en"; now?: Date; provider?: string },
): Promise<{ id: string; token: string }> {
  const { cartId, input, locale, now = new Date(), provider = "test" } = args;
  const existing = await prisma.order.findUnique({
    where: { checkoutKey: input.checkoutKey },
    select: { id: true, token: true },
  });
  if (existing) return existing;

  let onBehalfOfId: string | null = null;
  if (input.onBehalfOf) {
    const organisation = await prisma.organisation.findUnique({
      where: { slug: input.onBehalfOf },
      select: { id: true },
    });
    if (!organisation) throw new UnknownOrganisationError();
    onBehalfOfId = organisation.id;
  }
  await releaseExpiredReservations(prisma, now);

  try {
    return await prisma.$transaction(async (tx) => {
      // Sorted by product so concurrent checkouts lock rows in the same order and cannot deadlock.
      const lines = await tx.cartLine.findMany({
        where: { cartId },
        orderBy: { productId: "asc" },
        select: {
          quantity: true,
          product: {
            select: {
              id: true,
              nameZh: true,
              nameEn: true,
              unitZh: true,
              unitEn: true,
              priceFen: true,
              cooperativeId: true,
              certificateNumber: true,
              certifiedUntil: true,
              certifiedFrom: true,
            },
          },
        },
      });
      if (lines.length === 0) throw new EmptyCartError();
      const short: SoldOutError["items"] = [];
      for (const { quantity, product } of lines) {
        const { count } = await tx.product.updateMany({
          where: { id: product.id, status: "LISTED", stock: { gte: quantity } },
          data: { stock: { decrement: quantity } },
        });
        if (count === 0) {
          const current = await tx.product.findUnique({
            where: { id: product.id },
            select: { stock: true, status: true },
          });
          short.push({
            productId: product.id,
            nameZh: product.nameZh,
            nameEn: product.nameEn,
            available: current?.status === "LISTED" ? current.stock : 0,
          });
        }
      }
      if (short.length > 0) throw new SoldOutError(short); // rolls back every reservation above

      const order = await tx.order.create({
        data: {
          token: randomBytes(24).toString("base64url"),
          checkoutKey: input.checkoutKey,
          locale,
          totalFen: lines.reduce((sum, l) => sum + l.quantity * l.product.priceFen, 0),
          contactName: input.contactName,
          contactPhone: input.contactPhone ?? null,
          contactEmail: input.contactEmail ?? null,
          fulfilment: input.fulfilment,
          ...(input.fulfilment === "DELIVERY"
            ? {
                recipientName: input.recipientName,
                province: input.province,
                city: input.city,
                district: input.district,
                addressLine: input.addressLine,
                postalCode: input.postalCode,
              }
            : {}),
          onBehalfOfId,
          reservedUntil: new Date(now.getTime() + RESERVATION_MINUTES * 60_000),
          paymentProvider: provider,
          lines: {
            create: lines.map(({ quantity, product }) => ({
              productId: product.id,
              cooperativeId: product.cooperativeId,
              nameZh: product.nameZh,
              nameEn: product.nameEn,
              unitZh: product.unitZh,
              unitEn: product.unitEn,
              quantity,
              unitPriceFen: product.priceFen,
              lineTotalFen: quantity * product.priceFen,
              certified: isCertified(product, now),
            })),
          },
        },
        select: { id: true, token: true },
      });
      await tx.cartLine.deleteMany({ where: { cartId } });
      return order;
    });
  } catch (error) {
    // The same form posted twice at once: the second finds the cart already turned into the first's
    // order, or loses the race on the unique key (its reservations roll back). Either way it gets
    // the first one's order.
    if (isUniqueViolation(error) || error instanceof EmptyCartError) {
      const winner = await prisma.order.findUnique({
        where: { checkoutKey: input.checkoutKey },
        select: { id: true, token: true },
      });
      if (winner) return winner;
    }
    throw error;
  }
}

const shanghaiDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Certified on the day of sale: a certificate number and a validity that covers that day. */
export function isCertified(
  product: { certificateNumber: string | null; certifiedFrom: Date | null; certifiedUntil: Date | null },
  on: Date,
): boolean {
  if (!product.certificateNumber) return false;
  const day = shanghaiDay.format(on); // certificates run by calendar day in China

  const from = product.certifiedFrom?.toISOString().slice(0, 10);
  const until = product.certifiedUntil?.toISOString().slice(0, 10);
  return (!from || from <= day) && (!until || day <= until);
}

/**
 * Releases the stock of pending orders whose reservation ran out. Safe to run from every server
 * at once: each release is a conditional state change applied through the payment-event path.
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
 * Everything the order page shows, found by its unguessable token. The link is a bearer token
 * and gets forwarded, so the phone number comes back masked (138****5678), never in full.
 */
export async function getOrderByToken(prisma: PrismaClient, token: string) {
  const order = await prisma.order.findUnique({
    where: { token },
    select: {
      id: true,
      token: true,
      status: true,
      totalFen: true,
      refundedFen: true,
      locale: true,
      contactName: true,
      contactPhone: true,
      contactEmail: true,
      fulfilment: true,
      recipientName: true,
      province: true,
      city: true,
      district: true,
      addressLine: true,
      postalCode: true,
      reservedUntil: true,
      paidAt: true,
      createdAt: true,
      paymentProvider: true,
      onBehalfOf: { select: { slug: true, nameZh: true, nameEn: true } },
      lines: {
        orderBy: { id: "asc" },
        select: {
          id: true,
          productId: true,
          nameZh: true,
          nameEn: true,
          unitZh: true,
          unitEn: true,
          quantity: true,
          unitPriceFen: true,
          lineTotalFen: true,
          certified: true,
          product: { select: { slug: true } },
          cooperative: {
            select: {
              id: true,
              slug: true,
              nameZh: true,
              nameEn: true,
              boothNumber: true,
              countyId: true,
              county: {
                select: {
                  slug: true,
                  nameZh: true,
                  nameEn: true,
                  region: { select: { slug: true, nameZh: true, nameEn: true } },
                },
              },
            },
          },
        },
      },
    },
  });
  return order && { ...order, contactPhone: order.contactPhone && maskPhone(order.contactPhone) };
}
export type OrderView = NonNullable<Awaited<ReturnType<typeof getOrderByToken>>>;

/** Puts an unpaid order's lines back into a cart, e.g. after the buyer cancelled the payment. */
export async function restoreOrderToCart(prisma: PrismaClient, orderId: string, cartId: string) {
  const lines = await prisma.orderLine.findMany({ where: { orderId }, select: { productId: true, quantity: true } });
  for (const line of lines) {
    await prisma.$executeRaw`
      INSERT INTO "CartLine" ("id", "cartId", "productId", "quantity", "updatedAt")
      VALUES (gen_random_uuid()::text, ${cartId}, ${line.productId}, LEAST(${line.quantity}::int, 20), now())
      ON CONFLICT ("cartId", "productId") DO NOTHING`;
  }
}
