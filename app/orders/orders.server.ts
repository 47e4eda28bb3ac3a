import { randomBytes, randomUUID } from "node:crypto";
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

/**
 * The reservation and the order in ONE SQL statement, committed on its own: the cart's products
 * are locked in id order (concurrent checkouts cannot deadlock), every line is checked against
 * the locked rows, and only if all of them can be had are the stock decremented, the order and its
 * lines written (prices snapshotted from the locked rows) and the cart emptied. So the hot row of a
 * product in a rush is locked for one statement, not for a transaction's round trips, and no
 * interactive transaction ever waits for a pool connection. Throws SoldOutError (nothing changed)
 * when a line cannot be had.
 */
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
  const delivery = input.fulfilment === "DELIVERY";
  const text = (value: string | null | undefined) => value ?? null;
  const day = shanghaiDay.format(now); // certificates run by calendar day in China
  const [result] = await prisma.$queryRaw<
    { ok: boolean; orderId: string | null; token: string | null; reserved: { id: string; stock: number }[] | null }[]
  >`
    WITH wanted AS (
      SELECT "productId", "quantity" FROM "CartLine" WHERE "cartId" = ${cartId}
    ), locked AS (
      SELECT p."id", p."stock", p."status" FROM "Product" p
       WHERE p."id" IN (SELECT "productId" FROM wanted) ORDER BY p."id" FOR UPDATE
    ), checked AS (
      SELECT count(*) > 0 AND bool_and(l."status" = 'LISTED' AND l."stock" >= w."quantity") AS ok
        FROM wanted w LEFT JOIN locked l ON l."id" = w."productId"
    ), reserved AS (
      UPDATE "Product" p SET "stock" = p."stock" - w."quantity", "updatedAt" = now()
        FROM wanted w, checked c
       WHERE c.ok AND p."id" = w."productId"
      RETURNING p."id", p."stock", w."quantity", p."priceFen", p."cooperativeId", p."nameZh", p."nameEn",
                p."unitZh", p."unitEn", p."certificateNumber", p."certifiedFrom", p."certifiedUntil"
    ), placed AS (
      INSERT INTO "Order" ("id", "token", "checkoutKey", "locale", "totalFen", "contactName", "contactPhone",
                           "contactEmail", "fulfilment", "recipientName", "province", "city", "district",
                           "addressLine", "postalCode", "onBehalfOfId", "reservedUntil", "paymentProvider", "updatedAt")
      SELECT ${randomUUID()}::text, ${randomBytes(24).toString("base64url")}::text, ${input.checkoutKey}::text,
             ${locale}::text, (SELECT sum(r."quantity" * r."priceFen")::int FROM reserved r), ${input.contactName}::text,
             ${text(input.contactPhone)}::text, ${text(input.contactEmail)}::text, ${input.fulfilment}::text::"Fulfilment",
             ${delivery ? text(input.recipientName) : null}::text, ${delivery ? text(input.province) : null}::text,
             ${delivery ? text(input.city) : null}::text, ${delivery ? text(input.district) : null}::text,
             ${delivery ? text(input.addressLine) : null}::text, ${delivery ? text(input.postalCode) : null}::text,
             ${onBehalfOfId}::text, ${new Date(now.getTime() + RESERVATION_MINUTES * 60_000)}::timestamptz,
             ${provider}::text, now()
       WHERE (SELECT ok FROM checked)
      RETURNING "id", "token"
    ), lines AS (
      INSERT INTO "OrderLine" ("id", "orderId", "productId", "cooperativeId", "nameZh", "nameEn", "unitZh", "unitEn",
                               "quantity", "unitPriceFen", "lineTotalFen", "certified")
      SELECT gen_random_uuid()::text, o."id", r."id", r."cooperativeId", r."nameZh", r."nameEn", r."unitZh", r."unitEn",
             r."quantity", r."priceFen", r."quantity" * r."priceFen",
             r."certificateNumber" IS NOT NULL
               AND (r."certifiedFrom" IS NULL OR r."certifiedFrom" <= ${day}::date)
               AND (r."certifiedUntil" IS NULL OR ${day}::date <= r."certifiedUntil")
        FROM reserved r, placed o
    ), emptied AS (
      DELETE FROM "CartLine" WHERE "cartId" = ${cartId} AND (SELECT ok FROM checked)
    )
    SELECT coalesce((SELECT ok FROM checked), false) AS ok,
           (SELECT "id" FROM placed) AS "orderId",
           (SELECT "token" FROM placed) AS "token",
           (SELECT json_agg(json_build_object('id', r."id", 'stock', r."stock")) FROM reserved r) AS "reserved"`;
  if (!result?.ok || !result.orderId || !result.token) {
    // Nothing was changed; say what is short (an empty cart says so itself).
    const short = await shortLines(prisma, cartId, now); // throws EmptyCartError for an empty cart
    // Short a moment ago, available again now (a reservation was released meanwhile): try again.
    throw short.length > 0 ? new SoldOutError(short) : new BusyError("stock changed during checkout");
  }
  // The last unit went: the cached pages showing these goods must say "sold out" (after the commit).
  const soldOutNow = (result.reserved ?? []).filter((line) => Number(line.stock) === 0).map((line) => line.id);
  if (soldOutNow.length > 0) purgeAfterCommit(soldOutNow.map(cacheKeys.product));
  return { id: result.orderId, token: result.token };
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
