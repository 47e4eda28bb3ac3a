/**
 * What Stripe tells us, turned into the app's own state changes. Every change goes through the
 * same functions as every other source (applyPaymentEvent, confirmRefund, failRefund), which record
 * the event id under a unique key in the transaction of its effect: a duplicated, concurrent or
 * reordered delivery changes nothing twice.
 */
import type Stripe from "stripe";
import type { PrismaClient } from "~/generated/prisma/client";
import type { OrderStatus } from "~/generated/prisma/enums";
import { listRecentEvents, retrieveCheckoutSession } from "~/payments/stripe.server";
import { releaseExpiredReservations } from "~/orders/orders.server";
import { applyPaymentEvent, type PaymentEventType } from "./payments.server";
import { sendRefund } from "./refund-order.server";
import { confirmRefund, failRefund } from "./refunds.server";
import { logger } from "~/observability/logger.server";

/** Needs a person: shown in the log now, and on the organiser's console later. */
export type PaymentFlag =
  | "amount-mismatch" // Stripe took a different amount than the order's total: not fulfilled
  | "currency-mismatch"
  | "paid-twice" // a second session paid for an order another session already paid: refund one
  | "unknown-order" // a session that names an order we do not have
  | "unknown-refund" // a refund made outside the app (e.g. in the Dashboard)
  | "refund-failed-after-success";

export interface StripeEventOutcome {
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

const PROVIDER = "stripe";
const SETTLED: OrderStatus[] = ["PAID", "PARTLY_REFUNDED", "REFUNDED", "NEEDS_REFUND"];

function flagged(flag: PaymentFlag, detail: string, outcome: Omit<StripeEventOutcome, "flag">): StripeEventOutcome {
  // One greppable line per flag until the organiser's console lists them.
  logger().warn({ flag, detail }, `payments: ${flag}`);
  return { ...outcome, flag };
}

/**
 * Applies one verified Stripe event. Idempotent on the event id; event types this app does not
 * act on change nothing. Throws only when the database fails (the webhook then answers 500 and
 * Stripe delivers again).
 */
export async function handleStripeEvent(
  prisma: PrismaClient,
  event: Stripe.Event,
  now = new Date(),
): Promise<StripeEventOutcome> {
  switch (event.type) {
    case "checkout.session.completed": {
      const session = event.data.object;
      // Paid now (card, Alipay, WeChat Pay), or accepted and waiting for an asynchronous method.
      if (session.payment_status === "unpaid") {
        return { action: "awaiting-payment", changed: false, orderId: orderIdOf(session) ?? undefined };
      }
      return applySession(prisma, session, "succeeded", event.id, now);
    }
    case "checkout.session.async_payment_succeeded":
      return applySession(prisma, event.data.object, "succeeded", event.id, now);
    case "checkout.session.async_payment_failed":
      return applySession(prisma, event.data.object, "failed", event.id, now);
    case "checkout.session.expired":
      return applySession(prisma, event.data.object, "expired", event.id, now);
    case "refund.created":
    case "refund.updated":
    case "refund.failed":
      return applyRefund(prisma, event.data.object, event.id, now);
    case "charge.refunded":
      return applyChargeRefunded(prisma, event.data.object, event.id, now);
    default:
      return { action: "ignored", changed: false };
  }
}

function orderIdOf(session: Stripe.Checkout.Session): string | null {
  return session.metadata?.orderId ?? session.client_reference_id ?? null;
}

/**
 * Applies what a Checkout Session says about its order, under `eventId`. Shared by the webhook
 * (the event's id) and by reconciliation (an id derived from the session, so asking twice
 * applies once).
 */
export async function applySession(
  prisma: PrismaClient,
  session: Stripe.Checkout.Session,
  type: PaymentEventType,
  eventId: string,
  now = new Date(),
): Promise<StripeEventOutcome> {
  const action: StripeEventOutcome["action"] =
    type === "succeeded" ? "payment-succeeded" : type === "failed" ? "payment-failed" : "session-expired";
  const orderId = orderIdOf(session);
  // Not made by this app (another integration on the same Stripe account): none of our business.
  if (!orderId) return { action: "ignored", changed: false };
  const order = await prisma.order.findUnique({
    where: { id: orderId },
    select: { id: true, currency: true, paymentReference: true },
  });
  if (!order) {
    return flagged("unknown-order", `session ${session.id} (event ${eventId}) names no order of ours`, {
      action: "ignored",
      changed: false,
    });
  }

  if (type === "succeeded") {
    if (session.currency !== order.currency) {
      return flagged("currency-mismatch", `order ${order.id} paid in ${session.currency} by session ${session.id}`, {
        action,
        changed: false,
        orderId: order.id,
      });
    }
    if (session.amount_total === null) {
      return flagged("amount-mismatch", `order ${order.id}: session ${session.id} reports no amount`, {
        action,
        changed: false,
        orderId: order.id,
      });
    }
    const result = await applyPaymentEvent(prisma, {
      provider: PROVIDER,
      eventId,
      type,
      orderId: order.id,
      amountFen: session.amount_total,
      reference: session.id,
      now,
    });
    const outcome: StripeEventOutcome = {
      action,
      changed: result.changed,
      duplicate: result.duplicate,
      orderId: order.id,
      status: result.status,
    };
    if (result.flag === "amount-mismatch") {
      return flagged(
        "amount-mismatch",
        `order ${order.id}: session ${session.id} paid ${session.amount_total} fen`,
        outcome,
      );
    }
    if (!result.changed && !result.duplicate && SETTLED.includes(result.status)) {
      // Settled already: by this session (a redelivery under another id), or by another one.
      const { paymentReference } = await prisma.order.findUniqueOrThrow({
        where: { id: order.id },
        select: { paymentReference: true },
      });
      if (paymentReference !== session.id) {
        return flagged(
          "paid-twice",
          `order ${order.id} was paid by ${paymentReference} and again by ${session.id}`,
          outcome,
        );
      }
    }
    return outcome;
  }

  // A session the buyer no longer uses (replaced by a newer one) must not end the order.
  if (order.paymentReference?.startsWith("cs_") && order.paymentReference !== session.id) {
    return { action: "ignored", changed: false, orderId: order.id };
  }
  const result = await applyPaymentEvent(prisma, { provider: PROVIDER, eventId, type, orderId: order.id, now });
  return { action, changed: result.changed, duplicate: result.duplicate, orderId: order.id, status: result.status };
}

async function findRefund(prisma: PrismaClient, refundId: string | undefined, providerRefundId: string) {
  const select = { id: true, orderId: true, status: true, providerRefundId: true } as const;
  const byMetadata = refundId ? await prisma.refund.findUnique({ where: { id: refundId }, select }) : null;
  return byMetadata ?? (await prisma.refund.findUnique({ where: { providerRefundId }, select }));
}

/** A refund's own status is the authority: succeeded reverses the ledger, failed or canceled frees the quantities. */
async function applyRefund(
  prisma: PrismaClient,
  refund: Stripe.Refund,
  eventId: string,
  now: Date,
): Promise<StripeEventOutcome> {
  const ours = await findRefund(prisma, refund.metadata?.refundId, refund.id);
  if (!ours) {
    return flagged("unknown-refund", `Stripe refund ${refund.id} (${refund.amount} fen) is not one of ours`, {
      action: "ignored",
      changed: false,
    });
  }
  if (refund.status === "succeeded") {
    const result = await confirmRefund(prisma, {
      provider: PROVIDER,
      eventId,
      refundId: ours.id,
      providerRefundId: refund.id,
      now,
    });
    return { action: "refund-succeeded", changed: result.changed, duplicate: result.duplicate, orderId: ours.orderId };
  }
  if (refund.status === "failed" || refund.status === "canceled") {
    if (ours.status === "SUCCEEDED") {
      // The money did not go back after all, but the ledger already says it did.
      return flagged("refund-failed-after-success", `refund ${ours.id} (${refund.id}) ${refund.status}`, {
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

/**
 * charge.refunded says that the charge's refunded amount moved, not which refund succeeded: a
 * pending refund counts too. Refunds it carries (an endpoint that expands them) are applied by
 * their own status; otherwise refund.created / refund.updated, which every refund sends, settle it.
 */
async function applyChargeRefunded(
  prisma: PrismaClient,
  charge: Stripe.Charge,
  eventId: string,
  now: Date,
): Promise<StripeEventOutcome> {
  const refunds = charge.refunds?.data ?? [];
  let outcome: StripeEventOutcome = { action: "refund-pending", changed: false, orderId: charge.metadata?.orderId };
  for (const refund of refunds) {
    // One event, several refunds: each needs an event id of its own.
    const result = await applyRefund(prisma, refund, `${eventId}:${refund.id}`, now);
    if (result.changed || !outcome.changed) outcome = { ...result, changed: result.changed || outcome.changed };
  }
  return outcome;
}

export interface ReconcileReport {
  sessionsChecked: number;
  eventsSeen: number;
  applied: { source: string; orderId?: string; action: StripeEventOutcome["action"]; flag?: PaymentFlag }[];
  refundsResent: number;
  released: number;
  errors: string[];
}

/** Stripe keeps an idempotency key for 24 hours; resending an older refund could refund twice. */
const REFUND_RESEND_WINDOW_MS = 23 * 60 * 60_000;

/**
 * Asks Stripe about what the webhook may have missed and applies it through the same functions:
 * (1) every order still pending after its reservation ran out, with a Checkout Session: its
 * session's state, under an event id derived from the session; (2) the handled events created
 * since `eventsSince`, under their own ids; (3) refunds that never reached Stripe, sent again
 * under their idempotency key; (4) what is still pending past its reservation is released.
 * Idempotent: a second run applies nothing new.
 */
export async function reconcileStripePayments(
  prisma: PrismaClient,
  options: { now?: Date; eventsSince: Date; limit?: number },
): Promise<ReconcileReport> {
  const { now = new Date(), eventsSince, limit = 500 } = options;
  const report: ReconcileReport = {
    sessionsChecked: 0,
    eventsSeen: 0,
    applied: [],
    refundsResent: 0,
    released: 0,
    errors: [],
  };
  const note = (source: string, outcome: StripeEventOutcome) => {
    if (outcome.changed || outcome.flag)
      report.applied.push({ source, orderId: outcome.orderId, action: outcome.action, flag: outcome.flag });
  };

  const overdue = await prisma.order.findMany({
    where: {
      status: "PENDING",
      paymentProvider: PROVIDER,
      paymentReference: { startsWith: "cs_" },
      reservedUntil: { lt: now },
    },
    select: { id: true, paymentReference: true },
    orderBy: { reservedUntil: "asc" },
    take: limit,
  });
  for (const order of overdue) {
    const sessionId = order.paymentReference!;
    let session: Stripe.Checkout.Session;
    try {
      session = await retrieveCheckoutSession(sessionId);
    } catch (error) {
      report.errors.push(`order ${order.id}: session ${sessionId}: ${(error as Error).message}`);
      continue;
    }
    report.sessionsChecked++;
    if (session.status === "complete" && session.payment_status !== "unpaid") {
      note(
        `session ${sessionId}`,
        await applySession(prisma, session, "succeeded", `reconcile:${sessionId}:paid`, now),
      );
    } else if (session.status === "expired") {
      note(
        `session ${sessionId}`,
        await applySession(prisma, session, "expired", `reconcile:${sessionId}:expired`, now),
      );
    }
    // Still open, or waiting for an asynchronous payment: its own events will follow.
  }

  let events: Stripe.Event[] = [];
  try {
    events = await listRecentEvents(eventsSince);
  } catch (error) {
    report.errors.push(`events since ${eventsSince.toISOString()}: ${(error as Error).message}`);
  }
  for (const event of events) {
    report.eventsSeen++;
    note(`event ${event.id} ${event.type}`, await handleStripeEvent(prisma, event, now));
  }

  const unsent = await prisma.refund.findMany({
    where: {
      status: "REQUESTED",
      providerRefundId: null,
      order: { paymentProvider: PROVIDER },
      // Not one an organiser is sending right now; not one whose idempotency key Stripe has forgotten.
      createdAt: { lt: new Date(now.getTime() - 60_000), gt: new Date(now.getTime() - REFUND_RESEND_WINDOW_MS) },
    },
    select: { id: true },
    take: limit,
  });
  for (const { id } of unsent) {
    try {
      const result = await sendRefund(prisma, id);
      if (result.delivery === "retry-later") report.errors.push(`refund ${id}: Stripe still unreachable`);
      else report.refundsResent++;
    } catch (error) {
      report.errors.push(`refund ${id}: ${(error as Error).message}`);
    }
  }

  report.released = await releaseExpiredReservations(prisma, now, limit);
  return report;
}
