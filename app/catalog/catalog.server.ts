import { FEW_LEFT } from "~/catalog/stock";
import type { PrismaClient } from "~/generated/prisma/client";
import { isoDay, shanghaiToday } from "~/utils/shanghai-time";

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
    homeGridProducts(prisma, productLimit),
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
    regions: regions.map(({ counties, ...region }) => {
      const cooperatives = counties.flatMap((c) => c.cooperatives);
      // A region card names at most this many cooperatives; its page lists them all.
      return {
        ...region,
        countyCount: counties.length,
        cooperativeCount: cooperatives.length,
        cooperatives: cooperatives.slice(0, 20),
      };
    }),
    featuredCooperatives: featured,
    categories: categories.map(({ _count, ...category }) => ({ ...category, productCount: _count.products })),
    products: products.map((p) => toProductCard(p, today)),
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

/**
 * The home page's grid: one product per cooperative (the one with most stock), taken region by
 * region in turns (Yunnan, Guizhou, … then Yunnan again) so no region crowds out the others.
 * Chosen in SQL, so a fair of 10,000 products costs one small query, not a scan in Node.
 */
async function homeGridProducts(prisma: PrismaClient, limit: number) {
  const picked = await prisma.$queryRaw<{ id: string }[]>`
    WITH best AS (
      SELECT DISTINCT ON (p."cooperativeId") p."id", p."cooperativeId", r."sortOrder"
      FROM "Product" p
      JOIN "Cooperative" c ON c."id" = p."cooperativeId"
      JOIN "County" co ON co."id" = c."countyId"
      JOIN "PairedRegion" r ON r."id" = co."regionId"
      WHERE p."status" = 'LISTED' AND p."stock" > 0
      ORDER BY p."cooperativeId", p."stock" DESC, p."slug"
    ), ranked AS (
      SELECT "id", "sortOrder", row_number() OVER (PARTITION BY "sortOrder" ORDER BY "cooperativeId") AS "round" FROM best
    )
    SELECT "id" FROM ranked ORDER BY "round", "sortOrder" LIMIT ${limit}`;
  const ids = picked.map((row) => row.id);
  const rows = await prisma.product.findMany({ where: { id: { in: ids } }, select: productCardSelect });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
