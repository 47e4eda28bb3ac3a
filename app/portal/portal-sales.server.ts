import type { PrismaClient } from "~/generated/prisma/client";
import { FEW_LEFT } from "~/catalog/stock";
import { shanghaiMidnight } from "~/utils/shanghai-time";

/*
 * A cooperative's own figures. They are sums over the ledger's COOPERATIVE entries for the
 * cooperative, the same entries the organisers' report sums for it (reports.server.ts), so both
 * show the same numbers to the fen. Refunds are negative entries: net = sales − refunds.
 */

const sum = (value: number | null | undefined) => value ?? 0;

/** The dashboard: today's (Shanghai day) and the fair's net sales, orders to hand over, low stock. */
export async function getCooperativeDashboard(prisma: PrismaClient, cooperativeId: string, now = new Date()) {
  const mine = { cooperativeId, target: "COOPERATIVE" as const };
  const [today, fair, toFulfil, toFulfilCount, lowStock] = await Promise.all([
    prisma.ledgerEntry.aggregate({
      where: { ...mine, occurredAt: { gte: shanghaiMidnight(now) } },
      _sum: { amountFen: true },
    }),
    prisma.ledgerEntry.aggregate({ where: mine, _sum: { amountFen: true } }),
    prisma.order.findMany({
      where: openOrdersWhere(cooperativeId),
      orderBy: { paidAt: "asc" },
      take: 10,
      select: {
        id: true,
        paidAt: true,
        fulfilment: true,
        contactName: true,
        lines: { where: { cooperativeId }, select: { nameZh: true, nameEn: true, quantity: true, lineTotalFen: true } },
      },
    }),
    prisma.order.count({ where: openOrdersWhere(cooperativeId) }),
    prisma.product.findMany({
      where: { cooperativeId, status: "LISTED", stock: { lte: FEW_LEFT } },
      orderBy: [{ stock: "asc" }, { nameZh: "asc" }],
      select: { id: true, nameZh: true, nameEn: true, stock: true },
    }),
  ]);
  return {
    salesTodayFen: sum(today._sum.amountFen),
    salesFairFen: sum(fair._sum.amountFen),
    toFulfil,
    toFulfilCount,
    lowStock,
  };
}

/** Paid orders with this cooperative's goods that it has not yet shipped or handed over. */
function openOrdersWhere(cooperativeId: string) {
  return {
    status: { in: ["PAID" as const, "PARTLY_REFUNDED" as const] },
    lines: { some: { cooperativeId } },
    orderFulfilments: { none: { cooperativeId, status: { in: ["SHIPPED" as const, "PICKED_UP" as const] } } },
  };
}

export interface SalesMoney {
  saleFen: number;
  refundFen: number;
  netFen: number;
}
const zero = (): SalesMoney => ({ saleFen: 0, refundFen: 0, netFen: 0 });
function addEntry(money: SalesMoney, kind: "SALE" | "REFUND", amountFen: number) {
  if (kind === "SALE") money.saleFen += amountFen;
  else money.refundFen -= amountFen; // refund entries are negative; shown as a positive amount taken off
  money.netFen += amountFen;
}

/**
 * The sales page: totals (online and booth, certified), per product and per Shanghai day, all
 * from the cooperative's ledger entries.
 */
export async function getCooperativeSales(prisma: PrismaClient, cooperativeId: string) {
  const mine = { cooperativeId, target: "COOPERATIVE" as const };
  const [groups, byProduct, byDay, orders] = await Promise.all([
    prisma.ledgerEntry.groupBy({
      by: ["kind", "channel", "certified"],
      where: mine,
      _sum: { amountFen: true },
    }),
    prisma.ledgerEntry.groupBy({ by: ["productId", "kind"], where: mine, _sum: { amountFen: true } }),
    prisma.$queryRaw<{ day: string; kind: "SALE" | "REFUND"; amountFen: bigint }[]>`
      SELECT to_char(("occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "day",
             "kind"::text AS "kind", SUM("amountFen")::bigint AS "amountFen"
      FROM "LedgerEntry"
      WHERE "cooperativeId" = ${cooperativeId} AND "target" = 'COOPERATIVE'
      GROUP BY 1, 2 ORDER BY 1 DESC`,
    prisma.$queryRaw<{ orders: bigint }[]>`
      SELECT count(DISTINCT "orderId")::bigint AS "orders" FROM "LedgerEntry"
      WHERE "cooperativeId" = ${cooperativeId} AND "target" = 'COOPERATIVE' AND "kind" = 'SALE'`,
  ]);

  const total = zero();
  const online = zero();
  const booth = zero();
  const certified = zero();
  for (const g of groups) {
    const amount = sum(g._sum.amountFen);
    addEntry(total, g.kind, amount);
    addEntry(g.channel === "BOOTH" ? booth : online, g.kind, amount);
    if (g.certified) addEntry(certified, g.kind, amount);
  }

  const productMoney = new Map<string, SalesMoney>();
  for (const g of byProduct) {
    const money = productMoney.get(g.productId) ?? zero();
    addEntry(money, g.kind, sum(g._sum.amountFen));
    productMoney.set(g.productId, money);
  }
  const products = await prisma.product.findMany({
    where: { id: { in: [...productMoney.keys()] } },
    select: { id: true, nameZh: true, nameEn: true },
  });
  const names = new Map(products.map((p) => [p.id, p]));
  const productRows = [...productMoney]
    .map(([id, money]) => ({ id, nameZh: names.get(id)?.nameZh ?? id, nameEn: names.get(id)?.nameEn ?? id, ...money }))
    .sort((a, b) => b.netFen - a.netFen || a.nameZh.localeCompare(b.nameZh));

  const dayMoney = new Map<string, SalesMoney>();
  for (const row of byDay) {
    const money = dayMoney.get(row.day) ?? zero();
    addEntry(money, row.kind, Number(row.amountFen));
    dayMoney.set(row.day, money);
  }
  const days = [...dayMoney].map(([day, money]) => ({ day, ...money }));

  return { total, online, booth, certified, orders: Number(orders[0]?.orders ?? 0), products: productRows, days };
}
