import type { PrismaClient } from "~/generated/prisma/client";

/** What a product card shows, in both languages; the route picks the buyer's. */
export const productCardSelect = {
  id: true,
  slug: true,
  nameZh: true,
  nameEn: true,
  unitZh: true,
  unitEn: true,
  priceFen: true,
  stock: true,
  certificateNumber: true,
  images: { select: { url: true, altZh: true, altEn: true }, orderBy: { sortOrder: "asc" }, take: 1 },
  cooperative: {
    select: { slug: true, nameZh: true, nameEn: true, county: { select: { nameZh: true, nameEn: true } } },
  },
} as const;

/** The home page: every paired region with its counties' cooperatives, and a first grid of listed goods. */
export async function getHomePage(prisma: PrismaClient, { productLimit = 24 } = {}) {
  const [regions, products, productCount] = await Promise.all([
    prisma.pairedRegion.findMany({
      orderBy: [{ sortOrder: "asc" }, { nameZh: "asc" }],
      select: {
        id: true,
        slug: true,
        nameZh: true,
        nameEn: true,
        descriptionZh: true,
        descriptionEn: true,
        counties: {
          orderBy: { nameZh: "asc" },
          select: {
            cooperatives: { orderBy: { nameZh: "asc" }, select: { slug: true, nameZh: true, nameEn: true } },
          },
        },
      },
    }),
    // One product per cooperative (the one with most stock), so the grid shows the whole fair.
    prisma.product.findMany({
      where: { status: "LISTED", stock: { gt: 0 } },
      distinct: ["cooperativeId"],
      orderBy: [{ cooperativeId: "asc" }, { stock: "desc" }, { slug: "asc" }],
      select: {
        ...productCardSelect,
        cooperative: {
          select: {
            ...productCardSelect.cooperative.select,
            county: { select: { nameZh: true, nameEn: true, region: { select: { sortOrder: true } } } },
          },
        },
      },
    }),
    prisma.product.count({ where: { status: "LISTED" } }),
  ]);
  return {
    regions: regions.map(({ counties, ...region }) => ({
      ...region,
      cooperatives: counties.flatMap((c) => c.cooperatives),
    })),
    products: interleaveByRegion(products).slice(0, productLimit),
    productCount,
  };
}

/** What the generated product picture is drawn from. */
export async function getProductArtSubject(prisma: PrismaClient, slug: string) {
  return prisma.product.findUnique({
    where: { slug },
    select: { slug: true, nameZh: true, nameEn: true, category: { select: { slug: true } } },
  });
}

/** Orders products region by region in turns (Yunnan, Guizhou, … then Yunnan again), so no region crowds out the others. */
function interleaveByRegion<T extends { cooperative: { county: { region: { sortOrder: number } } } }>(
  products: T[],
): T[] {
  const byRegion = new Map<number, T[]>();
  for (const p of products) {
    const key = p.cooperative.county.region.sortOrder;
    byRegion.set(key, [...(byRegion.get(key) ?? []), p]);
  }
  const queues = [...byRegion.entries()].sort(([a], [b]) => a - b).map(([, list]) => list);
  const result: T[] = [];
  for (let round = 0; result.length < products.length; round++) {
    for (const queue of queues) if (queue[round]) result.push(queue[round]!);
  }
  return result;
}
