/**
 * Drill: the production server gets SIGTERM while a checkout is in flight (held on a row lock in
 * PostgreSQL, as under a rush). It must turn not-ready at once, answer new requests 503, let the
 * checkout finish (the buyer gets their order), then exit by itself.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { upsertProduct } from "../../prisma/factories";
import { openPostgres, type Database } from "~/utils/db.server";
import { applyMigrations } from "~/utils/migrations.server";
import { Buyer, checkoutForm, describeDrill, sleep, startServer, type AppServer } from "./support/server";

// A database of its own on the machine's PostgreSQL (the drill restarts nothing but the app).
const ADMIN_URL = process.env.DRILL_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
// This worktree's port range (3270-3279) for the app under test.
const APP_PORT = Number(process.env.DRILL_DRAIN_PORT ?? 3275);
const dbName = `fair_drain_${process.pid}_${randomUUID().slice(0, 6)}`;
let db: Database | undefined;
let url = "";
let server: AppServer | undefined;

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(sql);
  await client.end();
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describeDrill("drill: graceful stop", () => {
  beforeAll(async () => {
    await admin(`CREATE DATABASE "${dbName}"`);
    const u = new URL(ADMIN_URL);
    u.pathname = `/${dbName}`;
    url = u.toString();
    db = await openPostgres(url, 2);
    await applyMigrations(db.sql);
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close().catch(() => undefined);
    await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  });

  it("SIGTERM: not ready, new requests 503, the checkout in flight completes, then the process exits", async () => {
    server = await startServer({ env: { DATABASE_URL: url, DRAIN_TIMEOUT_MS: "20000", ALLOW_TEST_PAYMENTS: "true" }, port: APP_PORT });
    expect((await fetch(`${server.baseUrl}/readyz`)).status).toBe(200);
    const product = await upsertProduct(db!.prisma, { stock: 5, priceFen: 36800 });
    const buyer = new Buyer(server.baseUrl, 60_000);
    expect((await buyer.post("/cart", { intent: "add", productId: product.id, quantity: "1" })).status).toBe(302);

    // Hold the product's row so the checkout waits inside its transaction.
    const locker = new pg.Client({ connectionString: url });
    await locker.connect();
    await locker.query("BEGIN");
    await locker.query(`SELECT 1 FROM "Product" WHERE "id" = $1 FOR UPDATE`, [product.id]);
    const inFlight = buyer.post("/checkout", checkoutForm(randomUUID()));
    for (let waited = 0; ; waited += 50) {
      const { rows } = await locker.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'`,
        [dbName],
      );
      if (rows[0]!.n > 0) break;
      if (waited > 20_000) throw new Error("the checkout never reached the locked row");
      await sleep(50);
    }

    process.kill(server.pid, "SIGTERM");
    await sleep(300);
    const ready = await fetch(`${server.baseUrl}/readyz`);
    expect(ready.status).toBe(503);
    const page = await fetch(`${server.baseUrl}/`);
    expect(page.status).toBe(503);
    expect(page.headers.get("Retry-After")).toBeTruthy();
    expect(alive(server.pid)).toBe(true); // still waiting for the checkout

    await locker.query("COMMIT");
    await locker.end();
    const checkout = await inFlight;
    expect(checkout.status).toBe(302);
    expect(checkout.headers.get("Location")).toMatch(/^\/pay\/test\//);
    expect(await db!.prisma.order.count({ where: { lines: { some: { productId: product.id } } } })).toBe(1);

    for (let waited = 0; alive(server.pid); waited += 50) {
      if (waited > 10_000) throw new Error("the server did not exit after draining");
      await sleep(50);
    }
    const log = server
      .output()
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as { msg?: string; route?: string; status?: number });
    expect(log.some((l) => l.msg?.startsWith("draining"))).toBe(true);
    expect(log.some((l) => l.msg === "drained, exiting")).toBe(true);
    expect(log.some((l) => l.route === "routes/($lang).checkout" && l.status === 302)).toBe(true);
  });
});
