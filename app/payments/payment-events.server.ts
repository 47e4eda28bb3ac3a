/**
 * What a payment provider reports (a webhook delivery, or what reconciliation asked it), turned
 * into the app's own state changes. Provider-neutral: a provider translates its events into
 * ProviderReports (providers/), and every change goes through the same functions as every other
 * source (applyPaymentEvent, confirmRefund, failRefund), which record the event id under a unique
 * key in the transaction of its effect: a duplicated, concurrent or reordered delivery changes
 * nothing twice.
 */
import type { PrismaClient } from "~/generated/prisma/client";
import type { OrderStatus } from "~/generated/prisma/enums";
import { applyPaymentEvent, releaseExpiredReservations } from "./payments.server";
import type { PaymentProvider, ProviderId, ProviderReport, RefundReport } from "./provider";
import { paymentProviderById } from "./provider.server";
import { sendRefund } from "./refund-order.server";
import { confirmRefund, failRefund } from "./refunds.server";
import { logger } from "~/observability/logger.server";

/** Needs a person: shown in the log now, and on the organiser's console later. */
export type PaymentFlag =
  | "amount-mismatch" // the provider took a different amount than the order's total: not fulfilled
  | "currency-mismatch"
  | "paid-twice" // a second payment paid for an order another one already paid: refund one
  | "unknown-order" // a payment that names an order we do not have
  | "unknown-refund" // a refund made outside the app (e.g. in Stripe's Dashboard)
  | "refund-failed-after-success";

export interface PaymentReportOutcome {
  action:
    | "payment-succeeded"
    | "payment-failed"
    | "session-expired"
    | "awaiting-payment"
    | "refund-succeeded"
    | "refund-failed"
    | "refund-pending"
    | "ignored";
  changed: boolean;
  duplicate?: boolean;
  flag?: PaymentFlag;
  orderId?: string;
  status?: OrderStatus;
}

const SETTLED: OrderStatus[] = ["PAID", "PARTLY_REFUNDED", "REFUNDED", "NEEDS_REFUND"];

function flagged(flag: PaymentFlag, detail: string, outcome: Omit<PaymentReportOutcome, "flag">): PaymentReportOutcome {
  // One greppable line per flag until the organiser's console lists them.
  logger().warn({ flag, detail }, `payments: ${flag}`);
  return { ...outcome, flag };
}

/**
 * Applies one report from `provider`. Idempotent on the report's event id; reports this app does
 * not act on change nothing. Throws only when the database fails (a webhook then answers 500 and
 * the provider delivers again).
 */
export async function applyProviderReport(
  prisma: PrismaClient,
  providerId: ProviderId,
  report: ProviderReport,
  now = new Date(),
): Promise<PaymentReportOutcome> {
  switch (report.kind) {
    case "payment":
      return applyPayment(prisma, paymentProviderById(providerId), report, now);
    case "awaiting-payment":
      return { action: "awaiting-payment", changed: false, orderId: report.orderId ?? undefined };
    case "refund":
      return applyRefund(prisma, providerId, report, now);
    case "refunds": {
      let outcome: PaymentReportOutcome = {
        action: "refund-pending",
        changed: false,
        orderId: report.orderId ?? undefined,
      };
      for (const refund of report.refunds) {
        const result = await applyRefund(prisma, providerId, refund, now);
        if (result.changed || !outcome.changed) outcome = { ...result, changed: result.changed || outcome.changed };
      }
      return outcome;
    }
    case "ignored":
      return { action: "ignored", changed: false };
  }
}

async function applyPayment(
  prisma: PrismaClient,
  provider: PaymentProvider,
  payment: Extract<ProviderReport, { kind: "payment" }>,
  now: Date,
): Promise<PaymentReportOutcome> {
  const { type, eventId, reference } = payment;
  const action: PaymentReportOutcome["action"] =
    type === "succeeded" ? "payment-succeeded" : type === "failed" ? "payment-failed" : "session-expired";
  // Not made by this app (another integration on the same provider account): none of our business.
  if (!payment.orderId) return { action: "ignored", changed: false };
  const order = await prisma.order.findUnique({
    where: { id: payment.orderId },
    select: { id: true, currency: true, paymentReference: true },
  });
  if (!order) {
    return flagged("unknown-order", `payment ${reference} (event ${eventId}) names no order of ours`, {
      action: "ignored",
      changed: false,
    });
  }

  if (type === "succeeded") {
    if (payment.currency !== order.currency) {
      return flagged("currency-mismatch", `order ${order.id} paid in ${payment.currency} by ${reference}`, {
        action,
        changed: false,
        orderId: order.id,
      });
    }
    if (payment.amountFen === null) {
      return flagged("amount-mismatch", `order ${order.id}: payment ${reference} reports no amount`, {
        action,
        changed: false,
        orderId: order.id,
      });
    }
    const result = await applyPaymentEvent(prisma, {
      provider: provider.id,
      eventId,
      type,
      orderId: order.id,
      amountFen: payment.amountFen,
      reference,
      now,
    });
    const outcome: PaymentReportOutcome = {
      action,
      changed: result.changed,
      duplicate: result.duplicate,
      orderId: order.id,
      status: result.status,
    };
    if (result.flag === "amount-mismatch") {
      return flagged("amount-mismatch", `order ${order.id}: ${reference} paid ${payment.amountFen} fen`, outcome);
    }
    if (!result.changed && !result.duplicate && SETTLED.includes(result.status)) {
      // Settled already: by this payment (a redelivery under another id), or by another one.
      const { paymentReference } = await prisma.order.findUniqueOrThrow({
        where: { id: order.id },
        select: { paymentReference: true },
      });
      if (paymentReference !== reference) {
        return flagged(
          "paid-twice",
          `order ${order.id} was paid by ${paymentReference} and again by ${reference}`,
          outcome,
        );
      }
    }
    return outcome;
  }

  // A payment the buyer no longer uses (replaced by a newer one) must not end the order.
  const current = order.paymentReference;
  if (current && provider.referencePrefix && current.startsWith(provider.referencePrefix) && current !== reference) {
    return { action: "ignored", changed: false, orderId: order.id };
  }
  const result = await applyPaymentEvent(prisma, { provider: provider.id, eventId, type, orderId: order.id, now });
  return { action, changed: result.changed, duplicate: result.duplicate, orderId: order.id, status: result.status };
}

async function findRefund(prisma: PrismaClient, refundId: string | null, providerRefundId: string) {
  const select = { id: true, orderId: true, status: true, providerRefundId: true } as const;
  const byMetadata = refundId ? await prisma.refund.findUnique({ where: { id: refundId }, select }) : null;
  return byMetadata ?? (await prisma.refund.findUnique({ where: { providerRefundId }, select }));
}

/** A refund's own status is the authority: succeeded reverses the ledger, failed or canceled frees the quantities. */
async function applyRefund(
  prisma: PrismaClient,
  providerId: ProviderId,
  refund: RefundReport,
  now: Date,
): Promise<PaymentReportOutcome> {
  const ours = await findRefund(prisma, refund.refundId, refund.providerRefundId);
  if (!ours) {
    return flagged(
      "unknown-refund",
      `${providerId} refund ${refund.providerRefundId} (${refund.amountFen} fen) is not one of ours`,
      { action: "ignored", changed: false },
    );
  }
  if (refund.status === "succeeded") {
    const result = await confirmRefund(prisma, {
      provider: providerId,
      eventId: refund.eventId,
      refundId: ours.id,
      providerRefundId: refund.providerRefundId,
      now,
    });
    return { action: "refund-succeeded", changed: result.changed, duplicate: result.duplicate, orderId: ours.orderId };
  }
  if (refund.status === "failed") {
    if (ours.status === "SUCCEEDED") {
      // The money did not go back after all, but the ledger already says it did.
      return flagged("refund-failed-after-success", `refund ${ours.id} (${refund.providerRefundId}) failed`, {
        action: "refund-failed",
        changed: false,
        orderId: ours.orderId,
      });
    }
    await failRefund(prisma, ours.id);
    return { action: "refund-failed", changed: ours.status === "REQUESTED", orderId: ours.orderId };
  }
  return { action: "refund-pending", changed: false, orderId: ours.orderId };
}

export interface ReconcileReport {
  sessionsChecked: number;
  eventsSeen: number;
  applied: { source: string; orderId?: string; action: PaymentReportOutcome["action"]; flag?: PaymentFlag }[];
  refundsResent: number;
  released: number;
  errors: string[];
}

/** Stripe keeps an idempotency key for 24 hours; resending an older refund could refund twice. */
const REFUND_RESEND_WINDOW_MS = 23 * 60 * 60_000;

/**
 * Asks a provider about what its webhook may have missed and applies it through the same
 * functions: (1) every order still pending after its reservation ran out, with a payment of this
 * provider: that payment's state, under an event id derived from it; (2) the reports sent since
 * `eventsSince`, under their own ids; (3) refunds that never reached the provider, sent again
 * under their idempotency key; (4) what is still pending past its reservation is released.
 * Idempotent: a second run applies nothing new.
 */
export async function reconcilePayments(
  prisma: PrismaClient,
  providerId: ProviderId,
  options: { now?: Date; eventsSince: Date; limit?: number },
): Promise<ReconcileReport> {
  const { now = new Date(), eventsSince, limit = 500 } = options;
  const provider = paymentProviderById(providerId);
  const report: ReconcileReport = {
    sessionsChecked: 0,
    eventsSeen: 0,
    applied: [],
    refundsResent: 0,
    released: 0,
    errors: [],
  };
  const note = (source: string, outcome: PaymentReportOutcome) => {
    if (outcome.changed || outcome.flag)
      report.applied.push({ source, orderId: outcome.orderId, action: outcome.action, flag: outcome.flag });
  };

  if (provider.lookupPayment) {
    const overdue = await prisma.order.findMany({
      where: {
        status: "PENDING",
        paymentProvider: provider.id,
        paymentReference: { startsWith: provider.referencePrefix },
        reservedUntil: { lt: now },
      },
      select: { id: true, paymentReference: true },
      orderBy: { reservedUntil: "asc" },
      take: limit,
    });
    for (const order of overdue) {
      const reference = order.paymentReference!;
      let found: ProviderReport | null;
      try {
        found = await provider.lookupPayment(reference);
      } catch (error) {
        report.errors.push(`order ${order.id}: session ${reference}: ${(error as Error).message}`);
        continue;
      }
      report.sessionsChecked++;
      if (found) note(`session ${reference}`, await applyProviderReport(prisma, provider.id, found, now));
    }
  }

  if (provider.reportsSince) {
    let reports: { source: string; report: ProviderReport }[] = [];
    try {
      reports = await provider.reportsSince(eventsSince);
    } catch (error) {
      report.errors.push(`events since ${eventsSince.toISOString()}: ${(error as Error).message}`);
    }
    for (const { source, report: sent } of reports) {
      report.eventsSeen++;
      note(source, await applyProviderReport(prisma, provider.id, sent, now));
    }
  }

  const unsent = await prisma.refund.findMany({
    where: {
      status: "REQUESTED",
      providerRefundId: null,
      order: { paymentProvider: provider.id },
      // Not one an organiser is sending right now; not one whose idempotency key the provider has forgotten.
      createdAt: { lt: new Date(now.getTime() - 60_000), gt: new Date(now.getTime() - REFUND_RESEND_WINDOW_MS) },
    },
    select: { id: true },
    take: limit,
  });
  for (const { id } of unsent) {
    try {
      const result = await sendRefund(prisma, id);
      if (result.delivery === "retry-later") report.errors.push(`refund ${id}: ${provider.id} still unreachable`);
      else report.refundsResent++;
    } catch (error) {
      report.errors.push(`refund ${id}: ${(error as Error).message}`);
    }
  }

  report.released = await releaseExpiredReservations(prisma, now, limit);
  return report;
}
