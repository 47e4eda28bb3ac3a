import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { upsertProduct } from "../../prisma/factories";
import { checkoutInput } from "../../tests/support/checkout";
import { withTestDatabase } from "../../tests/support/database";
import { startFakeStripe, pointEnvAtFakeStripe } from "../../tests/support/fake-stripe";
import { startPaymentOrExplain } from "~/payments/provider.server";
import { addToCart, createCart } from "~/cart/cart.server";
import { verifyLedger } from "~/ledger/ledger.server";
import { placeOrder } from "~/payments/checkout.server";
import { refundOrder } from "./refund-order.server";
import type Stripe from "stripe";
import type { PrismaClient } from "~/generated/prisma/client";
import { applyProviderReport, reconcilePayments } from "./payment-events.server";
import { stripeEventReport } from "./providers/stripe.server";

/** What the Stripe webhook does with a verified event. */
const handleStripeEvent = (prisma: PrismaClient, event: Stripe.Event) =>
  applyProviderReport(prisma, "stripe", stripeEventReport(event));
const reconcileStripePayments = (prisma: PrismaClient, options: { now?: Date; eventsSince: Date }) =>
  reconcilePayments(prisma, "stripe", options);

// Before anything reads the environment (env() caches it).
const fake = await startFakeStripe();
pointEnvAtFakeStripe(fake);
const t = withTestDatabase();
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const DAY = 24 * 3600_000;

async function stripeOrder({ stock = 10, quantity = 2 } = {}) {
  const product = await upsertProduct(t.prisma, { stock, priceFen: 4500 });
  const cart = await createCart(t.prisma);
  await addToCart(t.prisma, cart, product.id, quantity);
  const { id } = await placeOrder(t.prisma, { cartId: cart, input: checkoutInput(), locale: "zh", provider: "stripe" });
  await startPaymentOrExplain(t.prisma, id, "zh");
  const order = await t.prisma.order.findUniqueOrThrow({ where: { id } });
  return { product, orderId: id, sessionId: order.paymentReference!, reservedUntil: order.reservedUntil };
}

const statusOf = async (orderId: string) => (await t.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status;
const stockOf = async (productId: string) =>
  (await t.prisma.product.findUniqueOrThrow({ where: { id: productId } })).stock;

/** Reconciliation as `npm run payments:reconcile` runs it, at a chosen moment. */
const reconcile = (now = new Date()) =>
  reconcileStripePayments(t.prisma, { now, eventsSince: new Date(now.getTime() - 3 * DAY) });

describe("Stripe events the webhook does not fulfil", () => {
  it("a payment in another currency is flagged, not fulfilled", async () => {
    const { orderId, sessionId } = await stripeOrder();
    const paid = { ...fake.pay(sessionId), currency: "usd" };
    const outcome = await handleStripeEvent(t.prisma, fake.event("checkout.session.completed", paid));
    expect(outcome).toMatchObject({ changed: false, flag: "currency-mismatch", orderId });
    expect(await statusOf(orderId)).toBe("PENDING");
  });

  it("charge.refunded without its refunds changes nothing: the refund's own events settle it", async () => {
    const { orderId, sessionId } = await stripeOrder();
    fake.pay(sessionId);
    await handleStripeEvent(t.prisma, fake.event("checkout.session.completed", fake.sessions.get(sessionId)!));
    fake.refundStatus = "pending";
    await refundOrder(t.prisma, { orderId, reason: "", requestedBy: "organiser" });
    const outcome = await handleStripeEvent(t.prisma, fake.event("charge.refunded", fake.chargeOf(sessionId)));
    expect(outcome).toMatchObject({ action: "refund-pending", changed: false });
    expect(await statusOf(orderId)).toBe("PAID");
  });
});

describe("reconciliation with Stripe", () => {
  it("applies a payment whose webhook never came, once however often it runs", async () => {
    const { product, orderId, sessionId, reservedUntil } = await stripeOrder({ stock: 5, quantity: 2 });
    fake.pay(sessionId); // Stripe took the money; the webhook was lost
    const later = new Date(reservedUntil.getTime() + 60_000);
    const first = await reconcile(later);
    expect(first.applied).toContainEqual({
      source: `session ${sessionId}`,
      orderId,
      action: "payment-succeeded",
      flag: undefined,
    });
    expect(await statusOf(orderId)).toBe("PAID");
    expect(await stockOf(product.id)).toBe(3);
    expect(await t.prisma.paymentEvent.count({ where: { orderId, eventId: `reconcile:${sessionId}:paid` } })).toBe(1);

    const second = await reconcile(later);
    expect(second.applied.filter((a) => a.orderId === orderId)).toEqual([]);
    expect(await t.prisma.ledgerEntry.count({ where: { orderId, target: "COOPERATIVE" } })).toBe(1);
    expect((await verifyLedger(t.prisma)).mismatches).toEqual([]);
  });

  it("expires an order whose session expired unnoticed, releasing its stock", async () => {
    const { product, orderId, sessionId, reservedUntil } = await stripeOrder({ stock: 5, quantity: 2 });
    fake.expire(sessionId);
    const report = await reconcile(new Date(reservedUntil.getTime() + 60_000));
    expect(report.applied).toContainEqual({
      source: `session ${sessionId}`,
      orderId,
      action: "session-expired",
      flag: undefined,
    });
    expect(await statusOf(orderId)).toBe("EXPIRED");
    expect(await stockOf(product.id)).toBe(5);
  });

  it("applies events that were never delivered, and leaves those already applied alone", async () => {
    const delivered = await stripeOrder();
    const lost = await stripeOrder();
    await handleStripeEvent(t.prisma, fake.event("checkout.session.completed", fake.pay(delivered.sessionId)));
    fake.event("checkout.session.completed", fake.pay(lost.sessionId)); // created, never delivered
    const report = await reconcile();
    expect(report.eventsSeen).toBeGreaterThanOrEqual(2);
    expect(report.applied.filter((a) => a.orderId === delivered.orderId)).toEqual([]);
    expect(report.applied.filter((a) => a.orderId === lost.orderId)).toHaveLength(1);
    expect(await statusOf(lost.orderId)).toBe("PAID");
    const [listed] = fake.requestsTo("GET", "/v1/events");
    expect([...listed!.query.keys()].filter((k) => k.startsWith("types"))).toHaveLength(8);
    expect(Number(listed!.query.get("created[gte]"))).toBeGreaterThan(Date.now() / 1000 - 3 * 86400 - 60);
  });

  it("sends again a refund that never reached Stripe, under the same key", async () => {
    const { orderId, sessionId } = await stripeOrder();
    await handleStripeEvent(t.prisma, fake.event("checkout.session.completed", fake.pay(sessionId)));
    fake.failNext(3, "500", "/v1/refunds");
    const refund = await refundOrder(t.prisma, { orderId, reason: "", requestedBy: "organiser" });
    expect(refund.delivery).toBe("retry-later");
    const report = await reconcile(new Date(Date.now() + 2 * 60_000));
    expect(report.refundsResent).toBe(1);
    const keys = new Set(fake.requestsTo("POST", "/v1/refunds").map((r) => r.idempotencyKey));
    expect(keys).toEqual(new Set([`refund:${refund.refundId}`]));
    expect((await t.prisma.refund.findUniqueOrThrow({ where: { id: refund.refundId } })).providerRefundId).toMatch(
      /^re_/,
    );
  });

  it("reports what it could not ask, and a later run still applies the payment", async () => {
    const { product, orderId, sessionId, reservedUntil } = await stripeOrder({ stock: 5, quantity: 2 });
    fake.event("checkout.session.completed", fake.pay(sessionId)); // its delivery was lost
    fake.failNext(3, "500", `/v1/checkout/sessions/${sessionId}`);
    fake.failNext(3, "500", "/v1/events");
    const later = new Date(reservedUntil.getTime() + 60_000);
    const blind = await reconcile(later);
    expect(blind.errors.some((e) => e.includes(orderId))).toBe(true);
    expect(blind.errors.some((e) => e.startsWith("events since"))).toBe(true);
    // Past its reservation, the order is released like any other...
    expect(await statusOf(orderId)).toBe("EXPIRED");
    expect(await stockOf(product.id)).toBe(5);
    // ...and the payment, learned from the event on the next run, takes the stock again.
    const next = await reconcile(later);
    expect(next.applied).toContainEqual(expect.objectContaining({ orderId, action: "payment-succeeded" }));
    expect(await statusOf(orderId)).toBe("PAID");
    expect(await stockOf(product.id)).toBe(3);
  });

  it("releases a pending order that never got a session once its reservation is over", async () => {
    const product = await upsertProduct(t.prisma, { stock: 5 });
    const cart = await createCart(t.prisma);
    await addToCart(t.prisma, cart, product.id, 1);
    const { id } = await placeOrder(t.prisma, {
      cartId: cart,
      input: checkoutInput(),
      locale: "zh",
      provider: "stripe",
    });
    const { reservedUntil } = await t.prisma.order.findUniqueOrThrow({ where: { id } });
    const report = await reconcile(new Date(reservedUntil.getTime() + 1000));
    expect(report.released).toBeGreaterThanOrEqual(1);
    expect(await statusOf(id)).toBe("EXPIRED");
    expect(await stockOf(product.id)).toBe(5);
  });
});
