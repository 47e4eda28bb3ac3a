import type { Locale } from "~/utils/i18n";
import type { PaymentEventType } from "./payments.server";

/*
 * The one interface every way of taking money implements (providers/: test, stripe, booth). It
 * covers the four things a provider does: checkout (start or resume a payment page),
 * confirmation (a payment confirmed directly, without a webhook), refunds, and webhooks (plus
 * the reconciliation that catches what a webhook missed). A provider translates; it never writes
 * an order: what it reports goes through payments.server.ts, refunds.server.ts and
 * payment-events.server.ts, which are provider-neutral.
 */

export type ProviderId = "test" | "stripe" | "booth";

/** What a payment provider needs to take payment for an order, as stored in the database. */
export interface OrderForPayment {
  id: string;
  token: string;
  totalFen: number;
  /** The language the buyer ordered in. */
  locale: Locale;
  currency: string;
  /** Until when the order holds its stock: a payment page must not stay open longer. */
  reservedUntil: Date;
  /** What the last started payment returned as its reference (e.g. a Stripe Checkout Session id). */
  paymentReference: string | null;
  lines: { nameZh: string; nameEn: string; quantity: number; unitPriceFen: number }[];
}

export interface StartedPayment {
  redirectUrl: string;
  reference: string;
}

/** A refund as the provider is asked to send it: the amount comes from the order's own prices. */
export interface RefundToSend {
  id: string;
  orderId: string;
  amountFen: number;
  reason: string;
  /** The order's payment reference: what the provider took the money with. */
  paymentReference: string | null;
}

/**
 * What became of a refund handed to a provider:
 * - confirmed: the provider confirmed it on the spot; it is applied under `eventId`;
 * - sent: accepted; its webhook confirms it (or says it failed) later;
 * - retry-later: the provider could not be reached; the refund stays requested;
 * - rejected: the provider refused it; the refund is marked failed.
 */
export type RefundSending =
  | { delivery: "confirmed"; eventId: string }
  | { delivery: "sent"; providerRefundId: string }
  | { delivery: "retry-later"; why: string }
  | { delivery: "rejected"; why: string };

/** A refund's state as the provider reports it. */
export interface RefundReport {
  eventId: string;
  /** Our refund id, when the provider carries it back (metadata). */
  refundId: string | null;
  providerRefundId: string;
  amountFen: number;
  status: "succeeded" | "failed" | "pending";
}

/** What a provider reports (a webhook delivery, or what reconciliation asked), in the app's own terms. */
export type ProviderReport =
  | {
      kind: "payment";
      eventId: string;
      type: PaymentEventType;
      /** The order the payment names; null when another integration on the same account made it. */
      orderId: string | null;
      /** The provider's id of this payment (e.g. a Checkout Session id). */
      reference: string;
      /** What was paid, in fen (the currency's minor unit); null when the provider did not say. */
      amountFen: number | null;
      currency: string | null;
    }
  /** Accepted, waiting for an asynchronous method: nothing to do until its outcome arrives. */
  | { kind: "awaiting-payment"; orderId: string | null }
  | ({ kind: "refund" } & RefundReport)
  /** Several refunds in one delivery (a charge's refunded amount moved); pending when it carries none. */
  | { kind: "refunds"; orderId: string | null; refunds: RefundReport[] }
  | { kind: "ignored" };

/** A webhook delivery whose signature checked out. */
export interface WebhookDelivery {
  id: string;
  type: string;
  report: ProviderReport;
}

/** A webhook delivery that is not genuine (bad or missing signature, too old). */
export class WebhookSignatureError extends Error {}

/** The provider cannot take payment now (not configured, unreachable); the order stays pending. */
export class PaymentsUnavailableError extends Error {}

export interface PaymentProvider {
  readonly id: ProviderId;
  /** How the payment references it writes on orders begin (e.g. "cs_"): a reference it owns. */
  readonly referencePrefix: string;

  // Checkout
  /**
   * The shortest time the provider keeps a payment page open once created (Stripe: 30 minutes).
   * The order's reservation is stretched to cover it, so stock is never released while the buyer
   * can still pay.
   */
  readonly minimumOpenMs?: number;
  /**
   * A payment already started for this order that the buyer can still use; or, when the last one
   * ended early, its expiry (spent: a new page needs another); or null when there was none.
   */
  resumePayment?(order: OrderForPayment): Promise<StartedPayment | { spentExpiry: Date } | null>;
  /** Starts a payment and says where to send the buyer; absent where payment is taken in person. */
  startPayment?(order: OrderForPayment): Promise<StartedPayment>;

  // Confirmation
  /**
   * The event id and reference under which a payment confirmed directly (the test page's button,
   * the booth's counter) is applied; fixed per order and outcome, so a replay applies once.
   */
  confirmation?(orderId: string, type: PaymentEventType): { eventId: string; reference?: string };

  // Refunds
  sendRefund(refund: RefundToSend): Promise<RefundSending>;

  // Webhooks and reconciliation
  /** Checks a delivery's signature against its raw body; throws WebhookSignatureError when it is not genuine. */
  verifyWebhook?(payload: string, headers: Headers): WebhookDelivery;
  /** What the provider now says about one of its payments, under an event id derived from it (asking twice applies once). */
  lookupPayment?(reference: string): Promise<ProviderReport | null>;
  /** The reports the provider sent since `since`, oldest first, labelled for the reconciliation report. */
  reportsSince?(since: Date): Promise<{ source: string; report: ProviderReport }[]>;
}
