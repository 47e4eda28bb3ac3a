import { MAX_STOCK } from "~/catalog/stock";
import { randomBytes, randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { isCertified, type CertificateValidity } from "~/catalog/certification";
import { shanghaiToday } from "~/utils/shanghai-time";
import { RESERVATION_MINUTES } from "~/orders/checkout-schema";

/*
 * Stock reservations: the one all-or-nothing way stock is taken (checkout, the booth, and a
 * payment that arrives after its reservation was released), the pending order a reservation
 * becomes, and the stretching of a reservation while a payment page is open. Every function here
 * writes inside the caller's transaction, so the caller decides what commits together.
 */

export { RESERVATION_MINUTES };

export interface LineToReserve {
  productId: string;
  quantity: number;
}

/** A line that could not be reserved, and how many units are left to buy. */
export interface ShortLine {
  productId: string;
  nameZh: string;
  nameEn: string;
  available: number;
}

/** Some lines could not be reserved; nothing was reserved and nothing else changed. */
export class SoldOutError extends Error {
  constructor(public readonly items: ShortLine[]) {
    super("sold-out");
  }
}

/**
 * Takes every line's stock, all or nothing; never oversells, since each line is a conditional
 * decrement. Lines are taken in product-id order, so concurrent reservations lock rows in the
 * same order and cannot deadlock. `only` narrows what may be taken (the booth: its own listed
 * goods; checkout: listed goods). Returns the lines that could not be taken, having put back
 * those that were: an empty list means everything is reserved.
 */
export async function reserveLines(
  tx: Prisma.TransactionClient,
  lines: readonly LineToReserve[],
  only: { listed?: boolean; cooperativeId?: string } = {},
): Promise<ShortLine[]> {
  const scope = {
    ...(only.listed ? { status: "LISTED" as const } : {}),
    ...(only.cooperativeId ? { cooperativeId: only.cooperativeId } : {}),
  };
  const taken: LineToReserve[] = [];
  const short: ShortLine[] = [];
  for (const line of inProductOrder(lines)) {
    const { count } = await tx.product.updateMany({
      where: { id: line.productId, ...scope, stock: { gte: line.quantity } },
      data: { stock: { decrement: line.quantity } },
    });
    if (count === 1) {
      taken.push(line);
      continue;
    }
    const current = await tx.product.findFirst({
      where: { id: line.productId, ...(only.cooperativeId ? { cooperativeId: only.cooperativeId } : {}) },
      select: { nameZh: true, nameEn: true, stock: true, status: true },
    });
    short.push({
      productId: line.productId,
      nameZh: current?.nameZh ?? "",
      nameEn: current?.nameEn ?? "",
      available: current && (!only.listed || current.status === "LISTED") ? current.stock : 0,
    });
  }
  // A caller that keeps its transaction (a late payment recording NEEDS_REFUND) must not keep half a reservation.
  if (short.length > 0) await returnLines(tx, taken);
  return short;
}

/**
 * Puts reserved stock back (an order that failed, expired, or was only half reserved), capped at
 * MAX_STOCK (a database CHECK): the cooperative may have raised its stock to the ceiling while
 * the units were held. Each step is one conditional statement, so concurrent writers only make
 * it try again.
 */
export async function returnLines(tx: Prisma.TransactionClient, lines: readonly LineToReserve[]) {
  for (const line of inProductOrder(lines)) {
    for (;;) {
      const added = await tx.product.updateMany({
        where: { id: line.productId, stock: { lte: MAX_STOCK - line.quantity } },
        data: { stock: { increment: line.quantity } },
      });
      if (added.count > 0) break;
      const capped = await tx.product.updateMany({
        where: { id: line.productId, stock: { gt: MAX_STOCK - line.quantity } },
        data: { stock: MAX_STOCK },
      });
      if (capped.count > 0) break;
      if (!(await tx.product.findUnique({ where: { id: line.productId }, select: { id: true } }))) break;
    }
  }
}

/** Row locks are always taken in this order, by every writer of stock. */
function inProductOrder(lines: readonly LineToReserve[]): LineToReserve[] {
  return [...lines].sort((a, b) => (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0));
}

/** A reserved line as it is sold: the product's names, unit, price and certificate at that moment. */
export interface ReservedLine {
  quantity: number;
  product: CertificateValidity & {
    id: string;
    cooperativeId: string;
    nameZh: string;
    nameEn: string;
    unitZh: string;
    unitEn: string;
    priceFen: number;
  };
}

/** What the order says about its buyer and delivery; the rest is computed from the reserved lines. */
export type PendingOrderDetails = Omit<
  Prisma.OrderUncheckedCreateInput,
  "id" | "token" | "totalFen" | "reservedUntil" | "status" | "holdsStock" | "lines" | "currency"
> & { checkoutKey: string; paymentProvider: string };

/**
 * Writes the pending order that holds the stock `reserveLines` just took: lines snapshot the
 * product (names, unit price, certified on the day of sale), the total is their sum, and the
 * reservation lasts RESERVATION_MINUTES. The checkout key is unique: a second order with the same
 * key fails, which is how a double submit is caught.
 */
export async function createPendingOrder(
  tx: Prisma.TransactionClient,
  args: { details: PendingOrderDetails; lines: readonly ReservedLine[]; now: Date; holdUntil?: Date },
): Promise<{ id: string; token: string; totalFen: number }> {
  const { details, lines, now } = args;
  return tx.order.create({
    data: {
      ...details,
      token: randomBytes(24).toString("base64url"),
      totalFen: lines.reduce((sum, l) => sum + l.quantity * l.product.priceFen, 0),
      // A bank transfer takes days, not minutes: a unit order is held for as long as its caller says.
      reservedUntil: args.holdUntil ?? new Date(now.getTime() + RESERVATION_MINUTES * 60_000),
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
    select: { id: true, token: true, totalFen: true },
  });
}

/**
 * Checkout's reservation, in ONE SQL statement committed on its own: the cart's products are
 * locked in id order (the same order reserveLines takes them, so no deadlock), every line is
 * checked against the locked rows, and only if all can be had are the stock taken, the pending
 * order and its lines written (names, unit price and certificate snapshotted from the locked rows,
 * as createPendingOrder does) and the cart emptied; otherwise nothing changes. In a rush a hot
 * product's row is locked for one statement instead of a transaction's round trips, and no
 * interactive transaction waits for a pool connection. `soldOut`: products whose last unit this
 * took (their cached pages must change). `ok: false` means some line could not be had, or the
 * cart was empty.
 */
export async function reserveCartAsOrder(
  prisma: PrismaClient,
  args: { cartId: string; details: CartOrderDetails; now: Date },
): Promise<{ ok: false } | { ok: true; id: string; token: string; soldOut: string[] }> {
  const { cartId, details, now } = args;
  const day = shanghaiToday(now); // certificates run by calendar day in China
  const text = (value: string | null | undefined) => value ?? null;
  const delivery = details.fulfilment === "DELIVERY";
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
      SELECT ${randomUUID()}::text, ${randomBytes(24).toString("base64url")}::text, ${details.checkoutKey}::text,
             ${details.locale}::text, (SELECT sum(r."quantity" * r."priceFen")::int FROM reserved r), ${details.contactName}::text,
             ${text(details.contactPhone)}::text, ${text(details.contactEmail)}::text, ${details.fulfilment}::text::"Fulfilment",
             ${delivery ? text(details.recipientName) : null}::text, ${delivery ? text(details.province) : null}::text,
             ${delivery ? text(details.city) : null}::text, ${delivery ? text(details.district) : null}::text,
             ${delivery ? text(details.addressLine) : null}::text, ${delivery ? text(details.postalCode) : null}::text,
             ${details.onBehalfOfId}::text, ${new Date(now.getTime() + RESERVATION_MINUTES * 60_000)}::timestamptz,
             ${details.paymentProvider}::text, now()
       WHERE (SELECT ok FROM checked)
      RETURNING "id", "token"
    ), lines AS (
      INSERT INTO "OrderLine" ("id", "orderId", "productId", "cooperativeId", "nameZh", "nameEn", "unitZh", "unitEn",
                               "quantity", "unitPriceFen", "lineTotalFen", "certified")
      -- "certified" is catalog/certification.ts's isCertified, in SQL: change both together.
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
  if (!result?.ok || !result.orderId || !result.token) return { ok: false };
  const soldOut = (result.reserved ?? []).filter((line) => Number(line.stock) === 0).map((line) => line.id);
  return { ok: true, id: result.orderId, token: result.token, soldOut };
}

/** What checkout knows about the buyer; reserveCartAsOrder computes the rest from the locked rows. */
export interface CartOrderDetails {
  checkoutKey: string;
  locale: "zh" | "en";
  contactName: string;
  contactPhone?: string | null;
  contactEmail?: string | null;
  fulfilment: "BOOTH_PICKUP" | "DELIVERY";
  recipientName?: string | null;
  province?: string | null;
  city?: string | null;
  district?: string | null;
  addressLine?: string | null;
  postalCode?: string | null;
  onBehalfOfId: string | null;
  paymentProvider: string;
}

/** Clock skew and request time: a session must still be 30 minutes from expiry when Stripe sees it. */
const EXPIRY_MARGIN_MS = 60_000;
/**
 * How much longer than the minimum a stretched reservation lasts: a buyer who retries "pay now"
 * within these minutes sends the same expiry, hence the same idempotency key.
 */
const EXPIRY_REUSE_MS = 3 * 60_000;

/**
 * Makes the reservation last at least as long as a payment page the provider is about to open,
 * and returns the order's (possibly new) reservedUntil, or null when the order can no longer be
 * paid. A `spentExpiry` (that of a page that ended early) is moved off, since its idempotency key
 * is used up. Conditional updates, so concurrent requests (a double click) end on the same expiry.
 */
export async function extendReservation(
  prisma: PrismaClient,
  args: { orderId: string; minimumOpenMs: number; now: Date; spentExpiry?: Date },
) {
  const { orderId, minimumOpenMs, now, spentExpiry } = args;
  const needed = new Date(now.getTime() + minimumOpenMs + EXPIRY_MARGIN_MS);
  // Whole seconds: Stripe's expires_at is in seconds, and the idempotency key is built from it.
  const until = new Date(Math.ceil((needed.getTime() + EXPIRY_REUSE_MS) / 1000) * 1000);
  const live = { id: orderId, status: "PENDING" as const, holdsStock: true, reservedUntil: { gt: now } };
  if (spentExpiry) {
    const later = new Date(Math.max(until.getTime(), spentExpiry.getTime() + 1000));
    await prisma.order.updateMany({
      where: { ...live, reservedUntil: { gt: now, equals: spentExpiry } },
      data: { reservedUntil: later },
    });
  }
  await prisma.order.updateMany({
    where: { ...live, reservedUntil: { gt: now, lt: needed } },
    data: { reservedUntil: until },
  });
  const order = await prisma.order.findUniqueOrThrow({
    where: { id: orderId },
    select: { status: true, holdsStock: true, reservedUntil: true },
  });
  const payable = order.status === "PENDING" && order.holdsStock && order.reservedUntil >= needed;
  return payable ? order.reservedUntil : null;
}
