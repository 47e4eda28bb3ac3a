/**
 * Drill: the server is killed (SIGKILL) while Stripe's checkout.session.completed is being
 * delivered, then started again, and Stripe delivers the event again (as it does until it gets a
 * 2xx). Whatever moment the kill hit (before the request was read, inside the payment's
 * transaction, after its commit but before the answer), the end state must be that of one clean
 * delivery: the order paid once, one PaymentEvent for the event id, its ledger entries written
 * once, the ledger reconciling, the stock taken once.
 *
 * The orders are made through the real checkout over HTTP against a fake Stripe on loopback, so
 * each has a Checkout Session made by the real SDK; the events are signed as Stripe signs them.
 */
import { randomUUID } from "node:crypto";
import { request as httpRequest } from "node:http";
import pg from "pg";
import type Stripe from "stripe";
import { afterAll, beforeAll, expect, it } from "vitest";
import { upsertCooperative, upsertOrganisation, upsertPartnership, upsertProduct } from "../../prisma/factories";
import { verifyLedger } from "~/ledger/ledger.server";
import type { Database } from "~/utils/db.server";
import {
  signatureFor,
  startFakeStripe,
  TEST_STRIPE_SECRET_KEY,
  TEST_STRIPE_WEBHOOK_SECRET,
  type FakeStripe,
} from "../support/fake-stripe";
import { freePort, startCluster, type Cluster } from "./support/cluster";
import { migratedDatabase } from "./support/database";
import { Buyer, checkoutForm, describeDrill, sleep, startServer, type AppServer } from "./support/server";

const STOCK = 20;
const QUANTITY = 2;
const PRICE_FEN = 5000;
/**
 * When the SIGKILL lands after the request was written, as fractions of how long one clean
 * delivery takes on a server in the same state (just started, warmed up, one checkout served).
 */
const KILL_AT_FRACTIONS = [0, 0.25, 0.5, 0.75, 1, 1.5];

let cluster: Cluster | undefined;
let db: Database | undefined;
let fake: FakeStripe | undefined;
let server: AppServer | undefined;
let appEnv: Record<string, string> = {};
let appPort = 0;
let url = "";

/** A pending Stripe order, checked out over HTTP, on a product of its own (paired with two organisations). */
async function pendingOrder(cooperativeId: string) {
  const prisma = db!.prisma;
  const product = await upsertProduct(prisma, { cooperativeId, stock: STOCK, priceFen: PRICE_FEN });
  const buyer = new Buyer(server!.baseUrl);
  expect((await buyer.post("/cart", { intent: "add", productId: product.id, quantity: String(QUANTITY) })).status).toBe(
    302,
  );
  const key = randomUUID();
  const checkout = await buyer.post("/checkout", checkoutForm(key));
  const location = checkout.headers.get("Location") ?? "";
  expect(checkout.status).toBe(302);
  expect(location).toMatch(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_/);
  const order = await prisma.order.findUniqueOrThrow({ where: { checkoutKey: key } });
  expect(order).toMatchObject({ status: "PENDING", holdsStock: true, paymentProvider: "stripe" });
  expect(location).toContain(order.paymentReference!);
  return { product, order, sessionId: order.paymentReference! };
}

async function stateOf(orderId: string, productId: string, eventId: string) {
  const prisma = db!.prisma;
  const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId } });
  const entries = await prisma.ledgerEntry.findMany({ where: { orderId }, select: { target: true, amountFen: true } });
  return {
    status: order.status,
    holdsStock: order.holdsStock,
    paid: order.paidAt !== null,
    stockTaken: STOCK - (await prisma.product.findUniqueOrThrow({ where: { id: productId } })).stock,
    eventsForId: await prisma.paymentEvent.count({ where: { provider: "stripe", eventId } }),
    eventsForOrder: await prisma.paymentEvent.count({ where: { orderId } }),
    ledgerEntries: entries.length,
    cooperativeFen: entries.filter((e) => e.target === "COOPERATIVE").reduce((s, e) => s + e.amountFen, 0),
  };
}

/**
 * Posts the signed event with a raw HTTP request and SIGKILLs the server `delayMs` after the
 * request has been written, or as soon as `when` resolves.
 */
async function deliverAndKill(
  event: Stripe.Event,
  kill: { delayMs: number } | { when: () => Promise<void> },
): Promise<string> {
  const target = server!; // the timer below must never hit the server started after this one
  let timer: NodeJS.Timeout | undefined;
  const payload = JSON.stringify(event, null, 2);
  const answer = new Promise<string>((resolve) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port: appPort,
        path: "/webhooks/stripe",
        method: "POST",
        agent: false,
        headers: {
          "Content-Type": "application/json; charset=utf-8",
          "Content-Length": Buffer.byteLength(payload),
          "Stripe-Signature": signatureFor(payload),
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(`answered ${res.statusCode}`));
        res.on("error", () => resolve(`cut off after ${res.statusCode}`));
      },
    );
    req.on("error", (error: NodeJS.ErrnoException) => resolve(`no answer (${error.code ?? error.message})`));
    req.setTimeout(15_000, () => req.destroy(new Error("timeout")));
    req.on("finish", () => {
      if ("delayMs" in kill) timer = setTimeout(() => void target.kill(), kill.delayMs);
    });
    req.end(payload);
  });
  if ("when" in kill) {
    await kill.when();
    await target.kill();
  }
  const seen = await answer;
  clearTimeout(timer);
  await target.kill(); // in case the answer came before the kill
  return seen;
}

/** Stripe's retry: the same event, signed afresh, until it is acknowledged. */
async function redeliver(event: Stripe.Event): Promise<Record<string, unknown>> {
  const payload = JSON.stringify(event, null, 2);
  const response = await fetch(`${server!.baseUrl}/webhooks/stripe`, {
    method: "POST",
    body: payload,
    headers: { "Content-Type": "application/json; charset=utf-8", "Stripe-Signature": signatureFor(payload) },
    signal: AbortSignal.timeout(15_000),
  });
  const body = (await response.json()) as Record<string, unknown>;
  expect(response.status, JSON.stringify(body)).toBe(200);
  return body;
}

type Scenario = { name: string } & ({ kind: "locked" } | { kind: "committed" } | { kind: "delay"; delayMs: number });

/** Polls `check` every few milliseconds until it holds (10 s at most). */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}:\n${server!.output()}`);
    await sleep(2);
  }
}

async function eventRecorded(eventId: string): Promise<boolean> {
  const { rows } = await db!.sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "PaymentEvent" WHERE "provider" = 'stripe' AND "eventId" = $1`,
    [eventId],
  );
  return rows[0]!.n > 0;
}

/** A fresh server's first webhook is slow (code loads, connections open): warm the path with an ignored event. */
async function warmUp(): Promise<void> {
  expect((await fetch(`${server!.baseUrl}/healthz`)).status).toBe(200);
  await redeliver(fake!.event("customer.created", { id: `cus_${randomUUID()}`, object: "customer", metadata: {} }));
}

/**
 * Holds the order's row lock from another connection, so the webhook's payment transaction is
 * certainly open (waiting on it) when the SIGKILL lands; then lets go.
 */
async function killWhileLocked(orderId: string, event: Stripe.Event): Promise<string> {
  const locker = new pg.Client({ connectionString: url });
  await locker.connect();
  try {
    await locker.query("BEGIN");
    await locker.query(`SELECT 1 FROM "Order" WHERE "id" = $1 FOR UPDATE`, [orderId]);
    return await deliverAndKill(event, {
      when: () =>
        until(async () => {
          // Asked outside the locker's transaction, whose view of pg_stat_activity is frozen.
          const { rows } = await db!.sql.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity
             WHERE wait_event_type = 'Lock' AND query ILIKE '%FROM "Order"%FOR UPDATE%'`,
          );
          return rows[0]!.n > 0;
        }, "the webhook to wait on the order's row lock"),
    });
  } finally {
    await locker.query("ROLLBACK").catch(() => undefined);
    await locker.end();
  }
}

describeDrill("drill: the server killed during a webhook, then the webhook replayed", () => {
  beforeAll(async () => {
    fake = await startFakeStripe();
    cluster = await startCluster();
    ({ url, database: db } = await migratedDatabase(cluster));
    appPort = await freePort();
    appEnv = {
      DATABASE_URL: url,
      STRIPE_SECRET_KEY: TEST_STRIPE_SECRET_KEY,
      STRIPE_WEBHOOK_SECRET: TEST_STRIPE_WEBHOOK_SECRET,
      STRIPE_API_HOST: "127.0.0.1",
      STRIPE_API_PORT: String(fake.port),
      STRIPE_API_PROTOCOL: "http",
    };
    server = await startServer({ env: appEnv, port: appPort });
  });

  afterAll(async () => {
    await server?.stop();
    await fake?.close();
    await db?.close().catch(() => undefined);
    await cluster?.destroy();
  });

  it("ends every time in the state of one clean delivery", async () => {
    const prisma = db!.prisma;
    const cooperative = await upsertCooperative(prisma);
    for (const weight of [2, 1]) {
      const organisation = await upsertOrganisation(prisma);
      await upsertPartnership(prisma, { organisationId: organisation.id, cooperativeId: cooperative.id, weight });
    }

    // The reference: one clean delivery, and Stripe's duplicate of it.
    await warmUp();
    const clean = await pendingOrder(cooperative.id);
    const cleanEvent = fake!.event("checkout.session.completed", fake!.pay(clean.sessionId));
    const cleanStarted = performance.now();
    expect(await redeliver(cleanEvent)).toMatchObject({ received: true, changed: true, status: "PAID" });
    const cleanMs = performance.now() - cleanStarted;
    expect(await redeliver(cleanEvent)).toMatchObject({ received: true, changed: false });
    const reference = await stateOf(clean.order.id, clean.product.id, cleanEvent.id);
    expect(reference).toMatchObject({
      status: "PAID",
      holdsStock: false,
      paid: true,
      stockTaken: QUANTITY,
      eventsForId: 1,
      eventsForOrder: 1,
      cooperativeFen: QUANTITY * PRICE_FEN,
    });
    expect(reference.ledgerEntries).toBe(3 + 2); // cooperative, county, region + two assisting organisations

    const rows: string[] = [];
    const tally = { appliedByReplay: 0, appliedBeforeKill: 0 };
    const scenarios: Scenario[] = [
      { name: "inside the payment transaction (waiting on the order's row lock)", kind: "locked" },
      { name: "right after the payment committed (its PaymentEvent row visible)", kind: "committed" },
      ...KILL_AT_FRACTIONS.map((fraction) => ({
        name: `${Math.round(fraction * cleanMs)} ms (${fraction} × a clean delivery) after the request was written`,
        kind: "delay" as const,
        delayMs: Math.round(fraction * cleanMs),
      })),
    ];
    for (const scenario of scenarios) {
      await warmUp();
      const { product, order, sessionId } = await pendingOrder(cooperative.id);
      const event = fake!.event("checkout.session.completed", fake!.pay(sessionId));

      let seen: string;
      if (scenario.kind === "locked") {
        seen = await killWhileLocked(order.id, event);
        // Killed mid-transaction: nothing of it may have been committed.
        expect(await stateOf(order.id, product.id, event.id)).toMatchObject({
          status: "PENDING",
          holdsStock: true,
          eventsForId: 0,
          ledgerEntries: 0,
          stockTaken: QUANTITY,
        });
      } else if (scenario.kind === "committed") {
        seen = await deliverAndKill(event, {
          when: () => until(() => eventRecorded(event.id), "the payment's commit"),
        });
        // Committed before the kill: the replay must find it done, not do it again.
        expect(await stateOf(order.id, product.id, event.id)).toEqual(reference);
      } else {
        seen = await deliverAndKill(event, { delayMs: scenario.delayMs });
      }
      const afterKill = await stateOf(order.id, product.id, event.id);

      // Started again; Stripe retries (twice: a retry can itself be duplicated).
      const restartStarted = performance.now();
      server = await startServer({ env: appEnv, port: appPort });
      const restartMs = performance.now() - restartStarted;
      const first = await redeliver(event);
      const second = await redeliver(event);
      expect(second).toMatchObject({ received: true, changed: false });
      const final = await stateOf(order.id, product.id, event.id);
      if (first.changed) tally.appliedByReplay++;
      else tally.appliedBeforeKill++;
      rows.push(
        `  killed ${scenario.name}: the delivery got ${seen}; after the kill ${afterKill.status}, ${afterKill.eventsForId} event, ${afterKill.ledgerEntries} entries; ` +
          `restarted in ${restartMs.toFixed(0)} ms; the replay ${first.changed ? "applied it" : "found it already applied"} → ${final.status}, ${final.eventsForId} event, ${final.ledgerEntries} entries`,
      );
      expect(final, scenario.name).toEqual(reference);
    }

    const ledger = await verifyLedger(prisma);
    const stocks = await prisma.product.findMany({
      where: { cooperativeId: cooperative.id },
      select: { stock: true },
    });
    console.log(
      [
        "drill webhook-kill:",
        `  ${scenarios.length} kills: ${tally.appliedByReplay} before the payment committed (the replay applied it), ${tally.appliedBeforeKill} after (the replay found it done)`,
        `  clean delivery (${cleanMs.toFixed(0)} ms): ${reference.status}, ${reference.eventsForId} PaymentEvent, ${reference.ledgerEntries} ledger entries, ${reference.cooperativeFen} fen to the cooperative, ${reference.stockTaken} units taken`,
        ...rows,
        `  verifyLedger: ${ledger.orders} paid orders, ${ledger.moneyFen} fen received, ${ledger.ledgerFen} fen in the ledger, ${ledger.mismatches.length} mismatches`,
      ].join("\n"),
    );
    expect(ledger.mismatches).toEqual([]);
    expect(ledger.orders).toBe(scenarios.length + 1);
    expect(ledger.moneyFen).toBe((scenarios.length + 1) * QUANTITY * PRICE_FEN);
    expect(ledger.ledgerFen).toBe(ledger.moneyFen);
    expect(stocks.every((p) => p.stock === STOCK - QUANTITY)).toBe(true);
    expect(await prisma.paymentEvent.count()).toBe(scenarios.length + 1);
  });
});
