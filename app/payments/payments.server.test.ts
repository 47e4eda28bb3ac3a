import { describe, expect, it } from "vitest";
import { upsertProduct } from "../../prisma/factories";
import { checkoutInput } from "../../tests/support/checkout";
import { withTestDatabase } from "../../tests/support/database";
import { addToCart, createCart } from "~/cart/cart.server";
import { placeOrder } from "~/payments/checkout.server";
import { applyPaymentEvent, type PaymentEventType } from "./payments.server";

const t = withTestDatabase();
const stockOf = async (id: string) => (await t.prisma.product.findUniqueOrThrow({ where: { id } })).stock;
const statusOf = async (id: string) => (await t.prisma.order.findUniqueOrThrow({ where: { id } })).status;

async function pendingOrder(stock = 5, quantity = 2) {
  const product = await upsertProduct(t.prisma, { stock, priceFen: 5000 });
  const cart = await createCart(t.prisma);
  await addToCart(t.prisma, cart, product.id, quantity);
  const order = await placeOrder(t.prisma, { cartId: cart, input: checkoutInput(), locale: "zh" });
  return { product, orderId: order.id, totalFen: quantity * 5000 };
}

const event = (orderId: string, type: PaymentEventType, amountFen?: number) => ({
  provider: "test",
  eventId: `${orderId}:${type}`,
  type,
  orderId,
  amountFen,
});

describe("payment events", () => {
  it("mark a pending order paid once; the same event again changes nothing", async () => {
    const { product, orderId, totalFen } = await pendingOrder();
    expect(await applyPaymentEvent(t.prisma, event(orderId, "succeeded", totalFen))).toMatchObject({
      changed: true,
      status: "PAID",
    });
    expect(await applyPaymentEvent(t.prisma, event(orderId, "succeeded", totalFen))).toMatchObject({
      duplicate: true,
      changed: false,
    });
    expect(await statusOf(orderId)).toBe("PAID");
    expect(await stockOf(product.id)).toBe(3);
  });

  it("apply exactly once when the same event arrives ten times at once", async () => {
    const { orderId, totalFen } = await pendingOrder();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => applyPaymentEvent(t.prisma, event(orderId, "succeeded", totalFen))),
    );
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    expect(await t.prisma.paymentEvent.count({ where: { orderId } })).toBe(1);
  });

  it("give released units back only up to the stock ceiling, where the cooperative may have put it meanwhile", async () => {
    const { product, orderId } = await pendingOrder(5, 2);
    await t.prisma.product.update({ where: { id: product.id }, data: { stock: 99_999 } });
    expect(await applyPaymentEvent(t.prisma, event(orderId, "expired"))).toMatchObject({ changed: true });
    expect(await stockOf(product.id)).toBe(100_000);
    expect(await statusOf(orderId)).toBe("EXPIRED");
  });

  it("release the stock when the payment fails, and only once", async () => {
    const { product, orderId } = await pendingOrder();
    await Promise.all([
      applyPaymentEvent(t.prisma, event(orderId, "failed")),
      applyPaymentEvent(t.prisma, event(orderId, "expired")),
    ]);
    expect(["FAILED", "EXPIRED"]).toContain(await statusOf(orderId));
    expect(await stockOf(product.id)).toBe(5);
  });

  it("do not fulfil a payment whose amount differs from the order's total", async () => {
    const { orderId, totalFen } = await pendingOrder();
    expect(await applyPaymentEvent(t.prisma, event(orderId, "succeeded", totalFen - 1))).toMatchObject({
      changed: false,
      flag: "amount-mismatch",
    });
    expect(await statusOf(orderId)).toBe("PENDING");
  });

  it("take the stock again for a late payment when it is still there", async () => {
    const { product, orderId, totalFen } = await pendingOrder(5, 2);
    await applyPaymentEvent(t.prisma, event(orderId, "expired"));
    expect(await stockOf(product.id)).toBe(5);
    expect(await applyPaymentEvent(t.prisma, event(orderId, "succeeded", totalFen))).toMatchObject({ status: "PAID" });
    expect(await stockOf(product.id)).toBe(3);
  });

  it("mark a late payment NEEDS_REFUND when the stock was sold meanwhile; stock never negative", async () => {
    const { product, orderId, totalFen } = await pendingOrder(2, 2);
    await applyPaymentEvent(t.prisma, event(orderId, "expired"));
    await t.prisma.product.update({ where: { id: product.id }, data: { stock: 1 } }); // someone bought one
    expect(await applyPaymentEvent(t.prisma, event(orderId, "succeeded", totalFen))).toMatchObject({
      status: "NEEDS_REFUND",
    });
    expect(await stockOf(product.id)).toBe(1);
  });

  it("end in the same state whatever order success and expiry arrive in", async () => {
    const orders: [string, string][] = [];
    for (const sequence of [
      ["succeeded", "expired"],
      ["expired", "succeeded"],
    ] as PaymentEventType[][]) {
      const { product, orderId, totalFen } = await pendingOrder(5, 2);
      for (const type of sequence)
        await applyPaymentEvent(t.prisma, event(orderId, type, type === "succeeded" ? totalFen : undefined));
      orders.push([await statusOf(orderId), String(await stockOf(product.id))]);
    }
    expect(orders[0]).toEqual(["PAID", "3"]);
    expect(orders[1]).toEqual(["PAID", "3"]);
  });
});
