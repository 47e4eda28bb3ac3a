// The organisers' side of bank transfers (对公转账): what has come in, what waits for review, and
// the review itself. A held transfer (its amount did not match its order) is resolved in one of
// two ways: applied, once an organiser has corrected a keying mistake so that it matches, through
// the same applyPaymentEvent path as any payment; or rejected (not this order's money, to be sent
// back), which applies nothing. Never half-applied: the order is paid in full or not at all.
import type { PrismaClient } from "~/generated/prisma/client";
import { applyPaymentEvent } from "~/payments/payments.server";

export class TransferReviewError extends Error {
  constructor(public readonly problem: "unknown-transfer" | "still-mismatched" | "already-paid") {
    super(problem);
  }
}

const transferSelect = {
  id: true,
  reference: true,
  amountFen: true,
  receivedOn: true,
  payerName: true,
  status: true,
  resolution: true,
  resolvedAt: true,
  createdAt: true,
  order: {
    select: {
      id: true,
      status: true,
      totalFen: true,
      onBehalfOf: { select: { id: true, nameZh: true, nameEn: true } },
    },
  },
} as const;

/** Transfers waiting for review, oldest first. */
export function listHeldTransfers(prisma: PrismaClient) {
  return prisma.bankTransfer.findMany({
    where: { status: "HELD" },
    orderBy: { createdAt: "asc" },
    select: transferSelect,
  });
}

/** The latest transfers recorded, whatever became of them. */
export function listRecentTransfers(prisma: PrismaClient, take = 20) {
  return prisma.bankTransfer.findMany({
    where: { status: { not: "HELD" } },
    orderBy: { createdAt: "desc" },
    take,
    select: transferSelect,
  });
}

/** Unit orders waiting for a bank transfer (their stock held), soonest hold end first. */
export function listAwaitingTransfer(prisma: PrismaClient, take = 50) {
  return prisma.order.findMany({
    where: { channel: "UNIT", paymentProvider: "transfer", status: "PENDING", holdsStock: true },
    orderBy: { reservedUntil: "asc" },
    take,
    select: {
      id: true,
      totalFen: true,
      transferReference: true,
      reservedUntil: true,
      createdAt: true,
      onBehalfOf: { select: { nameZh: true, nameEn: true } },
    },
  });
}

/**
 * Applies a held transfer with the amount corrected by an organiser: refused, nothing changed,
 * unless the amount now equals the order's total. Idempotent on the transfer's reference (the
 * payment event's id), so the order is paid once however often it is applied or recorded.
 */
export async function applyHeldTransfer(
  prisma: PrismaClient,
  args: { transferId: string; amountFen: number; note: string; resolvedById: string; now?: Date },
) {
  const now = args.now ?? new Date();
  const held = await prisma.bankTransfer.findFirst({
    where: { id: args.transferId, status: "HELD" },
    select: { id: true, reference: true, amountFen: true, order: { select: { id: true, totalFen: true } } },
  });
  if (!held) throw new TransferReviewError("unknown-transfer");
  if (args.amountFen !== held.order.totalFen) throw new TransferReviewError("still-mismatched");
  const result = await applyPaymentEvent(prisma, {
    provider: "transfer",
    eventId: held.reference,
    type: "succeeded",
    orderId: held.order.id,
    amountFen: args.amountFen,
    reference: held.reference,
    now,
  });
  // Another transfer with this reference paid the order already: this one stays held, to be rejected.
  if (result.duplicate) throw new TransferReviewError("already-paid");
  const corrected = held.amountFen === args.amountFen ? "" : `${held.amountFen} → ${args.amountFen} fen. `;
  await prisma.bankTransfer.updateMany({
    where: { id: held.id, status: "HELD" },
    data: {
      status: "APPLIED",
      amountFen: args.amountFen,
      resolution: `${corrected}${args.note.trim()}`.trim(),
      resolvedAt: now,
      resolvedById: args.resolvedById,
    },
  });
  return { orderId: held.order.id, orderStatus: result.status };
}

/** Rejects a held transfer: nothing is applied; the note says why (e.g. returned to the payer). */
export async function rejectHeldTransfer(
  prisma: PrismaClient,
  args: { transferId: string; note: string; resolvedById: string; now?: Date },
) {
  const { count } = await prisma.bankTransfer.updateMany({
    where: { id: args.transferId, status: "HELD" },
    data: {
      status: "REJECTED",
      resolution: args.note.trim(),
      resolvedAt: args.now ?? new Date(),
      resolvedById: args.resolvedById,
    },
  });
  if (count !== 1) throw new TransferReviewError("unknown-transfer");
}
