import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { upsertProduct } from "../../prisma/factories";
import { reservedUnits } from "../support/checkout";
import { withTestDatabase } from "../support/database";
import { Buyer, withHttpApp } from "../support/http-app";
import { Admission } from "~/utils/admission.server";

// Fifty buyers on one loopback address would trip the per-address checkout limit, which has its own test.
process.env.RATE_LIMITS = "off";
const t = withTestDatabase();
const app = withHttpApp();

const form = (checkoutKey: string) => ({
  checkoutKey,
  contactName: "测试买家",
  contactPhone: "13800001234",
  fulfilment: "BOOTH_PICKUP",
});

describe("checkout over HTTP", () => {
  it(
    "stock 5, 50 simultaneous checkouts of one unit: exactly 5 reserved, never negative",
    { timeout: 120_000 },
    async () => {
      const product = await upsertProduct(t.prisma, { stock: 5, priceFen: 26800 });
      const buyers = Array.from({ length: 50 }, () => new Buyer(app.baseUrl));
      // Each buyer has the product in their cart before the rush starts.
      for (const buyer of buyers) {
        const added = await buyer.post("/cart", { intent: "add", productId: product.id, quantity: "1" });
        expect(added.status).toBe(302);
      }
      const started = performance.now();
      const responses = await Promise.all(buyers.map((buyer) => buyer.post("/checkout", form(randomUUID()))));
      const elapsedMs = performance.now() - started;

      const toPayment = responses.filter(
        (r) => r.status === 302 && r.headers.get("Location")!.startsWith("/pay/test/"),
      );
      const soldOut = responses.filter((r) => r.status === 409);
      const statuses = responses.map((r) => `${r.status} ${r.headers.get("Location") ?? ""}`.trim());
      const tally = new Map<string, number>();
      for (const s of statuses)
        tally.set(
          s.replace(/\/pay\/test\/.*/, "/pay/test/…"),
          (tally.get(s.replace(/\/pay\/test\/.*/, "/pay/test/…")) ?? 0) + 1,
        );
      console.log([...tally].map(([k, v]) => `${k}: ${v}`).join(", "));
      console.log(
        `50 simultaneous checkouts for 5 units: ${toPayment.length} reserved, ${soldOut.length} told sold out, in ${elapsedMs.toFixed(0)} ms`,
      );
      expect(toPayment).toHaveLength(5);
      expect(soldOut).toHaveLength(45);
      expect(await soldOut[0]!.text()).toContain("下列商品库存不足");
      const stock = (await t.prisma.product.findUniqueOrThrow({ where: { id: product.id } })).stock;
      expect(stock).toBe(0);
      expect((await reservedUnits(t.prisma, product.id)) + stock).toBe(5);
      expect(await t.prisma.order.count({ where: { lines: { some: { productId: product.id } } } })).toBe(5);
    },
  );

  it("a double-clicked checkout makes one order", async () => {
    const product = await upsertProduct(t.prisma, { stock: 10 });
    const buyer = new Buyer(app.baseUrl);
    await buyer.post("/cart", { intent: "add", productId: product.id, quantity: "2" });
    const key = randomUUID();
    const [a, b] = await Promise.all([buyer.post("/checkout", form(key)), buyer.post("/checkout", form(key))]);
    expect(a.status).toBe(302);
    expect(b.status).toBe(302);
    expect(a.headers.get("Location")).toBe(b.headers.get("Location"));
    expect(await t.prisma.order.count({ where: { checkoutKey: key } })).toBe(1);
    expect((await t.prisma.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(8);
  });

  it("invalid fields get 400 with messages, keep what was typed, and change nothing", async () => {
    const product = await upsertProduct(t.prisma, { stock: 10 });
    const buyer = new Buyer(app.baseUrl);
    await buyer.post("/cart", { intent: "add", productId: product.id, quantity: "1" });
    const orders = await t.prisma.order.count();
    const response = await buyer.post("/checkout", {
      checkoutKey: randomUUID(),
      contactName: "李四",
      contactPhone: "12345",
      fulfilment: "DELIVERY",
    });
    const html = await response.text();
    if (response.status !== 400) console.log(html.slice(0, 3000));
    expect(response.status).toBe(400);
    expect(html).toContain("请填写11位中国大陆手机号码");
    expect(html).toContain("请选择省份");
    expect(html).toContain('value="李四"');
    expect(await t.prisma.order.count()).toBe(orders);
    expect((await t.prisma.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(10);
  });

  describe("when no checkout can get into a transaction in time", () => {
    const holder = globalThis as typeof globalThis & { __fairCheckoutAdmission?: Admission };
    let saved: Admission | undefined;
    beforeEach(() => {
      saved = holder.__fairCheckoutAdmission;
      // A process whose every checkout slot stays taken: each buyer waits 50 ms, then is refused.
      holder.__fairCheckoutAdmission = new Admission({ slots: 0, maxWaitMs: 50, maxQueue: 100 });
    });
    afterEach(() => {
      holder.__fairCheckoutAdmission = saved;
    });

    it("answers 503 busy with Retry-After in the buyer's language, keeping the cart, the form and its key", async () => {
      const product = await upsertProduct(t.prisma, { stock: 10 });
      for (const [prefix, text] of [
        ["", "现在下单的人太多了"],
        ["/en", "Very many people are ordering right now"],
      ] as const) {
        const buyer = new Buyer(app.baseUrl);
        await buyer.post(`${prefix}/cart`, { intent: "add", productId: product.id, quantity: "2" });
        const key = randomUUID();
        const response = await buyer.post(`${prefix}/checkout`, { ...form(key), contactName: "王五" });
        const html = await response.text();
        expect(response.status).toBe(503);
        expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
        expect(html).toContain(text);
        expect(html).toContain('value="王五"');
        // The same checkout key goes back in the form, so pressing again cannot make a second order.
        expect(html).toContain(`value="${key}"`);
        const cart = await buyer.request(`${prefix}/cart`);
        expect(await cart.text()).toContain(product.nameZh);
      }
      expect((await t.prisma.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(10);
      expect(await t.prisma.order.count({ where: { lines: { some: { productId: product.id } } } })).toBe(0);
    });

    it("still answers sold out once the stock is gone: that answer needs no transaction", async () => {
      const product = await upsertProduct(t.prisma, { stock: 1 });
      const buyer = new Buyer(app.baseUrl);
      await buyer.post("/cart", { intent: "add", productId: product.id, quantity: "1" });
      await t.prisma.product.update({ where: { id: product.id }, data: { stock: 0 } });
      const response = await buyer.post("/checkout", form(randomUUID()));
      expect(response.status).toBe(409);
      expect(await response.text()).toContain("下列商品库存不足");
    });
  });
});
