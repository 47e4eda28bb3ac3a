import type { PrismaClient } from "~/generated/prisma/client";
import { FEW_LEFT } from "~/components/ProductCard";

/** What an organiser sees first: orders that need a refund, and the latest orders. */
export async function getOrganiserOverview(prisma: PrismaClient) {
  const [needsRefund, recent] = await Promise.all([
    prisma.order.findMany({
      where: { status: "NEEDS_REFUND" },
      orderBy: { paidAt: "asc" },
      select: { id: true, token: true, totalFen: true, paidAt: true, contactName: true },
    }),
    prisma.order.findMany({
      orderBy: { createdAt: "desc" },
      take: 20,
      select: { id: true, token: true, status: true, totalFen: true, createdAt: true, channel: true },
    }),
  ]);
  return { needsRefund, recent };
}

const shanghaiMidnight = (now: Date) => {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(now);
  return new Date(`${day}T00:00:00+08:00`);
};

/** A cooperative's dashboard, every query scoped to that cooperative. Sales are ledger sums. */
export async function getCooperativeDashboard(prisma: PrismaClient, cooperativeId: string, now = new Date()) {
  const [today, fair, toFulfil, lowStock] = await Promise.all([
    prisma.ledgerEntry.aggregate({
      where: { cooperativeId, target: "COOPERATIVE", occurredAt: { gte: shanghaiMidnight(now) } },
      _sum: { amountFen: true },
    }),
    prisma.ledgerEntry.aggregate({ where: { cooperativeId, target: "COOPERATIVE" }, _sum: { amountFen: true } }),
    prisma.order.findMany({
      where: { status: "PAID", lines: { some: { cooperativeId } } },
      orderBy: { paidAt: "asc" },
      take: 50,
      select: {
        id: true,
        token: true,
        paidAt: true,
        fulfilment: true,
        contactName: true,
        lines: { where: { cooperativeId }, select: { nameZh: true, nameEn: true, quantity: true, lineTotalFen: true } },
      },
    }),
    prisma.product.findMany({
      where: { cooperativeId, status: "LISTED", stock: { lte: FEW_LEFT } },
      orderBy: { stock: "asc" },
      select: { id: true, slug: true, nameZh: true, nameEn: true, stock: true },
    }),
  ]);
  return { salesTodayFen: today._sum.amountFen ?? 0, salesFairFen: fair._sum.amountFen ?? 0, toFulfil, lowStock };
}
