import type { PrismaClient } from "~/generated/prisma/client";
import type { CheckoutInput } from "~/orders/checkout-schema";
import { isUniqueViolation } from "~/utils/db-errors.server";
import { releaseExpiredReservations } from "./payments.server";
import { createPendingOrder, reserveLines, SoldOutError } from "./reservation.server";

export { RESERVATION_MINUTES, SoldOutError } from "./reservation.server";

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

/**
 * Turns the cart into a pending order: prices from the database, every line's stock reserved
 * atomically by reserveLines (all or nothing; SoldOutError leaves stock and cart unchanged), the
 * cart emptied. Never oversells. Idempotent on the checkout form's key: a double click or a
 * retried post returns the order the first one made.
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
      const short = await reserveLines(
        tx,
        lines.map((l) => ({ productId: l.product.id, quantity: l.quantity })),
        { listed: true },
      );
      if (short.length > 0) throw new SoldOutError(short); // rolls back the whole transaction

      const order = await createPendingOrder(tx, {
        details: {
          checkoutKey: input.checkoutKey,
          locale,
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
          paymentProvider: provider,
        },
        lines,
        now,
      });
      await tx.cartLine.deleteMany({ where: { cartId } });
      return { id: order.id, token: order.token };
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
