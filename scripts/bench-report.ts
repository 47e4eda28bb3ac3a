// `npm run bench:report`: generates a fair with about 1,000,000 ledger entries and times every
// report query (median and p95 over repeated runs), on a PostgreSQL server and on PGlite.
//
//   npm run bench:report                                    # both engines, defaults below
//   npm run bench:report -- --entries=1000000 --pglite-entries=200000 --runs=30 --pglite-runs=10
//   npm run bench:report -- --only=pg                       # or --only=pglite
//   BENCH_PG_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:report
//
// PostgreSQL: a database of its own (fair_bench), dropped and created again on every run.
// PGlite: a temporary folder, removed afterwards. The data is made in SQL (INSERT … SELECT over
// generate_series), through the real schema, constraints and triggers: the demo fair's catalogue
// plus synthetic cooperatives and products, paid orders with lines, their ledger entries split by
// the largest-remainder rule, and refunds. The rollup trigger maintains the report tables while
// the entries are inserted, exactly as it does for a checkout.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { reportTables } from "../app/reports/tables";
import type { ReportFilters } from "../app/reports/report-params";
import {
  getReport,
  queryHourly,
  queryLastUpdated,
  queryCooperativesAndCategories,
  queryProducts,
  queryOrdersAndBuyers,
  queryOrganisationCredits,
  resolveScope,
  verifyRollups,
  type ResolvedFilters,
} from "../app/reports/reports.server";
import { getTransparency } from "../app/reports/transparency.server";
import { toCsv } from "../app/utils/csv";
import { openPglite, openPostgres, type Database } from "../app/utils/db.server";
import { applyMigrations } from "../app/utils/migrations.server";
import { seedDemoFair } from "../prisma/seed-demo";

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, "").split("=");
    return [k!, v ?? "1"];
  }),
);
const ENTRIES = Number(args.entries ?? 1_000_000);
// PGlite takes about three minutes to make a million entries; --pglite-entries makes it quicker.
const PGLITE_ENTRIES = Number(args["pglite-entries"] ?? 1_000_000);
const RUNS = Number(args.runs ?? 30);
const PGLITE_RUNS = Number(args["pglite-runs"] ?? 10);
const ONLY = args.only as "pg" | "pglite" | undefined;
const ADMIN_URL = process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const BENCH_DB = "fair_bench";
/** The page budget on PostgreSQL (issue 5). */
const BUDGET_MS = 200;

/** The fair the bench builds on top of the demo catalogue. */
const SYNTHETIC_COOPERATIVES = 460; // with the demo's 40: 500 exhibitors, like the real fair
const SYNTHETIC_PRODUCTS = 3_000;
const BUYERS = 60_000; // distinct phone numbers; repeat buyers are common
const CHUNK_ORDERS = 20_000;

const log = (...parts: unknown[]) => console.log(...parts);
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

async function catalogue(db: Database) {
  await seedDemoFair(db.prisma);
  await db.sql.exec(`
    INSERT INTO "Cooperative" ("id", "slug", "countyId", "nameZh", "nameEn", "linkageType", "householdsLinked", "updatedAt")
    SELECT 'bench-coop-' || g, 'bench-coop-' || g, c.ids[1 + (g % array_length(c.ids, 1))],
           '基准合作社' || g, 'Bench cooperative ' || g,
           (ARRAY['WAGE', 'ASSET', 'OPERATING']::"LinkageType"[])[1 + g % 3], 20 + (g * 37) % 400, now()
    FROM generate_series(1, ${SYNTHETIC_COOPERATIVES}) g, (SELECT array_agg("id" ORDER BY "slug") AS ids FROM "County") c;

    INSERT INTO "Product" ("id", "slug", "cooperativeId", "categoryId", "nameZh", "nameEn", "unitZh", "unitEn", "priceFen", "stock",
                           "certificateNumber", "certifyingBody", "certifiedFrom", "certifiedUntil", "status", "updatedAt")
    SELECT 'bench-p-' || g, 'bench-p-' || g, co.ids[1 + (g % array_length(co.ids, 1))], ca.ids[1 + ((g * 7) % array_length(ca.ids, 1))],
           '基准商品' || g, 'Bench product ' || g, '件', 'piece', 990 + (g * 7919) % 29000, 1000000,
           CASE WHEN g % 5 <> 0 THEN 'BENCH-' || g END, CASE WHEN g % 5 <> 0 THEN '基准认定中心' END,
           CASE WHEN g % 5 <> 0 THEN DATE '2025-01-01' END, CASE WHEN g % 5 <> 0 THEN DATE '2027-12-31' END, 'LISTED', now()
    FROM generate_series(1, ${SYNTHETIC_PRODUCTS}) g,
         (SELECT array_agg("id" ORDER BY "slug") AS ids FROM "Cooperative") co,
         (SELECT array_agg("id" ORDER BY "slug") AS ids FROM "Category") ca;

    -- A third of the new cooperatives are paired with two organisations each; the rest fall back to their county's partners.
    INSERT INTO "Partnership" ("id", "organisationId", "cooperativeId", "weight", "updatedAt")
    SELECT 'bench-pp-' || g || '-' || k, o.ids[1 + ((g * 3 + k * 5) % array_length(o.ids, 1))], 'bench-coop-' || g, 10 + (g * k * 13) % 90, now()
    FROM generate_series(1, ${SYNTHETIC_COOPERATIVES}) g, generate_series(1, 2) k,
         (SELECT array_agg("id" ORDER BY "slug") AS ids FROM "Organisation") o
    WHERE g % 3 = 0;

    DROP TABLE IF EXISTS bench_product;
    CREATE TABLE bench_product AS
    SELECT row_number() OVER (ORDER BY md5(p."id")) AS n, p."id" AS "productId", p."categoryId", p."cooperativeId",
           c."countyId", k."regionId", p."nameZh", p."nameEn", p."unitZh", p."unitEn", p."priceFen",
           (p."certificateNumber" IS NOT NULL) AS certified
    FROM "Product" p JOIN "Cooperative" c ON c."id" = p."cooperativeId" JOIN "County" k ON k."id" = c."countyId";
    CREATE UNIQUE INDEX ON bench_product (n);

    DROP TABLE IF EXISTS bench_partner;
    CREATE TABLE bench_partner AS
    SELECT c."id" AS "cooperativeId", p."organisationId", p."weight"
    FROM "Cooperative" c JOIN "Partnership" p ON p."cooperativeId" = c."id"
    UNION ALL
    SELECT c."id", p."organisationId", p."weight"
    FROM "Cooperative" c JOIN "Partnership" p ON p."countyId" = c."countyId"
    WHERE NOT EXISTS (SELECT 1 FROM "Partnership" q WHERE q."cooperativeId" = c."id");
    CREATE INDEX ON bench_partner ("cooperativeId");
  `);
}

/** One chunk of paid orders (numbers first..last) with their lines and sale entries. */
async function orders(db: Database, first: number, last: number) {
  await db.sql.exec(`
    DROP TABLE IF EXISTS bench_order;
    CREATE TABLE bench_order AS
    SELECT n, 'bench-o-' || n AS id, channel, phone, org, nlines,
           ((DATE '2026-10-15' + day)::timestamp + make_interval(hours => hour, mins => minute)) AT TIME ZONE 'Asia/Shanghai' AT TIME ZONE 'UTC' AS paid
    FROM (
      SELECT n, channel, phone, org, nlines, day, minute,
             CASE WHEN channel = 'BOOTH' THEN 9 + floor(r3 * 9)::int
                  WHEN r3 < 0.8 THEN 8 + floor(r4 * 15)::int ELSE floor(r4 * 24)::int END AS hour
      FROM (
        SELECT n,
               (CASE WHEN random() < 0.35 THEN 'BOOTH' ELSE 'ONLINE' END)::"SalesChannel" AS channel,
               '139' || lpad(floor(random() * ${BUYERS})::text, 8, '0') AS phone,
               CASE WHEN random() < 0.08 THEN o.ids[1 + floor(random() * array_length(o.ids, 1))::int] END AS org,
               1 + floor(random() * 3)::int AS nlines,
               least(4, floor(random() * 6)::int) AS day,
               floor(random() * 60)::int AS minute,
               random() AS r3, random() AS r4
        FROM generate_series(${first}, ${last}) n, (SELECT array_agg("id" ORDER BY "slug") AS ids FROM "Organisation") o
      ) a
    ) b;

    DROP TABLE IF EXISTS bench_line;
    CREATE TABLE bench_line AS
    SELECT o.n, o.id AS "orderId", 'bench-l-' || o.n || '-' || l AS id, o.channel, o.org, o.paid, q.qty,
           p."productId", p."categoryId", p."cooperativeId", p."countyId", p."regionId", p."nameZh", p."nameEn", p."unitZh", p."unitEn",
           p."priceFen", p.certified, q.qty * p."priceFen" AS total
    FROM bench_order o
    CROSS JOIN LATERAL generate_series(1, o.nlines) l
    CROSS JOIN LATERAL (SELECT 1 + floor((SELECT count(*) FROM bench_product) * power(random(), 2) + 0 * l)::int AS pick,
                               1 + floor(random() * 4)::int AS qty) q
    JOIN bench_product p ON p.n = q.pick;

    INSERT INTO "Order" ("id", "token", "checkoutKey", "status", "channel", "totalFen", "contactName", "contactPhone", "fulfilment",
                         "recipientName", "province", "city", "addressLine", "onBehalfOfId", "reservedUntil", "holdsStock", "paidAt", "createdAt", "updatedAt")
    SELECT o.id, 'bench-t-' || o.n, 'bench-k-' || o.n, 'PAID', o.channel, t.total, '基准买家', o.phone,
           CASE WHEN o.channel = 'BOOTH' THEN 'BOOTH_PICKUP' ELSE 'DELIVERY' END::"Fulfilment",
           CASE WHEN o.channel = 'ONLINE' THEN '基准买家' END, CASE WHEN o.channel = 'ONLINE' THEN '上海市' END,
           CASE WHEN o.channel = 'ONLINE' THEN '上海市' END, CASE WHEN o.channel = 'ONLINE' THEN '延安中路1000号' END,
           o.org, o.paid + interval '30 minutes', false, o.paid, o.paid - interval '2 minutes', o.paid
    FROM bench_order o JOIN (SELECT n, SUM(total) AS total FROM bench_line GROUP BY n) t USING (n);

    INSERT INTO "OrderLine" ("id", "orderId", "productId", "cooperativeId", "nameZh", "nameEn", "unitZh", "unitEn", "quantity",
                             "unitPriceFen", "lineTotalFen", "certified")
    SELECT id, "orderId", "productId", "cooperativeId", "nameZh", "nameEn", "unitZh", "unitEn", qty, "priceFen", total, certified
    FROM bench_line;

    -- One statement, as a payment's createMany is: the rollup trigger sees all of it at once.
    INSERT INTO "LedgerEntry" ("kind", "target", "amountFen", "orderId", "orderLineId", "productId", "categoryId", "cooperativeId",
                               "countyId", "regionId", "organisationId", "certified", "channel", "occurredAt", "createdAt")
    SELECT 'SALE'::"LedgerKind", t.target::"LedgerTarget", l.total, l."orderId", l.id, l."productId", l."categoryId", l."cooperativeId",
           l."countyId", l."regionId", NULL, l.certified, l.channel, l.paid, l.paid
    FROM bench_line l CROSS JOIN (VALUES ('COOPERATIVE'), ('COUNTY'), ('REGION')) t(target)
    UNION ALL
    SELECT 'SALE'::"LedgerKind", 'ORGANISATION_ASSISTED'::"LedgerTarget", z.base + CASE WHEN z.rank <= z.leftover THEN 1 ELSE 0 END, z."orderId", z.id, z."productId",
           z."categoryId", z."cooperativeId", z."countyId", z."regionId", z."organisationId", z.certified, z.channel, z.paid, z.paid
    FROM (
      SELECT y.*, y.total - SUM(y.base) OVER (PARTITION BY y.id) AS leftover,
             row_number() OVER (PARTITION BY y.id ORDER BY y.rem DESC, y."organisationId") AS rank
      FROM (
        SELECT x.*, (x.total::bigint * x.weight) / x.tw AS base, (x.total::bigint * x.weight) % x.tw AS rem
        FROM (
          SELECT l.*, p."organisationId", p.weight, SUM(p.weight) OVER (PARTITION BY l.id) AS tw
          FROM bench_line l JOIN bench_partner p ON p."cooperativeId" = l."cooperativeId"
        ) x
      ) y
    ) z
    UNION ALL
    SELECT 'SALE'::"LedgerKind", 'ORGANISATION_DIRECT'::"LedgerTarget", l.total, l."orderId", l.id, l."productId", l."categoryId", l."cooperativeId",
           l."countyId", l."regionId", l.org, l.certified, l.channel, l.paid, l.paid
    FROM bench_line l WHERE l.org IS NOT NULL;
  `);
}

/** Refunds: about 2% of orders in full, and one line of about 2% of the others; the ledger reverses them exactly. */
async function refunds(db: Database) {
  await db.sql.exec(`
    DROP TABLE IF EXISTS bench_refund;
    CREATE TABLE bench_refund AS
    SELECT 'bench-r-' || l.id AS "refundId", l.id AS "orderLineId", l."orderId", l."lineTotalFen", l.quantity,
           o."paidAt" + make_interval(hours => 1 + (abs(hashtext(l.id)) % 40)) AS at
    FROM "OrderLine" l JOIN "Order" o ON o."id" = l."orderId"
    WHERE o."id" LIKE 'bench-o-%'
      AND (abs(hashtext(o."id")) % 100 < 2 OR (abs(hashtext(o."id")) % 100 BETWEEN 2 AND 3 AND l."id" LIKE '%-1'));

    INSERT INTO "Refund" ("id", "orderId", "amountFen", "status", "reason", "requestedBy", "createdAt", "confirmedAt")
    SELECT "refundId", "orderId", "lineTotalFen", 'SUCCEEDED', 'bench', 'bench', at, at FROM bench_refund;
    INSERT INTO "RefundLine" ("id", "refundId", "orderLineId", "quantity", "amountFen")
    SELECT 'bench-rl-' || "orderLineId", "refundId", "orderLineId", quantity, "lineTotalFen" FROM bench_refund;
    UPDATE "OrderLine" l SET "refundedQuantity" = l."quantity" FROM bench_refund r WHERE r."orderLineId" = l."id";
    UPDATE "Order" o SET "refundedFen" = t.fen,
           "status" = CASE WHEN t.fen >= o."totalFen" THEN 'REFUNDED' ELSE 'PARTLY_REFUNDED' END::"OrderStatus"
    FROM (SELECT "orderId", SUM("lineTotalFen") AS fen FROM bench_refund GROUP BY 1) t WHERE t."orderId" = o."id";

    INSERT INTO "LedgerEntry" ("kind", "target", "amountFen", "orderId", "orderLineId", "refundId", "productId", "categoryId",
                               "cooperativeId", "countyId", "regionId", "organisationId", "certified", "channel", "occurredAt", "createdAt")
    SELECT 'REFUND', e."target", -e."amountFen", e."orderId", e."orderLineId", r."refundId", e."productId", e."categoryId",
           e."cooperativeId", e."countyId", e."regionId", e."organisationId", e."certified", e."channel", r.at, r.at
    FROM bench_refund r JOIN "LedgerEntry" e ON e."orderLineId" = r."orderLineId" AND e."kind" = 'SALE';
  `);
}

async function countEntries(db: Database): Promise<number> {
  const { rows } = await db.sql.query<{ n: string | number }>(`SELECT count(*) AS n FROM "LedgerEntry"`);
  return Number(rows[0]!.n);
}

async function generate(db: Database, target: number) {
  const started = performance.now();
  await catalogue(db);
  // Refunds add about 3% more entries at the end; aim the sales a little short of the target.
  const salesTarget = Math.round(target / 1.03);
  let next = 1;
  let perOrder = 0;
  let entries = 0;
  while (entries < salesTarget) {
    const want = perOrder ? Math.ceil((salesTarget - entries) / perOrder) : CHUNK_ORDERS;
    const size = Math.max(1, Math.min(CHUNK_ORDERS, want));
    await orders(db, next, next + size - 1);
    next += size;
    entries = await countEntries(db);
    perOrder = entries / (next - 1);
    process.stdout.write(`\r  ${entries.toLocaleString("en")} sale entries (${next - 1} orders)…`);
  }
  await refunds(db);
  await db.sql.exec(
    `DROP TABLE bench_order; DROP TABLE bench_line; DROP TABLE bench_refund; DROP TABLE bench_product; DROP TABLE bench_partner;`,
  );
  // What autovacuum does on a live server: statistics, and the visibility map index-only scans need.
  await db.sql.exec(`VACUUM ANALYZE`);
  const total = await countEntries(db);
  process.stdout.write("\n");
  log(
    `  generated ${total.toLocaleString("en")} ledger entries, ${(next - 1).toLocaleString("en")} orders in ${seconds(started)}`,
  );
  return total;
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1]! };
}

async function time(runs: number, fn: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await fn(); // warm the caches and the query plans
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return stats(samples);
}

async function resolved(db: Database, filters: ReportFilters): Promise<ResolvedFilters> {
  const r = await resolveScope(db.prisma, filters);
  if ("errors" in r) throw new Error(r.errors.join(", "));
  return r.where;
}

async function measure(db: Database, runs: number) {
  const p = db.prisma;
  const [busiest] = await db.sql
    .query<{ slug: string }>(
      `SELECT c."slug" FROM "ReportSalesDay" d JOIN "Cooperative" c ON c."id" = d."cooperativeId" GROUP BY 1 ORDER BY SUM(d."saleFen") DESC, 1 LIMIT 1`,
    )
    .then((r) => r.rows);
  const views: [string, ReportFilters][] = [
    ["whole fair", { certified: false }],
    ["public days, certified, booth", { certified: true, channel: "BOOTH", from: "2026-10-17", to: "2026-10-19" }],
    ["region: Qinghai Golog", { certified: false, region: "qinghai-golog" }],
    ["county: Maqin", { certified: false, county: "maqin" }],
    [`cooperative: busiest (${busiest!.slug})`, { certified: false, cooperative: busiest!.slug }],
  ];
  const whole = await resolved(db, { certified: false });
  const coop = await resolved(db, { certified: false, cooperative: busiest!.slug });
  const rows: { name: string; median: number; p95: number; max: number; page: boolean }[] = [];
  const run = async (name: string, page: boolean, fn: () => Promise<unknown>) => {
    const s = await time(runs, fn);
    rows.push({ name, ...s, page });
    log(`  ${name.padEnd(58)} median ${s.median.toFixed(1).padStart(7)} ms   p95 ${s.p95.toFixed(1).padStart(7)} ms`);
  };
  log("  pages (everything a page's loader asks the database for, queries in parallel):");
  for (const [name, filters] of views) {
    await run(`report page — ${name}`, true, async () => {
      const r = await getReport(p, filters);
      if (!r.ok) throw new Error(r.errors.join(", "));
    });
  }
  await run("CSV export — Golog's counties with their organisations", true, async () => {
    const r = await getReport(p, { certified: false, region: "qinghai-golog" });
    if (!r.ok) throw new Error(r.errors.join(", "));
    const table = reportTables(r.report, "zh").find((t) => t.id === "placeOrganisations")!;
    toCsv(table.csvHeader, table.csvRows);
  });
  await run("transparency page", true, () => getTransparency(p));
  log("  the queries of the whole-fair page, one by one:");
  await run("hourly rollup: headline, days, hours, channels", false, () => queryHourly(p, whole));
  await run("daily rollup: cooperatives, places, categories", false, () => queryCooperativesAndCategories(p, whole));
  await run("daily rollup: top products", false, () => queryProducts(p, whole, 10));
  await run("organisation rollup: organisations per region", false, () => queryOrganisationCredits(p, whole, "region"));
  await run("orders and buyers: kept counts", false, () => queryOrdersAndBuyers(p, whole));
  await run("orders and buyers of the public days: distinct buyer numbers", false, () =>
    queryOrdersAndBuyers(p, { ...whole, from: "2026-10-17", to: "2026-10-19" }),
  );
  await run("last updated (index on LedgerEntry.createdAt)", false, () => queryLastUpdated(p));
  await run("busiest cooperative's hours, from the ledger by index", false, () => queryHourly(p, coop));
  log("  for comparison, the same sums straight from the ledger (what the rollups avoid):");
  await run("ledger GROUP BY region (net sales)", false, () =>
    db.sql.query(`SELECT "regionId", SUM("amountFen") FROM "LedgerEntry" WHERE "target" = 'COOPERATIVE' GROUP BY 1`),
  );
  await run("ledger + orders: distinct orders and buyers", false, () =>
    db.sql.query(
      `SELECT count(DISTINCT e."orderId"), count(DISTINCT o."contactPhone") FROM "LedgerEntry" e JOIN "Order" o ON o."id" = e."orderId" WHERE e."target" = 'COOPERATIVE' AND e."kind" = 'SALE'`,
    ),
  );
  return rows;
}

async function bench(
  label: string,
  open: () => Promise<{ db: Database; dispose: () => Promise<void> }>,
  entries: number,
  runs: number,
) {
  log(`\n== ${label}: ${entries.toLocaleString("en")} ledger entries wanted, ${runs} timed runs per query ==`);
  const { db, dispose } = await open();
  try {
    await applyMigrations(db.sql);
    const total = await generate(db, entries);
    const problems = await verifyRollups(db.prisma);
    log(
      problems.length ? `  ROLLUPS DIFFER FROM THE LEDGER: ${problems.join(", ")}` : "  rollups equal the ledger: OK",
    );
    const rows = await measure(db, runs);
    const [sizes] = await db.sql
      .query<{ hour: string; day: string; org: string; facts: string; orders: string }>(
        `SELECT (SELECT count(*) FROM "ReportSalesHour") AS hour, (SELECT count(*) FROM "ReportSalesDay") AS day,
                (SELECT count(*) FROM "ReportOrganisationDay") AS org, (SELECT count(*) FROM "ReportOrderFact") AS facts,
                (SELECT count(*) FROM "ReportOrder") AS orders`,
      )
      .then((r) => r.rows);
    log(
      `  rollup rows: hour ${Number(sizes!.hour).toLocaleString("en")}, day ${Number(sizes!.day).toLocaleString("en")}, organisation ${Number(sizes!.org).toLocaleString("en")}, orders ${Number(sizes!.orders).toLocaleString("en")}, order facts ${Number(sizes!.facts).toLocaleString("en")}`,
    );
    return { label, total, rows, ok: problems.length === 0 };
  } finally {
    await dispose();
  }
}

async function openBenchPostgres() {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${BENCH_DB}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${BENCH_DB}"`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${BENCH_DB}`;
  const db = await openPostgres(url.toString(), 10);
  // The database stays after the run, for a look with psql; the next run drops it.
  return { db, dispose: () => db.close() };
}

async function openBenchPglite() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "fair-bench-"));
  const db = await openPglite(dir);
  return {
    db,
    async dispose() {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

const started = performance.now();
const results = [];
if (ONLY !== "pglite") results.push(await bench("PostgreSQL", openBenchPostgres, ENTRIES, RUNS));
if (ONLY !== "pg") results.push(await bench("PGlite", openBenchPglite, PGLITE_ENTRIES, PGLITE_RUNS));

log(`\n| engine | entries | query | median ms | p95 ms |`);
log(`| --- | ---: | --- | ---: | ---: |`);
for (const r of results)
  for (const row of r.rows)
    log(
      `| ${r.label} | ${r.total.toLocaleString("en")} | ${row.name} | ${row.median.toFixed(1)} | ${row.p95.toFixed(1)} |`,
    );
log(`\ntotal bench time ${seconds(started)}`);

const pgPages = results.find((r) => r.label === "PostgreSQL")?.rows.filter((r) => r.page) ?? [];
const slow = pgPages.filter((r) => r.p95 >= BUDGET_MS);
if (results.some((r) => !r.ok)) {
  console.error("the rollups do not match the ledger");
  process.exit(1);
}
if (slow.length) {
  console.error(`over the ${BUDGET_MS} ms page budget on PostgreSQL (p95): ${slow.map((r) => r.name).join("; ")}`);
  process.exit(1);
}
if (pgPages.length) log(`every report page answered within ${BUDGET_MS} ms (p95) on PostgreSQL`);
