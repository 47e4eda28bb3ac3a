/**
 * Stripe's webhook over HTTP: signed events (built the way Stripe builds them, for sessions made
 * through the real SDK against the fake API) posted to the real route, raw body and all.
 */
import { afterAll, describe, expect, it } from "vitest";
import type Stripe from "stripe";
import { upsertProduct } from "../../prisma/factories";
import { addToCart, createCart } from "~/cart/cart.server";
import { verifyLedger } from "~/ledger/ledger.server";
import { placeOrder } from "~/payments/checkout.server";
import { refundOrder } from "~/payments/refund-order.server";
import { applyProviderReport } from "~/payments/payment-events.server";
import { sessionReport } from "~/payments/providers/stripe.server";
import { startPaymentOrExplain } from "~/payments/provider.server";
import { checkoutInput, reservedUnits } from "../support/checkout";
import { withTestDatabase } from "../support/database";
import { deliver, signatureFor, startFakeStripe, pointEnvAtFakeStripe } from "../support/fake-stripe";
import { withHttpApp } from "../support/http-app";

// Before anything reads the environment (env() caches it, here and in the app served by Vite).
const fake = await startFakeStripe();
pointEnvAtFakeStripe(fake);
const t = withTestDatabase();
const app = withHttpApp();
afterAll(() => fake.close());

/** A pending order placed for Stripe, with the Checkout Session the app created for it. */
async function stripeOrder({ stock = 10, quantity = 2, priceFen = 5000 } = {}) {
  const product = await upsertProduct(t.prisma, { stock, priceFen });
  const cart = await createCart(t.prisma);
  await addToCart(t.prisma, cart, product.id, quantity);
  const { id } = await placeOrder(t.prisma, { cartId: cart, input: checkoutInput(), locale: "zh", provider: "stripe" });
  await startPaymentOrExplain(t.prisma, id, "zh");
  const { paymentReference } = await t.prisma.order.findUniqueOrThrow({ where: { id } });
  return { product, orderId: id, sessionId: paymentReference!, stock, quantity };
}

async function state(orderId: string, productId: string) {
  const order = await t.prisma.order.findUniqueOrThrow({ where: { id: orderId } });
  const ledger = await t.prisma.ledgerEntry.aggregate({
    where: { orderId, target: "COOPERATIVE" },
    _sum: { amountFen: true },
    _count: true,
  });
  return {
    status: order.status,
    refundedFen: order.refundedFen,
    stock: (await t.prisma.product.findUniqueOrThrow({ where: { id: productId } })).stock,
    reserved: await reservedUnits(t.prisma, productId),
    ledgerFen: ledger._sum.amountFen ?? 0,
    ledgerEntries: ledger._count,
    events: await t.prisma.paymentEvent.count({ where: { orderId } }),
  };
}

async function expectDelivered(event: Stripe.Event | string, status = 200) {
  const response = await deliver(app.baseUrl, event);
  if (response.status !== status) console.log(await response.clone().text());
  expect(response.status).toBe(status);
  return response.json() as Promise<Record<string, unknown>>;
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

/** Makes the database refuse a statement once, as if the process died before committing. */
async function crashOn(table: "LedgerEntry" | "Product", operation: "INSERT" | "UPDATE") {
  await t.prisma.$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION test_simulated_crash() RETURNS trigger AS $$
    BEGIN RAISE EXCEPTION 'simulated crash before commit'; END $$ LANGUAGE plpgsql`);
  await t.prisma.$executeRawUnsafe(
    `CREATE TRIGGER test_simulated_crash BEFORE ${operation} ON "${table}" FOR EACH ROW EXECUTE FUNCTION test_simulated_crash()`,
  );
  return () => t.prisma.$executeRawUnsafe(`DROP TRIGGER test_simulated_crash ON "${table}"`);
}

describe("the Stripe webhook: signatures", () => {
  it("applies a validly signed payment once: paid, ledger written, event recorded", async () => {
    const { product, orderId, sessionId, stock, quantity } = await stripeOrder();
    const event = fake.event("checkout.session.completed", fake.pay(sessionId));
    const body = await expectDelivered(event);
    expect(body).toMatchObject({ received: true, action: "payment-succeeded", changed: true, status: "PAID" });
    expect(await state(orderId, product.id)).toMatchObject({
      status: "PAID",
      stock: stock - quantity,
      reserved: 0,
      ledgerFen: quantity * 5000,
      events: 1,
    });
    const recorded = await t.prisma.paymentEvent.findFirstOrThrow({ where: { orderId } });
    expect(recorded).toMatchObject({ provider: "stripe", eventId: event.id, amountFen: quantity * 5000 });
    expect((await t.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).paymentReference).toBe(sessionId);
  });

  it("refuses with 400 and changes nothing: one byte changed, wrong secret, no header, stale timestamp", async () => {
    const { product, orderId, sessionId } = await stripeOrder();
    const event = fake.event("checkout.session.completed", fake.pay(sessionId));
    const payload = JSON.stringify(event, null, 2);
    const before = await state(orderId, product.id);

    const tampered = payload.replace(`"amount_total": 10000`, `"amount_total": 10001`);
    expect(tampered).not.toBe(payload);
    const cases: [string, Promise<Response>][] = [
      ["one byte changed", deliver(app.baseUrl, tampered, { signature: signatureFor(payload) })],
      ["wrong secret", deliver(app.baseUrl, payload, { secret: "whsec_someone_else" })],
      ["missing header", deliver(app.baseUrl, payload, { signature: null })],
      ["garbage header", deliver(app.baseUrl, payload, { signature: "t=1,v1=00" })],
      // Signed correctly, but 301 s ago: a replay of an old delivery.
      ["stale timestamp", deliver(app.baseUrl, payload, { timestamp: Math.floor(Date.now() / 1000) - 301 })],
    ];
    for (const [name, pending] of cases) {
      const response = await pending;
      expect(response.status, name).toBe(400);
    }
    expect(await state(orderId, product.id)).toEqual(before);
    expect(before.status).toBe("PENDING");

    // The untouched delivery still works: nothing above consumed the event id.
    await expectDelivered(payload);
    expect((await state(orderId, product.id)).status).toBe("PAID");
  });

  it("answers event types it does not handle with 200 and changes nothing", async () => {
    const { product, orderId } = await stripeOrder();
    const before = await state(orderId, product.id);
    const event = fake.event("customer.created", { id: "cus_123", object: "customer", metadata: { orderId } });
    expect(await expectDelivered(event)).toMatchObject({ action: "ignored", changed: false });
    expect(await state(orderId, product.id)).toEqual(before);
  });

  it("ignores a session that names no order of ours", async () => {
    const { sessionId } = await stripeOrder();
    const session = { ...fake.pay(sessionId), metadata: { orderId: "not-an-order" }, client_reference_id: null };
    const body = await expectDelivered(fake.event("checkout.session.completed", session));
    expect(body).toMatchObject({ action: "ignored", changed: false, flag: "unknown-order" });
  });
});

describe("the Stripe webhook: payments", () => {
  it("applies the same event delivered 10 times at once exactly once", async () => {
    const { product, orderId, sessionId, stock, quantity } = await stripeOrder();
    const event = fake.event("checkout.session.completed", fake.pay(sessionId));
    const responses = await Promise.all(Array.from({ length: 10 }, () => deliver(app.baseUrl, event)));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    const bodies = await Promise.all(responses.map((r) => r.json() as Promise<{ changed: boolean }>));
    expect(bodies.filter((b) => b.changed)).toHaveLength(1);
    expect(await state(orderId, product.id)).toMatchObject({
      status: "PAID",
      stock: stock - quantity,
      ledgerEntries: 1,
      events: 1,
    });
  });

  it("waits for an asynchronous payment, then applies its success or its failure", async () => {
    const paid = await stripeOrder();
    const completed = await expectDelivered(
      fake.event("checkout.session.completed", fake.pay(paid.sessionId, { async: true })),
    );
    expect(completed).toMatchObject({ action: "awaiting-payment", changed: false });
    expect((await state(paid.orderId, paid.product.id)).status).toBe("PENDING");
    await expectDelivered(
      fake.event("checkout.session.async_payment_succeeded", fake.settleAsync(paid.sessionId, "paid")),
    );
    expect((await state(paid.orderId, paid.product.id)).status).toBe("PAID");

    const failed = await stripeOrder();
    await expectDelivered(fake.event("checkout.session.completed", fake.pay(failed.sessionId, { async: true })));
    await expectDelivered(
      fake.event("checkout.session.async_payment_failed", fake.settleAsync(failed.sessionId, "failed")),
    );
    expect(await state(failed.orderId, failed.product.id)).toMatchObject({
      status: "FAILED",
      stock: failed.stock,
      reserved: 0,
      ledgerEntries: 0,
    });
  });

  it("releases the reservation when the session expires, but not for a session the order replaced", async () => {
    const { product, orderId, sessionId, stock } = await stripeOrder();
    const stale = { ...fake.sessions.get(sessionId)!, id: "cs_test_replaced", status: "expired" };
    expect(await expectDelivered(fake.event("checkout.session.expired", stale))).toMatchObject({ action: "ignored" });
    expect((await state(orderId, product.id)).status).toBe("PENDING");

    await expectDelivered(fake.event("checkout.session.expired", fake.expire(sessionId)));
    expect(await state(orderId, product.id)).toMatchObject({ status: "EXPIRED", stock, reserved: 0 });
  });

  it("flags a payment whose amount differs from the order's total and does not fulfil it", async () => {
    const { product, orderId, sessionId } = await stripeOrder({ quantity: 1, priceFen: 8800 });
    const body = await expectDelivered(
      fake.event("checkout.session.completed", fake.pay(sessionId, { amountTotal: 100 })),
    );
    expect(body).toMatchObject({ action: "payment-succeeded", changed: false, flag: "amount-mismatch" });
    expect(await state(orderId, product.id)).toMatchObject({ status: "PENDING", ledgerEntries: 0, events: 1 });
    const recorded = await t.prisma.paymentEvent.findFirstOrThrow({ where: { orderId } });
    expect(recorded.amountFen).toBe(100); // kept for the organiser's console to list
  });

  it("marks a payment that arrives after the stock was sold to someone else NEEDS_REFUND; stock never negative", async () => {
    const { product, orderId, sessionId } = await stripeOrder({ stock: 2, quantity: 2 });
    const paid = fake.pay(sessionId);
    await expectDelivered(fake.event("checkout.session.expired", { ...paid, status: "expired" }));
    await t.prisma.product.update({ where: { id: product.id }, data: { stock: 1 } }); // one sold meanwhile
    const body = await expectDelivered(fake.event("checkout.session.completed", paid));
    expect(body).toMatchObject({ changed: true, status: "NEEDS_REFUND" });
    expect(await state(orderId, product.id)).toMatchObject({ status: "NEEDS_REFUND", stock: 1, ledgerEntries: 0 });
  });

  it("flags a second session paying for an order another session already paid", async () => {
    const { orderId, sessionId } = await stripeOrder();
    await expectDelivered(fake.event("checkout.session.completed", fake.pay(sessionId)));
    const other = { ...fake.sessions.get(sessionId)!, id: "cs_test_other_session" };
    const body = await expectDelivered(fake.event("checkout.session.completed", other));
    expect(body).toMatchObject({ changed: false, flag: "paid-twice", orderId });
  });

  it("ends every delivery order of {completed, async succeeded, expired} in the state in-order delivery gives", async () => {
    const kinds = ["completed", "async-succeeded", "expired"] as const;
    const outcomes = new Set<string>();
    for (const order of permutations([...kinds])) {
      const { product, orderId, sessionId } = await stripeOrder({ stock: 5, quantity: 2 });
      const unpaid = fake.pay(sessionId, { async: true });
      const events = {
        completed: fake.event("checkout.session.completed", unpaid),
        "async-succeeded": fake.event("checkout.session.async_payment_succeeded", {
          ...unpaid,
          payment_status: "paid",
        }),
        // Not what Stripe sends for a completed session, but a reordering must not be able to hurt.
        expired: fake.event("checkout.session.expired", { ...unpaid, status: "expired" }),
      };
      for (const kind of order) await expectDelivered(events[kind]);
      const { events: _count, ...final } = await state(orderId, product.id);
      outcomes.add(JSON.stringify(final));
      expect(final, order.join(" → ")).toEqual({
        status: "PAID",
        refundedFen: 0,
        stock: 3,
        reserved: 0,
        ledgerFen: 10000,
        ledgerEntries: 1,
      });
    }
    expect(outcomes.size).toBe(1);
  });

  it("ends every delivery order of {completed, async succeeded, expired, refunded} in the in-order state", async () => {
    // Stripe's deliveries were held up while the buyer paid and the organiser refunded (the
    // organiser saw the payment because the buyer's return asked Stripe). Then all four arrive.
    const kinds = ["completed", "async-succeeded", "expired", "refunded"] as const;
    const finals = new Set<string>();
    for (const order of permutations([...kinds])) {
      const { product, orderId, sessionId } = await stripeOrder({ stock: 5, quantity: 2 });
      const unpaid = fake.pay(sessionId, { async: true });
      const paid = fake.settleAsync(sessionId, "paid");
      await applyProviderReport(
        t.prisma,
        "stripe",
        sessionReport(paid as unknown as Stripe.Checkout.Session, "succeeded", `reconcile:${sessionId}:paid`),
      );
      const refund = await refundOrder(t.prisma, {
        orderId,
        reason: "buyer changed their mind",
        requestedBy: "organiser",
      });
      const events = {
        completed: fake.event("checkout.session.completed", unpaid),
        "async-succeeded": fake.event("checkout.session.async_payment_succeeded", paid),
        expired: fake.event("checkout.session.expired", { ...paid, status: "expired" }),
        refunded: fake.event("refund.updated", fake.refunds.get(refund.providerRefundId!)!),
      };
      for (const kind of order) await expectDelivered(events[kind]);
      const final = await state(orderId, product.id);
      finals.add(JSON.stringify(final));
      expect(final, order.join(" → ")).toMatchObject({
        status: "REFUNDED",
        refundedFen: 10000,
        stock: 3,
        ledgerFen: 0,
      });
    }
    expect(finals.size).toBe(1);
    expect((await verifyLedger(t.prisma)).mismatches).toEqual([]);
  });
});

describe("the Stripe webhook: a crash before commit, then Stripe's retry", () => {
  it("a payment: the failed delivery leaves no trace, the retry ends as one clean delivery", async () => {
    const clean = await stripeOrder();
    await expectDelivered(fake.event("checkout.session.completed", fake.pay(clean.sessionId)));

    const crashed = await stripeOrder();
    const event = fake.event("checkout.session.completed", fake.pay(crashed.sessionId));
    const before = await state(crashed.orderId, crashed.product.id);
    const recover = await crashOn("LedgerEntry", "INSERT");
    try {
      await expectDelivered(event, 500);
    } finally {
      await recover();
    }
    // Rolled back whole: not paid, and the event id not consumed (or the retry would be a no-op).
    expect(await state(crashed.orderId, crashed.product.id)).toEqual(before);
    await expectDelivered(event);
    const { stock: _a, ...afterRetry } = await state(crashed.orderId, crashed.product.id);
    const { stock: _b, ...afterClean } = await state(clean.orderId, clean.product.id);
    expect(afterRetry).toEqual(afterClean);
    expect(afterRetry).toMatchObject({ status: "PAID", ledgerEntries: 1, events: 1 });
  });

  it("an expiry: the stock is released exactly once after the retry", async () => {
    const { product, orderId, sessionId, stock } = await stripeOrder({ stock: 4, quantity: 3 });
    const event = fake.event("checkout.session.expired", fake.expire(sessionId));
    const recover = await crashOn("Product", "UPDATE");
    try {
      await expectDelivered(event, 500);
    } finally {
      await recover();
    }
    expect(await state(orderId, product.id)).toMatchObject({ status: "PENDING", stock: 1, reserved: 3, events: 0 });
    await expectDelivered(event);
    await expectDelivered(event); // and Stripe's duplicate of it
    expect(await state(orderId, product.id)).toMatchObject({ status: "EXPIRED", stock, reserved: 0, events: 1 });
  });
});

describe("the Stripe webhook: refunds", () => {
  it("confirms refunds by their own status; the ledger reverses exactly what was refunded", async () => {
    const { product, orderId, sessionId } = await stripeOrder({ quantity: 3, priceFen: 3333 });
    await expectDelivered(fake.event("checkout.session.completed", fake.pay(sessionId)));
    const line = await t.prisma.orderLine.findFirstOrThrow({ where: { orderId } });

    // A wallet refund: pending first, then succeeded.
    fake.refundStatus = "pending";
    const first = await refundOrder(t.prisma, {
      orderId,
      lines: [{ orderLineId: line.id, quantity: 1 }],
      reason: "damaged in transit",
      requestedBy: "organiser",
    });
    expect(first).toMatchObject({ delivery: "sent", amountFen: 3333 });
    const created = fake.refunds.get(first.providerRefundId!)!;
    expect(await expectDelivered(fake.event("refund.created", created))).toMatchObject({ action: "refund-pending" });
    expect((await state(orderId, product.id)).status).toBe("PAID");
    // charge.refunded says the refunded amount moved, not that this refund succeeded.
    const charge = fake.chargeOf(sessionId);
    expect(await expectDelivered(fake.event("charge.refunded", charge))).toMatchObject({ changed: false });
    const succeeded = { ...created, status: "succeeded" };
    expect(await expectDelivered(fake.event("refund.updated", succeeded))).toMatchObject({
      action: "refund-succeeded",
      changed: true,
    });
    expect(await state(orderId, product.id)).toMatchObject({
      status: "PARTLY_REFUNDED",
      refundedFen: 3333,
      ledgerFen: 2 * 3333,
    });

    // The rest, found by Stripe's refund id alone (a refund object without our metadata).
    fake.refundStatus = "succeeded";
    const rest = await refundOrder(t.prisma, { orderId, reason: "", requestedBy: "organiser" });
    const withoutMetadata = { ...fake.refunds.get(rest.providerRefundId!)!, metadata: {} };
    await expectDelivered(fake.event("refund.created", withoutMetadata));
    expect(await state(orderId, product.id)).toMatchObject({ status: "REFUNDED", refundedFen: 9999, ledgerFen: 0 });
    expect((await verifyLedger(t.prisma)).mismatches).toEqual([]);
  });

  it("applies refunds carried by an expanded charge.refunded by their own status", async () => {
    const { product, orderId, sessionId } = await stripeOrder({ quantity: 1, priceFen: 7000 });
    await expectDelivered(fake.event("checkout.session.completed", fake.pay(sessionId)));
    const refund = await refundOrder(t.prisma, { orderId, reason: "", requestedBy: "organiser" });
    const charge = {
      ...fake.chargeOf(sessionId),
      refunds: { object: "list", data: [fake.refunds.get(refund.providerRefundId!)] },
    };
    expect(await expectDelivered(fake.event("charge.refunded", charge))).toMatchObject({ changed: true });
    expect(await state(orderId, product.id)).toMatchObject({ status: "REFUNDED", ledgerFen: 0 });
  });

  it("a failed refund frees the quantities to be refunded again and leaves the ledger alone", async () => {
    const { product, orderId, sessionId } = await stripeOrder({ quantity: 2, priceFen: 4000 });
    await expectDelivered(fake.event("checkout.session.completed", fake.pay(sessionId)));
    fake.refundStatus = "pending";
    const refund = await refundOrder(t.prisma, { orderId, reason: "", requestedBy: "organiser" });
    const failed = fake.failRefund(refund.providerRefundId!);
    expect(await expectDelivered(fake.event("refund.failed", failed))).toMatchObject({
      action: "refund-failed",
      changed: true,
    });
    expect(await t.prisma.refund.findUniqueOrThrow({ where: { id: refund.refundId } })).toMatchObject({
      status: "FAILED",
    });
    expect(await state(orderId, product.id)).toMatchObject({ status: "PAID", ledgerFen: 8000 });
    fake.refundStatus = "succeeded";
    const again = await refundOrder(t.prisma, { orderId, reason: "", requestedBy: "organiser" });
    expect(again.amountFen).toBe(8000);
  });

  it("flags a refund made outside the app and changes nothing", async () => {
    const body = await expectDelivered(
      fake.event("refund.created", {
        id: "re_dashboard",
        object: "refund",
        amount: 100,
        status: "succeeded",
        metadata: {},
      }),
    );
    expect(body).toMatchObject({ action: "ignored", flag: "unknown-refund", changed: false });
  });
});
