/**
 * The shared cache, for real: `npm run start:cached` (Varnish 7 with xkey from Debian, the VCL in
 * config/varnish/fair.vcl) in front of the production build, against a throwaway PostgreSQL.
 * Proves what ADR 007 promises: anonymous catalogue pages are served from the cache; a session
 * bypasses it; a buyer's own pages, the portal, the console and anything that sets a cookie are
 * never stored; and a committed sale of the last unit, or a price change, shows through the cache
 * within a second (purged by the app after the commit, not by expiry). And what issue 16 asks of
 * the cache: the fair wall's page kept for a second or two, its event streams (public and the
 * organisers') passed through unbuffered and never stored, X-Cache-Status (HIT/MISS/PASS) on every
 * answer, and the cache status in the request log (the app's line for a miss or a pass,
 * varnishncsa's for a hit), each request with its own id.
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
import { Buyer, checkoutForm, describeDrill, ROOT, serverEnv, SESSION_SECRET, sleep } from "./support/server";

// Sessions made here (signInAs) are signed with the server's secret, so the server accepts them.
process.env.SESSION_SECRET = SESSION_SECRET;

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
  return {
    status: response.status,
    headers: response.headers,
    body,
    xCache: response.headers.get("x-cache"),
    cacheStatus: response.headers.get("x-cache-status"),
    requestId: response.headers.get("x-request-id"),
  };
}

/** The JSON lines written so far by the app (misses and passes) and by varnishncsa (hits). */
const logLines = () =>
  output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

/** Waits (at most 5 s: varnishncsa writes a hit once its transaction ends) for a log line. */
async function logLine(test: (line: Record<string, unknown>) => boolean) {
  for (let i = 0; i < 100; i++) {
    const line = logLines().find(test);
    if (line) return line;
    await sleep(50);
  }
  return undefined;
}

/** An open event stream through the cache, read event by event. */
async function openStream(path: string, cookie?: string) {
  const controller = new AbortController();
  const response = await fetch(`${cacheUrl}${path}`, {
    headers: { "Accept-Encoding": "gzip", ...(cookie ? { cookie } : {}) },
    signal: controller.signal,
    redirect: "manual",
  });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  return {
    response,
    /** The next event whose data passes `test`; throws if the stream ends or nothing comes within 15 s. */
    async next<T>(test: (data: T) => boolean): Promise<T> {
      const deadline = Date.now() + 15_000;
      for (;;) {
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!message.startsWith("data: ")) continue;
          const data = JSON.parse(message.slice(6)) as T;
          if (test(data)) return data;
        }
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`${path}: no such event within 15 s`);
        const chunk = await Promise.race([reader.read(), sleep(left).then(() => "timeout" as const)]);
        if (chunk === "timeout") continue;
        if (chunk.done) throw new Error(`${path}: the stream ended`);
        buffer += chunk.value;
      }
    },
    close: () => controller.abort(),
  };
}

/** One paid order through the cache (cart, checkout, the test payment page). */
async function buyThroughCache(productId: string) {
  const buyer = new Buyer(cacheUrl);
  await buyer.post("/cart", { intent: "add", productId, quantity: "1" });
  const checkout = await buyer.post("/checkout", checkoutForm(randomUUID()));
  expect(checkout.status).toBe(302);
  const paid = await buyer.post(checkout.headers.get("location")!, { intent: "confirm" });
  expect(paid.status).toBe(302);
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
    expect(first.cacheStatus).toBe("MISS");
    const second = await get(`/products/${product.slug}`);
    expect(second.xCache).toBe("HIT");
    expect(second.cacheStatus).toBe("HIT");
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

  it("shows a product selling out, and a price change, through the cache as soon as they commit (purged, not expired)", async () => {
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
    // showsWithin gives up after 5 s, well inside the page's s-maxage (15 s): a change that shows
    // was purged, not expired. (How fast is printed below, not asserted: no timing assertions; on
    // a quiet machine it is well under a second, on a loaded one it took 2.5 s.)
    expect(before.headers.get("cache-control")).toMatch(/s-maxage=(1[5-9]|[2-9]\d|\d{3,})\b/);
    const soldOutMs = await showsWithin(page, (body) => body.includes("已售罄"));

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
    console.log(
      `through the cache: sold out after ${soldOutMs.toFixed(0)} ms, new price after ${priceMs.toFixed(0)} ms`,
    );
  });
  it("logs what the cache did: the app's line says miss or pass, Varnish's own line says hit, each with its request id", async () => {
    const product = await upsertProduct(db!.prisma, { stock: 5 });
    const miss = await get(`/products/${product.slug}`);
    const hit = await get(`/products/${product.slug}`);
    expect([miss.cacheStatus, hit.cacheStatus]).toEqual(["MISS", "HIT"]);
    // Each request has its own id, the hit too (not the id of the request that filled the cache).
    expect(miss.requestId).toMatch(/^[\w.:-]{8,64}$/);
    expect(hit.requestId).toMatch(/^[\w.:-]{8,64}$/);
    expect(hit.requestId).not.toBe(miss.requestId);

    const appMiss = await logLine((l) => l.requestId === miss.requestId && l.source === undefined);
    expect(appMiss).toMatchObject({
      msg: "request",
      route: "routes/($lang).products.$slug",
      status: 200,
      cache: "miss",
    });
    const varnishHit = await logLine((l) => l.requestId === hit.requestId);
    expect(varnishHit).toMatchObject({
      msg: "request",
      source: "varnish",
      method: "GET",
      path: `/products/${product.slug}`,
      status: 200,
      cache: "hit",
    });
    // The app never saw the hit.
    expect(logLines().filter((l) => l.requestId === hit.requestId && l.source === undefined)).toEqual([]);

    const { cookie } = await signInAs(db!.prisma, "ORGANISER");
    // (The role is the one the request authenticated as: a catalogue page never reads the session.)
    const pass = await get("/admin", cookie);
    expect(pass.status).toBe(200);
    expect(pass.cacheStatus).toBe("PASS");
    expect(await logLine((l) => l.requestId === pass.requestId)).toMatchObject({ cache: "pass", role: "organiser" });

    // A client cannot tell the app's log what the cache did.
    const spoofed = await fetch(`${cacheUrl}/cart`, { headers: { "X-Cache-Status": "hit" } });
    await spoofed.arrayBuffer();
    const spoofedLine = await logLine((l) => l.requestId === spoofed.headers.get("x-request-id"));
    expect(spoofedLine).toMatchObject({ cache: "pass" });
  });

  it("keeps the fair wall's page for a second or two, and passes its event streams through, unbuffered and never stored", async () => {
    const page = await get("/live");
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("public, max-age=1, s-maxage=2");
    const started = performance.now();
    const again = await get("/live");
    // Stored for two seconds at most: a second look within one is a hit (on a slow machine, skip).
    if (performance.now() - started < 1_000) expect(again.cacheStatus).toBe("HIT");

    const product = await upsertProduct(db!.prisma, { stock: 50 });
    const screen = await openStream("/live/events");
    try {
      expect(screen.response.status).toBe(200);
      expect(screen.response.headers.get("content-type")).toMatch(/^text\/event-stream/);
      expect(screen.response.headers.get("x-cache-status")).toBe("PASS");
      expect(screen.response.headers.get("content-encoding")).toBeNull(); // not gzipped, even when asked
      expect(screen.response.headers.get("age") ?? "0").toBe("0");
      // The figures arrive while the stream stays open (a buffering cache would hold them until it ends)…
      const first = await screen.next<{ orders: number }>(() => true);
      // …and so does a sale made afterwards, on the same open stream.
      await buyThroughCache(product.id);
      const after = await screen.next<{ orders: number }>((data) => data.orders > first.orders);
      expect(after.orders).toBe(first.orders + 1);
    } finally {
      screen.close();
    }
    // A second screen is also passed to the app, never answered from a stored copy.
    const second = await openStream("/live/events");
    try {
      expect(second.response.headers.get("x-cache-status")).toBe("PASS");
      await second.next(() => true);
    } finally {
      second.close();
    }
  });

  it("never stores the organisers' event stream, signed in or not", async () => {
    for (let i = 0; i < 3; i++) {
      const anonymous = await get("/admin/live/events");
      expect(anonymous.status).toBe(302);
      expect(anonymous.cacheStatus).toBe("PASS");
    }
    const { cookie } = await signInAs(db!.prisma, "ORGANISER");
    for (let i = 0; i < 2; i++) {
      const stream = await openStream("/admin/live/events", cookie);
      try {
        expect(stream.response.status).toBe(200);
        expect(stream.response.headers.get("x-cache-status")).toBe("PASS");
        expect(stream.response.headers.get("cache-control")).toBe("no-store, no-transform");
        const data = await stream.next<{ outcomes: Record<string, number> }>(() => true);
        expect(data.outcomes).toHaveProperty("reserved");
      } finally {
        stream.close();
      }
    }
    // And nobody without the cookie gets what was streamed to an organiser.
    expect((await get("/admin/live/events")).status).toBe(302);
  });
});
