/**
 * `npm run bench:profile`: where a page's CPU goes. Makes the benchmark's fair (PostgreSQL by
 * default), starts the production server with `node --cpu-prof`, loads each named page with
 * autocannon, stops the server (the profile is written on exit) and prints the functions with
 * the most self time, grouped by the package or app module they belong to. One server process
 * per page, so each profile holds one page's request path only.
 *
 *   npm run bench:profile -- --pages=category,search,home --duration=15 --connections=10
 *   npm run bench:profile -- --only=pglite --out=docs/profiles   # keeps each summary as text
 *   npm run bench:profile -- --pages=category --inclusive=components.js:179,ProductCard,handleDocumentRequest
 *     # also: time spent inside (and below) functions of these names, each sample counted once
 *
 * The .cpuprofile files stay in a temporary folder (tens of MB); only the text summary is meant
 * for the repository.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
import { runLoad } from "./load";
import { backendsOf, cpuMeter, startNode } from "./processes";
import { stageApp, unstage } from "./stage";

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, "").split("=");
    return [k!, v ?? "1"];
  }),
);
const ENGINE = (args.only ?? "postgresql") as EngineName;
const PAGES = String(args.pages ?? "category,search,home,product,fixed").split(",");
const DURATION = Number(args.duration ?? 15);
const CONNECTIONS = Number(args.connections ?? 10);
const TOP = Number(args.top ?? 25);
const OUT = args.out ? String(args.out) : undefined;
const KEEP_DB = args["keep-db"] === "1";
const REUSE_DB = args["reuse-db"] === "1";
const INCLUSIVE = args.inclusive ? String(args.inclusive).split(",") : [];

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Where a function lives: a package name, an app module, node's internals, or V8's own work. */
function ownerOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith("node:")) return url;
  if (/\/build\/server\//.test(url)) return "app (build/server)";
  return path.basename(url);
}

/**
 * Self time per function and per owner, in ms, from a V8 .cpuprofile. With a window (µs before
 * the profile's end), only the samples inside it count: the load run, not the server's start
 * (module compilation) or its stop.
 */
export function summarise(
  profile: CpuProfile,
  top = TOP,
  window?: { endOffsetUs: number; lengthUs: number },
  inclusiveNames: string[] = INCLUSIVE,
): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  const self = new Map<number, number>();
  const to = window ? profile.endTime - window.endOffsetUs : Infinity;
  const from = window ? to - window.lengthUs : -Infinity;
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    if (t < from || t > to) continue;
    const id = profile.samples[i]!;
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const idle = [...self]
    .filter(([id]) => byId.get(id)!.callFrame.functionName === "(idle)")
    .reduce((a, [, t]) => a + t, 0);
  const fn = new Map<string, number>();
  const owner = new Map<string, number>();
  for (const [id, ms] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === "(idle)") continue;
    const where = url
      ? `${url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*\/build\//, "build/")}:${lineNumber + 1}`
      : "";
    const key = `${functionName || "(anonymous)"}  ${where}`;
    fn.set(key, (fn.get(key) ?? 0) + ms);
    const o = ownerOf(url, functionName);
    owner.set(o, (owner.get(o) ?? 0) + ms);
  }
  const busy = total - idle;
  const pct = (ms: number) => `${((100 * ms) / busy).toFixed(1).padStart(5)} %`;
  // Inclusive time: a sample counts for a name when any frame of its stack has that name.
  const inclusive = new Map<string, number>(inclusiveNames.map((n) => [n, 0]));
  for (const [id, ms] of self) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const frame = byId.get(at)!.callFrame;
      // A name, or file:line for anonymous functions (Remix's Link is "components.js:179").
      const name = inclusive.has(frame.functionName)
        ? frame.functionName
        : `${path.basename(frame.url)}:${frame.lineNumber + 1}`;
      if (inclusive.has(name) && !seen.has(name)) {
        seen.add(name);
        inclusive.set(name, inclusive.get(name)! + ms);
      }
    }
  }
  const lines = [
    `load window: sampled ${(total / 1000).toFixed(1)} s, busy ${(busy / 1000).toFixed(1)} s (idle ${(idle / 1000).toFixed(1)} s)`,
    "",
    "self time by package / module (share of busy time):",
    ...[...owner]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([o, ms]) => `  ${pct(ms)}  ${(ms / 1000).toFixed(2).padStart(6)} s  ${o}`),
    "",
    `top ${top} functions by self time:`,
    ...[...fn]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([f, ms]) => `  ${pct(ms)}  ${(ms / 1000).toFixed(2).padStart(6)} s  ${f.slice(0, 150)}`),
    ...(inclusive.size
      ? [
          "",
          "inclusive time (the function and everything it called):",
          ...[...inclusive].map(([name, ms]) => `  ${pct(ms)}  ${(ms / 1000).toFixed(2).padStart(6)} s  ${name}`),
        ]
      : []),
  ];
  return lines.join("\n");
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

async function main() {
  const log = (m: string) => console.log(`[profile] ${m}`);
  const appDir = await stageApp(log);
  if (!REUSE_DB) {
    log(`${ENGINE}: making the fair…`);
    await prepare(ENGINE, DEFAULT_SIZE, path.join(appDir, "prisma/migrations"));
  }
  const paths = await pickPaths(ENGINE);
  const profDir = mkdtempSync(path.join(os.tmpdir(), "fair-cpuprof-"));
  const reports: string[] = [];
  try {
    for (const page of PAGES) {
      const dir = path.join(profDir, page);
      mkdirSync(dir);
      const server = await startNode(
        `app (${page}, profiled)`,
        "server.mjs",
        {
          ...process.env,
          NODE_ENV: "production",
          BENCH_ROUTES: "1",
          SEED_DEMO: "never",
          SESSION_SECRET: "bench-only-session-secret-0123456789abcdef",
          TRUST_PROXY: "loopback",
          COMPRESSION: process.env.COMPRESSION ?? "node",
          ...(ENGINE === "postgresql"
            ? { DATABASE_URL: benchDatabaseUrl(), PGLITE_DATA_DIR: undefined }
            : { PGLITE_DATA_DIR: PGLITE_DIR, DATABASE_URL: undefined }),
        },
        { cwd: appDir, readyPath: "/healthz", timeoutMs: 120_000, nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${dir}`] },
      );
      // Warm: the first requests compile code and fill caches; they would dominate a short profile.
      for (const p of paths[page]!.slice(0, 4))
        for (let i = 0; i < 3; i++) await (await fetch(server.baseUrl + p)).arrayBuffer();
      const pids = () => [server.pid, ...(ENGINE === "postgresql" ? backendsOf(BENCH_DB) : [])];
      const meter = cpuMeter(pids);
      const nodeMeter = cpuMeter(() => [server.pid]);
      const result = await runLoad({
        baseUrl: server.baseUrl,
        paths: paths[page]!,
        connections: CONNECTIONS,
        durationSeconds: DURATION,
        pid: server.pid,
        spreadAddresses: true,
      });
      const use = meter.stop();
      const nodeUse = nodeMeter.stop();
      const stopping = performance.now();
      await server.stop();
      const stopUs = (performance.now() - stopping) * 1000;
      const perResponse = (cores: number) => ((cores * DURATION * 1000) / Math.max(1, result.requests)).toFixed(1);
      const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
      const header =
        `== ${page} (${ENGINE}, ${CONNECTIONS} connections, ${DURATION} s, load average ${os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(" ")}) ==\n` +
        `${result.rps.toFixed(1)} req/s, p99 ${result.p99} ms, ${(result.bytesPerResponse / 1024).toFixed(1)} KB/resp; ` +
        `server+db CPU ${use.ours.toFixed(2)} cores = ${perResponse(use.ours)} ms per response ` +
        `(Node ${perResponse(nodeUse.ours)}, database ${perResponse(use.ours - nodeUse.ours)}); ` +
        `other programs ${use.others.toFixed(2)} cores`;
      const body = file
        ? summarise(JSON.parse(readFileSync(path.join(dir, file), "utf8")) as CpuProfile, TOP, {
            endOffsetUs: stopUs,
            lengthUs: DURATION * 1e6,
          })
        : "(no profile written: the server did not exit cleanly)";
      const report = `${header}\n${body}\n`;
      console.log(report);
      reports.push(report);
      if (OUT) {
        mkdirSync(OUT, { recursive: true });
        writeFileSync(path.join(OUT, `${ENGINE}-${page}.txt`), report);
      }
    }
  } finally {
    rmSync(profDir, { recursive: true, force: true });
    if (!KEEP_DB) await (ENGINE === "postgresql" ? dropPostgres() : dropPglite());
    await unstage();
  }
}

if (process.argv[1] && /profile\.ts$/.test(process.argv[1])) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
