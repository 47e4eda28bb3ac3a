import { describe, expect, it } from "vitest";
import { upsertCooperative, upsertCounty, upsertProduct, upsertRegion } from "../../prisma/factories";
import { checkoutInput } from "../../tests/support/checkout";
import { withTestDatabase } from "../../tests/support/database";
import { addToCart, createCart } from "~/cart/cart.server";
import { placeOrder } from "~/payments/checkout.server";
import { applyPaymentEvent } from "~/payments/payments.server";
import { readLiveSnapshot, readOrganiserSnapshot } from "./live.server";
import { LiveTicker } from "./ticker.server";

const t = withTestDatabase();

async function sell(productId: string, quantity: number, phone = "13900009999") {
  const cartId = await createCart(t.prisma);
  await addToCart(t.prisma, cartId, productId, quantity);
  const order = await placeOrder(t.prisma, { cartId, input: checkoutInput({ contactPhone: phone }), locale: "zh" });
  await applyPaymentEvent(t.prisma, { provider: "test", eventId: `paid-${order.id}`, type: "succeeded", orderId: order.id });
  return order;
}

describe("the fair wall's figures", () => {
  it("adds today's sales, orders, regions, cooperatives and the latest sales from the rollups, without buyer data", async () => {
    const region = await upsertRegion(t.prisma, { slug: "live-yunnan", nameZh: "云南", nameEn: "Yunnan" });
    const county = await upsertCounty(t.prisma, { slug: "live-county", regionId: region.id });
    const coop = await upsertCooperative(t.prisma, { slug: "live-coop", countyId: county.id, nameZh: "猛弄民绣合作社" });
    const bag = await upsertProduct(t.prisma, {
      cooperativeId: coop.id,
      nameZh: "彝绣手工挎包",
      nameEn: "Yi embroidered bag",
      priceFen: 36_800,
      stock: 50,
    });
    const before = await readLiveSnapshot(t.database.sql);
    await sell(bag.id, 1);
    await sell(bag.id, 2, "13900008888");
    const after = await readLiveSnapshot(t.database.sql);

    expect(after.salesFen - before.salesFen).toBe(3 * 36_800);
    expect(after.orders - before.orders).toBe(2);
    const yunnan = after.regions.find((r) => r.id === region.id)!;
    expect(yunnan).toMatchObject({ nameZh: "云南", fen: 3 * 36_800 });
    expect(after.cooperatives[0]).toMatchObject({ id: coop.id, nameZh: "猛弄民绣合作社", regionZh: "云南", fen: 110_400 });
    expect(after.recent.slice(0, 2).map((s) => [s.regionZh, s.productZh, s.fen])).toEqual([
      ["云南", "彝绣手工挎包", 73_600],
      ["云南", "彝绣手工挎包", 36_800],
    ]);
    expect(JSON.stringify(after)).not.toMatch(/1390000|contact|王小明/);
  });

  it("gives organisers orders placed and paid per minute and the orders awaiting payment", async () => {
    const product = await upsertProduct(t.prisma, { priceFen: 1_000, stock: 20 });
    const cartId = await createCart(t.prisma);
    await addToCart(t.prisma, cartId, product.id, 1);
    await placeOrder(t.prisma, { cartId, input: checkoutInput(), locale: "zh" });
    await sell(product.id, 1);
    const snapshot = await readOrganiserSnapshot(t.database.sql, { reserved: 2, sold_out: 0, busy: 0, invalid: 0 });
    expect(snapshot.perMinute).toHaveLength(30);
    const total = (key: "placed" | "paid") => snapshot.perMinute.reduce((sum, m) => sum + m[key], 0);
    expect(total("placed")).toBeGreaterThanOrEqual(2);
    expect(total("paid")).toBeGreaterThanOrEqual(1);
    expect(snapshot.pending).toBeGreaterThanOrEqual(1);
  });
});

describe("the wall's ticker", () => {
  it("reads once per tick for 200 screens, pushes each change to all of them, and stops with the last screen", async () => {
    let reads = 0;
    let value = 1;
    const ticker = new LiveTicker(async () => {
      reads++;
      return { value };
    }, 50);
    const received: string[][] = Array.from({ length: 200 }, () => []);
    const started = performance.now();
    const unsubscribes = received.map((chunks) =>
      ticker.subscribe({ send: (chunk) => chunks.push(chunk), close: () => undefined }),
    );
    while (reads < 4) await new Promise((resolve) => setTimeout(resolve, 10));
    // One read when the first screen came, then one per 50 ms tick: never one per screen.
    expect(reads).toBeLessThanOrEqual(Math.ceil((performance.now() - started) / 50) + 1);
    value = 2;
    const seen = reads;
    while (reads < seen + 2) await new Promise((resolve) => setTimeout(resolve, 10));
    for (const chunks of received) {
      expect(chunks.filter((c) => c.startsWith("data: "))).toEqual(['data: {"value":1}\n\n', 'data: {"value":2}\n\n']);
    }
    unsubscribes.forEach((unsubscribe) => unsubscribe());
    const stopped = reads;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(reads).toBe(stopped);
    // A page load within a tick of the last read costs nothing.
    await ticker.current();
    const afterLoad = reads;
    await ticker.current();
    expect(reads).toBe(afterLoad);
  });
});
