/**
 * Two app processes (the production build, `node server.mjs` twice) against one PostgreSQL act as
 * one site, as they do behind a load balancer or as `npm start`'s workers: nothing a buyer or an
 * organiser depends on lives in one process's memory.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { upsertProduct } from "../../prisma/factories";
import { createUser, TEST_PASSWORD } from "../support/auth";
import type { Database } from "~/utils/db.server";
import { startCluster, type Cluster } from "./support/cluster";
import { migratedDatabase } from "./support/database";
import { checkoutForm, describeDrill, sleep, startServer, type AppServer } from "./support/server";

let cluster: Cluster | undefined;
let db: Database | undefined;
let a: AppServer | undefined;
let b: AppServer | undefined;
let addresses = 0;

/** One phone: its own cookies and address, talking to whichever process the balancer picks. */
class Phone {
  private cookies = new Map<string, string>();
  private readonly address = `198.51.100.${++addresses}`;

  async request(server: AppServer, path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set("X-Forwarded-For", this.address);
    if (this.cookies.size) headers.set("Cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const response = await fetch(`${server.baseUrl}${path}`, {
      ...init,
      headers,
      redirect: "manual",
      signal: AbortSignal.timeout(15_000),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const index = pair!.indexOf("=");
      const value = pair!.slice(index + 1);
      if (value) this.cookies.set(pair!.slice(0, index), value);
      else this.cookies.delete(pair!.slice(0, index));
    }
    return response;
  }

  post(server: AppServer, path: string, fields: Record<string, string>): Promise<Response> {
    return this.request(server, path, {
      method: "POST",
      body: new URLSearchParams(fields),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
  }
}

describeDrill("two app processes on one PostgreSQL", () => {
  beforeAll(async () => {
    cluster = await startCluster();
    const migrated = await migratedDatabase(cluster);
    db = migrated.database;
    const env = {
      DATABASE_URL: migrated.url,
      ALLOW_TEST_PAYMENTS: "true",
      RATE_LIMITS: "on",
      TRUST_PROXY: "loopback",
      WEB_CONCURRENCY: "2",
    };
    // A never sweeps expired reservations while the test runs; B sweeps every second.
    [a, b] = await Promise.all([
      startServer({ env: { ...env, RESERVATION_SWEEP_SECONDS: "3600" } }),
      startServer({ env: { ...env, RESERVATION_SWEEP_SECONDS: "1" } }),
    ]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.close();
    await cluster?.destroy();
  });

  it("checks out through B a cart filled through A", async () => {
    const product = await upsertProduct(db!.prisma, { stock: 10, priceFen: 26800 });
    const phone = new Phone();
    expect((await phone.post(a!, "/cart", { intent: "add", productId: product.id, quantity: "2" })).status).toBe(302);
    const cartOnB = await phone.request(b!, "/cart");
    expect(await cartOnB.text()).toContain(product.nameZh);
    const checkout = await phone.post(b!, "/checkout", checkoutForm(randomUUID()));
    expect(checkout.status).toBe(302);
    expect(checkout.headers.get("location")).toMatch(/^\/pay\/test\//);
    const order = await db!.prisma.order.findFirstOrThrow({
      where: { lines: { some: { productId: product.id } } },
      include: { lines: true },
    });
    expect(order.lines.map((l) => [l.quantity, l.unitPriceFen])).toEqual([[2, 26800]]);
    expect((await db!.prisma.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(8);
  });

  it("keeps an organiser signed in on A signed in on B, and signing out on B ends it on A", async () => {
    const organiser = await createUser(db!.prisma, "ORGANISER");
    const phone = new Phone();
    const signIn = await phone.post(a!, "/login", { email: organiser.email, password: TEST_PASSWORD });
    expect(signIn.status).toBe(302);
    expect((await phone.request(a!, "/admin")).status).toBe(200);
    expect((await phone.request(b!, "/admin")).status).toBe(200);
    expect((await phone.post(b!, "/logout", {})).status).toBe(302);
    // Even with the old cookie sent again, A no longer knows the session.
    const stale = await fetch(`${a!.baseUrl}/admin`, {
      headers: { Cookie: signIn.headers.getSetCookie()[0]!.split(";")[0]! },
      redirect: "manual",
    });
    expect(stale.status).toBe(302);
    expect(stale.headers.get("location")).toMatch(/^\/login/);
  });

  it("releases through B's sweep a reservation made through A once it expires", async () => {
    const product = await upsertProduct(db!.prisma, { stock: 3 });
    const phone = new Phone();
    await phone.post(a!, "/cart", { intent: "add", productId: product.id, quantity: "3" });
    expect((await phone.post(a!, "/checkout", checkoutForm(randomUUID()))).status).toBe(302);
    const order = await db!.prisma.order.findFirstOrThrow({ where: { lines: { some: { productId: product.id } } } });
    expect((await db!.prisma.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(0);
    // The reservation runs out (as if its minutes had passed); only B sweeps.
    await db!.prisma.order.update({ where: { id: order.id }, data: { reservedUntil: new Date(Date.now() - 1_000) } });
    const deadline = Date.now() + 10_000;
    while ((await db!.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status === "PENDING") {
      if (Date.now() > deadline) throw new Error("B's sweep did not release the reservation within 10 s");
      await sleep(200);
    }
    expect((await db!.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("EXPIRED");
    expect((await db!.prisma.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(3);
  });

  it("counts one address's checkouts against one limit across both processes", async () => {
    // The limit counts per minute: start early in a minute so the window does not turn mid-test.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 40_000) await sleep(60_000 - intoMinute + 100);
    const phone = new Phone();
    // With something in the cart, a refused form is answered 400 on the checkout page itself.
    const product = await upsertProduct(db!.prisma, { stock: 10 });
    await phone.post(a!, "/cart", { intent: "add", productId: product.id, quantity: "1" });
    const statuses: number[] = [];
    // 20 a minute per address (LIMITS.checkout): ten through each process, all counted (an empty form is 400).
    for (let i = 0; i < 10; i++) {
      for (const server of [a!, b!]) statuses.push((await phone.post(server, "/checkout", {})).status);
    }
    expect(statuses).toEqual(Array.from({ length: 20 }, () => 400));
    const overA = await phone.post(a!, "/checkout", {});
    const overB = await phone.post(b!, "/checkout", {});
    expect(overA.status).toBe(429);
    expect(overB.status).toBe(429);
    expect(Number(overB.headers.get("Retry-After"))).toBeGreaterThan(0);
  });
});
