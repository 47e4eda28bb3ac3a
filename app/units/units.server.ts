// Buying units (单位): invoice requests split per cooperative, purchase pledges, the unit's own
// statement and the organisers' units view. Orders, holds and transfers change order state, so
// they live in payments/unit-checkout.server.ts.
import type { PrismaClient } from "~/generated/prisma/client";
import { checkCreditCode } from "./credit-code";

export class UnitError extends Error {
  constructor(public readonly problem: "bad-credit-code" | "nothing-to-invoice" | "unknown-invoice") {
    super(problem);
  }
}

/**
 * Splits a paid unit order's invoice request per cooperative (each cooperative is the seller and
 * issues its own VAT invoice), net of refunds. Idempotent: asking again returns the same requests.
 */
export async function requestInvoices(
  prisma: PrismaClient,
  args: { orderId: string; organisationId: string; title: string; creditCode: string },
) {
  const code = checkCreditCode(args.creditCode);
  if (!code.ok) throw new UnitError("bad-credit-code");
  const order = await prisma.order.findFirst({
    where: {
      id: args.orderId,
      onBehalfOfId: args.organisationId,
      channel: "UNIT",
      status: { in: ["PAID", "PARTLY_REFUNDED"] },
    },
    select: { lines: { select: { cooperativeId: true, unitPriceFen: true, quantity: true, refundedQuantity: true } } },
  });
  if (!order) throw new UnitError("nothing-to-invoice");
  const perCooperative = new Map<string, number>();
  for (const line of order.lines) {
    const net = (line.quantity - line.refundedQuantity) * line.unitPriceFen;
    if (net > 0) perCooperative.set(line.cooperativeId, (perCooperative.get(line.cooperativeId) ?? 0) + net);
  }
  if (perCooperative.size === 0) throw new UnitError("nothing-to-invoice");
  await prisma.$transaction(
    [...perCooperative].map(([cooperativeId, amountFen]) =>
      prisma.invoiceRequest.upsert({
        where: { orderId_cooperativeId: { orderId: args.orderId, cooperativeId } },
        create: { orderId: args.orderId, cooperativeId, amountFen, title: args.title.trim(), creditCode: code.code },
        // Details may be corrected until the cooperative has issued the invoice.
        update: {},
      }),
    ),
  );
  await prisma.invoiceRequest.updateMany({
    where: { orderId: args.orderId, status: "REQUESTED" },
    data: { title: args.title.trim(), creditCode: code.code },
  });
  return prisma.invoiceRequest.findMany({ where: { orderId: args.orderId }, orderBy: { cooperativeId: "asc" } });
}

/** A cooperative marks its own invoice issued; scoped to the cooperative in the query itself. */
export async function markInvoiceIssued(
  prisma: PrismaClient,
  args: { invoiceId: string; cooperativeId: string; invoiceNumber: string; issuedOn: Date },
) {
  const { count } = await prisma.invoiceRequest.updateMany({
    where: { id: args.invoiceId, cooperativeId: args.cooperativeId, status: "REQUESTED" },
    data: { status: "ISSUED", invoiceNumber: args.invoiceNumber.trim(), issuedOn: args.issuedOn },
  });
  if (count !== 1) throw new UnitError("unknown-invoice");
}

export async function recordPledge(
  prisma: PrismaClient,
  args: { organisationId: string; amountFen: number; signedOn: Date; notes: string; recordedById: string },
) {
  return prisma.pledge.create({ data: { ...args, notes: args.notes.trim() } });
}

export interface StatementRow {
  regionId: string;
  regionZh: string;
  regionEn: string;
  countyId: string;
  countyZh: string;
  countyEn: string;
  cooperativeId: string;
  cooperativeZh: string;
  cooperativeEn: string;
  certified: boolean;
  netFen: number;
}

/**
 * The unit's own statement (消费帮扶采购情况): its direct purchases from the ledger (sales minus
 * refunds, by when the money moved, in Shanghai days from..to inclusive), by region, county and
 * cooperative, certified goods apart. A sum over the ledger, so it equals the ledger to the fen.
 */
export async function unitStatement(
  prisma: PrismaClient,
  args: { organisationId: string; from: string; to: string },
): Promise<{ rows: StatementRow[]; certifiedFen: number; uncertifiedFen: number; totalFen: number }> {
  const rows = await prisma.$queryRaw<(Omit<StatementRow, "netFen"> & { netFen: bigint })[]>`
    SELECT r."id" AS "regionId", r."nameZh" AS "regionZh", r."nameEn" AS "regionEn",
           c."id" AS "countyId", c."nameZh" AS "countyZh", c."nameEn" AS "countyEn",
           co."id" AS "cooperativeId", co."nameZh" AS "cooperativeZh", co."nameEn" AS "cooperativeEn",
           e."certified", sum(e."amountFen")::bigint AS "netFen"
    FROM "LedgerEntry" e
    JOIN "PairedRegion" r ON r."id" = e."regionId"
    JOIN "County" c ON c."id" = e."countyId"
    JOIN "Cooperative" co ON co."id" = e."cooperativeId"
    WHERE e."target" = 'ORGANISATION_DIRECT' AND e."organisationId" = ${args.organisationId}
      AND ((e."occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ${args.from}::date AND ${args.to}::date
    GROUP BY r."id", c."id", co."id", e."certified"
    HAVING sum(e."amountFen") <> 0
    ORDER BY r."nameZh", c."nameZh", co."nameZh", e."certified" DESC`;
  const list = rows.map((row) => ({ ...row, netFen: Number(row.netFen) }));
  const certifiedFen = list.filter((r) => r.certified).reduce((sum, r) => sum + r.netFen, 0);
  const uncertifiedFen = list.filter((r) => !r.certified).reduce((sum, r) => sum + r.netFen, 0);
  return { rows: list, certifiedFen, uncertifiedFen, totalFen: certifiedFen + uncertifiedFen };
}

export interface UnitOverviewRow {
  organisationId: string;
  nameZh: string;
  nameEn: string;
  pledgedFen: number;
  orderedFen: number;
  paidFen: number;
  deliveredFen: number;
  refundedFen: number;
}

/** The organisers' units view: pledged, ordered, paid, delivered and refunded per unit. */
export async function unitsOverview(prisma: PrismaClient): Promise<UnitOverviewRow[]> {
  const rows = await prisma.$queryRaw<
    {
      organisationId: string;
      nameZh: string;
      nameEn: string;
      pledgedFen: bigint;
      orderedFen: bigint;
      paidFen: bigint;
      deliveredFen: bigint;
      refundedFen: bigint;
    }[]
  >`
    SELECT o."id" AS "organisationId", o."nameZh", o."nameEn",
      COALESCE((SELECT sum(p."amountFen") FROM "Pledge" p WHERE p."organisationId" = o."id"), 0)::bigint AS "pledgedFen",
      COALESCE((SELECT sum(x."totalFen") FROM "Order" x WHERE x."onBehalfOfId" = o."id" AND x."channel" = 'UNIT'), 0)::bigint AS "orderedFen",
      COALESCE((SELECT sum(x."totalFen") FROM "Order" x WHERE x."onBehalfOfId" = o."id" AND x."channel" = 'UNIT' AND x."paidAt" IS NOT NULL AND x."status" IN ('PAID', 'PARTLY_REFUNDED', 'REFUNDED')), 0)::bigint AS "paidFen",
      COALESCE((SELECT sum(l."lineTotalFen") FROM "OrderLine" l JOIN "Order" x ON x."id" = l."orderId" JOIN "OrderFulfilment" f ON f."orderId" = x."id" AND f."cooperativeId" = l."cooperativeId"
                WHERE x."onBehalfOfId" = o."id" AND x."channel" = 'UNIT' AND f."status" IN ('SHIPPED', 'PICKED_UP')), 0)::bigint AS "deliveredFen",
      COALESCE((SELECT sum(x."refundedFen") FROM "Order" x WHERE x."onBehalfOfId" = o."id" AND x."channel" = 'UNIT'), 0)::bigint AS "refundedFen"
    FROM "Organisation" o
    WHERE o."buyerKind" IS NOT NULL
    ORDER BY o."nameZh"`;
  return rows.map((r) => ({
    organisationId: r.organisationId,
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    pledgedFen: Number(r.pledgedFen),
    orderedFen: Number(r.orderedFen),
    paidFen: Number(r.paidFen),
    deliveredFen: Number(r.deliveredFen),
    refundedFen: Number(r.refundedFen),
  }));
}

/**
 * A cooperative's invoice requests (it is the seller), open ones first: only its own, scoped in
 * the query. With the order's lines of this cooperative, so staff can see what the invoice covers.
 */
export async function listCooperativeInvoices(prisma: PrismaClient, cooperativeId: string) {
  return prisma.invoiceRequest.findMany({
    where: { cooperativeId },
    orderBy: [{ status: "asc" }, { createdAt: "asc" }],
    take: 500,
    select: {
      id: true,
      title: true,
      creditCode: true,
      amountFen: true,
      status: true,
      invoiceNumber: true,
      issuedOn: true,
      createdAt: true,
      order: {
        select: {
          id: true,
          onBehalfOf: { select: { nameZh: true, nameEn: true } },
          lines: {
            where: { cooperativeId },
            orderBy: { id: "asc" },
            select: {
              id: true,
              nameZh: true,
              nameEn: true,
              quantity: true,
              refundedQuantity: true,
              unitPriceFen: true,
            },
          },
        },
      },
    },
  });
}
