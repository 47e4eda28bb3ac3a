import { randomBytes } from "node:crypto";
import type { PrismaClient } from "~/generated/prisma/client";
import { BusyError, type Admission } from "~/utils/admission.server";
import { cacheKeys, purgeAfterCommit } from "~/utils/cache-purge.server";
import { isBusyError, isUniqueViolation } from "~/utils/db-errors.server";
import { RESERVATION_MINUTES, type CheckoutInput } from "~/orders/checkout-schema";
import { applyPaymentEvent } from "~/payments/payments.server";

export { RESERVATION_MINUTES, BusyError };

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

/** One line the reservation statement took stock for, with what the order line snapshots. */
interface ReservedLine {
  id: string;
  quantity: number;
  /** Stock left after this reservation. */
  stock: number;
  nameZh: string;
  nameEn: string;
  unitZh: string;
  unitEn: string;
  priceFen: number;
  cooperativeId: string;
  certificateNumber: string | null;
  certifiedFrom: Date | null;
  certifiedUntil: Date | null;
}

/**
 * The cart's lines that cannot be had right now, read without a transaction. Throws
 * EmptyCartError for an empty cart. Expired reservations are released first when something is
 * short, so stock a lapsed buyer held goes to the next one.
 */
async function shortLines(prisma: PrismaClient, cartId: string, now: Date): Promise<SoldOutError["items"]> {
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
 * atomically (all or nothing), the cart emptied. Never oversells: the reservation is one
 * conditional UPDATE over all lines. Idempotent on the checkout form's key: a double click or a
 * retried post returns the order the first one made.
 *
 * Under a rush: a cart whose goods are gone is told SoldOutError without opening a transaction;
 * with `admission`, at most its slots of checkouts are inside a transaction at once, and one that
 * cannot get in (or whose transaction cannot start) in time gets BusyError. Nothing is changed
 * in either case, so the buyer's cart and form are as they were.
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
      return reserveAndCreateOrder(prisma, { cartId, input, locale, now, provider, onBehalfOfId });
    };
    if (!admission) return await reserve();
    // Gone goods are told at once, without queueing for a transaction; checked again once
    // admitted, since others may have taken the last unit while this buyer queued.
    const short = await shortLines(prisma, cartId, now);
    if (short.length > 0) throw new SoldOutError(short);
    return await admission.run(reserve);
  } catch (error) {
    // The same form posted twice at once: the second finds the cart already turned into the first's
    // order, or loses the race on the unique key (its reservations roll back). Either way it gets
    // the first one's order.
    if (isUniqueViolation(error) || error instanceof EmptyCartError) {
      const winner = await prisma.order
        .findUnique({ where: { checkoutKey: input.checkoutKey }, select: { id: true, token: true } })
        .catch((lookup: unknown) => {
          throw isBusyError(lookup) ? new BusyError("database saturated") : lookup;
        });
      if (winner) return winner;
    }
    if (isBusyError(error)) throw new BusyError((error as Error).message);
    throw error;
  }
}

async function reserveAndCreateOrder(
  prisma: PrismaClient,
  args: {
    cartId: string;
    input: CheckoutInput;
    locale: "zh" | "en";
    now: Date;
    provider: string;
    onBehalfOfId: string | null;
  },
): Promise<{ id: string; token: string }> {
  const { cartId, input, locale, now, provider, onBehalfOfId } = args;
  let soldOutNow: string[] = [];
  const order = await prisma.$transaction(async (tx) => {
    // One statement reserves every line: rows are locked in product order (concurrent checkouts
    // cannot deadlock), and each decrement is conditional on the stock still being there.
    const reserved = await tx.$queryRaw<ReservedLine[]>`
      WITH wanted AS (
        SELECT "productId", "quantity" FROM "CartLine" WHERE "cartId" = ${cartId}
      ), locked AS (
        SELECT p."id" FROM "Product" p JOIN wanted w ON w."productId" = p."id" ORDER BY p."id" FOR UPDATE OF p
      )
      UPDATE "Product" p
         SET "stock" = p."stock" - w."quantity", "updatedAt" = now()
        FROM wanted w, locked l
       WHERE p."id" = w."productId" AND l."id" = p."id" AND p."status" = 'LISTED' AND p."stock" >= w."quantity"
      RETURNING p."id", w."quantity", p."stock", p."nameZh", p."nameEn", p."unitZh", p."unitEn", p."priceFen",
                p."cooperativeId", p."certificateNumber", p."certifiedFrom", p."certifiedUntil"`;
    const lines = await tx.cartLine.findMany({
      where: { cartId },
      select: {
        quantity: true,
        product: { select: { id: true, nameZh: true, nameEn: true, stock: true, status: true } },
      },
    });
    if (lines.length === 0) throw new EmptyCartError();
    if (reserved.length < lines.length) {
      const got = new Set(reserved.map((r) => r.id));
      // Rolls back the lines that were reserved: all or nothing.
      throw new SoldOutError(
        lines
          .filter(({ product }) => !got.has(product.id))
          .map(({ product }) => ({
            productId: product.id,
            nameZh: product.nameZh,
            nameEn: product.nameEn,
            available: product.status === "LISTED" ? product.stock : 0,
          })),
      );
    }
    reserved.sort((a, b) => (a.id < b.id ? -1 : 1));
    const order = await tx.order.create({
      data: {
        token: randomBytes(24).toString("base64url"),
        checkoutKey: input.checkoutKey,
        locale,
        totalFen: reserved.reduce((sum, l) => sum + l.quantity * l.priceFen, 0),
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
          create: reserved.map((product) => ({
            productId: product.id,
            cooperativeId: product.cooperativeId,
            nameZh: product.nameZh,
            nameEn: product.nameEn,
            unitZh: product.unitZh,
            unitEn: product.unitEn,
            quantity: product.quantity,
            unitPriceFen: product.priceFen,
            lineTotalFen: product.quantity * product.priceFen,
            certified: isCertified(product, now),
          })),
        },
      },
      select: { id: true, token: true },
    });
    await tx.cartLine.deleteMany({ where: { cartId } });
    soldOutNow = reserved.filter((line) => line.stock === 0).map((line) => line.id);
    return order;
  });
  // The last unit went: the cached pages showing these goods must say "sold out" (after the commit).
  if (soldOutNow.length > 0) purgeAfterCommit(soldOutNow.map(cacheKeys.product));
  return order;
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

/** Everything the order page shows, found by its unguessable token. */
export async function getOrderByToken(prisma: PrismaClient, token: string) {
  return prisma.order.findUnique({
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
