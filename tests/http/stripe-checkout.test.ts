/**
 * Checkout through Stripe over HTTP: the real app, the real Stripe SDK, and a fake Stripe API on
 * loopback that records what the SDK sent.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { upsertProduct } from "../../prisma/factories";
import { STRIPE_API_VERSION } from "~/payments/providers/stripe-api.server";
import { reservedUnits } from "../support/checkout";
import { withTestDatabase } from "../support/database";
import { startFakeStripe, pointEnvAtFakeStripe, type RecordedRequest } from "../support/fake-stripe";
import { Buyer, withHttpApp } from "../support/http-app";

// Before anything reads the environment (env() caches it, here and in the app served by Vite).
const fake = await startFakeStripe();
pointEnvAtFakeStripe(fake);
// Every buyer here shares one loopback address; the per-address checkout limit has its own test.
process.env.RATE_LIMITS = "off";
const t = withTestDatabase();
const app = withHttpApp();
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const SESSIONS = "/v1/checkout/sessions";

const checkoutForm = (extra: Record<string, string> = {}) => ({
  checkoutKey: randomUUID(),
  contactName: "测试买家",
  contactPhone: "13800001234",
  fulfilment: "BOOTH_PICKUP",
  ...extra,
});

async function buyerWithCart(items: { productId: string; quantity: number }[], lang = "") {
  const buyer = new Buyer(app.baseUrl);
  for (const item of items) {
    const added = await buyer.post(`${lang}/cart`, {
      intent: "add",
      productId: item.productId,
      quantity: String(item.quantity),
    });
    expect(added.status).toBe(302);
  }
  return buyer;
}

const orderOf = (productId: string) =>
  t.prisma.order.findFirstOrThrow({
    where: { lines: { some: { productId } } },
    include: { lines: { orderBy: { id: "asc" } } },
  });

/** The line items the SDK sent, read back from the form body. */
function lineItems(request: RecordedRequest) {
  const items = [];
  for (let i = 0; request.form[`line_items[${i}][quantity]`] !== undefined; i++) {
    items.push({
      name: request.form[`line_items[${i}][price_data][product_data][name]`],
      currency: request.form[`line_items[${i}][price_data][currency]`],
      unitAmount: Number(request.form[`line_items[${i}][price_data][unit_amount]`]),
      quantity: Number(request.form[`line_items[${i}][quantity]`]),
    });
  }
  return items;
}

describe("checkout through Stripe", () => {
  it("creates one Checkout Session from the order in the database, whatever the form says", async () => {
    const tea = await upsertProduct(t.prisma, { nameZh: "普洱熟茶", nameEn: "Ripe Pu'er tea", priceFen: 26800 });
    const honey = await upsertProduct(t.prisma, { nameZh: "野生蜂蜜", nameEn: "Wild honey", priceFen: 990 });
    const buyer = await buyerWithCart([
      { productId: tea.id, quantity: 2 },
      { productId: honey.id, quantity: 1 },
    ]);
    // A tampered form: prices and totals posted by the browser are never read.
    const response = await buyer.post(
      "/checkout",
      checkoutForm({ priceFen: "1", unitPriceFen: "1", totalFen: "1", amount: "1", currency: "usd" }),
    );
    expect(response.status).toBe(302);
    const order = await orderOf(tea.id);
    expect(order).toMatchObject({ paymentProvider: "stripe", totalFen: 2 * 26800 + 990, status: "PENDING" });

    const [sent, ...more] = fake.requestsTo("POST", SESSIONS);
    expect(more).toHaveLength(0);
    expect(sent!.stripeVersion).toBe(STRIPE_API_VERSION);
    expect(lineItems(sent!)).toEqual(
      order.lines.map((line) => ({
        name: line.nameZh,
        currency: "cny",
        unitAmount: line.unitPriceFen,
        quantity: line.quantity,
      })),
    );
    expect(lineItems(sent!).reduce((sum, l) => sum + l.unitAmount * l.quantity, 0)).toBe(order.totalFen);
    expect(sent!.form).toMatchObject({
      mode: "payment",
      client_reference_id: order.id,
      "metadata[orderId]": order.id,
      "payment_intent_data[metadata][orderId]": order.id,
      "payment_method_types[0]": "card",
      "payment_method_types[1]": "alipay",
      "payment_method_types[2]": "wechat_pay",
      "payment_method_options[wechat_pay][client]": "web",
      locale: "zh",
      success_url: `http://localhost:3000/orders/${order.token}`,
      cancel_url: `http://localhost:3000/orders/${order.token}`,
    });
    // The session and the reservation end together, at least 30 minutes out as Stripe requires.
    const expiresAt = Number(sent!.form.expires_at);
    expect(expiresAt).toBe(order.reservedUntil.getTime() / 1000);
    expect(expiresAt).toBeGreaterThanOrEqual(Date.now() / 1000 + 30 * 60);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() / 1000 + 36 * 60);
    expect(sent!.idempotencyKey).toBe(`checkout:${order.id}:${expiresAt}`);

    const [session] = [...fake.sessions.values()].filter((s) => s.client_reference_id === order.id);
    expect(session!.amount_total).toBe(order.totalFen);
    expect(response.headers.get("Location")).toBe(session!.url);
    expect(order.paymentReference).toBe(session!.id);
  });

  it("speaks the buyer's language: English names, Stripe's page in English, /en return URLs", async () => {
    const product = await upsertProduct(t.prisma, { nameZh: "牦牛肉干", nameEn: "Yak jerky", priceFen: 5800 });
    const buyer = await buyerWithCart([{ productId: product.id, quantity: 3 }], "/en");
    const response = await buyer.post("/en/checkout", checkoutForm());
    expect(response.status).toBe(302);
    const order = await orderOf(product.id);
    const [sent] = fake.requestsTo("POST", SESSIONS);
    expect(lineItems(sent!)).toEqual([{ name: "Yak jerky", currency: "cny", unitAmount: 5800, quantity: 3 }]);
    expect(sent!.form.locale).toBe("en");
    expect(sent!.form.success_url).toBe(`http://localhost:3000/en/orders/${order.token}`);
  });

  it("a double-clicked checkout makes one order and one session", async () => {
    const product = await upsertProduct(t.prisma, { stock: 10 });
    const buyer = await buyerWithCart([{ productId: product.id, quantity: 1 }]);
    const form = checkoutForm();
    const [a, b] = await Promise.all([buyer.post("/checkout", form), buyer.post("/checkout", form)]);
    expect(a.headers.get("Location")).toMatch(/^https:\/\/checkout\.stripe\.com\//);
    expect(a.headers.get("Location")).toBe(b.headers.get("Location"));
    const order = await orderOf(product.id);
    expect([...fake.sessions.values()].filter((s) => s.client_reference_id === order.id)).toHaveLength(1);
  });

  it("survives Stripe answering 500 twice: the SDK retries with the same key, one session", async () => {
    const product = await upsertProduct(t.prisma);
    const buyer = await buyerWithCart([{ productId: product.id, quantity: 1 }]);
    fake.failNext(2, "500");
    const response = await buyer.post("/checkout", checkoutForm());
    expect(response.headers.get("Location")).toMatch(/^https:\/\/checkout\.stripe\.com\//);
    const attempts = fake.requestsTo("POST", SESSIONS);
    expect(attempts).toHaveLength(3);
    expect(new Set(attempts.map((r) => r.idempotencyKey)).size).toBe(1);
    const order = await orderOf(product.id);
    expect([...fake.sessions.values()].filter((s) => s.client_reference_id === order.id)).toHaveLength(1);
  });

  it("survives a connection dropped after Stripe made the session: the retry gets the same session back", async () => {
    const product = await upsertProduct(t.prisma);
    const buyer = await buyerWithCart([{ productId: product.id, quantity: 1 }]);
    fake.failNext(1, "drop-after-processing");
    const response = await buyer.post("/checkout", checkoutForm());
    const order = await orderOf(product.id);
    const sessions = [...fake.sessions.values()].filter((s) => s.client_reference_id === order.id);
    expect(sessions).toHaveLength(1);
    expect(response.headers.get("Location")).toBe(sessions[0]!.url);
    expect(order.paymentReference).toBe(sessions[0]!.id);
  });

  it("with Stripe unreachable, keeps the reservation and offers to pay again; paying again reuses the key", async () => {
    const product = await upsertProduct(t.prisma, { stock: 5 });
    const buyer = await buyerWithCart([{ productId: product.id, quantity: 2 }]);
    // Every attempt of the first request is dropped, after Stripe did the work each time.
    fake.failNext(3, "drop-after-processing");
    const response = await buyer.post("/checkout", checkoutForm());
    const order = await orderOf(product.id);
    expect(response.headers.get("Location")).toBe(`/orders/${order.token}?payment=unavailable`);
    expect(order.status).toBe("PENDING");
    expect(order.paymentReference).toBeNull();
    expect(await reservedUnits(t.prisma, product.id)).toBe(2);

    const page = await buyer.request(`/orders/${order.token}?payment=unavailable`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("去支付");

    // Stripe is back: "pay now" sends the same key and gets the session Stripe already made.
    const again = await buyer.post(`/orders/${order.token}`, {});
    const sessions = [...fake.sessions.values()].filter((s) => s.client_reference_id === order.id);
    expect(sessions).toHaveLength(1);
    expect(again.headers.get("Location")).toBe(sessions[0]!.url);
    const keys = new Set(fake.requestsTo("POST", SESSIONS).map((r) => r.idempotencyKey));
    expect(keys.size).toBe(1);
    expect((await orderOf(product.id)).paymentReference).toBe(sessions[0]!.id);
  });

  it("'pay now' with an open session sends the buyer back to it instead of making another", async () => {
    const product = await upsertProduct(t.prisma);
    const buyer = await buyerWithCart([{ productId: product.id, quantity: 1 }]);
    const first = await buyer.post("/checkout", checkoutForm());
    const order = await orderOf(product.id);
    fake.reset();
    const again = await buyer.post(`/orders/${order.token}`, {});
    expect(again.headers.get("Location")).toBe(first.headers.get("Location"));
    expect(fake.requestsTo("POST", SESSIONS)).toHaveLength(0);
    expect(fake.requestsTo("GET", `${SESSIONS}/${order.paymentReference}`)).toHaveLength(1);
  });

  it("'pay now' after the session ended early makes a new session under a new key", async () => {
    const product = await upsertProduct(t.prisma);
    const buyer = await buyerWithCart([{ productId: product.id, quantity: 1 }]);
    await buyer.post("/checkout", checkoutForm());
    const before = await orderOf(product.id);
    fake.expire(before.paymentReference!);
    const again = await buyer.post(`/orders/${before.token}`, {});
    const after = await orderOf(product.id);
    expect(after.paymentReference).not.toBe(before.paymentReference);
    expect(again.headers.get("Location")).toBe(fake.sessions.get(after.paymentReference!)!.url);
    const keys = fake.requestsTo("POST", SESSIONS).map((r) => r.idempotencyKey);
    expect(new Set(keys).size).toBe(2);
  });

  it("the test payment page is not offered for Stripe orders", async () => {
    const product = await upsertProduct(t.prisma);
    const buyer = await buyerWithCart([{ productId: product.id, quantity: 1 }]);
    await buyer.post("/checkout", checkoutForm());
    const order = await orderOf(product.id);
    expect((await buyer.request(`/pay/test/${order.token}`)).status).toBe(404);
  });
});
