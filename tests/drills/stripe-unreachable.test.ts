/**
 * Drill: Stripe cannot be reached. The production server runs with Stripe configured, but the
 * SDK is pointed at a loopback port where nothing listens (connection refused) or where a server
 * accepts connections and never answers (a hung network path). Browsing must not care; checkout
 * keeps the reservation and sends the buyer to the order page, which says payment is unavailable
 * and offers "pay now"; the reservation still expires when its time is up.
 */
import { randomUUID } from "node:crypto";
import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { upsertProduct } from "../../prisma/factories";
import type { Database } from "~/utils/db.server";
import { freePort, startCluster, type Cluster } from "./support/cluster";
import { migratedDatabase } from "./support/database";
import { Buyer, checkoutForm, describeDrill, startServer, type AppServer } from "./support/server";

const STRIPE_ENV = {
  STRIPE_SECRET_KEY: "sk_test_drill_unreachable_0123456789",
  STRIPE_WEBHOOK_SECRET: "whsec_drill_unreachable_0123456789",
  STRIPE_API_HOST: "127.0.0.1",
  STRIPE_API_PROTOCOL: "http",
};

/** How long a buyer may wait for checkout to say "try again" while Stripe does not answer. */
const BUYER_WAIT_LIMIT_MS = 15_000;

let cluster: Cluster | undefined;
let db: Database | undefined;
let url = "";
const servers: AppServer[] = [];
const sockets = new Set<Socket>();
let hung: Server | undefined;
let hungConnections = 0;

/** A Stripe "API" that accepts the connection and then never says a word. */
async function startHungStripe(): Promise<number> {
  hung = createServer((socket) => {
    hungConnections++;
    sockets.add(socket);
    socket.on("error", () => undefined);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => hung!.listen(0, "127.0.0.1", resolve));
  return (hung.address() as { port: number }).port;
}

async function stockOf(productId: string) {
  return (await db!.prisma.product.findUniqueOrThrow({ where: { id: productId } })).stock;
}

describeDrill("drill: Stripe unreachable", () => {
  beforeAll(async () => {
    cluster = await startCluster();
    ({ url, database: db } = await migratedDatabase(cluster));
  });

  afterAll(async () => {
    for (const server of servers) await server.stop();
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => (hung ? hung.close(() => resolve()) : resolve()));
    await db?.close().catch(() => undefined);
    await cluster?.destroy();
  });

  it("connection refused: browsing works, checkout says to try again, the reservation still expires", async () => {
    const closedPort = await freePort(); // nothing listens there
    const server = await startServer({
      env: { DATABASE_URL: url, ...STRIPE_ENV, STRIPE_API_PORT: String(closedPort) },
    });
    servers.push(server);
    const product = await upsertProduct(db!.prisma, {
      slug: "drill-pu-er-cake",
      nameZh: "演练普洱茶饼",
      nameEn: "Drill Pu'er tea cake",
      stock: 10,
      priceFen: 26800,
    });
    const buyer = new Buyer(server.baseUrl, 60_000);

    // Browsing never talks to Stripe.
    const pages: [string, string][] = [
      ["/", ""],
      [`/products/${product.slug}`, "演练普洱茶饼"],
      [`/search?q=${encodeURIComponent("普洱")}`, "演练普洱茶饼"],
      [`/en/products/${product.slug}`, "Drill Pu&#x27;er tea cake"],
    ];
    const browseMs: string[] = [];
    for (const [path, text] of pages) {
      const started = performance.now();
      const response = await buyer.get(path);
      browseMs.push(`${path} ${response.status} in ${(performance.now() - started).toFixed(0)} ms`);
      expect(response.status, path).toBe(200);
      if (text) expect(await response.text(), path).toContain(text);
    }

    // Checkout: the stock is reserved, and the buyer is told to try again from the order page.
    const added = await buyer.post("/cart", { intent: "add", productId: product.id, quantity: "2" });
    expect(added.status).toBe(302);
    const key = randomUUID();
    const started = performance.now();
    const checkout = await buyer.post("/checkout", checkoutForm(key));
    const checkoutMs = performance.now() - started;
    const location = checkout.headers.get("Location") ?? "";
    expect(checkout.status, await checkout.clone().text()).toBe(302);
    expect(location).toMatch(/^\/orders\/[A-Za-z0-9_-]{20,64}\?payment=unavailable$/);
    const token = location.slice("/orders/".length, location.indexOf("?"));
    const order = await db!.prisma.order.findUniqueOrThrow({ where: { token } });
    expect(order).toMatchObject({
      checkoutKey: key,
      status: "PENDING",
      holdsStock: true,
      paymentProvider: "stripe",
      paymentReference: null,
    });
    expect(await stockOf(product.id)).toBe(8);

    const page = await buyer.get(location);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("支付服务暂时连不上"); // "payment is unavailable, your goods are held, try again"
    expect(html).toContain("去支付"); // pay now
    expect(html).toContain("库存保留至"); // items held until …
    expect(html).toContain('data-status="PENDING"');

    // "Pay now" while Stripe is still away: the same answer, the order untouched.
    const retryStarted = performance.now();
    const retry = await buyer.post(`/orders/${token}`, {});
    const retryMs = performance.now() - retryStarted;
    expect(retry.status).toBe(302);
    expect(retry.headers.get("Location")).toBe(location);
    expect(await db!.prisma.order.findUniqueOrThrow({ where: { token } })).toMatchObject({
      status: "PENDING",
      holdsStock: true,
    });
    expect(await stockOf(product.id)).toBe(8);
    // One structured log line names the order (pino JSON).
    expect(server.output()).toMatch(new RegExp(`"orderId":"${order.id}".*"msg":"payment could not start"`));

    // The reservation runs out: viewing the order page sweeps it, and the stock comes back.
    await db!.prisma.order.update({ where: { id: order.id }, data: { reservedUntil: new Date(Date.now() - 60_000) } });
    const expired = await buyer.get(`/orders/${token}`);
    expect(expired.status).toBe(200);
    expect(await expired.text()).toContain('data-status="EXPIRED"');
    expect(await db!.prisma.order.findUniqueOrThrow({ where: { token } })).toMatchObject({
      status: "EXPIRED",
      holdsStock: false,
    });
    expect(await stockOf(product.id)).toBe(10);

    console.log(
      [
        "drill stripe-unreachable (connection refused):",
        `  browsing: ${browseMs.join("; ")}`,
        `  checkout answered ${checkout.status} → ${location.replace(token, "<token>")} in ${checkoutMs.toFixed(0)} ms`,
        `  "pay now" answered ${retry.status} (payment unavailable) in ${retryMs.toFixed(0)} ms`,
        "  reservation expired on the order page: status EXPIRED, stock 8 → 10",
      ].join("\n"),
    );
    await server.stop();
  });

  it("no answer at all: checkout ends on the order page saying to try again within 15 s", async () => {
    const port = await startHungStripe();
    const server = await startServer({ env: { DATABASE_URL: url, ...STRIPE_ENV, STRIPE_API_PORT: String(port) } });
    servers.push(server);
    const product = await upsertProduct(db!.prisma, { stock: 5, priceFen: 9900 });
    const buyer = new Buyer(server.baseUrl, 60_000);
    const home = await buyer.get("/");
    expect(home.status).toBe(200);
    expect((await buyer.post("/cart", { intent: "add", productId: product.id, quantity: "1" })).status).toBe(302);

    const started = performance.now();
    const checkout = await buyer.post("/checkout", checkoutForm(randomUUID()));
    const checkoutMs = performance.now() - started;
    expect(checkout.status).toBe(302);
    expect(checkout.headers.get("Location")).toMatch(/^\/orders\/[A-Za-z0-9_-]{20,64}\?payment=unavailable$/);
    expect(await stockOf(product.id)).toBe(4);
    console.log(
      [
        "drill stripe-unreachable (connection accepted, never answered):",
        `  checkout answered ${checkout.status} (payment unavailable) after ${(checkoutMs / 1000).toFixed(1)} s`,
        `  connections the SDK opened to the silent Stripe (1 request + its retries): ${hungConnections}`,
      ].join("\n"),
    );
    // A buyer on a phone is waiting: "try again" must come within BUYER_WAIT_LIMIT_MS, not after
    // the SDK's 3 attempts × 10 s (31 s measured with the client defaults in stripe.server.ts;
    // docs/drills.md has the fix: a 3 s timeout per attempt on the calls a buyer waits on, ~10 s).
    expect(checkoutMs, "seconds a buyer waits for 'try again' while Stripe hangs").toBeLessThan(BUYER_WAIT_LIMIT_MS);
    await server.stop();
  });
});
