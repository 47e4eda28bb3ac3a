import { describe, expect, it } from "vitest";
import {
  upsertCooperative,
  upsertCounty,
  upsertOrganisation,
  upsertPartnership,
  upsertProduct,
} from "../../prisma/factories";
import { checkoutInput } from "../../tests/support/checkout";
import { withTestDatabase } from "../../tests/support/database";
import { addToCart, createCart } from "~/cart/cart.server";
import { verifyLedger } from "./ledger.server";
import { placeOrder } from "~/payments/checkout.server";
import { applyPaymentEvent } from "~/payments/payments.server";
import { confirmRefund, RefundError, requestRefund } from "~/payments/refunds.server";

const t = withTestDatabase();

/** A cooperative paired 60/40 with two organisations, selling at ¥1.00 a unit (1 fen prices make rounding visible). */
async function world(priceFen = 100) {
  const county = await upsertCounty(t.prisma);
  const coop = await upsertCooperative(t.prisma, { countyId: county.id });
  const a = await upsertOrganisation(t.prisma);
  const b = await upsertOrganisation(t.prisma);
  await upsertPartnership(t.prisma, { organisationId: a.id, cooperativeId: coop.id, weight: 60 });
  await upsertPartnership(t.prisma, { organisationId: b.id, cooperativeId: coop.id, weight: 40 });
  const product = await upsertProduct(t.prisma, { cooperativeId: coop.id, priceFen, stock: 100 });
  return { county, coop, a, b, product };
}

async function paidOrder(productId: string, quantity: number, onBehalfOf?: string) {
  const cart = await createCart(t.prisma);
  await addToCart(t.prisma, cart, productId, quantity);
  const order = await placeOrder(t.prisma, { cartId: cart, input: checkoutInput({ onBehalfOf }), locale: "zh" });
  const { totalFen } = await t.prisma.order.findUniqueOrThrow({ where: { id: order.id } });
  await applyPaymentEvent(t.prisma, {
    provider: "test",
    eventId: `pay-${order.id}`,
    type: "succeeded",
    orderId: order.id,
    amountFen: totalFen,
  });
  return order.id;
}

const sums = async (orderId: string) => {
  const rows = await t.prisma.ledgerEntry.groupBy({
    by: ["target", "organisationId"],
    where: { orderId },
    _sum: { amountFen: true },
  });
  return Object.fromEntries(
    rows.map((r) => [`${r.target}${r.organisationId ? `:${r.organisationId}` : ""}`, r._sum.amountFen]),
  );
};

describe("the ledger", () => {
  it("attributes a paid line to cooperative, county, region and the paired organisations, in the payment's transaction", async () => {
    const { a, b, coop, product } = await world(333);
    const direct = await upsertOrganisation(t.prisma, { slug: `union-${Date.now()}`, kind: "STATE_OWNED_ENTERPRISE" });
    const orderId = await paidOrder(product.id, 3, direct.slug);
    expect(await sums(orderId)).toEqual({
      COOPERATIVE: 999,
      COUNTY: 999,
      REGION: 999,
      [`ORGANISATION_ASSISTED:${a.id}`]: 599, // 999 × 0.6 = 599.4
      [`ORGANISATION_ASSISTED:${b.id}`]: 400, // 999 × 0.4 = 399.6 → the larger remainder takes the spare fen
      [`ORGANISATION_DIRECT:${direct.id}`]: 999,
    });
    const entry = await t.prisma.ledgerEntry.findFirstOrThrow({ where: { orderId, target: "COOPERATIVE" } });
    expect(entry).toMatchObject({ cooperativeId: coop.id, kind: "SALE", channel: "ONLINE", certified: false });
  });

  it("falls back to the county's partners when the cooperative has none, and writes nothing for unpaid orders", async () => {
    const county = await upsertCounty(t.prisma);
    const coop = await upsertCooperative(t.prisma, { countyId: county.id });
    const org = await upsertOrganisation(t.prisma);
    await upsertPartnership(t.prisma, { organisationId: org.id, countyId: county.id, weight: 1 });
    const product = await upsertProduct(t.prisma, { cooperativeId: coop.id, priceFen: 500, stock: 10 });
    const orderId = await paidOrder(product.id, 1);
    expect((await sums(orderId))[`ORGANISATION_ASSISTED:${org.id}`]).toBe(500);

    const cart = await createCart(t.prisma);
    await addToCart(t.prisma, cart, product.id, 1);
    const unpaid = await placeOrder(t.prisma, { cartId: cart, input: checkoutInput(), locale: "zh" });
    expect(await t.prisma.ledgerEntry.count({ where: { orderId: unpaid.id } })).toBe(0);
  });

  it("refuses to be rewritten: no update, no delete", async () => {
    const { product } = await world();
    const orderId = await paidOrder(product.id, 1);
    await expect(t.prisma.ledgerEntry.updateMany({ where: { orderId }, data: { amountFen: 1 } })).rejects.toThrow(
      /append-only/,
    );
    await expect(t.prisma.ledgerEntry.deleteMany({ where: { orderId } })).rejects.toThrow(/append-only/);
  });

  it("reverses exactly what a refund's lines attributed, in parts that add up to the sale", async () => {
    const { a, b, product } = await world(1); // 1 fen a unit: every split is a rounding question
    const orderId = await paidOrder(product.id, 3);
    const line = await t.prisma.orderLine.findFirstOrThrow({ where: { orderId } });
    for (let i = 0; i < 3; i++) {
      const refund = await requestRefund(t.prisma, { orderId, lines: [{ orderLineId: line.id, quantity: 1 }] });
      await confirmRefund(t.prisma, { provider: "test", eventId: `refund-${refund.id}`, refundId: refund.id });
      const now = await sums(orderId);
      expect(now.COOPERATIVE).toBe(3 - (i + 1));
      expect(now[`ORGANISATION_ASSISTED:${a.id}`]! + now[`ORGANISATION_ASSISTED:${b.id}`]!).toBe(3 - (i + 1));
      expect(now[`ORGANISATION_ASSISTED:${a.id}`]).toBeGreaterThanOrEqual(0);
      expect(now[`ORGANISATION_ASSISTED:${b.id}`]).toBeGreaterThanOrEqual(0);
    }
    expect(Object.values(await sums(orderId)).every((v) => v === 0)).toBe(true);
    expect(await t.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({
      status: "REFUNDED",
      refundedFen: 3,
    });
    await expect(requestRefund(t.prisma, { orderId })).rejects.toEqual(new RefundError("order-not-refundable"));
  });

  it("applies a refund confirmation once, however often it is delivered", async () => {
    const { product } = await world(1000);
    const orderId = await paidOrder(product.id, 2);
    const refund = await requestRefund(t.prisma, { orderId });
    const event = { provider: "test", eventId: `refund-${refund.id}`, refundId: refund.id };
    const results = await Promise.all(Array.from({ length: 5 }, () => confirmRefund(t.prisma, event)));
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    expect((await sums(orderId)).COOPERATIVE).toBe(0);
  });

  it("never refunds more than was sold", async () => {
    const { product } = await world(1000);
    const orderId = await paidOrder(product.id, 2);
    const line = await t.prisma.orderLine.findFirstOrThrow({ where: { orderId } });
    await requestRefund(t.prisma, { orderId, lines: [{ orderLineId: line.id, quantity: 2 }] });
    await expect(requestRefund(t.prisma, { orderId, lines: [{ orderLineId: line.id, quantity: 1 }] })).rejects.toEqual(
      new RefundError("too-many"),
    );
  });

  it("reconciles with the money received after sales and refunds, and names an order that does not", async () => {
    const { product } = await world(1234);
    const kept = await paidOrder(product.id, 2);
    const refunded = await paidOrder(product.id, 3);
    const refund = await requestRefund(t.prisma, {
      orderId: refunded,
      lines: [
        { orderLineId: (await t.prisma.orderLine.findFirstOrThrow({ where: { orderId: refunded } })).id, quantity: 1 },
      ],
    });
    await confirmRefund(t.prisma, { provider: "test", eventId: `r-${refund.id}`, refundId: refund.id });
    const report = await verifyLedger(t.prisma);
    expect(report.mismatches).toEqual([]);
    expect(report.ledgerFen).toBe(report.moneyFen);

    // Money that arrives without its ledger entries (as if a sale skipped the ledger) is caught.
    await t.prisma.order.update({ where: { id: kept }, data: { totalFen: 2 * 1234 + 1 } });
    const broken = await verifyLedger(t.prisma);
    expect(broken.mismatches.map((m) => m.orderId)).toContain(kept);
  });
});

describe("refunding a late payment whose goods were gone", () => {
  it("returns the whole amount and leaves the ledger untouched and reconciled", async () => {
    const product = await upsertProduct(t.prisma, { stock: 1, priceFen: 2500 });
    const cart = await createCart(t.prisma);
    await addToCart(t.prisma, cart, product.id, 1);
    const order = await placeOrder(t.prisma, { cartId: cart, input: checkoutInput(), locale: "zh" });
    await applyPaymentEvent(t.prisma, {
      provider: "test",
      eventId: `exp-${order.id}`,
      type: "expired",
      orderId: order.id,
    });
    await t.prisma.product.update({ where: { id: product.id }, data: { stock: 0 } }); // sold to someone else
    await applyPaymentEvent(t.prisma, {
      provider: "test",
      eventId: `late-${order.id}`,
      type: "succeeded",
      orderId: order.id,
      amountFen: 2500,
    });
    expect((await t.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("NEEDS_REFUND");
    const refund = await requestRefund(t.prisma, { orderId: order.id });
    expect(refund.amountFen).toBe(2500);
    await confirmRefund(t.prisma, { provider: "test", eventId: `r-${refund.id}`, refundId: refund.id });
    expect(await t.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      status: "REFUNDED",
      refundedFen: 2500,
    });
    expect(await t.prisma.ledgerEntry.count({ where: { orderId: order.id } })).toBe(0);
    expect((await verifyLedger(t.prisma)).mismatches.filter((m) => m.orderId === order.id)).toEqual([]);
  });
});
