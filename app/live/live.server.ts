import type { SqlRunner } from "~/utils/migrations.server";
import { LIVE_RECENT, LIVE_TOP_COOPERATIVES, type LiveSnapshot, type OrganiserSnapshot } from "./types";

/**
 * The fair wall's figures in ONE statement, read from the report rollups (ReportSalesDay,
 * ReportOrderCount, kept by the ledger's trigger) and an index-limited read of the newest ledger
 * entries: never a scan of the ledger. The ticker runs it once per tick for every screen.
 */
const PUBLIC_CTES = `
today AS (SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date AS day),
sales AS (
  SELECT d."regionId", d."cooperativeId", SUM(d."saleFen" + d."refundFen")::bigint AS fen
  FROM "ReportSalesDay" d, today WHERE d."day" = today.day
  GROUP BY 1, 2
),
regions AS (
  SELECT r."id", r."nameZh", r."nameEn", r."sortOrder", COALESCE(SUM(s.fen), 0)::bigint AS fen
  FROM "PairedRegion" r LEFT JOIN sales s ON s."regionId" = r."id"
  GROUP BY r."id"
),
coops AS (
  SELECT c."id", c."nameZh", c."nameEn", rg."nameZh" AS "regionZh", rg."nameEn" AS "regionEn", SUM(s.fen)::bigint AS fen
  FROM sales s JOIN "Cooperative" c ON c."id" = s."cooperativeId" JOIN "PairedRegion" rg ON rg."id" = s."regionId"
  GROUP BY c."id", rg."id"
  HAVING SUM(s.fen) > 0
  ORDER BY fen DESC, c."nameZh"
  LIMIT ${LIVE_TOP_COOPERATIVES}
),
recent AS (
  SELECT e."id", e."createdAt", e."amountFen", p."nameZh" AS "productZh", p."nameEn" AS "productEn",
         rg."nameZh" AS "regionZh", rg."nameEn" AS "regionEn"
  FROM "LedgerEntry" e
  JOIN "Product" p ON p."id" = e."productId"
  JOIN "PairedRegion" rg ON rg."id" = e."regionId"
  WHERE e."target" = 'COOPERATIVE' AND e."kind" = 'SALE'
  ORDER BY e."createdAt" DESC, e."id" DESC
  LIMIT ${LIVE_RECENT}
),
orders AS (
  SELECT COALESCE(SUM(o."orders"), 0)::bigint AS n
  FROM "ReportOrderCount" o, today
  WHERE o."scope" = 'all' AND o."placeId" = '' AND NOT o."certifiedOnly" AND o."day" = today.day
)`;

const PUBLIC_FIELDS = `
  'day', (SELECT to_char(day, 'YYYY-MM-DD') FROM today),
  'salesFen', (SELECT COALESCE(SUM(fen), 0) FROM regions),
  'orders', (SELECT n FROM orders),
  'regions', (SELECT COALESCE(json_agg(json_build_object('id', "id", 'nameZh', "nameZh", 'nameEn', "nameEn", 'fen', fen)
                ORDER BY "sortOrder", "nameZh"), '[]'::json) FROM regions),
  'cooperatives', (SELECT COALESCE(json_agg(json_build_object('id', "id", 'nameZh', "nameZh", 'nameEn', "nameEn",
                'regionZh', "regionZh", 'regionEn', "regionEn", 'fen', fen) ORDER BY fen DESC, "nameZh"), '[]'::json) FROM coops),
  'recent', (SELECT COALESCE(json_agg(json_build_object('id', "id", 'at', to_char("createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                'regionZh', "regionZh", 'regionEn', "regionEn", 'productZh', "productZh", 'productEn', "productEn",
                'fen', "amountFen") ORDER BY "createdAt" DESC, "id" DESC), '[]'::json) FROM recent),
  'readAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

// Orders placed (stock reserved) and paid per minute for the last 30 minutes: range reads on the
// createdAt indexes of Order and LedgerEntry, bounded by time.
const ORGANISER_CTES = `,
minutes AS (
  SELECT generate_series(date_trunc('minute', now() AT TIME ZONE 'UTC') - interval '29 minutes',
                         date_trunc('minute', now() AT TIME ZONE 'UTC'), interval '1 minute') AS m
),
placed AS (
  SELECT date_trunc('minute', o."createdAt") AS m, count(*)::int AS n FROM "Order" o
  WHERE o."createdAt" >= (SELECT min(m) FROM minutes) GROUP BY 1
),
paid AS (
  SELECT date_trunc('minute', e."createdAt") AS m, count(DISTINCT e."orderId")::int AS n FROM "LedgerEntry" e
  WHERE e."createdAt" >= (SELECT min(m) FROM minutes) AND e."target" = 'COOPERATIVE' AND e."kind" = 'SALE' GROUP BY 1
)`;

const ORGANISER_FIELDS = `,
  'perMinute', (SELECT json_agg(json_build_object('minute', to_char(minutes.m, 'YYYY-MM-DD"T"HH24:MI"Z"'),
                'placed', COALESCE(placed.n, 0), 'paid', COALESCE(paid.n, 0)) ORDER BY minutes.m)
                FROM minutes LEFT JOIN placed ON placed.m = minutes.m LEFT JOIN paid ON paid.m = minutes.m),
  'pending', (SELECT count(*)::int FROM "Order" WHERE "status" = 'PENDING' AND "holdsStock")`;

export const PUBLIC_SNAPSHOT_SQL = `WITH ${PUBLIC_CTES}\nSELECT json_build_object(${PUBLIC_FIELDS}) AS snapshot`;
export const ORGANISER_SNAPSHOT_SQL = `WITH ${PUBLIC_CTES}${ORGANISER_CTES}\nSELECT json_build_object(${PUBLIC_FIELDS}${ORGANISER_FIELDS}) AS snapshot`;

function parse<T>(rows: { snapshot: unknown }[]): T {
  const value = rows[0]!.snapshot;
  // node-postgres and PGlite both parse json; a text column would arrive as a string.
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

/** Today's public figures: one query. */
export async function readLiveSnapshot(sql: SqlRunner): Promise<LiveSnapshot> {
  return parse<LiveSnapshot>((await sql.query<{ snapshot: unknown }>(PUBLIC_SNAPSHOT_SQL)).rows);
}

/** The organisers' figures (public ones and checkout and payment flow): one query. */
export async function readOrganiserSnapshot(
  sql: SqlRunner,
  outcomes: OrganiserSnapshot["outcomes"],
): Promise<OrganiserSnapshot> {
  const snapshot = parse<Omit<OrganiserSnapshot, "outcomes">>(
    (await sql.query<{ snapshot: unknown }>(ORGANISER_SNAPSHOT_SQL)).rows,
  );
  return { ...snapshot, outcomes };
}
