import type { PrismaClient } from "~/generated/prisma/client";
import { listSeals, sealClosedDays, type DaySeal } from "~/ledger/seal.server";
import { queryFair, queryLastUpdated } from "~/reports/reports.server";

/**
 * The public transparency page: what the fair brought to every paired region, county and
 * cooperative, net of refunds, from the same rollups as the organisers' report. Places with
 * nothing sold are listed too (with zero), so a missing county is never a silent omission.
 */

export interface TransparencyPlace {
  slug: string;
  nameZh: string;
  nameEn: string;
  netFen: number;
  certifiedFen: number;
}

export interface TransparencyData {
  totalFen: number;
  certifiedFen: number;
  lastUpdated: string | null;
  fair: Awaited<ReturnType<typeof queryFair>>;
  /** Closed fair days, sealed: totals and the SHA-256 of their entries (docs/ledger-digest.md), newest first. */
  sealedDays: (DaySeal & { sealedAt: string })[];
  regions: (TransparencyPlace & {
    counties: (TransparencyPlace & { isKeyCounty: boolean; cooperatives: TransparencyPlace[] })[];
  })[];
}

export async function getTransparency(prisma: PrismaClient, now = new Date()): Promise<TransparencyData> {
  // The first view after a day closes seals it (if the sweeper has not yet): a read of a closed
  // day and one idempotent insert, never in a payment's way.
  await sealClosedDays(prisma, now);
  const [sums, regions, lastUpdated, fair, sealedDays] = await Promise.all([
    prisma.$queryRaw<
      { cooperativeId: string; countyId: string; regionId: string; netFen: bigint; certifiedFen: bigint }[]
    >`
      SELECT "cooperativeId", "countyId", "regionId",
             SUM("saleFen" + "refundFen")::bigint AS "netFen",
             COALESCE(SUM("saleFen" + "refundFen") FILTER (WHERE "certified"), 0)::bigint AS "certifiedFen"
      FROM "ReportSalesDay"
      GROUP BY 1, 2, 3`,
    prisma.pairedRegion.findMany({
      orderBy: [{ sortOrder: "asc" }, { slug: "asc" }],
      select: {
        id: true,
        slug: true,
        nameZh: true,
        nameEn: true,
        counties: {
          orderBy: { slug: "asc" },
          select: {
            id: true,
            slug: true,
            nameZh: true,
            nameEn: true,
            isKeyCounty: true,
            cooperatives: { orderBy: { slug: "asc" }, select: { id: true, slug: true, nameZh: true, nameEn: true } },
          },
        },
      },
    }),
    queryLastUpdated(prisma),
    queryFair(prisma),
    listSeals(prisma),
  ]);

  // Credited where the ledger put them at the time of sale (its snapshot of county and region).
  const add = (map: Map<string, { netFen: number; certifiedFen: number }>, id: string, net: number, cert: number) => {
    const t = map.get(id) ?? { netFen: 0, certifiedFen: 0 };
    t.netFen += net;
    t.certifiedFen += cert;
    map.set(id, t);
  };
  const byRegion = new Map<string, { netFen: number; certifiedFen: number }>();
  const byCounty = new Map<string, { netFen: number; certifiedFen: number }>();
  const byCoop = new Map<string, { netFen: number; certifiedFen: number }>();
  let totalFen = 0;
  let certifiedFen = 0;
  for (const s of sums) {
    const net = Number(s.netFen);
    const cert = Number(s.certifiedFen);
    add(byRegion, s.regionId, net, cert);
    add(byCounty, s.countyId, net, cert);
    add(byCoop, s.cooperativeId, net, cert);
    totalFen += net;
    certifiedFen += cert;
  }
  const totals = (map: Map<string, { netFen: number; certifiedFen: number }>, id: string) =>
    map.get(id) ?? { netFen: 0, certifiedFen: 0 };
  const byNet = <T extends { netFen: number }>(a: T, b: T) => b.netFen - a.netFen;

  return {
    totalFen,
    certifiedFen,
    lastUpdated,
    fair,
    sealedDays,
    regions: regions.map(({ id, counties, ...region }) => ({
      ...region,
      ...totals(byRegion, id),
      counties: counties
        .map(({ id: countyId, cooperatives, ...county }) => ({
          ...county,
          ...totals(byCounty, countyId),
          cooperatives: cooperatives
            .map(({ id: coopId, ...coop }) => ({ ...coop, ...totals(byCoop, coopId) }))
            .sort(byNet),
        }))
        .sort(byNet),
    })),
  };
}
