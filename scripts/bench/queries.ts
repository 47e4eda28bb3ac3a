/**
 * `npm run bench:queries`: what each catalogue page costs in the database layer, without HTTP or
 * rendering, on the benchmark's large fair (10,000 products) on both engines. For every page's
 * data function: round trips (SQL statements Prisma sent), milliseconds per call one at a time,
 * calls per second with 10 at once, and the Node process's CPU per call. The figures behind
 * docs/decisions/009-catalogue-queries.md.
 *
 *   npm run bench:queries                          # both engines, both relation strategies
 *   npm run bench:queries -- --only=pglite --calls=100 --strategy=join
 *
 * `--strategy=query` forces Prisma's old one-query-per-relation loading on every read (the
 * behaviour before the relationJoins preview feature), so both are measured on the same code.
 * It uses its own database (fair_bench_queries) and PGlite folder, dropped at the end.
 */
process.env.BENCH_DB ??= "fair_bench_queries";
process.env.BENCH_PGLITE_DIR ??= "/tmp/fair-bench-queries-pglite";

const { getCategoryPage, getCooperativePage, getCountyPage, getProductPage, getRegionPage } =
  await import("../../app/catalog/browse.server");
const { getHomePage } = await import("../../app/catalog/catalog.server");
const { searchProducts } = await import("../../app/catalog/search.server");
const { parseSearchParams } = await import("../../app/catalog/search-schema");
const { countRoundTrips } = await import("../../app/utils/round-trips.server");
const { dropPglite, dropPostgres, openBench, prepare } = await import("./databases");
const { fixed, table } = await import("./table");
import type { EngineName } from "./databases";
import type { PrismaClient } from "../../app/generated/prisma/client";

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, "").split("=");
    return [k!, v ?? "1"];
  }),
);
const CALLS = Number(args.calls ?? 60);
const ENGINES: EngineName[] = args.only ? [args.only as EngineName] : ["postgresql", "pglite"];
const STRATEGIES = args.strategy ? [String(args.strategy)] : ["join", "query"];

type Client = PrismaClient;

/** Every read that loads relations told to use the given strategy. */
function withStrategy(prisma: Client, strategy: string): Client {
  if (strategy === "join") return prisma;
  const force = async ({ args, query }: { args: object; query: (a: object) => Promise<unknown> }) =>
    query({ ...args, relationLoadStrategy: "query" });
  return prisma.$extends({
    query: { $allModels: { findMany: force, findFirst: force, findUnique: force } },
  }) as unknown as Client;
}

async function measure(label: string, engine: EngineName, strategy: string) {
  const db = await openBench(engine, { logQueries: true });
  const { rows: picks } = await db.sql.query<{ kind: string; slug: string }>(`
    (SELECT 'product' AS kind, "slug" FROM "Product" WHERE "status" = 'LISTED' ORDER BY md5("id") LIMIT 1)
    UNION ALL (SELECT 'category', g."slug" FROM "Category" g JOIN "Product" p ON p."categoryId" = g."id"
               GROUP BY g."slug" ORDER BY count(*) DESC LIMIT 1)
    UNION ALL (SELECT 'cooperative', "slug" FROM "Cooperative" ORDER BY md5("id") LIMIT 1)
    UNION ALL (SELECT 'county', k."slug" FROM "County" k JOIN "Cooperative" c ON c."countyId" = k."id"
               GROUP BY k."slug" ORDER BY count(*) DESC LIMIT 1)
    UNION ALL (SELECT 'region', r."slug" FROM "PairedRegion" r ORDER BY "sortOrder" LIMIT 1)`);
  const slug = (kind: string) => picks.find((p) => p.kind === kind)!.slug;
  const prisma = withStrategy(db.prisma, strategy);
  const search = (q: string) => parseSearchParams(new URLSearchParams({ q }));
  const pages: [string, () => Promise<unknown>][] = [
    ["product", () => getProductPage(prisma, slug("product"))],
    ["category", () => getCategoryPage(prisma, slug("category"))],
    ["cooperative", () => getCooperativePage(prisma, slug("cooperative"))],
    ["county", () => getCountyPage(prisma, slug("county"))],
    ["region", () => getRegionPage(prisma, slug("region"))],
    ["home", () => getHomePage(prisma)],
    ["search 茶", () => searchProducts(prisma, search("茶"))],
    ["search 普洱", () => searchProducts(prisma, search("普洱"))],
    ["search tea", () => searchProducts(prisma, search("tea"))],
  ];
  const rows: (string | number)[][] = [];
  for (const [page, load] of pages) {
    const trips = await countRoundTrips(db.prisma, load);
    for (let i = 0; i < 5; i++) await load();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < CALLS; i++) await load();
    const serialMs = (performance.now() - t0) / CALLS;
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000 / CALLS;
    const t1 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        while (next++ < CALLS) await load();
      }),
    );
    const perSecond = (CALLS / (performance.now() - t1)) * 1000;
    rows.push([page, trips, fixed(serialMs, 2), fixed(cpuMs, 2), fixed(perSecond, 0)]);
  }
  await db.close();
  console.log(`\n${label}, relationLoadStrategy "${strategy}", ${CALLS} calls each`);
  console.log(
    table(["page", "round trips", "ms/call (1 at a time)", "Node CPU ms/call", "calls/s (10 at once)"], rows),
  );
}

for (const engine of ENGINES) {
  const label = engine === "postgresql" ? "PostgreSQL" : "PGlite";
  if (!args.reuse) {
    const { counts } = await prepare(engine);
    console.log(`${label}: ${counts.products} products, ${counts.cooperatives} cooperatives`);
  }
  for (const strategy of STRATEGIES) await measure(label, engine, strategy);
  if (!args.keep) await (engine === "postgresql" ? dropPostgres() : dropPglite());
}
