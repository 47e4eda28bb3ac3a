import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { upsertCooperative, upsertProduct } from "../../prisma/factories";
import { createUser } from "../../tests/support/auth";
import { checkoutInput } from "../../tests/support/checkout";
import { withTestDatabase } from "../../tests/support/database";
import { recordBoothSale } from "~/payments/booth.server";
import { addToCart, createCart } from "~/cart/cart.server";
import { placeOrder } from "~/payments/checkout.server";
import { applyPaymentEvent } from "~/payments/payments.server";
import { confirmRefund, requestRefund } from "~/payments/refunds.server";
import { getReport } from "~/reports/reports.server";
import { shanghaiMidnight } from "~/utils/shanghai-time";
import { getCooperativeDashboard, getCooperativeSales } from "./portal-sales.server";

const t = withTestDatabase();

async function paidOnline(items: [string, number][], now: Date) {
  const cart = await createCart(t.prisma);
  for (const [productId, quantity] of items) await addToCart(t.prisma, cart, productId, quantity);
  const { id } = await placeOrder(t.prisma, { cartId: cart, input: checkoutInput(), locale: "zh", now });
  const { totalFen } = await t.prisma.order.findUniqueOrThrow({ where: { id } });
  await applyPaymentEvent(t.prisma, {
    provider: "test",
    eventId: `p:${id}`,
    type: "succeeded",
    orderId: id,
    amountFen: totalFen,
    now,
  });
  return id;
}

describe("a cooperative's figures", () => {
  it("count today from Shanghai midnight", () => {
    // 16:30 UTC on the 16th is 00:30 on the 17th in Shanghai.
    expect(shanghaiMidnight(new Date("2026-10-16T16:30:00Z")).toISOString()).toBe("2026-10-16T16:00:00.000Z");
    expect(shanghaiMidnight(new Date("2026-10-16T15:59:00Z")).toISOString()).toBe("2026-10-15T16:00:00.000Z");
  });

  it("are the numbers the organisers' report shows for it: online and booth, certified, per product, less refunds", async () => {
    const coop = await upsertCooperative(t.prisma, { contactPhone: "13900000000" });
    const other = await upsertCooperative(t.prisma);
    const user = await createUser(t.prisma, "COOPERATIVE_STAFF", { cooperativeId: coop.id });
    const certified = await upsertProduct(t.prisma, {
      cooperativeId: coop.id,
      priceFen: 36800,
      stock: 50,
      certificate: { number: `SH-S-${randomUUID()}`, body: "b", validFrom: "2020-01-01", validUntil: "2099-12-31" },
    });
    const plain = await upsertProduct(t.prisma, { cooperativeId: coop.id, priceFen: 1990, stock: 50 });
    const theirs = await upsertProduct(t.prisma, { cooperativeId: other.id, priceFen: 5000, stock: 50 });

    const yesterday = new Date("2026-10-16T04:00:00Z");
    const today = new Date("2026-10-17T04:00:00Z");
    await paidOnline(
      [
        [certified.id, 1],
        [theirs.id, 3],
      ],
      yesterday,
    );
    const refunded = await paidOnline([[plain.id, 4]], today);
    await recordBoothSale(t.prisma, {
      cooperativeId: coop.id,
      actorId: user.id,
      input: {
        saleKey: randomUUID(),
        payment: "CASH",
        lines: [
          { productId: certified.id, quantity: 2 },
          { productId: plain.id, quantity: 1 },
        ],
      },
      now: today,
    });
    const line = await t.prisma.orderLine.findFirstOrThrow({ where: { orderId: refunded } });
    const refund = await requestRefund(t.prisma, { orderId: refunded, lines: [{ orderLineId: line.id, quantity: 1 }] });
    await confirmRefund(t.prisma, { provider: "test", eventId: `r:${refund.id}`, refundId: refund.id, now: today });

    const sales = await getCooperativeSales(t.prisma, coop.id);
    expect(sales.total).toEqual({
      saleFen: 36800 + 4 * 1990 + 2 * 36800 + 1990,
      refundFen: 1990,
      netFen: 36800 + 3 * 1990 + 2 * 36800 + 1990,
    });
    expect(sales.online.netFen).toBe(36800 + 3 * 1990);
    expect(sales.booth.netFen).toBe(2 * 36800 + 1990);
    expect(sales.certified.netFen).toBe(3 * 36800);
    expect(sales.orders).toBe(3);
    expect(sales.days.map((d) => d.day)).toEqual(["2026-10-17", "2026-10-16"]);

    const report = await getReport(t.prisma, { cooperative: coop.slug, certified: false });
    if (!report.ok) throw new Error(report.errors.join());
    const { headline, places } = report.report;
    expect(sales.total).toEqual({ saleFen: headline.saleFen, refundFen: headline.refundFen, netFen: headline.netFen });
    expect(sales.online.netFen).toBe(headline.onlineFen);
    expect(sales.booth.netFen).toBe(headline.boothFen);
    expect(sales.certified.netFen).toBe(headline.certifiedFen);
    expect(sales.orders).toBe(headline.orders);
    const reportByProduct = Object.fromEntries(places.filter((p) => p.netFen !== 0).map((p) => [p.id, p.netFen]));
    expect(Object.fromEntries(sales.products.map((p) => [p.id, p.netFen]))).toEqual(reportByProduct);

    const dashboard = await getCooperativeDashboard(t.prisma, coop.id, today);
    expect(dashboard.salesFairFen).toBe(sales.total.netFen);
    expect(dashboard.salesTodayFen).toBe(sales.total.netFen - 36800);
    // The refunded online order is still to be handed over; the booth sale was handed over at once.
    expect(dashboard.toFulfil.map((o) => o.id)).toEqual(expect.arrayContaining([refunded]));
    expect(dashboard.toFulfilCount).toBe(2);
  });

  it("show low stock of listed products only", async () => {
    const coop = await upsertCooperative(t.prisma);
    const low = await upsertProduct(t.prisma, { cooperativeId: coop.id, stock: 2 });
    await upsertProduct(t.prisma, { cooperativeId: coop.id, stock: 2, status: "DRAFT" });
    await upsertProduct(t.prisma, { cooperativeId: coop.id, stock: 50 });
    const dashboard = await getCooperativeDashboard(t.prisma, coop.id);
    expect(dashboard.lowStock.map((p) => p.id)).toEqual([low.id]);
  });
});
