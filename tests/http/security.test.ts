import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { upsertProduct } from "../../prisma/factories";
import { addToCart, createCart } from "~/cart/cart.server";
import { placeOrder } from "~/payments/checkout.server";
import { signInAs } from "../support/auth";
import { checkoutInput } from "../support/checkout";
import { withTestDatabase } from "../support/database";
import { Buyer, withHttpApp } from "../support/http-app";

const t = withTestDatabase();
const app = withHttpApp();

describe("HTTP security", () => {
  it("sends a nonce-based Content-Security-Policy that covers every script on the page, and no framing", async () => {
    const response = await fetch(`${app.baseUrl}/`);
    const csp = response.headers.get("Content-Security-Policy")!;
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("X-Frame-Options")).toBe("DENY");
    const html = await response.text();
    expect(html.includes("\u0000"), "NUL bytes in the HTML").toBe(false);
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    // Every executable script carries the nonce; JSON-LD data blocks are not executed, so CSP does not apply to them.
    for (const tag of scripts.filter((s) => !s.includes("application/ld+json")))
      expect(tag, tag).toContain(`nonce="${nonce}"`);
    const second = (await fetch(`${app.baseUrl}/`)).headers.get("Content-Security-Policy")!;
    expect(second).not.toContain(nonce);
  });

  it("refuses a state-changing request from another site and changes nothing", async () => {
    const product = await upsertProduct(t.prisma, { stock: 10 });
    const post = (headers: Record<string, string>) =>
      fetch(`${app.baseUrl}/cart`, {
        method: "POST",
        body: new URLSearchParams({ intent: "add", productId: product.id, quantity: "1" }),
        headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
        redirect: "manual",
      });
    const lines = await t.prisma.cartLine.count();
    expect((await post({ Origin: "https://evil.example" })).status).toBe(403);
    expect((await post({ Origin: "null" })).status).toBe(403);
    expect((await post({ "Sec-Fetch-Site": "cross-site" })).status).toBe(403);
    expect(await t.prisma.cartLine.count()).toBe(lines);
    expect((await post({ Origin: app.baseUrl, "Sec-Fetch-Site": "same-origin" })).status).toBe(302);
    expect(await t.prisma.cartLine.count()).toBe(lines + 1);
  });

  it("refuses a checkout whose honeypot field was filled in, without reserving anything", async () => {
    const product = await upsertProduct(t.prisma, { stock: 10 });
    const bot = new Buyer(app.baseUrl);
    await bot.post("/cart", { intent: "add", productId: product.id, quantity: "1" });
    const response = await bot.post("/checkout", {
      checkoutKey: randomUUID(),
      contactName: "bot",
      contactPhone: "13800001234",
      fulfilment: "BOOTH_PICKUP",
      website: "http://spam.example",
    });
    expect(response.status).toBe(400);
    expect((await t.prisma.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(10);
  });

  it("limits checkout attempts per address, keeping what was typed", async () => {
    const product = await upsertProduct(t.prisma, { stock: 100 });
    const buyer = new Buyer(app.baseUrl);
    await buyer.post("/cart", { intent: "add", productId: product.id, quantity: "1" });
    let last: Response | undefined;
    for (let i = 0; i < 25; i++) {
      last = await buyer.post("/checkout", {
        checkoutKey: "not-a-uuid",
        contactName: `尝试${i}`,
        contactPhone: "13800001234",
        fulfilment: "BOOTH_PICKUP",
      });
      if (last.status === 429) break;
    }
    expect(last!.status).toBe(429);
    expect(last!.headers.get("Retry-After")).toMatch(/^\d+$/);
    const html = await last!.text();
    expect(html).toContain("提交太频繁了");
    expect(html).toMatch(/value="尝试\d+"/);
  });

  it("masks the buyer's phone on the order page (a forwardable bearer link), while the cooperative's portal has it in full", async () => {
    const product = await upsertProduct(t.prisma, { stock: 10 });
    const cart = await createCart(t.prisma);
    await addToCart(t.prisma, cart, product.id, 1);
    const order = await placeOrder(t.prisma, {
      cartId: cart,
      input: checkoutInput({ contactPhone: "13912345678" }),
      locale: "zh",
    });
    await t.prisma.order.update({ where: { id: order.id }, data: { status: "PAID", paidAt: new Date() } });
    const { token } = await t.prisma.order.findUniqueOrThrow({ where: { id: order.id } });
    for (const path of [`/orders/${token}`, `/en/orders/${token}`]) {
      const html = await (await fetch(`${app.baseUrl}${path}`)).text();
      expect(html, path).toContain("139****5678");
      // Nowhere in the page, its loader data included.
      expect(html, path).not.toContain("13912345678");
    }
    const staff = await signInAs(t.prisma, "COOPERATIVE_STAFF", { cooperativeId: product.cooperativeId });
    const portal = await fetch(`${app.baseUrl}/portal/orders`, { headers: { Cookie: staff.cookie } });
    expect(await portal.text()).toContain("13912345678");
  });
});
