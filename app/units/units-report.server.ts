// The report's units view: per unit, pledged, ordered, paid, delivered and refunded (from
// unitsOverview), the fair's totals, a unit's orders for the drill-down, and the CSV rows.
import type { PrismaClient } from "~/generated/prisma/client";
import type { CsvCell } from "~/utils/csv";
import { fenToDecimal } from "~/utils/money";
import { unitsOverview, type UnitOverviewRow } from "./units.server";

export type UnitsTotals = Omit<UnitOverviewRow, "organisationId" | "nameZh" | "nameEn">;

const FIGURES = ["pledgedFen", "orderedFen", "paidFen", "deliveredFen", "refundedFen"] as const;

export async function unitsReport(prisma: PrismaClient): Promise<{ rows: UnitOverviewRow[]; totals: UnitsTotals }> {
  const rows = await unitsOverview(prisma);
  const totals = Object.fromEntries(
    FIGURES.map((key) => [key, rows.reduce((sum, row) => sum + row[key], 0)]),
  ) as unknown as UnitsTotals;
  return { rows, totals };
}

/** One unit's orders (newest first) for the drill-down; null when it is not a unit. */
export async function unitOrders(prisma: PrismaClient, organisationId: string) {
  const unit = await prisma.organisation.findFirst({
    where: { id: organisationId, buyerKind: { not: null } },
    select: { id: true, nameZh: true, nameEn: true, buyerKind: true },
  });
  if (!unit) return null;
  const orders = await prisma.order.findMany({
    where: { onBehalfOfId: organisationId, channel: "UNIT" },
    orderBy: { createdAt: "desc" },
    take: 500,
    select: {
      id: true,
      status: true,
      totalFen: true,
      refundedFen: true,
      paymentProvider: true,
      transferReference: true,
      createdAt: true,
      paidAt: true,
      _count: { select: { recipients: true } },
      invoiceRequests: { select: { status: true } },
      orderFulfilments: { select: { status: true } },
    },
  });
  const pledges = await prisma.pledge.findMany({
    where: { organisationId },
    orderBy: { signedOn: "desc" },
    select: { id: true, amountFen: true, signedOn: true, notes: true },
  });
  return { unit, orders, pledges };
}

/** The units view as CSV rows (amounts in yuan with two decimals, so Excel sums them). */
export function unitsCsv(report: Awaited<ReturnType<typeof unitsReport>>, locale: "zh" | "en") {
  const header: CsvCell[] =
    locale === "zh"
      ? ["单位", "Unit", "认购金额（元）", "下单金额（元）", "已付金额（元）", "已发货金额（元）", "退款金额（元）"]
      : ["单位", "Unit", "Pledged (CNY)", "Ordered (CNY)", "Paid (CNY)", "Delivered (CNY)", "Refunded (CNY)"];
  const figures = (r: UnitsTotals) => FIGURES.map((key) => fenToDecimal(r[key]));
  const rows: CsvCell[][] = report.rows.map((r) => [r.nameZh, r.nameEn, ...figures(r)]);
  rows.push([locale === "zh" ? "合计" : "Total", "Total", ...figures(report.totals)]);
  return { header, rows };
}

/** The transparency page's line: what units pledged against what they paid, fair-wide. */
export async function pledgedAgainstPaid(prisma: PrismaClient) {
  const { totals } = await unitsReport(prisma);
  return { pledgedFen: totals.pledgedFen, paidFen: totals.paidFen - totals.refundedFen };
}
