/**
 * `npm run bench:compare`: the same pages served by two builds in one run, on one database, in
 * alternating rounds, so that "before" and "after" are measured under the same load from other
 * programs. Each build's pages are also given as a ratio to its own fixed Remix route and, for
 * search, to its own product page (the ratios issue 12's targets are written in).
 *
 *   npm run bench:compare -- --before=/tmp/before-checkout --pages=fixed,category,search,home,product
 *   npm run bench:compare -- --before=/tmp/before-checkout --only=pglite --duration=6 --rounds=2
 *   npm run bench:compare -- --before=… --pages=home --connections=100
 *   npm run bench:compare -- --before=/tmp/a --after=/tmp/b     # two built checkouts, the tree unused
 *
 * `--before` is a checkout that is already built (`npm run build` there) and has its own
 * node_modules (a link is fine): its server runs from it as it is. The current working tree is
 * the "after" (built if stale, and staged like `npm run bench` does). The database is made with
 * the after build's migrations: a before build must not need a column they drop. Every loop is
 * bounded.
 */
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  BENCH_DB,
  benchDatabaseUrl,
  dropPglite,
  dropPostgres,
  openBench,
  PGLITE_DIR,
  prepare,
  type EngineName,
} from "./databases";
import { DEFAULT_SIZE } from "./fair-data";
import { runLoad, type LoadResult } from "./load";
import { backendsOf, cpuMeter, startNode, waitIdle, type Server } from "./processes";
import { stageApp, unstage } from "./stage";
import { fixed, table } from "./table";

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, "").split("=");
    return [k!, v ?? "1"];
  }),
);
const ENGINE = (args.only ?? "postgresql") as EngineName;
const BEFORE = args.before ? path.resolve(String(args.before)) : undefined;
/** Another built checkout as the "after" instead of the working tree (e.g. the same build with other node_modules). */
const AFTER = args.after ? path.resolve(String(args.after)) : undefined;
const PAGES = String(args.pages ?? "fixed,product,category,search,home").split(",");
const DURATION = Number(args.duration ?? 8);
const CONNECTIONS = Number(args.connections ?? 10);
const ROUNDS = Number(args.rounds ?? 2);
const COMPRESSION = String(args.compression ?? "node");
const REUSE_DB = args["reuse-db"] === "1";
const KEEP_DB = args["keep-db"] === "1";

/** The run's scheduling priority, as in `npm run bench` (--nice=0 leaves it alone). */
const NICE = Number(args.nice ?? -10);

const log = (m: string) => console.log(`[compare] ${m}`);

/** Raises the priority of a process of the run (never lowers anyone else's). */
function prioritise(pid: number) {
  if (NICE === 0) return;
  try {
    if (os.getPriority(pid) > NICE) os.setPriority(pid, NICE);
  } catch {
    // not allowed (not root) or gone: the figures say how busy the machine was
  }
}

/** Between autogroup sessions it is the session's nice that counts (see run.ts). */
function prioritiseSession() {
  if (NICE === 0) return;
  try {
    writeFileSync("/proc/self/autogroup", String(NICE));
  } catch {
    // no autogroup scheduling here, or not allowed
  }
}

async function pickPaths(engine: EngineName): Promise<Record<string, string[]>> {
  const db = await openBench(engine);
  try {
    const products = await db.sql.query<{ slug: string }>(
      `SELECT "slug" FROM "Product" WHERE "status" = 'LISTED' AND "stock" > 0 ORDER BY md5("id") LIMIT 32`,
    );
    const [category] = (
      await db.sql.query<{ slug: string }>(
        `SELECT g."slug" FROM "Category" g JOIN "Product" p ON p."categoryId" = g."id" AND p."status" = 'LISTED'
         GROUP BY g."slug" ORDER BY count(*) DESC, g."slug" LIMIT 1`,
      )
    ).rows;
    return {
      home: ["/"],
      category: [`/categories/${category!.slug}`],
      product: products.rows.map((r) => `/products/${r.slug}`),
      search: [`/search?q=${encodeURIComponent("茶")}`],
      fixed: ["/bench/fixed"],
    };
  } finally {
    await db.close();
  }
}

function startApp(label: string, cwd: string): Promise<Server> {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const key of Object.keys(env))
    if (/^(STRIPE_|DATABASE_URL|PGLITE_DATA_DIR|RATE_LIMITS)/.test(key)) delete env[key];
  return startNode(
    label,
    "server.mjs",
    {
      ...env,
      NODE_ENV: "production",
      BENCH_ROUTES: "1",
      SEED_DEMO: "never",
      SESSION_SECRET: "bench-only-session-secret-0123456789abcdef",
      TRUST_PROXY: "loopback",
      COMPRESSION,
      ...(ENGINE === "postgresql" ? { DATABASE_URL: benchDatabaseUrl() } : { PGLITE_DATA_DIR: PGLITE_DIR }),
    },
    { cwd, readyPath: "/healthz", timeoutMs: 120_000 },
  );
}

interface Measure extends LoadResult {
  cpuMsPerResponse: number;
  otherCores: number;
}

async function main() {
  if (!BEFORE) throw new Error("--before=<a built checkout> is required");
  prioritiseSession();
  prioritise(process.pid);
  const afterDir = AFTER ?? (await stageApp(log));
  if (!REUSE_DB) {
    log(`${ENGINE}: making the fair…`);
    await prepare(ENGINE, DEFAULT_SIZE, path.join(afterDir, "prisma/migrations"));
  }
  const paths = await pickPaths(ENGINE);
  const builds: { name: string; dir: string }[] = [
    { name: "before", dir: BEFORE },
    { name: "after", dir: afterDir },
  ];
  // PGlite's data folder can be open in one process only: one server at a time there.
  const together = ENGINE === "postgresql";
  const servers = new Map<string, Server>();
  const results = new Map<string, Measure[]>();
  const loadAverages: number[] = [];
  try {
    const serve = async (name: string, dir: string) => {
      let server = servers.get(name);
      if (!server) {
        if (!together)
          for (const [other, running] of servers) {
            if (other === name) continue;
            await running.stop();
            servers.delete(other);
          }
        server = await startApp(`app (${name})`, dir);
        prioritise(server.pid);
        servers.set(name, server);
        for (const page of PAGES)
          for (const p of paths[page]!.slice(0, 4))
            for (let i = 0; i < 3; i++) await (await fetch(server.baseUrl + p)).arrayBuffer();
      }
      return server;
    };
    for (let round = 1; round <= ROUNDS; round++) {
      // Alternate which build goes first, so neither always follows the other.
      const order = round % 2 === 1 ? builds : [...builds].reverse();
      // Page by page, both builds in turn; on PGlite (one server at a time) build by build, so a
      // server is started twice per round rather than once per page.
      const steps = together
        ? PAGES.flatMap((page) => order.map((build) => ({ page, build })))
        : order.flatMap((build) => PAGES.map((page) => ({ page, build })));
      for (const { page, build } of steps) {
        {
          const server = await serve(build.name, build.dir);
          const pids = () => {
            const all = [server.pid, ...(ENGINE === "postgresql" ? backendsOf(BENCH_DB) : [])];
            all.forEach(prioritise);
            return all;
          };
          await waitIdle(pids, `${server.baseUrl}/healthz`, 60_000);
          const meter = cpuMeter(pids);
          const result = await runLoad({
            baseUrl: server.baseUrl,
            paths: paths[page]!,
            connections: CONNECTIONS,
            durationSeconds: DURATION,
            pid: server.pid,
            spreadAddresses: true,
          });
          const use = meter.stop();
          loadAverages.push(os.loadavg()[0]!);
          const m: Measure = {
            ...result,
            cpuMsPerResponse: (use.ours * DURATION * 1000) / Math.max(1, result.requests),
            otherCores: use.others,
          };
          const key = `${page}|${build.name}`;
          results.set(key, [...(results.get(key) ?? []), m]);
          log(
            `round ${round} ${page.padEnd(8)} ${build.name.padEnd(6)} ${fixed(m.rps, 1).padStart(7)} req/s  p99 ${m.p99} ms  ` +
              `${fixed(m.cpuMsPerResponse, 1)} CPU ms/resp  non-2xx ${m.non2xx}  errors ${m.errors + m.timeouts}  others ${fixed(m.otherCores, 2)} cores`,
          );
        }
      }
    }
  } finally {
    for (const s of servers.values()) await s.stop();
    if (!KEEP_DB) await (ENGINE === "postgresql" ? dropPostgres() : dropPglite());
    if (!AFTER) await unstage();
  }

  const mean = (page: string, build: string, pick: (m: Measure) => number) => {
    const ms = results.get(`${page}|${build}`) ?? [];
    return ms.length ? ms.reduce((a, m) => a + pick(m), 0) / ms.length : NaN;
  };
  const rps = (page: string, build: string) => mean(page, build, (m) => m.rps);
  const ratio = (page: string, build: string) => {
    const base = page === "search" ? "product" : "fixed";
    return PAGES.includes(base) && page !== base ? fixed(rps(page, build) / rps(base, build), 2) : "";
  };
  console.log(
    `\n${ENGINE}, ${CONNECTIONS} connections, ${DURATION} s × ${ROUNDS} rounds per build, alternating; ` +
      `load average (1 min) ${fixed(Math.min(...loadAverages), 1)}–${fixed(Math.max(...loadAverages), 1)}`,
  );
  console.log(
    table(
      [
        "page",
        "req/s before",
        "req/s after",
        "after/before",
        "ratio before",
        "ratio after",
        "CPU ms/resp before",
        "CPU ms/resp after",
        "p99 ms before",
        "p99 ms after",
        "non-2xx+errors before/after",
      ],
      PAGES.map((page) => [
        page,
        fixed(rps(page, "before"), 1),
        fixed(rps(page, "after"), 1),
        fixed(rps(page, "after") / rps(page, "before"), 2),
        ratio(page, "before"),
        ratio(page, "after"),
        fixed(
          mean(page, "before", (m) => m.cpuMsPerResponse),
          1,
        ),
        fixed(
          mean(page, "after", (m) => m.cpuMsPerResponse),
          1,
        ),
        fixed(Math.max(...(results.get(`${page}|before`) ?? []).map((m) => m.p99)), 0),
        fixed(Math.max(...(results.get(`${page}|after`) ?? []).map((m) => m.p99)), 0),
        `${mean(page, "before", (m) => m.non2xx + m.errors + m.timeouts)}/${mean(page, "after", (m) => m.non2xx + m.errors + m.timeouts)}`,
      ]),
    ),
  );
  console.log("ratio: to the same build's fixed Remix route (search: to its product page)");
}

if (process.argv[1] && /compare\.ts$/.test(process.argv[1])) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
