/**
 * The shared cache, for real: `npm run start:cached` (Varnish 7 with xkey from Debian, the VCL in
 * config/varnish/fair.vcl) in front of the production build, against a throwaway PostgreSQL.
 * Proves what ADR 007 promises: anonymous catalogue pages are served from the cache; a session
 * bypasses it; a buyer's own pages, the portal, the console and anything that sets a cookie are
 * never stored; and a committed sale of the last unit, or a price change, shows through the cache
 * within a second (purged by the app after the commit, not by expiry).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { upsertCooperative, upsertProduct } from "../../prisma/factories";
import { createUser, signInAs } from "../support/auth";
import { updateProduct } from "~/portal/portal-products.server";
import { ProductSchema } from "~/portal/portal-schema";
import type { Database } from "~/utils/db.server";
import { freePort, startCluster, type Cluster } from "./support/cluster";
import { migratedDatabase } from "./support/database";
import { Buyer, checkoutForm, describeDrill, ROOT, serverEnv, sleep } from "./support/server";

const varnishInstalled = spawnSync("varnishd", ["-V"]).status === 0;

let cluster: Cluster | undefined;
let db: Database | undefined;
let cached: ChildProcess | undefined;
let output = "";
let cacheUrl = "";

async function waitFor(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not yet
    }
    if (cached?.exitCode !== null) throw new Error(`start:cached exited:\n${output}`);
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${output}`);
    await sleep(200);
  }
}

/** GET through the cache, as an anonymous phone (no cookies unless given). */
async function get(path: string, cookie?: string) {
  const response = await fetch(`${cacheUrl}${path}`, {
    headers: cookie ? { cookie } : {},
    redirect: "manual",
  });
  const body = await response.text();
  return { status: response.status, headers: response.headers, body, xCache: response.headers.get("x-cache") };
}

/** Polls `path` through the cache until `test` holds; returns how long it took (or throws after 5 s). */
async function showsWithin(path: string, test: (body: string) => boolean): Promise<number> {
  const started = performance.now();
  for (;;) {
    const { body } = await get(path);
    if (test(body)) return performance.now() - started;
    if (performance.now() - started > 5_000) throw new Error(`${path} never changed through the cache`);
    await sleep(25);
  }
}

describeDrill("the shared cache (Varnish) in front of the production build", () => {
  beforeAll(async () => {
    if (!varnishInstalled) throw new Error("varnishd is missing: apt-get install -y varnish varnish-modules");
    cluster = await startCluster();
    const migrated = await migratedDatabase(cluster);
    db = migrated.database;
    const port = Number(process.env.CACHE_TEST_PORT ?? (await freePort()));
    const appPort = Number(process.env.CACHE_TEST_APP_PORT ?? (await freePort()));
    cacheUrl = `http://127.0.0.1:${port}`;
    cached = spawn(process.execPath, ["scripts/start-cached.mjs"], {
      cwd: ROOT,
      env: {
        ...serverEnv(port, { DATABASE_URL: migrated.url, ALLOW_TEST_PAYMENTS: "true" }),
        HOST: "127.0.0.1",
        APP_PORT: String(appPort),
        CACHE_SIZE: "32m",
        PUBLIC_BASE_URL: cacheUrl,
      } as unknown as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    cached.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    cached.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    await waitFor(`${cacheUrl}/healthz`, 90_000);
    // The test process purges too when it commits a change through the portal's own code.
    process.env.CACHE_PURGE_URL = `${cacheUrl}/`;
  }, 150_000);

  afterAll(async () => {
    if (cached && cached.exitCode === null) {
      const exited = new Promise((resolve) => cached!.once("exit", resolve));
      cached.kill("SIGTERM");
      await Promise.race([exited, sleep(8_000)]);
      if (cached.exitCode === null) cached.kill("SIGKILL");
    }
    await db?.close();
    await cluster?.destroy();
  });

  it("serves the second anonymous request for a product page from the cache", async () => {
    const product = await upsertProduct(db!.prisma, { stock: 5 });
    const first = await get(`/products/${product.slug}`);
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/);
    expect(first.headers.get("xkey")).toBeNull(); // the surrogate keys stay inside the cache
    expect(first.xCache).toBe("MISS");
    const second = await get(`/products/${product.slug}`);
    expect(second.xCache).toBe("HIT");
    expect(Number(second.headers.get("age"))).toBeGreaterThanOrEqual(0);
    expect(second.body).toContain(product.nameZh);
    expect(second.headers.get("set-cookie")).toBeNull();
    // A buyer with a cart gets the same shared page: the cart count is not in the HTML.
    const withCart = await get(`/products/${product.slug}`, "fair_cart=abc");
    expect(withCart.xCache).toBe("HIT");
  });

  it("bypasses the cache for a request with a session cookie", async () => {
    const product = await upsertProduct(db!.prisma, { stock: 5 });
    await get(`/products/${product.slug}`);
    expect((await get(`/products/${product.slug}`)).xCache).toBe("HIT");
    const { cookie } = await signInAs(db!.prisma, "ORGANISER");
    const signedIn = await get(`/products/${product.slug}`, cookie);
    expect(signedIn.status).toBe(200);
    expect(signedIn.xCache).toBe("PASS");
    expect(signedIn.headers.get("cache-control")).toBe("private, no-cache");
  });

  it("never stores cart, checkout, orders, test payment, portal, admin, or anything that sets a cookie", async () => {
    const product = await upsertProduct(db!.prisma, { stock: 50 });
    const buyer = new Buyer(cacheUrl);
    expect((await buyer.post("/cart", { intent: "add", productId: product.id, quantity: "1" })).status).toBe(302);
    const checkout = await buyer.post("/checkout", checkoutForm(randomUUID()));
    expect(checkout.status).toBe(302);
    const payPath = checkout.headers.get("location")!;
    expect(payPath).toMatch(/^\/pay\/test\//);
    const staff = await signInAs(db!.prisma, "COOPERATIVE_STAFF");
    const organiser = await signInAs(db!.prisma, "ORGANISER");
    const personal: [string, string | undefined][] = [
      ["/cart", buyer.cookieHeader()],
      ["/checkout", buyer.cookieHeader()],
      [payPath, buyer.cookieHeader()],
      ["/portal", staff.cookie],
      ["/admin", organiser.cookie],
      ["/cart", undefined],
      ["/portal", undefined],
      ["/admin", undefined],
      ["/login", undefined],
      ["/cart/count", buyer.cookieHeader()],
    ];
    const confirm = await buyer.post(payPath, { intent: "confirm" });
    const orderPath = confirm.headers.get("location")!;
    expect(orderPath).toMatch(/^\/orders\//);
    personal.push([orderPath, buyer.cookieHeader()], [orderPath, undefined]);
    for (const [path, cookie] of personal) {
      for (let i = 0; i < 3; i++) {
        const response = await get(path, cookie);
        expect(response.xCache, `${path} (${response.status})`).not.toBe("HIT");
        expect(response.headers.get("age") ?? "0", path).toBe("0");
      }
    }
    // A response that sets a cookie is never kept: asking again reaches the app again.
    const setsCookie = await fetch(`${cacheUrl}/cart`, { method: "GET" });
    await setsCookie.arrayBuffer();
    const anyCookieResponses = [checkout, confirm, setsCookie].filter((r) => r.headers.getSetCookie().length > 0);
    for (const response of anyCookieResponses) expect(response.headers.get("x-cache")).not.toBe("HIT");
  });

  it("shows a product selling out, and a price change, through the cache within a second", async () => {
    const cooperative = await upsertCooperative(db!.prisma);
    const product = await upsertProduct(db!.prisma, { stock: 1, priceFen: 26800, cooperativeId: cooperative.id });
    const page = `/products/${product.slug}`;
    await get(page);
    const before = await get(page);
    expect(before.xCache).toBe("HIT");
    expect(before.body).not.toContain("已售罄");

    // A buyer takes the last unit through the cache's address; the app purges after the commit.
    const buyer = new Buyer(cacheUrl);
    await buyer.post("/cart", { intent: "add", productId: product.id, quantity: "1" });
    expect((await buyer.post("/checkout", checkoutForm(randomUUID()))).status).toBe(302);
    const soldOutMs = await showsWithin(page, (body) => body.includes("已售罄"));
    expect(soldOutMs).toBeLessThan(1_000);

    // The cooperative changes the price through the portal's own code (commit, then purge).
    await get(page);
    expect((await get(page)).xCache).toBe("HIT");
    const staff = await createUser(db!.prisma, "COOPERATIVE_STAFF", { cooperativeId: cooperative.id });
    const current = await db!.prisma.product.findUniqueOrThrow({ where: { id: product.id } });
    await updateProduct(db!.prisma, {
      cooperativeId: cooperative.id,
      actorId: staff.id,
      id: product.id,
      stockWas: current.stock,
      input: ProductSchema.parse({
        nameZh: current.nameZh,
        nameEn: current.nameEn,
        descriptionZh: "",
        descriptionEn: "",
        unitZh: current.unitZh,
        unitEn: current.unitEn,
        price: "199.00",
        stock: String(current.stock),
        categoryId: current.categoryId,
        status: "LISTED",
      }),
    });
    const priceMs = await showsWithin(page, (body) => body.includes("199.00"));
    expect(priceMs).toBeLessThan(1_000);
    console.log(
      `through the cache: sold out after ${soldOutMs.toFixed(0)} ms, new price after ${priceMs.toFixed(0)} ms`,
    );
  });
});
