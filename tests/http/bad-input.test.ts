import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { upsertProduct } from "../../prisma/factories";
import { withTestDatabase } from "../support/database";
import { Buyer, withHttpApp } from "../support/http-app";

process.env.RATE_LIMITS = "off"; // this suite sends hundreds of requests from one address on purpose
const t = withTestDatabase();
const app = withHttpApp();

/** Inputs that have broken other shops: each must get a 4xx or be shown harmlessly, never a 500. */
const NASTY = [
  "",
  " ",
  "x".repeat(5000),
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "' OR 1=1 --",
  '\'; DROP TABLE "Product"; --',
  "%",
  "_",
  "\\",
  "../../etc/passwd",
  "\u0000",
  "\u202Eevil",
  "𠮷野家🍵",
  "ﾌﾙｶﾞｷ",
  "-1",
  "0",
  "1e309",
  "99999999999999999999",
  "NaN",
  "[object Object]",
  '{"a":1}',
];

async function snapshot() {
  const [products, stock, carts, cartLines, orders, ledger, users, regions] = await Promise.all([
    t.prisma.product.count(),
    t.prisma.product.aggregate({ _sum: { stock: true } }),
    t.prisma.cart.count(),
    t.prisma.cartLine.count(),
    t.prisma.order.count(),
    t.prisma.ledgerEntry.count(),
    t.prisma.user.count(),
    t.prisma.pairedRegion.count(),
  ]);
  return { products, stock: stock._sum.stock, carts, cartLines, orders, ledger, users, regions };
}

describe("bad input over every public URL and form", () => {
  it("never answers a nasty URL parameter with a 500", async () => {
    await upsertProduct(t.prisma, { slug: "real-product" });
    const before = await snapshot();
    const failures: string[] = [];
    for (const value of NASTY) {
      const v = encodeURIComponent(value);
      const urls = [
        `/products/${v}`,
        `/en/products/${v}`,
        `/regions/${v}`,
        `/counties/${v}`,
        `/cooperatives/${v}`,
        `/categories/${v}`,
        `/orders/${v}`,
        `/pay/test/${v}`,
        `/images/products/${v}.svg`,
        `/search?q=${v}`,
        `/search?q=tea&page=${v}&min=${v}&max=${v}&region=${v}&county=${v}&category=${v}&certified=${v}&sort=${v}`,
        `/en/search?q=${v}&page=${v}`,
        `/${v}/products/real-product`,
        `/categories/tea?page=${v}`,
        `/login?redirectTo=${v}`,
        `/reset-password/${v}`,
        `/invite/${v}`,
      ];
      for (const url of urls) {
        const response = await fetch(`${app.baseUrl}${url}`, { redirect: "manual" });
        if (response.status >= 500) failures.push(`${response.status} GET ${url.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it("never answers a nasty form post with a 500, and changes nothing it should not", async () => {
    const product = await upsertProduct(t.prisma, { stock: 7 });
    const buyer = new Buyer(app.baseUrl);
    await buyer.post("/cart", { intent: "add", productId: product.id, quantity: "1" });
    const before = await snapshot();
    const failures: string[] = [];
    const record = async (what: string, response: Response) => {
      if (response.status >= 500) failures.push(`${response.status} ${what}`);
      await response.body?.cancel();
    };
    for (const value of NASTY) {
      await record(
        `cart add quantity=${value.slice(0, 20)}`,
        await buyer.post("/cart", { intent: "add", productId: product.id, quantity: value }),
      );
      await record(`cart add productId`, await buyer.post("/cart", { intent: "add", productId: value, quantity: "1" }));
      await record(`cart intent`, await buyer.post("/cart", { intent: value, productId: product.id }));
      await record(
        `cart update`,
        await buyer.post("/cart", { intent: "update", productId: product.id, quantity: value }),
      );
      await record(
        `checkout fields`,
        await buyer.post("/checkout", {
          checkoutKey: value,
          contactName: value,
          contactPhone: value,
          contactEmail: value,
          fulfilment: value,
          province: value,
          city: value,
          addressLine: value,
          postalCode: value,
          onBehalfOf: value,
        }),
      );
      await record(`login`, await buyer.post("/login", { email: value, password: value, redirectTo: value }));
      await record(`forgot`, await buyer.post("/forgot-password", { email: value }));
      await record(
        `reset`,
        await buyer.post(`/reset-password/${encodeURIComponent(value) || "x"}`, { password: value }),
      );
      await record(
        `invite`,
        await buyer.post(`/invite/${encodeURIComponent(value) || "x"}`, { displayName: value, password: value }),
      );
    }
    // A checkout with a valid key but a nasty organisation must not reserve stock either.
    await record(
      "checkout unknown organisation",
      await buyer.post("/checkout", {
        checkoutKey: randomUUID(),
        contactName: "王",
        contactPhone: "13800001234",
        fulfilment: "BOOTH_PICKUP",
        onBehalfOf: "' OR 1=1 --",
      }),
    );
    expect(failures).toEqual([]);
    const after = await snapshot();
    // Only the cart line's quantity may move (the adds and updates are legitimate cart edits).
    expect({ ...after, cartLines: before.cartLines }).toEqual(before);
    expect((await t.prisma.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(7);
  });

  it("shows script-looking input as text, never as markup", async () => {
    const response = await fetch(`${app.baseUrl}/search?q=${encodeURIComponent("<script>alert(1)</script>")}`);
    const html = await response.text();
    expect(html).not.toContain("<script>alert(1)</script>");
  });
});
