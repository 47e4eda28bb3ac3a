import { randomInt, randomUUID } from "node:crypto";
import type { PrismaClient } from "~/generated/prisma/client";
import type { RecipientRow } from "~/units/recipients-csv";
import { isUniqueViolation } from "~/utils/db-errors.server";
import { applyPaymentEvent, releaseExpiredReservations } from "./payments.server";
import { createPendingOrder, reserveLines, SoldOutError } from "./reservation.server";

/*
 * A buying unit's bulk order: the same all-or-nothing reservation as a citizen's checkout
 * (reserveLines), written as a pending order on the UNIT channel, bought on behalf of the unit (so
 * the ledger counts it as the unit's direct purchase). Paid by bank transfer it holds its stock for
 * days, not minutes; an organiser may release or extend the hold. Paid online it is an ordinary
 * pending order for the test provider or Stripe.
 */

/** How long a bank-transfer order holds its stock unless an organiser says otherwise. */
export const DEFAULT_TRANSFER_HOLD_DAYS = 7;

// Characters nothing on a bank's remark line can confuse (no 0/O, 1/I/L).
const REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/**
 * A transfer reference such as "XF-7K4M-9QZ2", short enough to type into a bank's remark field.
 * Drawn from the CSPRNG: a guessable reference would let anyone name another unit's order.
 */
export function newTransferReference(): string {
  const part = () => Array.from({ length: 4 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]).join("");
  return `XF-${part()}-${part()}`;
}

export interface UnitDelivery {
  contactName: string;
  contactPhone: string;
  /** One address for the whole order, or null when every recipient is listed. */
  address: { recipientName: string; province: string; city: string; district: string; addressLine: string } | null;
  /** The rows of a checked recipient file (units/recipients-csv.ts), or none. */
  recipients: RecipientRow[];
}

export class UnitOrderError extends Error {
  constructor(public readonly problem: "no-lines" | "recipients-mismatch" | "not-a-unit-order" | "not-pending") {
    super(problem);
  }
}

/**
 * Places a unit's order. Idempotent on `orderKey` (the form's one-time key). Quantities per product
 * are summed; when recipients are given they must add up to exactly those quantities.
 * Throws SoldOutError (nothing reserved) when any product is short.
 */
export async function placeUnitOrder(
  prisma: PrismaClient,
  args: {
    orderKey: string;
    organisationId: string;
    placedById: string;
    lines: { productId: string; quantity: number }[];
    delivery: UnitDelivery;
    payment: "transfer" | "online";
    onlineProvider?: string;
    holdDays?: number;
    locale: "zh" | "en";
    now?: Date;
  },
): Promise<{ id: string; token: string; transferReference: string | null }> {
  const now = args.now ?? new Date();
  const existing = await prisma.order.findUnique({
    where: { checkoutKey: args.orderKey },
    select: { id: true, token: true, transferReference: true },
  });
  if (existing) return existing;

  const wanted = quantitiesByProduct(args.lines);
  if (wanted.size === 0) throw new UnitOrderError("no-lines");
  if (args.delivery.recipients.length > 0) {
    const listed = quantitiesByProduct(args.delivery.recipients);
    const same = listed.size === wanted.size && [...wanted].every(([id, q]) => listed.get(id) === q);
    if (!same) throw new UnitOrderError("recipients-mismatch");
  }
  await releaseExpiredReservations(prisma, now);

  const transfer = args.payment === "transfer";
  const holdUntil = transfer
    ? new Date(now.getTime() + (args.holdDays ?? DEFAULT_TRANSFER_HOLD_DAYS) * 86_400_000)
    : undefined;
  try {
    return await reserveUnitOrder(prisma, { ...args, wanted, transfer, holdUntil, now });
  } catch (error) {
    // The same form posted twice at once: the loser's reservation rolls back on the unique key,
    // and it answers with the winner's order.
    if (!isUniqueViolation(error)) throw error;
    const winner = await prisma.order.findUnique({
      where: { checkoutKey: args.orderKey },
      select: { id: true, token: true, transferReference: true },
    });
    if (!winner) throw error;
    return winner;
  }
}

/** Sums quantities per product, ignoring lines of zero. */
function quantitiesByProduct(lines: readonly { productId: string; quantity: number }[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const line of lines)
    if (line.quantity > 0) sums.set(line.productId, (sums.get(line.productId) ?? 0) + line.quantity);
  return sums;
}

async function reserveUnitOrder(
  prisma: PrismaClient,
  args: Parameters<typeof placeUnitOrder>[1] & {
    wanted: Map<string, number>;
    transfer: boolean;
    holdUntil: Date | undefined;
    now: Date;
  },
): Promise<{ id: string; token: string; transferReference: string | null }> {
  const { wanted, transfer, holdUntil, now } = args;
  return prisma.$transaction(async (tx) => {
    const requested = [...wanted].map(([productId, quantity]) => ({ productId, quantity }));
    const short = await reserveLines(tx, requested, { listed: true });
    if (short.length > 0) throw new SoldOutError(short);
    const products = await tx.product.findMany({
      where: { id: { in: requested.map((l) => l.productId) } },
      orderBy: { id: "asc" },
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
    });
    const { address } = args.delivery;
    const transferReference = transfer ? newTransferReference() : null;
    const order = await createPendingOrder(tx, {
      details: {
        checkoutKey: args.orderKey,
        locale: args.locale,
        channel: "UNIT",
        contactName: args.delivery.contactName,
        contactPhone: args.delivery.contactPhone,
        fulfilment: "DELIVERY",
        // A delivery order needs an address (a database CHECK); a list's own addresses are in OrderRecipient.
        ...(address ?? {
          recipientName: `收件人清单（${args.delivery.recipients.length} 人）`,
          province: "—",
          city: "—",
          district: "—",
          addressLine: "见订单收件人清单 · see the order's recipient list",
        }),
        onBehalfOfId: args.organisationId,
        placedById: args.placedById,
        paymentProvider: transfer ? "transfer" : (args.onlineProvider ?? "test"),
        transferReference,
      },
      lines: products.map((product) => ({ product, quantity: wanted.get(product.id)! })),
      now,
      holdUntil,
    });
    if (args.delivery.recipients.length > 0) {
      await tx.orderRecipient.createMany({
        data: args.delivery.recipients.map((r) => ({ ...r, id: randomUUID(), orderId: order.id })),
      });
    }
    return { id: order.id, token: order.token, transferReference };
  });
}

/** Extends a pending unit order's hold by `days`, or (days = 0) releases it now through the payment path. */
export async function changeTransferHold(prisma: PrismaClient, orderId: string, days: number, now = new Date()) {
  const order = await prisma.order.findUnique({
    where: { id: orderId },
    select: { channel: true, status: true, holdsStock: true, reservedUntil: true },
  });
  if (!order || order.channel !== "UNIT") throw new UnitOrderError("not-a-unit-order");
  if (order.status !== "PENDING" || !order.holdsStock) throw new UnitOrderError("not-pending");
  if (days <= 0) {
    await applyPaymentEvent(prisma, {
      provider: "system",
      eventId: `release:${orderId}`,
      type: "expired",
      orderId,
      now,
    });
    return null;
  }
  const from = order.reservedUntil > now ? order.reservedUntil : now;
  const until = new Date(from.getTime() + days * 86_400_000);
  await prisma.order.updateMany({
    where: { id: orderId, status: "PENDING", holdsStock: true },
    data: { reservedUntil: until },
  });
  return until;
}

export type TransferOutcome =
  | { status: "applied"; orderStatus: string; duplicate: boolean }
  | { status: "held"; expectedFen: number }
  | { status: "unknown-reference" };

/**
 * An organiser records a transfer from the fair's bank statement. A matching amount goes through
 * applyPaymentEvent (idempotent on the reference: recording the same transfer twice pays once) and
 * so into the ledger on the UNIT channel. A mismatch is kept for review and applies nothing.
 */
export async function recordTransfer(
  prisma: PrismaClient,
  args: { reference: string; amountFen: number; receivedOn: Date; payerName: string; recordedById: string; now?: Date },
): Promise<TransferOutcome> {
  const reference = args.reference.trim().toUpperCase();
  const order = await prisma.order.findUnique({
    where: { transferReference: reference },
    select: { id: true, totalFen: true },
  });
  if (!order) return { status: "unknown-reference" };
  const row = {
    orderId: order.id,
    reference,
    amountFen: args.amountFen,
    receivedOn: args.receivedOn,
    payerName: args.payerName.trim(),
    recordedById: args.recordedById,
  };
  if (args.amountFen !== order.totalFen) {
    await prisma.bankTransfer.create({ data: { ...row, status: "HELD" } });
    return { status: "held", expectedFen: order.totalFen };
  }
  const result = await applyPaymentEvent(prisma, {
    provider: "transfer",
    eventId: reference,
    type: "succeeded",
    orderId: order.id,
    amountFen: args.amountFen,
    reference,
    now: args.now,
  });
  if (!result.duplicate) await prisma.bankTransfer.create({ data: { ...row, status: "APPLIED" } });
  return { status: "applied", orderStatus: result.status, duplicate: result.duplicate };
}
