import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { upsertProduct } from "../../prisma/factories";
import { checkoutInput } from "../../tests/support/checkout";
import { withTestDatabase } from "../../tests/support/database";
import { startFakeStripe, pointEnvAtFakeStripe } from "../../tests/support/fake-stripe";
import { startPaymentOrExplain } from "~/payments/provider.server";
import { addToCart, createCart } from "~/cart/cart.server";
import { verifyLedger } from "~/ledger/ledger.server";
import { placeOrder } from "~/payments/checkout.server";
import { applyPaymentEvent } from "./payments.server";
import { refundOrder, RefundRejectedError, sendRefund } from "./refund-order.server";
import { RefundError } from "./refunds.server";

// Before anything reads the environment (env() caches it).
const fake = await startFakeStripe();
pointEnvAtFakeStripe(fake);
const t = withTestDatabase();
afterAll(() => fake.close());
beforeEach(() => fake.reset());

/** A paid order of two lines (2 × ¥12.00 and 1 × ¥5.00), through the given provider. */
async function paidOrder(provider: "test" | "stripe") {
  const a = await upsertProduct(t.prisma, { priceFen: 1200 });
  const b = await upsertProduct(t.prisma, { priceFen: 500 });
  const cart = await createCart(t.prisma);
  await addToCart(t.prisma, cart, a.id, 2);
  await addToCart(t.prisma, cart, b.id, 1);
  const { id } = await placeOrder(t.prisma, { cartId: cart, input: checkoutInput(), locale: "zh", provider });
  await startPaymentOrExplain(t.prisma, id, "zh");
  const { paymentReference } = await t.prisma.order.findUniqueOrThrow({ where: { id } });
  if (provider === "stripe") fake.pay(paymentReference!);
  await applyPaymentEvent(t.prisma, {
    provider,
    eventId: `paid:${id}`,
    type: "succeeded",
    orderId: id,
    amountFen: 2900,
    reference: paymentReference!,
  });
  const lines = await t.prisma.orderLine.findMany({ where: { orderId: id }, orderBy: { unitPriceFen: "desc" } });
  return { orderId: id, sessionId: paymentReference!, lines };
}

const refundRequests = () => fake.requestsTo("POST", "/v1/refunds");

describe("refunding an order", () => {
  it("through the test provider: confirmed at once, by the path a webhook takes, the ledger reversed", async () => {
    const { orderId } = await paidOrder("test");
    const result = await refundOrder(t.prisma, { orderId, reason: "buyer asked", requestedBy: "organiser-1" });
    expect(result).toMatchObject({ delivery: "confirmed", amountFen: 2900 });
    expect(await t.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({
      status: "REFUNDED",
      refundedFen: 2900,
    });
    expect(await t.prisma.paymentEvent.count({ where: { orderId, eventId: `test_refund_${result.refundId}` } })).toBe(
      1,
    );
    expect(await t.prisma.refund.findUniqueOrThrow({ where: { id: result.refundId } })).toMatchObject({
      reason: "buyer asked",
      requestedBy: "organiser-1",
    });
    expect((await verifyLedger(t.prisma)).mismatches).toEqual([]);
    expect(refundRequests()).toHaveLength(0);
  });

  it("through Stripe: the amount of the chosen lines from the database, keyed by the refund id, confirmed later", async () => {
    const { orderId, sessionId, lines } = await paidOrder("stripe");
    const result = await refundOrder(t.prisma, {
      orderId,
      lines: [{ orderLineId: lines[0]!.id, quantity: 1 }],
      reason: "one jar broke",
      requestedBy: "organiser-1",
    });
    expect(result).toMatchObject({ delivery: "sent", amountFen: 1200 });
    const [sent, ...more] = refundRequests();
    expect(more).toHaveLength(0);
    expect(sent!.idempotencyKey).toBe(`refund:${result.refundId}`);
    expect(sent!.form).toEqual({
      payment_intent: fake.sessions.get(sessionId)!.payment_intent,
      amount: "1200",
      "metadata[refundId]": result.refundId,
      "metadata[orderId]": orderId,
      "metadata[reason]": "one jar broke",
    });
    const refund = await t.prisma.refund.findUniqueOrThrow({ where: { id: result.refundId } });
    // Stripe accepted it; only its confirmation (the webhook) reverses the ledger.
    expect(refund).toMatchObject({ status: "REQUESTED", providerRefundId: result.providerRefundId });
    expect((await t.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("PAID");
  });

  it("survives Stripe answering 500 twice: one refund, one key", async () => {
    const { orderId } = await paidOrder("stripe");
    fake.failNext(2, "500", "/v1/refunds");
    const result = await refundOrder(t.prisma, { orderId, reason: "", requestedBy: "organiser-1" });
    expect(result.delivery).toBe("sent");
    expect(refundRequests()).toHaveLength(3);
    expect(new Set(refundRequests().map((r) => r.idempotencyKey))).toEqual(new Set([`refund:${result.refundId}`]));
    expect(
      [...fake.refunds.values()].filter((r) => (r.metadata as Record<string, string>).refundId === result.refundId),
    ).toHaveLength(1);
  });

  it("keeps a refund that could not reach Stripe requested, and sending it again never refunds twice", async () => {
    const { orderId } = await paidOrder("stripe");
    fake.failNext(3, "drop-after-processing", "/v1/refunds"); // Stripe refunded, but no answer came back
    const result = await refundOrder(t.prisma, { orderId, reason: "", requestedBy: "organiser-1" });
    expect(result.delivery).toBe("retry-later");
    expect(await t.prisma.refund.findUniqueOrThrow({ where: { id: result.refundId } })).toMatchObject({
      status: "REQUESTED",
      providerRefundId: null,
    });
    // The quantities stay reserved for this refund: asking again is refused, resending is the way.
    await expect(refundOrder(t.prisma, { orderId, reason: "", requestedBy: "organiser-1" })).rejects.toEqual(
      new RefundError("nothing-to-refund"),
    );
    const resent = await sendRefund(t.prisma, result.refundId);
    expect(resent.delivery).toBe("sent");
    const ours = [...fake.refunds.values()].filter(
      (r) => (r.metadata as Record<string, string>).refundId === result.refundId,
    );
    expect(ours).toHaveLength(1);
    expect(resent.providerRefundId).toBe(ours[0]!.id);
  });

  it("marks a refund Stripe refuses FAILED, so its quantities can be refunded again", async () => {
    const { orderId, lines } = await paidOrder("stripe");
    // Someone refunded the whole charge in the Dashboard first.
    fake.refunds.clear();
    const charge = fake.chargeOf(
      (await t.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).paymentReference!,
    );
    await fetch(`http://127.0.0.1:${fake.port}/v1/refunds`, {
      method: "POST",
      body: new URLSearchParams({ payment_intent: String(charge.payment_intent) }),
    });
    const attempt = refundOrder(t.prisma, {
      orderId,
      lines: [{ orderLineId: lines[1]!.id, quantity: 1 }],
      reason: "",
      requestedBy: "organiser-1",
    });
    await expect(attempt).rejects.toBeInstanceOf(RefundRejectedError);
    const refund = await t.prisma.refund.findFirstOrThrow({ where: { orderId } });
    expect(refund.status).toBe("FAILED");
    expect(refund.amountFen).toBe(500);
  });

  it("refuses orders that are not paid", async () => {
    const product = await upsertProduct(t.prisma);
    const cart = await createCart(t.prisma);
    await addToCart(t.prisma, cart, product.id, 1);
    const { id } = await placeOrder(t.prisma, {
      cartId: cart,
      input: checkoutInput(),
      locale: "zh",
      provider: "stripe",
    });
    await expect(refundOrder(t.prisma, { orderId: id, reason: "", requestedBy: "organiser-1" })).rejects.toEqual(
      new RefundError("order-not-refundable"),
    );
  });
});
