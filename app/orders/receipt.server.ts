import type { PrismaClient } from "~/generated/prisma/client";
import { allocateByWeight } from "~/ledger/attribution";
import type { OrderView } from "./orders.server";

export interface ReceiptLine {
  lineId: string;
  amountFen: number;
  cooperative: { slug: string; nameZh: string; nameEn: string };
  county: { slug: string; nameZh: string; nameEn: string };
  region: { slug: string; nameZh: string; nameEn: string };
  /** Seller-side organisations and their shares (largest remainder by partnership weight). */
  organisations: { slug: string; nameZh: string; nameEn: string; amountFen: number }[];
}

/**
 * What an order attributes to whom, by the rule in DOMAIN.md: each line's amount to its
 * cooperative, county and region, split among the organisations paired with the cooperative
 * (or, if none, its county), and in full to the organisation the buyer bought on behalf of.
 */
export async function getAttributionReceipt(prisma: PrismaClient, order: OrderView) {
  const cooperativeIds = [...new Set(order.lines.map((l) => l.cooperative.id))];
  const countyIds = [...new Set(order.lines.map((l) => l.cooperative.countyId))];
  const partnerships = await prisma.partnership.findMany({
    where: { OR: [{ cooperativeId: { in: cooperativeIds } }, { countyId: { in: countyIds } }] },
    select: {
      cooperativeId: true,
      countyId: true,
      weight: true,
      organisation: { select: { slug: true, nameZh: true, nameEn: true } },
    },
  });
  const lines: ReceiptLine[] = order.lines.map((line) => {
    const own = partnerships.filter((p) => p.cooperativeId === line.cooperative.id);
    const partners = own.length > 0 ? own : partnerships.filter((p) => p.countyId === line.cooperative.countyId);
    const shares = allocateByWeight(
      line.lineTotalFen,
      partners.map((p) => ({ key: p.organisation.slug, weight: p.weight })),
    );
    return {
      lineId: line.id,
      amountFen: line.lineTotalFen,
      cooperative: { slug: line.cooperative.slug, nameZh: line.cooperative.nameZh, nameEn: line.cooperative.nameEn },
      county: {
        slug: line.cooperative.county.slug,
        nameZh: line.cooperative.county.nameZh,
        nameEn: line.cooperative.county.nameEn,
      },
      region: line.cooperative.county.region,
      organisations: partners.map((p) => ({ ...p.organisation, amountFen: shares.get(p.organisation.slug) ?? 0 })),
    };
  });
  return {
    lines,
    directPurchase: order.onBehalfOf ? { ...order.onBehalfOf, amountFen: order.totalFen } : null,
  };
}
