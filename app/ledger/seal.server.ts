import { createHash } from "node:crypto";
import type { PrismaClient } from "~/generated/prisma/client";
import { shanghaiToday } from "~/utils/shanghai-time";

/**
 * Sealed days: once a fair day (Asia/Shanghai) has closed, the SHA-256 of its ledger entries in
 * canonical form is computed once and stored with the day's totals (LedgerDaySeal). Anyone can
 * recompute it from a CSV export of the day's entries (docs/ledger-digest.md); ledger:verify
 * recomputes every seal, so a row edited by someone who bypassed the append-only trigger shows.
 *
 * Sealing reads a closed day and writes one row per day with ON CONFLICT DO NOTHING: it never
 * locks the ledger, never waits for a payment and is never waited for by one. It runs after
 * the day, from the reservation sweeper and on the first view of /transparency.
 */

/** A day is sealed this long after it closes, so a payment committing across midnight is in it. */
export const SEAL_GRACE_MS = 15 * 60 * 1000;

/** The fields of an entry in the canonical line, in this order (the CSV export has them all). */
export const CANONICAL_FIELDS = [
  "entry_id",
  "kind",
  "target",
  "amount_fen",
  "order_id",
  "order_line_id",
  "refund_id",
  "product_id",
  "category_id",
  "cooperative_id",
  "county_id",
  "region_id",
  "organisation_id",
  "certified",
  "channel",
  "occurred_at_utc",
] as const;
export type CanonicalField = (typeof CANONICAL_FIELDS)[number];
export type CanonicalEntry = Record<CanonicalField, string>;

export interface LedgerEntryRow {
  id: bigint | number | string;
  kind: string;
  target: string;
  amountFen: number;
  orderId: string;
  orderLineId: string;
  refundId: string | null;
  productId: string;
  categoryId: string;
  cooperativeId: string;
  countyId: string;
  regionId: string;
  organisationId: string | null;
  certified: boolean;
  channel: string;
  occurredAt: Date;
}

/** An entry's canonical fields as text: no value is absent (null is ""), booleans are true/false, times ISO UTC with milliseconds. */
export function canonicalEntry(e: LedgerEntryRow): CanonicalEntry {
  return {
    entry_id: String(e.id),
    kind: e.kind,
    target: e.target,
    amount_fen: String(e.amountFen),
    order_id: e.orderId,
    order_line_id: e.orderLineId,
    refund_id: e.refundId ?? "",
    product_id: e.productId,
    category_id: e.categoryId,
    cooperative_id: e.cooperativeId,
    county_id: e.countyId,
    region_id: e.regionId,
    organisation_id: e.organisationId ?? "",
    certified: e.certified ? "true" : "false",
    channel: e.channel,
    occurred_at_utc: e.occurredAt.toISOString(),
  };
}

/**
 * The digest of a day: its entries sorted by entry id (as a number), each written as its
 * canonical fields joined by "|" and ended by "\n", the whole hashed with SHA-256 (lowercase hex).
 */
export function digestEntries(entries: CanonicalEntry[]): string {
  const sorted = [...entries].sort((a, b) => {
    const x = BigInt(a.entry_id);
    const y = BigInt(b.entry_id);
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const hash = createHash("sha256");
  for (const entry of sorted) hash.update(`${CANONICAL_FIELDS.map((f) => entry[f]).join("|")}\n`, "utf8");
  return hash.digest("hex");
}

const ENTRY_COLUMNS = `"id", "kind"::text AS "kind", "target"::text AS "target", "amountFen", "orderId", "orderLineId", "refundId",
  "productId", "categoryId", "cooperativeId", "countyId", "regionId", "organisationId", "certified", "channel"::text AS "channel", "occurredAt"`;

/** Every entry of one Shanghai day, as stored now. */
export async function dayEntries(prisma: PrismaClient, day: string): Promise<LedgerEntryRow[]> {
  return prisma.$queryRawUnsafe<LedgerEntryRow[]>(
    `SELECT ${ENTRY_COLUMNS} FROM "LedgerEntry"
     WHERE "occurredAt" >= ($1::date::timestamp AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'UTC'
       AND "occurredAt" < (($1::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'UTC'
     ORDER BY "id"`,
    day,
  );
}

export interface DaySeal {
  day: string;
  entries: number;
  saleFen: number;
  refundFen: number;
  netFen: number;
  digest: string;
}

/** A day's seal as computed from its entries now. Totals count the cooperative entries (each line's amount once). */
export function sealOf(day: string, rows: LedgerEntryRow[]): DaySeal {
  const lines = rows.filter((r) => r.target === "COOPERATIVE");
  const saleFen = lines.filter((r) => r.kind === "SALE").reduce((s, r) => s + r.amountFen, 0);
  const refundFen = -lines.filter((r) => r.kind === "REFUND").reduce((s, r) => s + r.amountFen, 0);
  return {
    day,
    entries: rows.length,
    saleFen,
    refundFen,
    netFen: saleFen - refundFen,
    digest: digestEntries(rows.map(canonicalEntry)),
  };
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Shanghai days that have ledger entries, closed (with the grace) by `now`, not sealed yet. */
async function unsealedClosedDays(prisma: PrismaClient, now: Date): Promise<string[]> {
  const cutoffDay = shanghaiToday(new Date(now.getTime() - SEAL_GRACE_MS));
  const rows = await prisma.$queryRaw<{ day: Date }[]>`
    SELECT d."day" FROM (
      SELECT DISTINCT (("occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai')::date AS "day"
      FROM "LedgerEntry" WHERE "target" = 'COOPERATIVE'
    ) d
    WHERE d."day" < ${cutoffDay}::date
      AND NOT EXISTS (SELECT 1 FROM "LedgerDaySeal" s WHERE s."day" = d."day")
    ORDER BY 1`;
  return rows.map((r) => isoDay(new Date(r.day)));
}

/**
 * Seals every closed day not sealed yet (idempotent: a day already sealed, by this process or
 * another at the same moment, keeps its first seal). Returns the days sealed by this call.
 */
export async function sealClosedDays(prisma: PrismaClient, now = new Date()): Promise<string[]> {
  const sealed: string[] = [];
  for (const day of await unsealedClosedDays(prisma, now)) {
    const seal = sealOf(day, await dayEntries(prisma, day));
    const written = await prisma.$executeRaw`
      INSERT INTO "LedgerDaySeal" ("day", "entries", "saleFen", "refundFen", "netFen", "digest")
      VALUES (${day}::date, ${seal.entries}, ${seal.saleFen}, ${seal.refundFen}, ${seal.netFen}, ${seal.digest})
      ON CONFLICT ("day") DO NOTHING`;
    if (written > 0) sealed.push(day);
  }
  return sealed;
}

/** The sealed days, newest first, as published on /transparency. */
export async function listSeals(prisma: PrismaClient): Promise<(DaySeal & { sealedAt: string })[]> {
  const rows = await prisma.ledgerDaySeal.findMany({ orderBy: { day: "desc" } });
  return rows.map((r) => ({
    day: isoDay(r.day),
    entries: r.entries,
    saleFen: Number(r.saleFen),
    refundFen: Number(r.refundFen),
    netFen: Number(r.netFen),
    digest: r.digest,
    sealedAt: r.sealedAt.toISOString(),
  }));
}

export interface SealMismatch {
  day: string;
  stored: DaySeal;
  now: DaySeal;
}

/** Recomputes every sealed day from the ledger as it is; a day whose digest or totals differ is named. */
export async function verifySeals(prisma: PrismaClient): Promise<{ checked: number; mismatches: SealMismatch[] }> {
  const seals = await listSeals(prisma);
  const mismatches: SealMismatch[] = [];
  for (const stored of seals) {
    const now = sealOf(stored.day, await dayEntries(prisma, stored.day));
    if (
      now.digest !== stored.digest ||
      now.entries !== stored.entries ||
      now.saleFen !== stored.saleFen ||
      now.refundFen !== stored.refundFen
    )
      mismatches.push({ day: stored.day, stored, now });
  }
  return { checked: seals.length, mismatches };
}
