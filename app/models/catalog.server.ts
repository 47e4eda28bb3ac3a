import { FEW_LEFT } from "~/components/ProductCard";
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
  certifiedFrom: true,
  certifiedUntil: true,
  images: { select: { url: true, altZh: true, altEn: true }, orderBy: { sortOrder: "asc" }, take: 1 },
  cooperative: {
    select: { slug: true, nameZh: true, nameEn: true, county: { select: { nameZh: true, nameEn: true } } },
  },
} as const;

/** What a cooperative card shows: who it is, how it lifts households, where to find it at the fair. */
export const cooperativeCardSelect = {
  slug: true,
  nameZh: true,
  nameEn: true,
  linkageType: true,
  householdsLinked: true,
  boothNumber: true,
  county: { select: { slug: true, nameZh: true, nameEn: true, region: { select: { nameZh: true, nameEn: true } } } },
  _count: { select: { products: { where: { status: "LISTED" } } } },
} as const;

export type StockState = "IN_STOCK" | "FEW_LEFT" | "SOLD_OUT";

/** In stock, few left (at most FEW_LEFT units) or sold out. */
export function stockState(stock: number): StockState {
  if (stock <= 0) return "SOLD_OUT";
  return stock <= FEW_LEFT ? "FEW_LEFT" : "IN_STOCK";
}

/** A calendar day as "YYYY-MM-DD": Date columns come back as UTC midnight of that day. */
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Today's date in Shanghai, "YYYY-MM-DD": certificates lapse by the fair's calendar, not the server's. */
export function shanghaiToday(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

export type Certification =
  | { status: "none" }
  | {
      /** "pending": the certificate's validity has not started yet. */
      status: "valid" | "expired" | "pending";
      number: string;
      body: string;
      validFrom: string | null;
      validUntil: string | null;
    };

/** The state of a product's assistance-product certificate on a given Shanghai day. */
export function certificationOf(
  product: {
    certificateNumber: string | null;
    certifyingBody?: string | null;
    certifiedFrom: Date | null;
    certifiedUntil: Date | null;
  },
  today: string,
): Certification {
  if (!product.certificateNumber) return { status: "none" };
  const validFrom = product.certifiedFrom ? isoDay(product.certifiedFrom) : null;
  const validUntil = product.certifiedUntil ? isoDay(product.certifiedUntil) : null;
  const status = validFrom && today < validFrom ? "pending" : validUntil && today > validUntil ? "expired" : "valid";
  return { status, number: product.certificateNumber, body: product.certifyingBody ?? "", validFrom, validUntil };
}

/**
 * A product card's data. The card's badge says "certified" whenever it gets a certificate number,
 * so a certificate that has lapsed (or not started) is not passed on.
 */
export function toProductCard<
  T extends { certificateNumber: string | null; certifiedFrom: Date | null; certifiedUntil: Date | null },
>(product: T, today: string) {
  const { certifiedFrom: _from, certifiedUntil: _until, ...card } = product;
  const certified = certificationOf(product, today).status === "valid";
  return { ...card, certificateNumber: certified ? product.certificateNumber : null };
}

/**
 * The home page: the fair, every paired region with its cooperatives, featured cooperatives,
 * the categories and a first grid of listed goods.
 */
export async function getHomePage(
  prisma: PrismaClient,
  { productLimit = 24, featuredLimit = 6, now = new Date() } = {},
) {
  const today = shanghaiToday(now);
  const [fair, regions, featured, categories, products, productCount] = await Promise.all([
    prisma.fair.findUnique({
      where: { id: "current" },
      select: {
        nameZh: true,
        nameEn: true,
        venueZh: true,
        venueEn: true,
        tradeDaysStart: true,
        tradeDaysEnd: true,
        publicDaysStart: true,
        publicDaysEnd: true,
      },
    }),
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
    // Cooperatives at a booth with goods on sale, those linking the most households first.
    prisma.cooperative.findMany({
      where: { boothNumber: { not: null }, products: { some: { status: "LISTED" } } },
      orderBy: [{ householdsLinked: "desc" }, { slug: "asc" }],
      take: featuredLimit,
      select: cooperativeCardSelect,
    }),
    prisma.category.findMany({
      orderBy: [{ sortOrder: "asc" }, { nameZh: "asc" }],
      select: {
        slug: true,
        nameZh: true,
        nameEn: true,
        _count: { select: { products: { where: { status: "LISTED" } } } },
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
    fair: fair && {
      nameZh: fair.nameZh,
      nameEn: fair.nameEn,
      venueZh: fair.venueZh,
      venueEn: fair.venueEn,
      tradeDays: [isoDay(fair.tradeDaysStart), isoDay(fair.tradeDaysEnd)] as const,
      publicDays: [isoDay(fair.publicDaysStart), isoDay(fair.publicDaysEnd)] as const,
    },
    regions: regions.map(({ counties, ...region }) => ({
      ...region,
      countyCount: counties.length,
      cooperatives: counties.flatMap((c) => c.cooperatives),
    })),
    featuredCooperatives: featured,
    categories: categories.map(({ _count, ...category }) => ({ ...category, productCount: _count.products })),
    products: interleaveByRegion(products)
      .slice(0, productLimit)
      .map((p) => toProductCard(p, today)),
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
