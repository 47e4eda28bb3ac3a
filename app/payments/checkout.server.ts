import type { PrismaClient } from "~/generated/prisma/client";
import type { CheckoutInput } from "~/orders/checkout-schema";
import { BusyError, type Admission } from "~/utils/admission.server";
import { cacheKeys, purgeAfterCommit } from "~/utils/cache-purge.server";
import { isBusyError, isUniqueViolation } from "~/utils/db-errors.server";
import { releaseExpiredReservations } from "./payments.server";
import { reserveCartAsOrder, SoldOutError, type ShortLine } from "./reservation.server";

export { RESERVATION_MINUTES, SoldOutError } from "./reservation.server";
export { BusyError };

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
 * The cart's lines that cannot be had right now, read without a transaction. Throws
 * EmptyCartError for an empty cart. Expired reservations are released first when something is
 * short, so stock a lapsed buyer held goes to the next one.
 */
async function shortLines(prisma: PrismaClient, cartId: string, now: Date): Promise<ShortLine[]> {
  const read = () =>
    prisma.cartLine.findMany({
      where: { cartId },
      select: {
        quantity: true,
        product: { select: { id: true, nameZh: true, nameEn: true, stock: true, status: true } },
      },
    });
  const short = (lines: Awaited<ReturnType<typeof read>>) =>
    lines
      .filter(({ quantity, product }) => product.status !== "LISTED" || product.stock < quantity)
      .map(({ product }) => ({
        productId: product.id,
        nameZh: product.nameZh,
        nameEn: product.nameEn,
        available: product.status === "LISTED" ? product.stock : 0,
      }));
  let lines = await read();
  if (lines.length === 0) throw new EmptyCartError();
  if (short(lines).length === 0) return [];
  if ((await releaseExpiredReservations(prisma, now)) > 0) lines = await read();
  return short(lines);
}

/**
 * Turns the cart into a pending order: prices from the database, every line's stock reserved
 * atomically (all or nothing, in one statement: reserveCartAsOrder; SoldOutError leaves stock
 * and cart unchanged), the cart emptied. Never oversells. Idempotent on the checkout form's key: a
 * double click or a retried post returns the order the first one made.
 *
 * Under a rush: a cart whose goods are gone is told SoldOutError without queueing and without a
 * transaction; with `admission`, at most its slots of checkouts run their statement at once, and
 * one that cannot get in (or whose database is saturated) in time gets BusyError. Nothing is
 * changed in either case, so the buyer's cart and form are as they were.
 */
export async function placeOrder(
  prisma: PrismaClient,
  args: {
    cartId: string;
    input: CheckoutInput;
    locale: "zh" | "en";
    now?: Date;
    provider?: string;
    admission?: Admission;
  },
): Promise<{ id: string; token: string }> {
  const { cartId, input, locale, now = new Date(), provider = "test", admission } = args;
  try {
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
    const reserve = async () => {
      const short = await shortLines(prisma, cartId, now);
      if (short.length > 0) throw new SoldOutError(short);
      const placed = await reserveCartAsOrder(prisma, {
        cartId,
        now,
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
      });
      if (!placed.ok) {
        const nowShort = await shortLines(prisma, cartId, now); // throws EmptyCartError for an empty cart
        // Short a moment ago, available again now (a reservation was released meanwhile): try again.
        throw nowShort.length > 0 ? new SoldOutError(nowShort) : new BusyError("stock changed during checkout");
      }
      // The last unit went: the cached pages showing these goods must say "sold out" (after the commit).
      if (placed.soldOut.length > 0) purgeAfterCommit(placed.soldOut.map(cacheKeys.product));
      return { id: placed.id, token: placed.token };
    };
    if (!admission) return await reserve();
    // Gone goods are told at once, without queueing; checked again once admitted, since others
    // may have taken the last unit while this buyer queued.
    const short = await shortLines(prisma, cartId, now);
    if (short.length > 0) throw new SoldOutError(short);
    return await admission.run(reserve);
  } catch (error) {
    // The same form posted twice at once: the second finds the cart already turned into the first's
    // order, or loses the race on the unique key (nothing of it is written). Either way it gets the
    // first one's order.
    if (isUniqueViolation(error) || error instanceof EmptyCartError) {
      const winner = await prisma.order
        .findUnique({ where: { checkoutKey: input.checkoutKey }, select: { id: true, token: true } })
        .catch((lookup: unknown) => {
          throw isBusyError(lookup) ? new BusyError("database saturated") : lookup;
        });
      if (winner) return winner;
    }
    if (isBusyError(error) && !(error instanceof BusyError)) throw new BusyError((error as Error).message);
    throw error;
  }
}
