import { Prisma, type PrismaClient } from "~/generated/prisma/client";
import type { ReportErrorCode, ReportFilters } from "~/reports/report-params";
import type {
  CategoryRow,
  DayRow,
  FairPeriod,
  Headline,
  HourRow,
  Named,
  OrganisationRow,
  PeriodRow,
  PlaceLevel,
  PlaceOrganisationRow,
  PlaceRow,
  ReportData,
  ReportOptions,
  ReportScope,
} from "~/reports/types";

/**
 * The organisers' attribution report: sums over the ledger, read from the rollup tables that a
 * trigger on LedgerEntry keeps in the same transaction as every sale and refund
 * (prisma/migrations/20261128050000_report_rollups, docs/decisions/005-report-performance.md).
 *
 * Every figure answers to the same filters (Shanghai days, place, certified, channel), and every
 * table is derived from the same few result sets, so the tables on a page add up to each other
 * and to the headline. A cooperative's line entries carry the line's amount once; county and
 * region entries repeat it, so places are summed from the cooperative entries only.
 */

const TOP = 10;
/** Days of a date range filled in with zeros when nothing was sold on them (a range longer than this lists only days with sales). */
const MAX_FILLED_DAYS = 62;

export interface ResolvedFilters {
  from?: string;
  to?: string;
  regionId?: string;
  countyId?: string;
  cooperativeId?: string;
  certified: boolean;
  channel?: "ONLINE" | "BOOTH" | "UNIT";
}

export type ReportResult = { ok: true; report: ReportData } | { ok: false; errors: ReportErrorCode[] };

const named = { id: true, slug: true, nameZh: true, nameEn: true } as const;

/** The filter form's choices: the paired regions in the fair's order. */
export async function getReportOptions(prisma: PrismaClient): Promise<ReportOptions> {
  const regions = await prisma.pairedRegion.findMany({
    orderBy: [{ sortOrder: "asc" }, { slug: "asc" }],
    select: named,
  });
  return { regions };
}

/**
 * Turns the URL's place slugs into ids and the scope the page shows (a county names its region,
 * a cooperative its county and region). Unknown slugs and places outside each other are errors.
 */
export async function resolveScope(
  prisma: PrismaClient,
  filters: ReportFilters,
): Promise<{ scope: ReportScope; where: ResolvedFilters } | { errors: ReportErrorCode[] }> {
  const base = { from: filters.from, to: filters.to, certified: filters.certified, channel: filters.channel };
  if (filters.cooperative) {
    const cooperative = await prisma.cooperative.findUnique({
      where: { slug: filters.cooperative },
      select: { ...named, county: { select: { ...named, region: { select: named } } } },
    });
    if (!cooperative) return { errors: ["cooperativeUnknown"] };
    const { county, ...coop } = cooperative;
    const { region, ...countyOnly } = county;
    if ((filters.county && filters.county !== county.slug) || (filters.region && filters.region !== region.slug))
      return { errors: ["cooperativeOutsideCounty"] };
    return {
      scope: { region, county: countyOnly, cooperative: coop, level: "product" },
      where: { ...base, regionId: region.id, countyId: county.id, cooperativeId: coop.id },
    };
  }
  if (filters.county) {
    const county = await prisma.county.findUnique({
      where: { slug: filters.county },
      select: { ...named, region: { select: named } },
    });
    if (!county) return { errors: ["countyUnknown"] };
    const { region, ...countyOnly } = county;
    if (filters.region && filters.region !== region.slug) return { errors: ["countyOutsideRegion"] };
    return {
      scope: { region, county: countyOnly, level: "cooperative" },
      where: { ...base, regionId: region.id, countyId: county.id },
    };
  }
  if (filters.region) {
    const region = await prisma.pairedRegion.findUnique({ where: { slug: filters.region }, select: named });
    if (!region) return { errors: ["regionUnknown"] };
    return { scope: { region, level: "county" }, where: { ...base, regionId: region.id } };
  }
  return { scope: { level: "region" }, where: base };
}

// ------------------------------------------------------------------------------------------------
// Queries: each reads one rollup (or, for one cooperative's hours, the ledger through its index)
// ------------------------------------------------------------------------------------------------

type Grain = "day" | "hour" | "ledger";

/** The WHERE clause of a filtered query over a rollup ("day" or "hour" grain) or the ledger itself. */
export function whereClause(w: ResolvedFilters, grain: Grain): Prisma.Sql {
  const c: Prisma.Sql[] = [];
  if (grain === "day") {
    if (w.from) c.push(Prisma.sql`"day" >= ${w.from}::date`);
    if (w.to) c.push(Prisma.sql`"day" <= ${w.to}::date`);
  } else if (grain === "hour") {
    if (w.from) c.push(Prisma.sql`"hour" >= ${w.from}::date::timestamp`);
    if (w.to) c.push(Prisma.sql`"hour" < (${w.to}::date + 1)::timestamp`);
  } else {
    // Shanghai midnight as the UTC timestamp the ledger stores.
    c.push(Prisma.sql`"target" = 'COOPERATIVE'`);
    if (w.from)
      c.push(Prisma.sql`"occurredAt" >= (${w.from}::date::timestamp AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'UTC'`);
    if (w.to)
      c.push(
        Prisma.sql`"occurredAt" < ((${w.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'UTC'`,
      );
  }
  if (w.regionId) c.push(Prisma.sql`"regionId" = ${w.regionId}`);
  if (w.countyId) c.push(Prisma.sql`"countyId" = ${w.countyId}`);
  if (w.cooperativeId) c.push(Prisma.sql`"cooperativeId" = ${w.cooperativeId}`);
  if (w.certified) c.push(Prisma.sql`"certified"`);
  if (w.channel) c.push(Prisma.sql`"channel" = ${w.channel}::"SalesChannel"`);
  return c.length ? Prisma.sql`WHERE ${Prisma.join(c, " AND ")}` : Prisma.empty;
}

const num = (value: bigint | number | null | undefined) => Number(value ?? 0);

export interface HourlyRow {
  /** Shanghai local "YYYY-MM-DD HH". */
  hour: string;
  saleFen: number;
  refundFen: number;
  certifiedFen: number;
  onlineFen: number;
}

/** Sales per Shanghai hour: the hourly rollup, or for one cooperative the ledger through its (cooperativeId, target) index. */
export async function queryHourly(prisma: PrismaClient, w: ResolvedFilters): Promise<HourlyRow[]> {
  type Raw = { hour: string; saleFen: bigint; refundFen: bigint; certifiedFen: bigint; onlineFen: bigint };
  const rows = w.cooperativeId
    ? await prisma.$queryRaw<Raw[]>`
        SELECT to_char(date_trunc('hour', ("occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM-DD HH24') AS "hour",
               COALESCE(SUM("amountFen") FILTER (WHERE "kind" = 'SALE'), 0)::bigint AS "saleFen",
               (-COALESCE(SUM("amountFen") FILTER (WHERE "kind" = 'REFUND'), 0))::bigint AS "refundFen",
               COALESCE(SUM("amountFen") FILTER (WHERE "certified"), 0)::bigint AS "certifiedFen",
               COALESCE(SUM("amountFen") FILTER (WHERE "channel" = 'ONLINE'), 0)::bigint AS "onlineFen"
        FROM "LedgerEntry" ${whereClause(w, "ledger")}
        GROUP BY 1 ORDER BY 1`
    : await prisma.$queryRaw<Raw[]>`
        SELECT to_char("hour", 'YYYY-MM-DD HH24') AS "hour",
               SUM("saleFen")::bigint AS "saleFen",
               (-SUM("refundFen"))::bigint AS "refundFen",
               COALESCE(SUM("saleFen" + "refundFen") FILTER (WHERE "certified"), 0)::bigint AS "certifiedFen",
               COALESCE(SUM("saleFen" + "refundFen") FILTER (WHERE "channel" = 'ONLINE'), 0)::bigint AS "onlineFen"
        FROM "ReportSalesHour" ${whereClause(w, "hour")}
        GROUP BY "hour" ORDER BY "hour"`;
  return rows.map((r) => ({
    hour: r.hour,
    saleFen: num(r.saleFen),
    refundFen: num(r.refundFen),
    certifiedFen: num(r.certifiedFen),
    onlineFen: num(r.onlineFen),
  }));
}

interface Totals {
  saleFen: number;
  refundFen: number;
  netFen: number;
  certifiedFen: number;
}

export interface CooperativeTotals extends Totals {
  cooperativeId: string;
  countyId: string;
  regionId: string;
}

export interface CategoryTotals extends Totals {
  categoryId: string;
}

type RawTotals = { saleFen: bigint; refundFen: bigint; certifiedFen: bigint };
const totals = (r: RawTotals): Totals => {
  const saleFen = num(r.saleFen);
  const refundFen = num(r.refundFen);
  return { saleFen, refundFen, netFen: saleFen - refundFen, certifiedFen: num(r.certifiedFen) };
};
const SUMS = Prisma.sql`SUM("saleFen")::bigint AS "saleFen",
           (-SUM("refundFen"))::bigint AS "refundFen",
           COALESCE(SUM("saleFen" + "refundFen") FILTER (WHERE "certified"), 0)::bigint AS "certifiedFen"`;

/**
 * Sales per cooperative (with the county and region the ledger credited) and per category, in
 * one pass over the daily rollup: every place total, the households and the headline follow.
 */
export async function queryCooperativesAndCategories(
  prisma: PrismaClient,
  w: ResolvedFilters,
): Promise<{ cooperatives: CooperativeTotals[]; categories: CategoryTotals[] }> {
  const rows = await prisma.$queryRaw<
    ({
      byCategory: number;
      categoryId: string | null;
      cooperativeId: string | null;
      countyId: string | null;
      regionId: string | null;
    } & RawTotals)[]
  >`
    SELECT GROUPING("categoryId")::int AS "byCategory", "categoryId", "cooperativeId", "countyId", "regionId", ${SUMS}
    FROM "ReportSalesDay" ${whereClause(w, "day")}
    GROUP BY GROUPING SETS (("cooperativeId", "countyId", "regionId"), ("categoryId"))`;
  const cooperatives: CooperativeTotals[] = [];
  const categories: CategoryTotals[] = [];
  for (const r of rows) {
    if (Number(r.byCategory) === 0) categories.push({ categoryId: r.categoryId!, ...totals(r) });
    else
      cooperatives.push({
        cooperativeId: r.cooperativeId!,
        countyId: r.countyId!,
        regionId: r.regionId!,
        ...totals(r),
      });
  }
  return { cooperatives, categories };
}

export interface ProductTotals extends Totals {
  productId: string;
  cooperativeId: string;
}

/** Products by net sales, largest first: the top ones, or every product of the view's cooperative. */
export async function queryProducts(
  prisma: PrismaClient,
  w: ResolvedFilters,
  limit: number | null,
): Promise<ProductTotals[]> {
  const rows = await prisma.$queryRaw<({ productId: string; cooperativeId: string } & RawTotals)[]>`
    SELECT "productId", "cooperativeId", ${SUMS}
    FROM "ReportSalesDay" ${whereClause(w, "day")}
    GROUP BY 1, 2
    ORDER BY SUM("saleFen" + "refundFen") DESC, 1
    ${limit === null ? Prisma.empty : Prisma.sql`LIMIT ${limit}`}`;
  return rows.map((r) => ({ productId: r.productId, cooperativeId: r.cooperativeId, ...totals(r) }));
}

export interface OrganisationCreditRow {
  organisationId: string;
  target: "ORGANISATION_ASSISTED" | "ORGANISATION_DIRECT";
  placeId: string;
  netFen: number;
}

const PLACE_COLUMN: Record<PlaceLevel, Prisma.Sql> = {
  region: Prisma.raw(`"regionId"`),
  county: Prisma.raw(`"countyId"`),
  cooperative: Prisma.raw(`"cooperativeId"`),
  // Organisations are credited per cooperative; a cooperative's products share its organisations.
  product: Prisma.raw(`"cooperativeId"`),
};

/** What each organisation was credited, per place at the view's level. */
export async function queryOrganisationCredits(
  prisma: PrismaClient,
  w: ResolvedFilters,
  level: PlaceLevel,
): Promise<OrganisationCreditRow[]> {
  const rows = await prisma.$queryRaw<
    { organisationId: string; target: OrganisationCreditRow["target"]; placeId: string; netFen: bigint }[]
  >`
    SELECT "organisationId", "target"::text AS "target", ${PLACE_COLUMN[level]} AS "placeId",
           SUM("saleFen" + "refundFen")::bigint AS "netFen"
    FROM "ReportOrganisationDay" ${whereClause(w, "day")}
    GROUP BY 1, 2, 3`;
  return rows.map((r) => ({ ...r, netFen: num(r.netFen) }));
}

export interface ChannelTotals {
  onlineDeliveryFen: number;
  onlinePickupFen: number;
  boothFen: number;
  unitFen: number;
}

/**
 * Net sales by how they reached the buyer: online and posted, online and picked up at the booth
 * (线上下单·展位自提, not a booth sale), sold at the booth, bought by a unit. From the fulfilment
 * rollup (prisma/migrations/20261204040000_report_fulfilment).
 */
export async function queryChannels(prisma: PrismaClient, w: ResolvedFilters): Promise<ChannelTotals> {
  const rows = await prisma.$queryRaw<{ channel: string; fulfilment: string; netFen: bigint }[]>`
    SELECT "channel"::text AS "channel", "fulfilment"::text AS "fulfilment", SUM("saleFen" + "refundFen")::bigint AS "netFen"
    FROM "ReportFulfilmentDay" ${whereClause(w, "day")}
    GROUP BY 1, 2`;
  const out: ChannelTotals = { onlineDeliveryFen: 0, onlinePickupFen: 0, boothFen: 0, unitFen: 0 };
  for (const r of rows) {
    const fen = num(r.netFen);
    if (r.channel === "ONLINE") {
      if (r.fulfilment === "BOOTH_PICKUP") out.onlinePickupFen += fen;
      else out.onlineDeliveryFen += fen;
    } else if (r.channel === "BOOTH") out.boothFen += fen;
    else out.unitFen += fen;
  }
  return out;
}

/** The scope of the order and buyer counts: the whole fair, or the view's region, county or cooperative. */
function countScope(w: ResolvedFilters): { scope: string; placeId: string } {
  if (w.cooperativeId) return { scope: "cooperative", placeId: w.cooperativeId };
  if (w.countyId) return { scope: "county", placeId: w.countyId };
  if (w.regionId) return { scope: "region", placeId: w.regionId };
  return { scope: "all", placeId: "" };
}

export interface OrderCounts {
  /** Paid orders with a sale in the view, and their distinct buyers (gross). */
  orders: number;
  buyers: number;
  /** The same, leaving out the orders refunded in full (see queryRefundedInFull). */
  ordersNet: number;
  buyersNet: number;
}

/**
 * Paid orders and distinct buyers with a sale in the view, gross and net of orders refunded in
 * full. Orders add up over days, so they come from the kept counts. Buyers do not: a view over
 * all the days that have sales reads the kept count too; a view over some days counts distinct
 * buyer numbers of those days' orders.
 */
export async function queryOrdersAndBuyers(prisma: PrismaClient, w: ResolvedFilters): Promise<OrderCounts> {
  const [gross, refunded] = await Promise.all([queryGrossOrdersAndBuyers(prisma, w), queryRefundedInFull(prisma, w)]);
  return {
    ...gross,
    ordersNet: gross.orders - refunded.orders,
    buyersNet: gross.buyers - refunded.buyers,
  };
}

/**
 * The view's orders refunded in full, and the buyers who have no other order in the view: what
 * the net counts leave out. An order is refunded in full in a view when it bought something
 * there (the view's places; certified lines only, if the view is) and every fen of that has been
 * refunded since, whichever day the refund came. Orders are in a view by the day and channel of
 * their sale, as the gross counts have them. Only orders with a refund are read (Refund's index
 * on the order, then the ledger's), so this stays small however large the fair.
 */
export async function queryRefundedInFull(
  prisma: PrismaClient,
  w: ResolvedFilters,
): Promise<{ orders: number; buyers: number }> {
  const entry: Prisma.Sql[] = [Prisma.sql`e."target" = 'COOPERATIVE'`];
  const fact: Prisma.Sql[] = [];
  for (const [alias, list] of [
    ["e", entry],
    ["x", fact],
  ] as const) {
    const col = (name: string) => Prisma.raw(`${alias}."${name}"`);
    if (w.regionId) list.push(Prisma.sql`${col("regionId")} = ${w.regionId}`);
    if (w.countyId) list.push(Prisma.sql`${col("countyId")} = ${w.countyId}`);
    if (w.cooperativeId) list.push(Prisma.sql`${col("cooperativeId")} = ${w.cooperativeId}`);
    if (w.certified) list.push(Prisma.sql`${col("certified")}`);
  }
  const order: Prisma.Sql[] = [];
  for (const [alias, list] of [
    ["r", order],
    ["x", fact],
  ] as const) {
    const col = (name: string) => Prisma.raw(`${alias}."${name}"`);
    if (w.from) list.push(Prisma.sql`${col("day")} >= ${w.from}::date`);
    if (w.to) list.push(Prisma.sql`${col("day")} <= ${w.to}::date`);
    if (w.channel) list.push(Prisma.sql`${col("channel")} = ${w.channel}::"SalesChannel"`);
  }
  const and = (list: Prisma.Sql[]) => (list.length ? Prisma.sql`AND ${Prisma.join(list, " AND ")}` : Prisma.empty);
  const [row] = await prisma.$queryRaw<{ orders: bigint; buyers: bigint }[]>`
    WITH "refunded" AS (
      SELECT r."orderNo", r."buyerNo"
      FROM "LedgerEntry" e
      JOIN "ReportOrder" r ON r."orderId" = e."orderId"
      WHERE e."orderId" IN (SELECT "orderId" FROM "Refund") ${and(entry)} ${and(order)}
      GROUP BY r."orderNo", r."buyerNo"
      HAVING COALESCE(SUM(e."amountFen") FILTER (WHERE e."kind" = 'SALE'), 0) > 0 AND SUM(e."amountFen") <= 0
    )
    SELECT (SELECT count(*) FROM "refunded")::bigint AS "orders",
           (SELECT count(DISTINCT f."buyerNo") FROM "refunded" f
            WHERE NOT EXISTS (
              SELECT 1 FROM "ReportOrderFact" x
              WHERE x."buyerNo" = f."buyerNo" ${and(fact)}
                AND x."orderNo" NOT IN (SELECT "orderNo" FROM "refunded")))::bigint AS "buyers"`;
  return { orders: num(row?.orders), buyers: num(row?.buyers) };
}

/** Paid orders and distinct buyers with a sale in the view, whatever was refunded since. */
async function queryGrossOrdersAndBuyers(
  prisma: PrismaClient,
  w: ResolvedFilters,
): Promise<{ orders: number; buyers: number }> {
  const { scope, placeId } = countScope(w);
  const narrowing = [
    ...(w.from ? [Prisma.sql`"day" >= ${w.from}::date`] : []),
    ...(w.to ? [Prisma.sql`"day" <= ${w.to}::date`] : []),
    ...(w.channel ? [Prisma.sql`"channel" = ${w.channel}::"SalesChannel"`] : []),
  ];
  const days = narrowing.length ? Prisma.sql`AND ${Prisma.join(narrowing, " AND ")}` : Prisma.empty;
  const [[orders], [span]] = await Promise.all([
    prisma.$queryRaw<{ orders: bigint | null }[]>`
      SELECT SUM("orders")::bigint AS "orders" FROM "ReportOrderCount"
      WHERE "scope" = ${scope} AND "placeId" = ${placeId} AND "certifiedOnly" = ${w.certified} ${days}`,
    w.from || w.to
      ? prisma.$queryRaw<
          { first: Date | null; last: Date | null }[]
        >`SELECT min("day") AS "first", max("day") AS "last" FROM "ReportOrder"`
      : Promise.resolve([{ first: null, last: null }]),
  ]);
  const isoDay = (d: Date | null | undefined) => (d ? new Date(d).toISOString().slice(0, 10) : null);
  const first = isoDay(span?.first);
  const last = isoDay(span?.last);
  const allDays = (!w.from || !first || w.from <= first) && (!w.to || !last || w.to >= last);
  let buyers: number;
  if (allDays) {
    const [row] = await prisma.$queryRaw<{ buyers: bigint }[]>`
      SELECT "buyers" FROM "ReportBuyerCount"
      WHERE "scope" = ${scope} AND "placeId" = ${placeId} AND "certifiedOnly" = ${w.certified} AND "channel" = ${w.channel ?? "ANY"}`;
    buyers = num(row?.buyers);
  } else {
    // DISTINCT in a subquery lets PostgreSQL hash the buyer numbers instead of sorting them.
    const [row] =
      scope === "all"
        ? await prisma.$queryRaw<{ buyers: bigint }[]>`
            SELECT count(*)::bigint AS "buyers" FROM (SELECT DISTINCT "buyerNo" FROM "ReportOrder" ${whereClause(w, "day")}) b`
        : await prisma.$queryRaw<{ buyers: bigint }[]>`
            SELECT count(*)::bigint AS "buyers" FROM (SELECT DISTINCT "buyerNo" FROM "ReportOrderFact" ${whereClause(w, "day")}) b`;
    buyers = num(row?.buyers);
  }
  return { orders: num(orders?.orders), buyers };
}

/**
 * Households linked per cooperative as of its sales in the view: the figure snapshotted on the
 * latest sale's cooperative entry (recordSale), not today's. Sales recorded before the snapshot
 * existed have none; their cooperatives fall back to today's figure.
 */
export async function queryHouseholdsAtSale(prisma: PrismaClient, w: ResolvedFilters): Promise<Map<string, number>> {
  const rows = await prisma.$queryRaw<{ cooperativeId: string; householdsLinked: number }[]>`
    SELECT DISTINCT ON ("cooperativeId") "cooperativeId", "householdsLinked"
    FROM "LedgerEntry" ${whereClause(w, "ledger")} AND "kind" = 'SALE' AND "householdsLinked" IS NOT NULL
    ORDER BY "cooperativeId", "occurredAt" DESC, "id" DESC`;
  return new Map(rows.map((r) => [r.cooperativeId, Number(r.householdsLinked)]));
}

/** When the newest ledger entry was written (an index on createdAt makes this a lookup). */
export async function queryLastUpdated(prisma: PrismaClient): Promise<string | null> {
  // Prisma's aggregate() wraps the table in a subquery the index cannot serve; max() over the column can.
  const [row] = await prisma.$queryRaw<{ at: Date | null }[]>`SELECT max("createdAt") AS "at" FROM "LedgerEntry"`;
  return row?.at ? new Date(row.at).toISOString() : null;
}

/** The fair's trade and public days (Shanghai dates), if the fair is set up. */
export async function queryFair(prisma: PrismaClient): Promise<ReportData["fair"]> {
  const fair = await prisma.fair.findUnique({ where: { id: "current" } });
  if (!fair) return null;
  const d = (date: Date) => date.toISOString().slice(0, 10);
  return {
    tradeDays: [d(fair.tradeDaysStart), d(fair.tradeDaysEnd)],
    publicDays: [d(fair.publicDaysStart), d(fair.publicDaysEnd)],
  };
}

// ------------------------------------------------------------------------------------------------
// The report
// ------------------------------------------------------------------------------------------------

/** The whole report for a view, or the reasons the view is not one (unknown places). */
export async function getReport(prisma: PrismaClient, filters: ReportFilters): Promise<ReportResult> {
  const resolved = await resolveScope(prisma, filters);
  if ("errors" in resolved) return { ok: false, errors: resolved.errors };
  const { scope, where: w } = resolved;
  const level = scope.level;

  const [hourly, groups, products, credits, counts, lastUpdated, fair, householdsAtSale, channels] = await Promise.all([
    queryHourly(prisma, w),
    queryCooperativesAndCategories(prisma, w),
    queryProducts(prisma, w, level === "product" ? null : TOP),
    queryOrganisationCredits(prisma, w, level),
    queryOrdersAndBuyers(prisma, w),
    queryLastUpdated(prisma),
    queryFair(prisma),
    queryHouseholdsAtSale(prisma, w),
    queryChannels(prisma, w),
  ]);
  const coops = groups.cooperatives;

  const orgIds = [...new Set(credits.map((c) => c.organisationId))];
  const [names, organisations] = await Promise.all([
    placeNames(prisma, scope, {
      cooperatives: coops.map((c) => c.cooperativeId),
      // The counties the top cooperatives were credited to, named beside them.
      counties: [...new Set(coops.map((c) => c.countyId))],
      products: products.map((p) => p.productId),
      places: [...new Set(credits.map((c) => c.placeId))],
    }),
    prisma.organisation.findMany({ where: { id: { in: orgIds } }, select: { ...named, kind: true } }),
  ]);

  // Households count once per cooperative, and only for a cooperative whose net sales are positive.
  const households = (rows: { cooperativeId: string; netFen: number }[]) =>
    rows
      .filter((c) => c.netFen > 0)
      .reduce(
        (sum, c) =>
          sum +
          (householdsAtSale.get(c.cooperativeId) ?? names.cooperatives.get(c.cooperativeId)?.householdsLinked ?? 0),
        0,
      );

  // Places at the view's level: every child of the scope (zeros included), and any other place the ledger credited.
  const placeOf = (c: CooperativeTotals) =>
    level === "region" ? c.regionId : level === "county" ? c.countyId : c.cooperativeId;
  const placeTotals = new Map<string, Totals & { coops: CooperativeTotals[] }>();
  if (level === "product") {
    for (const p of products) placeTotals.set(p.productId, { ...p, coops: [] });
  } else {
    for (const c of coops) {
      const t = placeTotals.get(placeOf(c)) ?? { ...zero(), coops: [] };
      placeTotals.set(placeOf(c), { ...add(t, c), coops: [...t.coops, c] });
    }
  }
  const placeIds = [...new Set([...names.children.map((c) => c.id), ...placeTotals.keys()])];
  const places: PlaceRow[] = placeIds
    .map((id) => {
      const { coops: placeCoops, ...t } = placeTotals.get(id) ?? { ...zero(), coops: [] };
      return {
        ...names.place(id),
        level,
        ...t,
        households: level === "product" ? null : households(placeCoops),
      };
    })
    .sort(byNetThen(names.order));

  const orgById = new Map(organisations.map((o) => [o.id, o]));
  const orgTotals = new Map<string, { assistedFen: number; directFen: number }>();
  const pairs = new Map<string, PlaceOrganisationRow>();
  for (const c of credits) {
    const org = orgById.get(c.organisationId);
    if (!org) continue;
    const field = c.target === "ORGANISATION_ASSISTED" ? "assistedFen" : "directFen";
    const total = orgTotals.get(org.id) ?? { assistedFen: 0, directFen: 0 };
    total[field] += c.netFen;
    orgTotals.set(org.id, total);
    const key = `${c.placeId}:${org.id}`;
    const pair = pairs.get(key) ?? {
      place: names.pairPlace(c.placeId),
      organisation: org,
      assistedFen: 0,
      directFen: 0,
    };
    pair[field] += c.netFen;
    pairs.set(key, pair);
  }
  const organisationRows: OrganisationRow[] = [...orgTotals]
    .map(([id, t]) => ({ ...orgById.get(id)!, ...t }))
    .sort((a, b) => b.assistedFen + b.directFen - (a.assistedFen + a.directFen) || a.slug.localeCompare(b.slug));
  const placeRank = new Map(places.map((p, i) => [p.id, i]));
  const placeOrganisations = [...pairs.values()].sort(
    (a, b) =>
      (placeRank.get(a.place.id) ?? Infinity) - (placeRank.get(b.place.id) ?? Infinity) ||
      b.assistedFen + b.directFen - (a.assistedFen + a.directFen) ||
      a.organisation.slug.localeCompare(b.organisation.slug),
  );

  const categoryTotals = new Map(groups.categories.map((c) => [c.categoryId, c]));
  const categories: CategoryRow[] = [...new Set([...names.categories.keys(), ...categoryTotals.keys()])]
    .map((id) => {
      const { categoryId: _, ...t } = categoryTotals.get(id) ?? { categoryId: id, ...zero() };
      return { ...stripPlace(names.categories.get(id) ?? unknownNamed(id)), ...t };
    })
    .sort(byNetThen(names.categoryOrder));

  const topProducts: PlaceRow[] = products
    .filter((p) => p.netFen > 0)
    .slice(0, TOP)
    .map(({ productId, cooperativeId, ...t }) => {
      const coop = names.cooperatives.get(cooperativeId);
      return {
        ...stripPlace(names.products.get(productId) ?? unknownNamed(productId)),
        level: "product",
        ...t,
        households: null,
        ...(coop ? { parent: { nameZh: coop.nameZh, nameEn: coop.nameEn } } : {}),
      };
    });
  const topCooperatives: PlaceRow[] = [...coops]
    .filter((c) => c.netFen > 0)
    .sort((a, b) => b.netFen - a.netFen || (a.cooperativeId < b.cooperativeId ? -1 : 1))
    .slice(0, TOP)
    .map(({ cooperativeId, countyId, regionId: _r, ...t }) => {
      const c = names.cooperatives.get(cooperativeId);
      const county = names.counties.get(countyId);
      return {
        ...stripPlace(c ?? unknownNamed(cooperativeId)),
        level: "cooperative",
        ...t,
        households: households([{ cooperativeId, netFen: t.netFen }]),
        ...(county ? { parent: { nameZh: county.nameZh, nameEn: county.nameEn } } : {}),
      };
    });

  const { days, hours, periods } = timeTables(hourly, fair, filters);
  const all = coops.reduce((s, c) => add(s, c), zero());
  const credited = (target: OrganisationCreditRow["target"]) =>
    credits.filter((c) => c.target === target).reduce((s, c) => s + c.netFen, 0);
  const headline: Headline = {
    ...all,
    orders: counts.orders,
    ordersNet: counts.ordersNet,
    buyers: counts.buyers,
    buyersNet: counts.buyersNet,
    households: households(coops),
    onlineFen: channels.onlineDeliveryFen + channels.onlinePickupFen,
    ...channels,
    directFen: credited("ORGANISATION_DIRECT"),
    assistedFen: credited("ORGANISATION_ASSISTED"),
  };

  return {
    ok: true,
    report: {
      filters,
      scope,
      fair,
      lastUpdated,
      headline,
      places,
      placeOrganisations,
      organisations: organisationRows,
      categories,
      days,
      hours,
      periods,
      topProducts,
      topCooperatives,
    },
  };
}

const zero = (): Totals => ({ saleFen: 0, refundFen: 0, netFen: 0, certifiedFen: 0 });
function add(t: Totals, l: Totals): Totals {
  return {
    saleFen: t.saleFen + l.saleFen,
    refundFen: t.refundFen + l.refundFen,
    netFen: t.netFen + l.netFen,
    certifiedFen: t.certifiedFen + l.certifiedFen,
  };
}
function byNetThen(order: Map<string, number>) {
  return (a: { id: string; netFen: number; slug: string }, b: { id: string; netFen: number; slug: string }) =>
    b.netFen - a.netFen ||
    (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity) ||
    a.slug.localeCompare(b.slug);
}
const unknownNamed = (id: string): Named => ({ id, slug: id, nameZh: id, nameEn: id });
const stripPlace = (n: Named): Named => ({ id: n.id, slug: n.slug, nameZh: n.nameZh, nameEn: n.nameEn });

/** Names of the places, products and categories a report mentions, in a few small queries. */
async function placeNames(
  prisma: PrismaClient,
  scope: ReportScope,
  ids: { cooperatives: string[]; counties: string[]; products: string[]; places: string[] },
) {
  const level = scope.level;
  // Flat selects only: a nested relation costs far more per row through the PGlite adapter.
  const [regions, counties, cooperatives, products, categories] = await Promise.all([
    level === "region" ? prisma.pairedRegion.findMany({ select: { ...named, sortOrder: true } }) : Promise.resolve([]),
    prisma.county.findMany({
      where: {
        OR: [
          { id: { in: ids.counties } },
          ...(level === "county" ? [{ regionId: scope.region!.id }, { id: { in: ids.places } }] : []),
        ],
      },
      select: { ...named, regionId: true },
    }),
    prisma.cooperative.findMany({
      where: {
        OR: [
          { id: { in: ids.cooperatives } },
          ...(level === "cooperative" ? [{ countyId: scope.county!.id }, { id: { in: ids.places } }] : []),
        ],
      },
      select: { ...named, householdsLinked: true, countyId: true },
    }),
    prisma.product.findMany({
      where: {
        OR: [{ id: { in: ids.products } }, ...(level === "product" ? [{ cooperativeId: scope.cooperative!.id }] : [])],
      },
      select: { ...named, cooperativeId: true },
    }),
    prisma.category.findMany({ select: { ...named, sortOrder: true } }),
  ]);
  const coopMap = new Map(cooperatives.map((c) => [c.id, c]));
  const productMap = new Map(products.map((p) => [p.id, p]));
  const byLevel: Record<PlaceLevel, Map<string, Named>> = {
    region: new Map(regions.map((r) => [r.id, r])),
    county: new Map(counties.map((c) => [c.id, c])),
    cooperative: coopMap,
    product: productMap,
  };
  const children: Named[] =
    level === "region"
      ? regions
      : level === "county"
        ? counties.filter((c) => c.regionId === scope.region!.id)
        : level === "cooperative"
          ? cooperatives.filter((c) => c.countyId === scope.county!.id)
          : products.filter((p) => p.cooperativeId === scope.cooperative!.id);
  // Regions keep the fair's order among equals; other places the order they were listed in.
  const order = new Map<string, number>(
    level === "region" ? regions.map((r) => [r.id, r.sortOrder]) : children.map((c, i) => [c.id, i]),
  );
  // Organisations are credited per cooperative at the product level (see PLACE_COLUMN).
  const pairLevel: PlaceLevel = level === "product" ? "cooperative" : level;
  return {
    children,
    order,
    place: (id: string): Named => stripPlace(byLevel[level].get(id) ?? unknownNamed(id)),
    pairPlace: (id: string): Named => stripPlace(byLevel[pairLevel].get(id) ?? unknownNamed(id)),
    cooperatives: coopMap,
    counties: new Map(counties.map((c) => [c.id, c])),
    products: productMap,
    categories: new Map(categories.map((c) => [c.id, c])),
    categoryOrder: new Map(categories.map((c) => [c.id, c.sortOrder])),
  };
}

/** Days, hours of the day and fair periods from the hourly sums. */
export function timeTables(
  hourly: HourlyRow[],
  fair: ReportData["fair"],
  filters: Pick<ReportFilters, "from" | "to">,
): { days: DayRow[]; hours: HourRow[]; periods: PeriodRow[] } {
  const periodOf = (day: string): FairPeriod =>
    fair && day >= fair.tradeDays[0] && day <= fair.tradeDays[1]
      ? "trade"
      : fair && day >= fair.publicDays[0] && day <= fair.publicDays[1]
        ? "public"
        : "other";
  const byDay = new Map<string, { saleFen: number; refundFen: number }>();
  const byHour = Array.from({ length: 24 }, () => ({ saleFen: 0, refundFen: 0 }));
  for (const h of hourly) {
    const day = h.hour.slice(0, 10);
    const d = byDay.get(day) ?? { saleFen: 0, refundFen: 0 };
    d.saleFen += h.saleFen;
    d.refundFen += h.refundFen;
    byDay.set(day, d);
    const slot = byHour[Number(h.hour.slice(11, 13))]!;
    slot.saleFen += h.saleFen;
    slot.refundFen += h.refundFen;
  }
  // The fair's own days always appear (a quiet day shows as a zero); so do the days of a short range.
  const inRange = (day: string) => (!filters.from || day >= filters.from) && (!filters.to || day <= filters.to);
  const wanted = new Set(byDay.keys());
  if (fair) for (const day of daysBetween(fair.tradeDays[0], fair.publicDays[1])) if (inRange(day)) wanted.add(day);
  if (filters.from && filters.to) {
    const span = daysBetween(filters.from, filters.to);
    if (span.length <= MAX_FILLED_DAYS) for (const day of span) wanted.add(day);
  }
  const money = (m: { saleFen: number; refundFen: number }) => ({ ...m, netFen: m.saleFen - m.refundFen });
  const days = [...wanted].sort().map((day) => ({
    day,
    period: periodOf(day),
    ...money(byDay.get(day) ?? { saleFen: 0, refundFen: 0 }),
  }));
  const hours = byHour.map((m, hour) => ({ hour, ...money(m) }));
  const periods = (["trade", "public", "other"] as const).map((period) => {
    const m = days
      .filter((d) => d.period === period)
      .reduce((s, d) => ({ saleFen: s.saleFen + d.saleFen, refundFen: s.refundFen + d.refundFen }), {
        saleFen: 0,
        refundFen: 0,
      });
    return { period, ...money(m) };
  });
  return { days, hours, periods };
}

/** Every calendar day from `from` to `to`, both included (at most a few years' worth). */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  const end = new Date(`${to}T00:00:00Z`).getTime();
  for (let t = new Date(`${from}T00:00:00Z`).getTime(); t <= end && out.length < 3660; t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

const SHANGHAI_DAY = `(("occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai')::date`;
const SALE_OR_REFUND = `COALESCE(SUM("amountFen") FILTER (WHERE "kind" = 'SALE'), 0)::bigint, COALESCE(SUM("amountFen") FILTER (WHERE "kind" = 'REFUND'), 0)::bigint`;
const BUYER_KEY = `COALESCE('tel:' || NULLIF(regexp_replace(o."contactPhone", '[^0-9]', '', 'g'), ''), 'mail:' || NULLIF(lower(btrim(o."contactEmail")), ''), 'order:' || o."id")`;

/** Each rollup as the ledger says it should be, and as it is. */
const ROLLUP_CHECKS: [name: string, fromLedger: string, rollup: string][] = [
  [
    "ReportSalesHour",
    `SELECT date_trunc('hour', ("occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai'), "regionId", "countyId", "certified", "channel", ${SALE_OR_REFUND}
     FROM "LedgerEntry" WHERE "target" = 'COOPERATIVE' GROUP BY 1, 2, 3, 4, 5`,
    `SELECT "hour", "regionId", "countyId", "certified", "channel", "saleFen", "refundFen" FROM "ReportSalesHour"`,
  ],
  [
    "ReportSalesDay",
    `SELECT ${SHANGHAI_DAY}, "productId", "categoryId", "cooperativeId", "countyId", "regionId", "certified", "channel", ${SALE_OR_REFUND}
     FROM "LedgerEntry" WHERE "target" = 'COOPERATIVE' GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`,
    `SELECT "day", "productId", "categoryId", "cooperativeId", "countyId", "regionId", "certified", "channel", "saleFen", "refundFen" FROM "ReportSalesDay"`,
  ],
  [
    "ReportOrganisationDay",
    `SELECT ${SHANGHAI_DAY}, "organisationId", "target", "cooperativeId", "countyId", "regionId", "certified", "channel", ${SALE_OR_REFUND}
     FROM "LedgerEntry" WHERE "target" IN ('ORGANISATION_ASSISTED', 'ORGANISATION_DIRECT') GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`,
    `SELECT "day", "organisationId", "target", "cooperativeId", "countyId", "regionId", "certified", "channel", "saleFen", "refundFen" FROM "ReportOrganisationDay"`,
  ],
  [
    "ReportFulfilmentDay",
    `SELECT ${SHANGHAI_DAY}, e."cooperativeId", e."countyId", e."regionId", e."certified", e."channel", o."fulfilment",
            COALESCE(SUM(e."amountFen") FILTER (WHERE e."kind" = 'SALE'), 0)::bigint, COALESCE(SUM(e."amountFen") FILTER (WHERE e."kind" = 'REFUND'), 0)::bigint
     FROM "LedgerEntry" e JOIN "Order" o ON o."id" = e."orderId" WHERE e."target" = 'COOPERATIVE' GROUP BY 1, 2, 3, 4, 5, 6, 7`,
    `SELECT "day", "cooperativeId", "countyId", "regionId", "certified", "channel", "fulfilment", "saleFen", "refundFen" FROM "ReportFulfilmentDay"`,
  ],
  [
    "ReportOrder",
    `SELECT e."orderId", ((min(e."occurredAt") AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai')::date, min(e."channel"::text), bool_or(e."certified"), ${BUYER_KEY}
     FROM "LedgerEntry" e JOIN "Order" o ON o."id" = e."orderId" WHERE e."target" = 'COOPERATIVE' AND e."kind" = 'SALE' GROUP BY e."orderId", o."id"`,
    `SELECT r."orderId", r."day", r."channel"::text, r."certified", b."buyerKey" FROM "ReportOrder" r JOIN "ReportBuyer" b ON b."buyerNo" = r."buyerNo"`,
  ],
  [
    "ReportOrderFact",
    `SELECT DISTINCT "orderId", "cooperativeId", "certified", "countyId", "regionId" FROM "LedgerEntry" WHERE "target" = 'COOPERATIVE' AND "kind" = 'SALE'`,
    `SELECT r."orderId", f."cooperativeId", f."certified", f."countyId", f."regionId" FROM "ReportOrderFact" f JOIN "ReportOrder" r ON r."orderNo" = f."orderNo"`,
  ],
  [
    "ReportOrderCount",
    `WITH l AS (SELECT e."orderId", e."certified", e."regionId", e."countyId", e."cooperativeId", r."day", r."channel"
                FROM "LedgerEntry" e JOIN "ReportOrder" r ON r."orderId" = e."orderId"
                WHERE e."target" = 'COOPERATIVE' AND e."kind" = 'SALE'),
          m AS (SELECT "orderId", "certified", "day", "channel", s.scope, s.place
                FROM l CROSS JOIN LATERAL (VALUES ('all', ''), ('region', "regionId"), ('county', "countyId"), ('cooperative', "cooperativeId")) s(scope, place))
     SELECT "day", "channel", scope, place, false, count(DISTINCT "orderId")::bigint FROM m GROUP BY 1, 2, 3, 4
     UNION ALL
     SELECT "day", "channel", scope, place, true, count(DISTINCT "orderId")::bigint FROM m WHERE "certified" GROUP BY 1, 2, 3, 4`,
    `SELECT "day", "channel", "scope", "placeId", "certifiedOnly", "orders" FROM "ReportOrderCount"`,
  ],
  [
    "ReportBuyerCount",
    `WITH l AS (SELECT ${BUYER_KEY} AS buyer, e."certified", e."regionId", e."countyId", e."cooperativeId", e."channel"::text AS channel
                FROM "LedgerEntry" e JOIN "Order" o ON o."id" = e."orderId"
                WHERE e."target" = 'COOPERATIVE' AND e."kind" = 'SALE'),
          m AS (SELECT buyer, "certified", s.scope, s.place, h.ch
                FROM l CROSS JOIN LATERAL (VALUES ('all', ''), ('region', "regionId"), ('county', "countyId"), ('cooperative', "cooperativeId")) s(scope, place)
                CROSS JOIN LATERAL (VALUES ('ANY'), (channel)) h(ch))
     SELECT scope, place, false, ch, count(DISTINCT buyer)::bigint FROM m GROUP BY 1, 2, 4
     UNION ALL
     SELECT scope, place, true, ch, count(DISTINCT buyer)::bigint FROM m WHERE "certified" GROUP BY 1, 2, 4`,
    `SELECT "scope", "placeId", "certifiedOnly", "channel", "buyers" FROM "ReportBuyerCount"`,
  ],
];

/**
 * Proves the rollups equal the ledger they summarise (for tests, the benchmark and checks after
 * an incident): returns the names of the rollups that differ from a GROUP BY over LedgerEntry.
 */
export async function verifyRollups(prisma: PrismaClient): Promise<string[]> {
  const differ: string[] = [];
  for (const [name, fromLedger, rollup] of ROLLUP_CHECKS) {
    const [row] = await prisma.$queryRawUnsafe<{ missing: bigint; extra: bigint }[]>(
      `SELECT (SELECT count(*) FROM ((${fromLedger}) EXCEPT ALL (${rollup})) a) AS "missing",
              (SELECT count(*) FROM ((${rollup}) EXCEPT ALL (${fromLedger})) b) AS "extra"`,
    );
    if (!row || Number(row.missing) !== 0 || Number(row.extra) !== 0) differ.push(name);
  }
  return differ;
}
