import { Prisma, type PrismaClient } from "~/generated/prisma/client";
import { canonicalEntry, CANONICAL_FIELDS, type LedgerEntryRow } from "~/ledger/seal.server";
import {
  channelLabelKey,
  shanghaiDateTime as shanghai,
  type EntryDrill,
  type EntryErrorCode,
} from "~/reports/entries-params";
import type { ReportFilters } from "~/reports/report-params";
import { resolveScope, type ResolvedFilters } from "~/reports/reports.server";
import type { ReportScope } from "~/reports/types";
import type { CsvCell } from "~/utils/csv";
import { pick, type Locale } from "~/utils/i18n";
import { translate, type MessageKey } from "~/i18n/areas/console";
import { fenToDecimal } from "~/utils/money";

/**
 * The ledger entries behind a report figure (the drill-through): the same filters as the
 * report, over LedgerEntry itself rather than its rollups, so the list's sum is the figure and
 * every row names its order. Paginated on the page; the CSV has every row, with the canonical
 * fields a sealed day's digest is computed from (docs/ledger-digest.md).
 */

export type RefundState = "none" | "partial" | "full" | "reversal";

export interface EntryRow {
  id: string;
  orderId: string;
  /** The order number buyers and organisers see (first 8 characters of the id, upper case). */
  orderNumber: string;
  occurredAt: string;
  kind: "SALE" | "REFUND";
  target: string;
  amountFen: number;
  productNameZh: string;
  productNameEn: string;
  channel: "ONLINE" | "BOOTH" | "UNIT";
  fulfilment: "BOOTH_PICKUP" | "DELIVERY";
  refundState: RefundState;
  organisation: { nameZh: string; nameEn: string } | null;
  certified: boolean;
}

export interface EntriesPage {
  scope: ReportScope;
  /** The names of what the drill picked (a product, category or organisation), for the heading. */
  picked: { nameZh: string; nameEn: string }[];
  count: number;
  sumFen: number;
  /** Each with its row as stored (raw: for the CSV's canonical fields; not for the page, it holds a bigint). */
  rows: (EntryRow & { raw: LedgerEntryRow })[];
  page: number;
  pages: number;
}

type Raw = LedgerEntryRow & {
  fulfilment: EntryRow["fulfilment"];
  nameZh: string;
  nameEn: string;
  quantity: number;
  refundedQuantity: number;
  orgNameZh: string | null;
  orgNameEn: string | null;
};

const TARGET: Record<EntryDrill["what"], string | null> = {
  line: "COOPERATIVE",
  assisted: "ORGANISATION_ASSISTED",
  direct: "ORGANISATION_DIRECT",
  all: null,
};

function where(
  w: ResolvedFilters,
  drill: EntryDrill,
  ids: { product?: string; category?: string; organisation?: string },
) {
  const c: Prisma.Sql[] = [];
  const target = TARGET[drill.what];
  if (target) c.push(Prisma.sql`e."target" = ${target}::"LedgerTarget"`);
  else if (drill.organisation) c.push(Prisma.sql`e."target" IN ('ORGANISATION_ASSISTED', 'ORGANISATION_DIRECT')`);
  if (w.from)
    c.push(Prisma.sql`e."occurredAt" >= (${w.from}::date::timestamp AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'UTC'`);
  if (w.to)
    c.push(
      Prisma.sql`e."occurredAt" < ((${w.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'UTC'`,
    );
  if (w.regionId) c.push(Prisma.sql`e."regionId" = ${w.regionId}`);
  if (w.countyId) c.push(Prisma.sql`e."countyId" = ${w.countyId}`);
  if (w.cooperativeId) c.push(Prisma.sql`e."cooperativeId" = ${w.cooperativeId}`);
  if (w.certified) c.push(Prisma.sql`e."certified"`);
  if (w.channel) c.push(Prisma.sql`e."channel" = ${w.channel}::"SalesChannel"`);
  if (ids.product) c.push(Prisma.sql`e."productId" = ${ids.product}`);
  if (ids.category) c.push(Prisma.sql`e."categoryId" = ${ids.category}`);
  if (ids.organisation) c.push(Prisma.sql`e."organisationId" = ${ids.organisation}`);
  if (drill.kind) c.push(Prisma.sql`e."kind" = ${drill.kind === "sale" ? "SALE" : "REFUND"}::"LedgerKind"`);
  if (drill.fulfilment)
    c.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "Order" f WHERE f."id" = e."orderId" AND f."fulfilment" = ${
        drill.fulfilment === "pickup" ? "BOOTH_PICKUP" : "DELIVERY"
      }::"Fulfilment")`,
    );
  if (drill.hour !== undefined)
    c.push(
      Prisma.sql`extract(hour from (e."occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai') = ${drill.hour}`,
    );
  return c.length ? Prisma.sql`WHERE ${Prisma.join(c, " AND ")}` : Prisma.empty;
}

/** The entries of a drill: one page of them (`pageSize`), or all of them (`pageSize` null, for the CSV). */
export async function getEntries(
  prisma: PrismaClient,
  filters: ReportFilters,
  drill: EntryDrill,
  page: number,
  pageSize: number | null,
): Promise<{ ok: true; entries: EntriesPage } | { ok: false; errors: EntryErrorCode[] }> {
  const resolved = await resolveScope(prisma, filters);
  if ("errors" in resolved) return { ok: false, errors: resolved.errors };
  const bySlug = { select: { id: true, nameZh: true, nameEn: true } } as const;
  const [product, category, organisation] = await Promise.all([
    drill.product ? prisma.product.findUnique({ where: { slug: drill.product }, ...bySlug }) : null,
    drill.category ? prisma.category.findUnique({ where: { slug: drill.category }, ...bySlug }) : null,
    drill.organisation ? prisma.organisation.findUnique({ where: { slug: drill.organisation }, ...bySlug }) : null,
  ]);
  if ((drill.product && !product) || (drill.category && !category) || (drill.organisation && !organisation))
    return { ok: false, errors: ["drillUnknown"] };
  const clause = where(resolved.where, drill, {
    product: product?.id,
    category: category?.id,
    organisation: organisation?.id,
  });
  const [[totals]] = await Promise.all([
    prisma.$queryRaw<{ count: bigint; sumFen: bigint | null }[]>`
      SELECT count(*)::bigint AS "count", SUM(e."amountFen")::bigint AS "sumFen" FROM "LedgerEntry" e ${clause}`,
  ]);
  const count = Number(totals?.count ?? 0);
  const pages = pageSize ? Math.max(1, Math.ceil(count / pageSize)) : 1;
  const current = Math.min(page, pages);
  const rows = await prisma.$queryRaw<Raw[]>`
    SELECT e."id", e."kind"::text AS "kind", e."target"::text AS "target", e."amountFen", e."orderId", e."orderLineId",
           e."refundId", e."productId", e."categoryId", e."cooperativeId", e."countyId", e."regionId", e."organisationId",
           e."certified", e."channel"::text AS "channel", e."occurredAt",
           o."fulfilment"::text AS "fulfilment", l."nameZh", l."nameEn", l."quantity", l."refundedQuantity",
           g."nameZh" AS "orgNameZh", g."nameEn" AS "orgNameEn"
    FROM "LedgerEntry" e
    JOIN "Order" o ON o."id" = e."orderId"
    JOIN "OrderLine" l ON l."id" = e."orderLineId"
    LEFT JOIN "Organisation" g ON g."id" = e."organisationId"
    ${clause}
    ORDER BY e."occurredAt", e."id"
    ${pageSize ? Prisma.sql`LIMIT ${pageSize} OFFSET ${(current - 1) * pageSize}` : Prisma.empty}`;
  return {
    ok: true,
    entries: {
      scope: resolved.scope,
      picked: [product, category, organisation].filter((x): x is NonNullable<typeof x> => Boolean(x)),
      count,
      sumFen: Number(totals?.sumFen ?? 0),
      page: current,
      pages,
      rows: rows.map((r) => ({
        ...toEntry(r),
        raw: r,
      })),
    },
  };
}

function toEntry(r: Raw): EntryRow {
  const refundState: RefundState =
    r.kind === "REFUND"
      ? "reversal"
      : r.refundedQuantity === 0
        ? "none"
        : r.refundedQuantity >= r.quantity
          ? "full"
          : "partial";
  return {
    id: String(r.id),
    orderId: r.orderId,
    orderNumber: r.orderId.slice(0, 8).toUpperCase(),
    occurredAt: new Date(r.occurredAt).toISOString(),
    kind: r.kind as EntryRow["kind"],
    target: r.target,
    amountFen: r.amountFen,
    productNameZh: r.nameZh,
    productNameEn: r.nameEn,
    channel: r.channel as EntryRow["channel"],
    fulfilment: r.fulfilment,
    refundState,
    organisation: r.orgNameZh ? { nameZh: r.orgNameZh, nameEn: r.orgNameEn ?? r.orgNameZh } : null,
    certified: r.certified,
  };
}

/** The CSV of a drill: what the page shows, then the canonical fields of every entry (docs/ledger-digest.md). */
export function entriesCsv(rows: (EntryRow & { raw: LedgerEntryRow })[], locale: Locale) {
  const t = (key: MessageKey) => translate(locale, key);
  const header: CsvCell[] = [
    t("reports.entries.col.order"),
    t("reports.entries.col.time"),
    t("reports.entries.col.product"),
    t("reports.entries.col.channel"),
    t("reports.entries.col.amount"),
    t("reports.entries.col.refund"),
    t("reports.entries.col.organisation"),
    ...CANONICAL_FIELDS,
  ];
  const body: CsvCell[][] = rows.map((r) => {
    const canonical = canonicalEntry(r.raw);
    return [
      r.orderNumber,
      shanghai(r.occurredAt),
      pick(locale, { nameZh: r.productNameZh, nameEn: r.productNameEn }, "name"),
      t(channelLabelKey(r.channel, r.fulfilment)),
      fenToDecimal(r.amountFen),
      t(`reports.entries.refund.${r.refundState}`),
      r.organisation ? pick(locale, r.organisation, "name") : "",
      ...CANONICAL_FIELDS.map((f) => canonical[f]),
    ];
  });
  return { header, body };
}
