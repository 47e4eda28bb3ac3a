/**
 * The fair wall's cost with 200 screens connected to one server (issue 16): how many database
 * queries a tick costs (counted by PostgreSQL itself, pg_stat_database transactions, and by the
 * app's fair_live_queries_total), how fast a sale reaches every screen, and the server's CPU and
 * memory. Run alone with `npm run bench:live`, or as part of `npm run bench`.
 *
 * A database of its own (fair_bench_live, dropped at the end) with the demo fair; the production
 * build served by server.mjs on 127.0.0.1:3276 (BENCH_LIVE_PORT), metrics on 3277.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import pg from "pg";
import { seedDemoFair } from "../../prisma/seed-demo";
import { openPostgres } from "../../app/utils/db.server";
import { applyMigrations } from "../../app/utils/migrations.server";
import { ADMIN_URL } from "./databases";
import { serverNodeFlags } from "./processes";

// Overridable so two runs on one machine (several worktrees) do not drop each other's database.
const DB = process.env.BENCH_LIVE_DB ?? "fair_bench_live";
const PORT = Number(process.env.BENCH_LIVE_PORT ?? 3276);
const METRICS_PORT = PORT + 1;
const SCREENS = 200;
const TICK_MS = 2000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface LiveWallResult {
  screens: number;
  tickMs: number;
  idle: { seconds: number; ticks: number; dbTransactions: number; perTick: number };
  sales: { count: number; deliveredToAllMs: { p50: number; max: number }; eventsPerScreen: number };
  serverCpuPercent: number;
  serverRssMb: number;
}

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

const dbUrl = () => {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DB}`;
  return url.toString();
};

/** Transactions PostgreSQL has counted for the bench database (each autocommit statement is one). */
async function transactions(): Promise<number> {
  const { rows } = await admin(
    `SELECT (xact_commit + xact_rollback)::bigint AS n FROM pg_stat_database WHERE datname = '${DB}'`,
  );
  return Number(rows[0].n);
}

async function liveQueries(): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${METRICS_PORT}/metrics`)).text();
  const line = text.split("\n").find((l) => l.startsWith('fair_live_queries_total{view="wall"}'));
  return line ? Number(line.split(" ").pop()) : 0;
}

function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return Number(match?.[1] ?? 0) / 1024;
}

/** One screen: an open event stream, and the time each order count it was sent first arrived. */
function screen(agent: http.Agent) {
  const seen = new Map<number, number>();
  let events = 0;
  const request = http.get({ host: "127.0.0.1", port: PORT, path: "/live/events", agent }, (response) => {
    let buffer = "";
    response.setEncoding("utf8");
    response.on("data", (chunk: string) => {
      buffer += chunk;
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (!message.startsWith("data: ")) continue;
        events++;
        const orders = (JSON.parse(message.slice(6)) as { orders: number }).orders;
        if (!seen.has(orders)) seen.set(orders, performance.now());
      }
    });
  });
  request.on("error", () => undefined);
  return { seen, events: () => events, close: () => request.destroy() };
}

/** One purchase over HTTP (cart, checkout, test payment); resolves when the payment is applied. */
async function buy(productId: string): Promise<number> {
  const cookies = new Map<string, string>();
  const call = async (path: string, form?: Record<string, string>) => {
    const response = await fetch(`http://127.0.0.1:${PORT}${path}`, {
      method: form ? "POST" : "GET",
      body: form ? new URLSearchParams(form) : undefined,
      headers: {
        ...(form ? { "Content-Type": "application/x-www-form-urlencoded" } : {}),
        Cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; "),
      },
      redirect: "manual",
    });
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(";");
      cookies.set(pair!.slice(0, pair!.indexOf("=")), pair!.slice(pair!.indexOf("=") + 1));
    }
    await response.arrayBuffer();
    return response;
  };
  await call("/cart", { intent: "add", productId, quantity: "1" });
  const checkout = await call("/checkout", {
    checkoutKey: crypto.randomUUID(),
    contactName: "压测",
    contactPhone: "13800001111",
    fulfilment: "BOOTH_PICKUP",
  });
  const payPage = checkout.headers.get("Location")!;
  await call(payPage, { intent: "confirm" });
  return performance.now();
}

export async function liveWallBench(log: (message: string) => void = console.log): Promise<LiveWallResult> {
  await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${DB}`);
  const db = await openPostgres(dbUrl(), 2);
  let server: ChildProcess | undefined;
  const screens: ReturnType<typeof screen>[] = [];
  try {
    await applyMigrations(db.sql);
    await seedDemoFair(db.prisma);
    const product = await db.prisma.product.findFirstOrThrow({ where: { status: "LISTED", stock: { gte: 100 } } });
    await db.prisma.product.update({ where: { id: product.id }, data: { stock: 100_000 } });

    server = spawn(process.execPath, [...(await serverNodeFlags(process.cwd())), "server.mjs"], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: "production",
        HOST: "127.0.0.1",
        PORT: String(PORT),
        METRICS_PORT: String(METRICS_PORT),
        DATABASE_URL: dbUrl(),
        SESSION_SECRET: "bench-only-session-secret-0123456789abcdef",
        ALLOW_TEST_PAYMENTS: "true",
        RATE_LIMITS: "off",
        LIVE_TICK_MS: String(TICK_MS),
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    for (let i = 0; ; i++) {
      if (i > 300) throw new Error("the server did not get ready in 60 s");
      const ready = await fetch(`http://127.0.0.1:${PORT}/readyz`).catch(() => undefined);
      if (ready?.status === 200) break;
      await sleep(200);
    }

    const agent = new http.Agent({ keepAlive: true, maxSockets: SCREENS + 10 });
    for (let i = 0; i < SCREENS; i++) screens.push(screen(agent));
    await sleep(3 * TICK_MS);
    log(`live wall: ${SCREENS} screens connected`);

    // Idle fair: only the ticker reads. PostgreSQL's own count of transactions over 10 ticks.
    const idleSeconds = 10 * (TICK_MS / 1000);
    const [tx0, q0, cpu0, t0] = [await transactions(), await liveQueries(), cpuTicks(server.pid!), performance.now()];
    await sleep(idleSeconds * 1000);
    const [tx1, q1, cpu1, t1] = [await transactions(), await liveQueries(), cpuTicks(server.pid!), performance.now()];
    // The two reads of pg_stat_database are themselves transactions in another database: not counted.
    const ticks = q1 - q0;
    const dbTransactions = tx1 - tx0;
    const cpuPercent = ((cpu1 - cpu0) / 100 / ((t1 - t0) / 1000)) * 100;

    // Sales: how long until every screen shows the new order count.
    const latencies: number[] = [];
    const SALES = 5;
    for (let i = 0; i < SALES; i++) {
      const before = Math.max(...screens.map((s) => Math.max(0, ...s.seen.keys())));
      const paidAt = await buy(product.id);
      const deadline = performance.now() + 4 * TICK_MS + 5000;
      while (screens.some((s) => !s.seen.has(before + 1)) && performance.now() < deadline) await sleep(20);
      const arrivals = screens.map((s) => s.seen.get(before + 1) ?? Number.POSITIVE_INFINITY);
      latencies.push(Math.max(...arrivals) - paidAt);
      await sleep(500);
    }
    latencies.sort((a, b) => a - b);
    const result: LiveWallResult = {
      screens: SCREENS,
      tickMs: TICK_MS,
      idle: { seconds: idleSeconds, ticks, dbTransactions, perTick: ticks ? dbTransactions / ticks : NaN },
      sales: {
        count: SALES,
        deliveredToAllMs: { p50: latencies[Math.floor(SALES / 2)]!, max: latencies[SALES - 1]! },
        eventsPerScreen: screens.reduce((sum, s) => sum + s.events(), 0) / SCREENS,
      },
      serverCpuPercent: cpuPercent,
      serverRssMb: rssMb(server.pid!),
    };
    return result;
  } finally {
    for (const s of screens) s.close();
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((resolve) => server!.once("exit", resolve));
    }
    await db.close();
    await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  }
}

export function liveWallReport(r: LiveWallResult): string {
  return [
    `Fair wall (/live): ${r.screens} screens on one server, a tick every ${r.tickMs / 1000} s`,
    `  idle fair, ${r.idle.seconds} s: ${r.idle.ticks} ticks, ${r.idle.dbTransactions} database transactions counted by PostgreSQL ` +
      `= ${r.idle.perTick.toFixed(2)} per tick (one query for all ${r.screens} screens; one per screen would be ${r.screens})`,
    `  a sale reaches all ${r.screens} screens in p50 ${r.sales.deliveredToAllMs.p50.toFixed(0)} ms, max ${r.sales.deliveredToAllMs.max.toFixed(0)} ms ` +
      `(${r.sales.count} sales over HTTP; events per screen ${r.sales.eventsPerScreen.toFixed(1)})`,
    `  server while idle with ${r.screens} screens: CPU ${r.serverCpuPercent.toFixed(1)} % of one core, RSS ${r.serverRssMb.toFixed(0)} MiB`,
  ].join("\n");
}

if (process.argv[1]?.endsWith("live-wall.ts")) {
  liveWallBench((m) => console.log(m))
    .then((result) => {
      console.log(liveWallReport(result));
      if (process.argv.includes("--json")) console.log(JSON.stringify(result));
    })
    .catch((error: Error) => {
      console.error(`live wall bench failed: ${error.stack ?? error.message}`);
      process.exit(1);
    });
}
