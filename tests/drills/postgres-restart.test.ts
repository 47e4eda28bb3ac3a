/**
 * Drill: PostgreSQL is restarted (`pg_ctl restart -m fast`) while buyers are checking out.
 *
 * Buyers, each with their own cookie jar, add a product to their cart and check out, over and
 * over, with bounded concurrency, for about ten seconds; midway the throwaway cluster restarts.
 * A buyer whose checkout fails resubmits the same form (the same checkout key), as a browser's
 * "try again" would. The server is never restarted: it must find its database again by itself.
 * Afterwards the database must hold every order a buyer was told about exactly once, nothing
 * twice, and every reserved unit must be accounted for.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { upsertProduct } from "../../prisma/factories";
import type { Database } from "~/utils/db.server";
import { startCluster, type Cluster } from "./support/cluster";
import { migratedDatabase } from "./support/database";
import { Buyer, checkoutForm, describeDrill, sleep, startServer, type AppServer } from "./support/server";

const BUYERS = 8;
const LOAD_MS = 10_000;
const RESTART_AT_MS = 3_500;
const RESTART_LATEST_MS = 6_000;
/** After the load window, a buyer still retrying its last checkout gets this long to finish it. */
const RETRY_GRACE_MS = 8_000;
const INITIAL_STOCK = 100_000;
/** How soon /healthz must answer 200 once PostgreSQL accepts connections again. */
const RECOVERY_LIMIT_MS = 5_000;

let cluster: Cluster | undefined;
let db: Database | undefined;
let server: AppServer | undefined;

interface Attempt {
  key: string;
  at: number;
  outcome: string;
}

/** The first heading of an HTML page, as text. */
function headline(html: string): string {
  const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? html.slice(0, 80);
  return h1.replace(/<[^>]+>/g, "").trim();
}

/** Successful checkouts in each second of the drill, by when they were sent. */
function perSecond(attempts: Attempt[]): number[] {
  const buckets = Array.from({ length: Math.ceil((LOAD_MS + RETRY_GRACE_MS) / 1000) }, () => 0);
  for (const a of attempts) buckets[Math.floor(a.at / 1000)]! += 1;
  while (buckets.length > 1 && buckets[buckets.length - 1] === 0) buckets.pop();
  return buckets;
}

/** The server's log lines after start-up, grouped (numbers and ids masked), most frequent first. */
function logSummary(output: string): string {
  const counts = new Map<string, number>();
  for (const line of output.split("\n").slice(2)) {
    // First lines of messages only: not stack frames, not the fields of a printed error object.
    if (!/^[A-Za-z]/.test(line)) continue;
    const shape = line
      .replace(/[0-9a-f]{8}-[0-9a-f-]{27,}/gi, "<id>")
      .replace(/\d+/g, "N")
      .slice(0, 110);
    counts.set(shape, (counts.get(shape) ?? 0) + 1);
  }
  if (counts.size === 0) return "nothing";
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([shape, n]) => `\n    ${n} × ${shape}`)
    .join("");
}

describeDrill("drill: PostgreSQL restarted during load", () => {
  beforeAll(async () => {
    cluster = await startCluster();
    const { url, database } = await migratedDatabase(cluster);
    db = database;
    server = await startServer({ env: { DATABASE_URL: url, ALLOW_TEST_PAYMENTS: "true" } });
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close().catch(() => undefined);
    await cluster?.destroy();
  });

  it("recovers by itself; no order lost or duplicated; every reserved unit accounted for", async () => {
    const prisma = db!.prisma;
    const products = [
      await upsertProduct(prisma, { stock: INITIAL_STOCK, priceFen: 26800 }),
      await upsertProduct(prisma, { stock: INITIAL_STOCK, priceFen: 4500 }),
    ];
    const baseUrl = server!.baseUrl;
    expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);

    let origin = performance.now();
    const clock = () => performance.now() - origin;
    const loadEnds = LOAD_MS;
    const giveUp = LOAD_MS + RETRY_GRACE_MS;

    /** What each checkout key ended as, from the buyers' side. */
    const answered = new Map<string, string>(); // key → token of the order it was sent to pay for
    const unresolved = new Set<string>();
    const keysSent = new Set<string>();
    const attempts: Attempt[] = [];
    const cartFailures: Attempt[] = [];
    const errorPages: string[] = [];

    /** One round of shopping: into the cart, then checkout, resubmitting the same form until it answers. */
    async function round(buyer: Buyer, productId: string) {
      // Into the cart; a failed add is simply tried again on the next round.
      try {
        const added = await buyer.post("/cart", { intent: "add", productId, quantity: "1" });
        await added.arrayBuffer();
        if (added.status !== 302) {
          cartFailures.push({ key: "", at: clock(), outcome: String(added.status) });
          await sleep(200);
          return;
        }
      } catch (error) {
        cartFailures.push({ key: "", at: clock(), outcome: (error as Error).name });
        await sleep(200);
        return;
      }
      const key = randomUUID();
      keysSent.add(key);
      unresolved.add(key);
      while (clock() < giveUp) {
        const at = clock();
        let outcome: string;
        try {
          const response = await buyer.post("/checkout", checkoutForm(key));
          const location = response.headers.get("Location") ?? "";
          const body = await response.text();
          if (response.status >= 500) errorPages.push(body);
          const paying = /^\/pay\/test\/([A-Za-z0-9_-]+)$/.exec(location);
          if (response.status === 302 && paying) {
            answered.set(key, paying[1]!);
            unresolved.delete(key);
            attempts.push({ key, at, outcome: "ok" });
            return;
          }
          outcome = `${response.status}${location ? ` → ${location}` : ""}`;
        } catch (error) {
          outcome = (error as Error).name === "TimeoutError" ? "timeout" : "connection error";
        }
        attempts.push({ key, at, outcome });
        if (outcome.includes("→ /cart")) {
          unresolved.delete(key); // an empty cart: nothing to order (should not happen here)
          return;
        }
        await sleep(250);
      }
    }

    async function buyerLoop(index: number) {
      const buyer = new Buyer(baseUrl, 10_000);
      while (clock() < loadEnds) await round(buyer, products[index % products.length]!.id);
    }

    // One round before the clock starts, so the first requests' warm-up is not counted as load.
    await round(new Buyer(baseUrl, 10_000), products[0]!.id);
    expect(answered.size).toBe(1);
    attempts.length = 0;
    origin = performance.now();

    // Health as a load balancer would see it, ten times a second.
    const health: { at: number; status: number }[] = [];
    let probing = true;
    const prober = (async () => {
      while (probing && clock() < giveUp) {
        const at = clock();
        let status = 0;
        try {
          const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(5_000) });
          status = response.status;
          await response.arrayBuffer();
        } catch {
          status = 0;
        }
        health.push({ at, status });
        await sleep(100);
      }
    })();

    let restartStarted = 0;
    let restartDone = 0;
    const restarter = (async () => {
      // Midway, once the buyers are actually buying (a busy machine may take a moment to get going).
      while (clock() < RESTART_AT_MS || (attempts.length < BUYERS && clock() < RESTART_LATEST_MS)) await sleep(50);
      restartStarted = clock();
      await cluster!.restart();
      restartDone = clock();
    })();

    await Promise.all([...Array.from({ length: BUYERS }, (_, i) => buyerLoop(i)), restarter]);
    // Keep probing a little if the server has not yet been seen healthy after the restart.
    const healthyAfter = () => health.find((h) => h.at >= restartDone && h.status === 200);
    while (!healthyAfter() && clock() < giveUp) await sleep(100);
    probing = false;
    await prober;

    // --- What the buyers saw ---
    const ok = attempts.filter((a) => a.outcome === "ok");
    const failed = attempts.filter((a) => a.outcome !== "ok");
    const failures = new Map<string, number>();
    for (const a of failed) failures.set(a.outcome, (failures.get(a.outcome) ?? 0) + 1);
    const firstOkAfter = ok.find((a) => a.at >= restartDone);
    const lastOkBefore = [...ok].reverse().find((a) => a.at < restartStarted);
    const firstHealthy = healthyAfter();
    const unhealthy = health.filter((h) => h.status !== 200);

    // --- What the database holds ---
    const orders = await prisma.order.findMany({
      select: {
        token: true,
        checkoutKey: true,
        status: true,
        holdsStock: true,
        totalFen: true,
        lines: { select: { productId: true, quantity: true, lineTotalFen: true } },
      },
    });
    const byToken = new Map(orders.map((o) => [o.token, o]));
    const keyCounts = new Map<string, number>();
    for (const o of orders) keyCounts.set(o.checkoutKey, (keyCounts.get(o.checkoutKey) ?? 0) + 1);
    const answeredTokens = new Set(answered.values());
    const unanswered = orders.filter((o) => !answeredTokens.has(o.token));
    const stock = new Map(
      (await prisma.product.findMany({ where: { id: { in: products.map((p) => p.id) } } })).map((p) => [p.id, p.stock]),
    );
    const held = new Map<string, number>(products.map((p) => [p.id, 0]));
    for (const o of orders)
      if (o.status === "PENDING" && o.holdsStock)
        for (const l of o.lines) held.set(l.productId, (held.get(l.productId) ?? 0) + l.quantity);

    console.log(
      [
        "drill postgres-restart:",
        `  ${BUYERS} buyers for ${LOAD_MS / 1000} s; pg_ctl restart -m fast at ${(restartStarted / 1000).toFixed(1)} s, PostgreSQL back after ${((restartDone - restartStarted) / 1000).toFixed(2)} s`,
        `  checkouts: ${keysSent.size} started, ${answered.size} succeeded (302 → /pay/test/…), ${unresolved.size} unresolved`,
        `  failed attempts during the outage: ${failed.length}${failures.size ? ` (${[...failures].map(([k, v]) => `${k}: ${v}`).join(", ")})` : ""}, all retried with the same checkout key`,
        `  add-to-cart failures: ${cartFailures.length}; the error page buyers got: ${errorPages.length ? `"${headline(errorPages[0]!)}"` : "none"}`,
        `  /healthz: ${unhealthy.length} of ${health.length} probes not 200; 200 again ${firstHealthy ? `${((firstHealthy.at - restartDone) / 1000).toFixed(2)} s` : "NEVER"} after PostgreSQL was back`,
        `  last checkout before the restart at ${lastOkBefore ? (lastOkBefore.at / 1000).toFixed(2) : "-"} s, first after at ${firstOkAfter ? (firstOkAfter.at / 1000).toFixed(2) : "NEVER"} s (${firstOkAfter ? ((firstOkAfter.at - restartDone) / 1000).toFixed(2) : "-"} s after PostgreSQL was back)`,
        `  database: ${orders.length} orders, ${unanswered.length} committed but never answered to a buyer, ${[...keyCounts.values()].filter((n) => n > 1).length} checkout keys twice`,
        `  checkouts succeeded per second: ${perSecond(ok).join(" ")}`,
        `  the server logged during the drill: ${logSummary(server!.output())}`,
        ...products.map(
          (p) =>
            `  product ${p.slug}: stock ${stock.get(p.id)} + held ${held.get(p.id)} = ${stock.get(p.id)! + held.get(p.id)!} (initial ${INITIAL_STOCK})`,
        ),
      ].join("\n"),
    );

    // The app recovered by itself: the same server process, healthy again soon, selling again.
    expect(server!.output()).not.toMatch(/cannot start|Uncaught|unhandled/i);
    expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
    expect(firstHealthy, "healthz 200 after PostgreSQL came back").toBeDefined();
    expect(firstHealthy!.at - restartDone).toBeLessThan(RECOVERY_LIMIT_MS);
    expect(firstOkAfter, "a checkout succeeded after the restart").toBeDefined();
    expect(ok.length).toBeGreaterThan(BUYERS);

    // What a buyer saw while the database was away: an error page, with no stack trace or SQL in it.
    for (const page of errorPages)
      expect(page).not.toMatch(/prisma|DriverAdapter|SELECT |INSERT |at async|node_modules/i);

    // No order lost: every checkout a buyer saw succeed is in the database exactly once, under its key.
    expect(unresolved.size, "every checkout a buyer started ended in an order").toBe(0);
    for (const [key, token] of answered) {
      const order = byToken.get(token);
      expect(order, `order ${token}`).toBeDefined();
      expect(order!.checkoutKey).toBe(key);
    }
    // No order duplicated: one order per checkout key, and only for keys a buyer sent.
    expect([...keyCounts].filter(([, n]) => n > 1)).toEqual([]);
    expect(orders.filter((o) => !keysSent.has(o.checkoutKey))).toEqual([]);
    expect(orders.length).toBe(answered.size + unanswered.length);
    // Every order answered to a buyer, or at least holding a consistent reservation.
    for (const o of unanswered) expect(o).toMatchObject({ status: "PENDING", holdsStock: true });
    for (const o of orders) {
      expect(o.status).toBe("PENDING");
      expect(o.lines.length).toBeGreaterThan(0);
      expect(o.lines.reduce((sum, l) => sum + l.lineTotalFen, 0)).toBe(o.totalFen);
    }
    // Stock plus the units held by pending orders is what there was.
    for (const p of products) expect(stock.get(p.id)! + held.get(p.id)!).toBe(INITIAL_STOCK);
  });
});
