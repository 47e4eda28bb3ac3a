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
import { placeOrder } from "~/payments/checkout.server";
import { applyPaymentEvent } from "~/payments/payments.server";
import { confirmRefund, requestRefund } from "~/payments/refunds.server";
import { getReceipt, type Receipt } from "./receipt.server";

const t = withTestDatabase();

async function pendingOrder(productId: string, quantity: number, onBehalfOf?: string) {
  const cart = await createCart(t.prisma);
  await addToCart(t.prisma, cart, productId, quantity);
  return placeOrder(t.prisma, { cartId: cart, input: checkoutInput({ onBehalfOf }), locale: "zh" });
}

async function pay(orderId: string) {
  const { totalFen } = await t.prisma.order.findUniqueOrThrow({ where: { id: orderId } });
  await applyPaymentEvent(t.prisma, {
    provider: "test",
    eventId: `pay-${orderId}`,
    type: "succeeded",
    orderId,
    amountFen: totalFen,
  });
}

const order = (id: string) => t.prisma.order.findUniqueOrThrow({ where: { id }, select: { id: true, status: true } });

/** The receipt's net per recipient, and the ledger's own sums for the order, in the same shape. */
const receiptNet = (r: Receipt) => Object.fromEntries(r.totals.map((x) => [`${x.target}:${x.to.id}`, x.netFen]));
async function ledgerNet(orderId: string) {
  const entries = await t.prisma.ledgerEntry.findMany({ where: { orderId } });
  const out: Record<string, number> = {};
  for (const e of entries) {
    const to =
      e.target === "COOPERATIVE"
        ? e.cooperativeId
        : e.target === "COUNTY"
          ? e.countyId
          : e.target === "REGION"
            ? e.regionId
            : e.organisationId!;
    out[`${e.target}:${to}`] = (out[`${e.target}:${to}`] ?? 0) + e.amountFen;
  }
  return out;
}
/** Every entry of the receipt, flattened: kind, target, recipient and amount. */
const receiptEntries = (r: Receipt) =>
  r.events
    .flatMap((e) =>
      e.lines.flatMap((l) => l.entries.map((x) => `${e.kind}:${l.lineId}:${x.target}:${x.to.id}:${x.amountFen}`)),
    )
    .sort();
async function ledgerEntries(orderId: string) {
  const entries = await t.prisma.ledgerEntry.findMany({ where: { orderId } });
  return entries
    .map((e) => {
      const to =
        { COOPERATIVE: e.cooperativeId, COUNTY: e.countyId, REGION: e.regionId }[e.target as string] ??
        e.organisationId;
      return `${e.kind}:${e.orderLineId}:${e.target}:${to}:${e.amountFen}`;
    })
    .sort();
}

describe("the receipt is the ledger", () => {
  it("shows what an unpaid order will record, marked not recorded, and exactly the entries once paid, after a partnership change", async () => {
    const county = await upsertCounty(t.prisma);
    const coop = await upsertCooperative(t.prisma, { countyId: county.id });
    const a = await upsertOrganisation(t.prisma);
    const b = await upsertOrganisation(t.prisma);
    await upsertPartnership(t.prisma, { organisationId: a.id, cooperativeId: coop.id, weight: 1 });
    await upsertPartnership(t.prisma, { organisationId: b.id, cooperativeId: coop.id, weight: 1 });
    const product = await upsertProduct(t.prisma, { cooperativeId: coop.id, priceFen: 333, stock: 50 });

    const placed = await pendingOrder(product.id, 3);
    const projected = await getReceipt(t.prisma, await order(placed.id));
    expect(projected.recorded).toBe(false);
    expect(projected.events).toHaveLength(1);
    expect(projected.events[0]!.occurredAt).toBeNull();
    expect(receiptNet(projected)[`COOPERATIVE:${coop.id}`]).toBe(999);
    const projectedShares = [
      receiptNet(projected)[`ORGANISATION_ASSISTED:${a.id}`],
      receiptNet(projected)[`ORGANISATION_ASSISTED:${b.id}`],
    ];
    expect(projectedShares.reduce((s, x) => s! + x!, 0)).toBe(999);
    expect(await t.prisma.ledgerEntry.count({ where: { orderId: placed.id } })).toBe(0);

    await pay(placed.id);
    const paid = await getReceipt(t.prisma, await order(placed.id));
    expect(paid.recorded).toBe(true);
    // The projection was keyed the way recordSale keys shares (by id): the odd fen goes to the same organisation.
    expect(receiptNet(paid)).toEqual(receiptNet(projected));

    // The organiser re-weights the partnership and adds a partner: the paid order's receipt does not move.
    await t.prisma.partnership.updateMany({
      where: { organisationId: a.id, cooperativeId: coop.id },
      data: { weight: 9 },
    });
    const c = await upsertOrganisation(t.prisma);
    await upsertPartnership(t.prisma, { organisationId: c.id, cooperativeId: coop.id, weight: 5 });
    await t.prisma.cooperative.update({ where: { id: coop.id }, data: { nameZh: "改名后的合作社" } });
    const after = await getReceipt(t.prisma, await order(placed.id));
    expect(receiptEntries(after)).toEqual(await ledgerEntries(placed.id));
    expect(receiptNet(after)).toEqual(receiptNet(paid));
    expect(receiptNet(after)[`ORGANISATION_ASSISTED:${c.id}`]).toBeUndefined();
    // Names are today's; the amounts and recipients are as recorded.
    expect(after.totals.find((x) => x.target === "COOPERATIVE")!.to.nameZh).toBe("改名后的合作社");
  });

  it("after a partial refund shows the sale and the reversal with their dates, and nets to the ledger", async () => {
    const county = await upsertCounty(t.prisma);
    const coop = await upsertCooperative(t.prisma, { countyId: county.id });
    const a = await upsertOrganisation(t.prisma);
    const b = await upsertOrganisation(t.prisma);
    const union = await upsertOrganisation(t.prisma, { kind: "STATE_OWNED_ENTERPRISE" });
    await upsertPartnership(t.prisma, { organisationId: a.id, countyId: county.id, weight: 2 });
    await upsertPartnership(t.prisma, { organisationId: b.id, countyId: county.id, weight: 1 });
    const product = await upsertProduct(t.prisma, { cooperativeId: coop.id, priceFen: 101, stock: 50 });
    const placed = await pendingOrder(product.id, 5, union.slug);
    await pay(placed.id);
    const line = await t.prisma.orderLine.findFirstOrThrow({ where: { orderId: placed.id } });
    // The weights change between the sale and the refund: the reversal follows the sale's own shares.
    await t.prisma.partnership.updateMany({
      where: { organisationId: b.id, countyId: county.id },
      data: { weight: 7 },
    });
    const refund = await requestRefund(t.prisma, {
      orderId: placed.id,
      lines: [{ orderLineId: line.id, quantity: 2 }],
    });
    const refundedAt = new Date("2026-10-18T03:04:05Z");
    await confirmRefund(t.prisma, {
      provider: "test",
      eventId: `refund-${refund.id}`,
      refundId: refund.id,
      now: refundedAt,
    });

    const receipt = await getReceipt(t.prisma, await order(placed.id));
    expect(receipt.recorded).toBe(true);
    expect(receipt.events.map((e) => e.kind)).toEqual(["SALE", "REFUND"]);
    expect(receipt.events[1]!.occurredAt).toBe(refundedAt.toISOString());
    expect(receipt.events[1]!.lines[0]!.amountFen).toBe(-202);
    expect(receiptEntries(receipt)).toEqual(await ledgerEntries(placed.id));
    expect(receiptNet(receipt)).toEqual(await ledgerNet(placed.id));
    expect(receiptNet(receipt)[`COUNTY:${county.id}`]).toBe(303);
    expect(receiptNet(receipt)[`ORGANISATION_DIRECT:${union.id}`]).toBe(303);
    expect(
      receiptNet(receipt)[`ORGANISATION_ASSISTED:${a.id}`]! + receiptNet(receipt)[`ORGANISATION_ASSISTED:${b.id}`]!,
    ).toBe(303);
  });

  it("shows nothing as attributed for an order that expired unpaid", async () => {
    const product = await upsertProduct(t.prisma, { priceFen: 100, stock: 5 });
    const placed = await pendingOrder(product.id, 1);
    await applyPaymentEvent(t.prisma, {
      provider: "system",
      eventId: `exp-${placed.id}`,
      type: "expired",
      orderId: placed.id,
    });
    const receipt = await getReceipt(t.prisma, await order(placed.id));
    expect(receipt).toMatchObject({ recorded: false, events: [], totals: [] });
  });
});
