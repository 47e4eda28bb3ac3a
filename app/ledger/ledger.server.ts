import type { PrismaClient, Prisma } from "~/generated/prisma/client";
import type { LedgerTarget } from "~/generated/prisma/enums";
import { allocateByWeight } from "./attribution";

interface EntryDraft {
  target: LedgerTarget;
  amountFen: number;
  organisationId: string | null;
}

/** The attribution rule of DOMAIN.md for one amount: who gets what, in whole fen. */
export function attribute(
  amountFen: number,
  sellerPartners: { organisationId: string; weight: number }[],
  buyerOrganisationId: string | null,
): EntryDraft[] {
  const entries: EntryDraft[] = [
    { target: "COOPERATIVE", amountFen, organisationId: null },
    { target: "COUNTY", amountFen, organisationId: null },
    { target: "REGION", amountFen, organisationId: null },
  ];
  const shares = allocateByWeight(
    amountFen,
    sellerPartners.map((p) => ({ key: p.organisationId, weight: p.weight })),
  );
  for (const [organisationId, share] of [...shares].sort(([a], [b]) => (a < b ? -1 : 1))) {
    entries.push({ target: "ORGANISATION_ASSISTED", amountFen: share, organisationId });
  }
  if (buyerOrganisationId)
    entries.push({ target: "ORGANISATION_DIRECT", amountFen, organisationId: buyerOrganisationId });
  return entries;
}

/**
 * The sale entries an order attributes if it is paid now: each line to its cooperative, county
 * and region; seller-side organisations are those paired with the line's cooperative, or, if
 * none, with its county, at this moment (keyed by organisation id, as recorded). recordSale
 * writes exactly these; the receipt of an unpaid order shows them as not yet recorded.
 */
export async function projectSale(tx: Prisma.TransactionClient, orderId: string, occurredAt: Date) {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      onBehalfOfId: true,
      channel: true,
      lines: {
        orderBy: { id: "asc" },
        select: {
          id: true,
          productId: true,
          lineTotalFen: true,
          certified: true,
          product: { select: { categoryId: true } },
          cooperative: {
            select: { id: true, countyId: true, householdsLinked: true, county: { select: { regionId: true } } },
          },
        },
      },
    },
  });
  const partnerships = await tx.partnership.findMany({
    where: {
      OR: [
        { cooperativeId: { in: order.lines.map((l) => l.cooperative.id) } },
        { countyId: { in: order.lines.map((l) => l.cooperative.countyId) } },
      ],
    },
    select: { organisationId: true, cooperativeId: true, countyId: true, weight: true },
  });
  return order.lines.flatMap((line) => {
    const own = partnerships.filter((p) => p.cooperativeId === line.cooperative.id);
    const partners = own.length > 0 ? own : partnerships.filter((p) => p.countyId === line.cooperative.countyId);
    return attribute(line.lineTotalFen, partners, order.onBehalfOfId).map((entry) => ({
      ...entry,
      kind: "SALE" as const,
      orderId,
      orderLineId: line.id,
      productId: line.productId,
      categoryId: line.product.categoryId,
      cooperativeId: line.cooperative.id,
      countyId: line.cooperative.countyId,
      regionId: line.cooperative.county.regionId,
      certified: line.certified,
      channel: order.channel,
      // The households the cooperative linked when it sold (reports count them as of the sale).
      householdsLinked: entry.target === "COOPERATIVE" ? line.cooperative.householdsLinked : null,
      occurredAt,
    }));
  });
}

/**
 * Writes the sale entries of a paid order (projectSale's), in the caller's transaction (the one
 * that marks the order paid).
 */
export async function recordSale(tx: Prisma.TransactionClient, orderId: string, occurredAt: Date): Promise<number> {
  const rows = await projectSale(tx, orderId, occurredAt);
  await tx.ledgerEntry.createMany({ data: rows });
  return rows.length;
}

/**
 * Writes the exact negatives of what the refunded lines attributed. A line refunded in parts
 * is reversed cumulatively: after each refund, the line's reversed total per organisation is
 * the largest-remainder split of everything refunded so far over the sale's own shares, so the
 * parts add up to exactly the sale entries when the whole line is refunded.
 */
export async function recordRefund(tx: Prisma.TransactionClient, refundId: string, occurredAt: Date): Promise<number> {
  const refund = await tx.refund.findUniqueOrThrow({
    where: { id: refundId },
    select: { orderId: true, lines: { select: { orderLineId: true, amountFen: true } } },
  });
  const rows = [];
  for (const refundLine of refund.lines) {
    const sale = await tx.ledgerEntry.findMany({ where: { orderLineId: refundLine.orderLineId, kind: "SALE" } });
    const earlier = await tx.ledgerEntry.findMany({
      where: { orderLineId: refundLine.orderLineId, kind: "REFUND", refundId: { not: refundId } },
      select: { target: true, organisationId: true, amountFen: true },
    });
    const lineSale = sale.find((e) => e.target === "COOPERATIVE");
    if (!lineSale) throw new Error(`refund ${refundId}: line ${refundLine.orderLineId} has no sale entries`);
    const refundedBefore = -earlier.filter((e) => e.target === "COOPERATIVE").reduce((s, e) => s + e.amountFen, 0);
    const refundedAfter = refundedBefore + refundLine.amountFen;
    const split = (total: number, targets: typeof sale) =>
      allocateByWeight(
        total,
        targets.map((e) => ({ key: `${e.target}:${e.organisationId ?? ""}`, weight: e.amountFen })),
      );
    // Organisation shares are split over the sale's shares; the cooperative, county, region and
    // direct purchase each reverse the refunded amount itself.
    const assisted = sale.filter((e) => e.target === "ORGANISATION_ASSISTED");
    const after = split(refundedAfter, assisted);
    const before = split(refundedBefore, assisted);
    for (const entry of sale) {
      const key = `${entry.target}:${entry.organisationId ?? ""}`;
      const amount =
        entry.target === "ORGANISATION_ASSISTED"
          ? (after.get(key) ?? 0) - (before.get(key) ?? 0)
          : refundLine.amountFen;
      rows.push({
        kind: "REFUND" as const,
        target: entry.target,
        amountFen: -amount,
        orderId: refund.orderId,
        orderLineId: entry.orderLineId,
        refundId,
        productId: entry.productId,
        categoryId: entry.categoryId,
        cooperativeId: entry.cooperativeId,
        countyId: entry.countyId,
        regionId: entry.regionId,
        organisationId: entry.organisationId,
        certified: entry.certified,
        channel: entry.channel,
        occurredAt,
      });
    }
  }
  await tx.ledgerEntry.createMany({ data: rows });
  return rows.length;
}

export interface LedgerMismatch {
  orderId: string;
  target: LedgerTarget;
  expectedFen: number;
  ledgerFen: number;
}

/**
 * Proves the ledger reconciles with the money: for every order, the net of each of its
 * cooperative, county and region entries (and its direct purchase, if any) equals the money
 * received minus the money refunded; assisting organisations' shares of a line add up to the
 * line's net or are absent. Returns the mismatches (none when the ledger is right).
 */
export async function verifyLedger(prisma: PrismaClient) {
  const expected = await prisma.$queryRaw<{ orderId: string; netFen: bigint; direct: boolean }[]>`
    SELECT o."id" AS "orderId",
           (o."totalFen" - COALESCE((SELECT SUM(r."amountFen") FROM "Refund" r WHERE r."orderId" = o."id" AND r."status" = 'SUCCEEDED'), 0))::bigint AS "netFen",
           (o."onBehalfOfId" IS NOT NULL) AS "direct"
    FROM "Order" o
    WHERE o."status" IN ('PAID', 'PARTLY_REFUNDED', 'REFUNDED')`;
  const sums = await prisma.$queryRaw<{ orderId: string; target: LedgerTarget; sumFen: bigint }[]>`
    SELECT "orderId", "target", SUM("amountFen")::bigint AS "sumFen" FROM "LedgerEntry" GROUP BY "orderId", "target"`;
  const lineChecks = await prisma.$queryRaw<
    { orderId: string; orderLineId: string; lineFen: bigint; assistedFen: bigint; hasAssisted: boolean }[]
  >`
    SELECT "orderId", "orderLineId",
           SUM(CASE WHEN "target" = 'COOPERATIVE' THEN "amountFen" ELSE 0 END)::bigint AS "lineFen",
           SUM(CASE WHEN "target" = 'ORGANISATION_ASSISTED' THEN "amountFen" ELSE 0 END)::bigint AS "assistedFen",
           BOOL_OR("target" = 'ORGANISATION_ASSISTED') AS "hasAssisted"
    FROM "LedgerEntry" GROUP BY "orderId", "orderLineId"`;

  const ledger = new Map(sums.map((s) => [`${s.orderId}:${s.target}`, Number(s.sumFen)]));
  const mismatches: LedgerMismatch[] = [];
  const expectedOrders = new Set<string>();
  let moneyFen = 0;
  for (const order of expected) {
    expectedOrders.add(order.orderId);
    const net = Number(order.netFen);
    moneyFen += net;
    const targets: LedgerTarget[] = [
      "COOPERATIVE",
      "COUNTY",
      "REGION",
      ...(order.direct ? (["ORGANISATION_DIRECT"] as const) : []),
    ];
    for (const target of targets) {
      const ledgerFen = ledger.get(`${order.orderId}:${target}`) ?? 0;
      if (ledgerFen !== net) mismatches.push({ orderId: order.orderId, target, expectedFen: net, ledgerFen });
    }
  }
  // Entries for an order that has not received money (or has none of it left) are wrong too.
  for (const s of sums) {
    if (!expectedOrders.has(s.orderId) && Number(s.sumFen) !== 0) {
      mismatches.push({ orderId: s.orderId, target: s.target, expectedFen: 0, ledgerFen: Number(s.sumFen) });
    }
  }
  for (const line of lineChecks) {
    if (line.hasAssisted && Number(line.assistedFen) !== Number(line.lineFen)) {
      mismatches.push({
        orderId: line.orderId,
        target: "ORGANISATION_ASSISTED",
        expectedFen: Number(line.lineFen),
        ledgerFen: Number(line.assistedFen),
      });
    }
  }
  const ledgerFen = sums.filter((s) => s.target === "COOPERATIVE").reduce((sum, s) => sum + Number(s.sumFen), 0);
  return { orders: expected.length, moneyFen, ledgerFen, mismatches };
}
