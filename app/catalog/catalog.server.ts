import { FEW_LEFT } from "~/catalog/stock";
import { Prisma, type PrismaClient } from "~/generated/prisma/client";
import { readRows } from "~/utils/read-rows.server";
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

/** A product card's row, as `select: productCardSelect` returns it. */
export type ProductCardRow = Prisma.ProductGetPayload<{ select: typeof productCardSelect }>;

/** A product card's columns as `cardsJson` gives them. */
export interface ProductCardSqlRow {
  id: string;
  slug: string;
  nameZh: string;
  nameEn: string;
  unitZh: string;
  unitEn: string;
  priceFen: number;
  stock: number;
  certificateNumber: string | null;
  certifiedFrom: string | null;
  certifiedUntil: string | null;
  imageUrl: string | null;
  imageAltZh: string | null;
  imageAltEn: string | null;
  cooperativeSlug: string;
  cooperativeNameZh: string;
  cooperativeNameEn: string;
  countyNameZh: string;
  countyNameEn: string;
}

/** A @db.Date column read as "YYYY-MM-DD", as Prisma returns it: UTC midnight of that day. */
export const dateOf = (day: string | null) => (day ? new Date(`${day}T00:00:00.000Z`) : null);

/** A card's plain columns as the nested row `select: productCardSelect` gives. */
const cardFromSql = (r: ProductCardSqlRow): ProductCardRow => ({
  id: r.id,
  slug: r.slug,
  nameZh: r.nameZh,
  nameEn: r.nameEn,
  unitZh: r.unitZh,
  unitEn: r.unitEn,
  priceFen: Number(r.priceFen),
  stock: Number(r.stock),
  certificateNumber: r.certificateNumber,
  certifiedFrom: dateOf(r.certifiedFrom),
  certifiedUntil: dateOf(r.certifiedUntil),
  images: r.imageUrl === null ? [] : [{ url: r.imageUrl, altZh: r.imageAltZh ?? "", altEn: r.imageAltEn ?? "" }],
  cooperative: {
    slug: r.cooperativeSlug,
    nameZh: r.cooperativeNameZh,
    nameEn: r.cooperativeNameEn,
    county: { nameZh: r.countyNameZh, nameEn: r.countyNameEn },
  },
});

/**
 * A card's columns, over Product "cp" joined by `cardJoins` (its cooperative "cc", county "ck",
 * first image "ci"). Aliases of their own, so that a `cardsJson` selection inside another
 * statement can name that statement's p, c and k.
 */
const cardColumns = Prisma.sql`cp."id", cp."slug", cp."nameZh", cp."nameEn", cp."unitZh", cp."unitEn", cp."priceFen", cp."stock",
      cp."certificateNumber",
      to_char(cp."certifiedFrom", 'YYYY-MM-DD') AS "certifiedFrom",
      to_char(cp."certifiedUntil", 'YYYY-MM-DD') AS "certifiedUntil",
      ci."url" AS "imageUrl", ci."altZh" AS "imageAltZh", ci."altEn" AS "imageAltEn",
      cc."slug" AS "cooperativeSlug", cc."nameZh" AS "cooperativeNameZh", cc."nameEn" AS "cooperativeNameEn",
      ck."nameZh" AS "countyNameZh", ck."nameEn" AS "countyNameEn"`;
const cardJoins = Prisma.sql`JOIN "Cooperative" cc ON cc."id" = cp."cooperativeId"
    JOIN "County" ck ON ck."id" = cc."countyId"
    LEFT JOIN LATERAL (
      SELECT x."url", x."altZh", x."altEn" FROM "ProductImage" x
      WHERE x."productId" = cp."id" ORDER BY x."sortOrder" ASC LIMIT 1
    ) ci ON true`;

/**
 * A SQL expression: the cards of the products `ordered` selects (columns "id" and "n", their
 * position), as one JSON array in that order, for a page's statement to carry beside its own
 * columns; read it back with `cardsFromJson`. A page then finds its goods and their cards in one
 * round trip instead of two: each round trip to PostgreSQL costs the server a socket write that
 * wakes the database (`writev`, a tenth of the category page's CPU in the issue 12 profile), and
 * the embedded database a query's fixed cost. Why not Prisma: its query compiler built the nested
 * select's plan on every call, 12–15 ms of Node.js CPU for 24 cards against ~2 ms for a plain
 * statement (the issue 12 profile of the category and search pages, docs/benchmarks.md).
 */
export const cardsJson = (ordered: Prisma.Sql) => Prisma.sql`(
  SELECT coalesce(json_agg(card ORDER BY card."n"), '[]') FROM (
    SELECT o."n", ${cardColumns} FROM (${ordered}) o JOIN "Product" cp ON cp."id" = o."id" ${cardJoins}
  ) card)`;

/** The cards a `cardsJson` expression returned. */
export const cardsFromJson = (rows: ProductCardSqlRow[] | null): ProductCardRow[] => (rows ?? []).map(cardFromSql);

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

/** A cooperative card's row, as `select: cooperativeCardSelect` returns it. */
export type CooperativeCardRow = Prisma.CooperativeGetPayload<{ select: typeof cooperativeCardSelect }>;

/** The columns every described row of the catalogue has, as a plain statement reads them. */
export interface DescribedRow {
  id: string;
  slug: string;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
}

/** A category as `categoriesWithCounts` gives it. */
export interface CategoryWithCount extends DescribedRow {
  productCount: number;
}

/**
 * A SQL expression: every category with how many goods it lists, as one JSON array, for a page's
 * statement to carry (the category page's, with its goods), or `categoriesWithCounts` to read
 * alone. The counts are kept by a trigger on Product (CategoryListedCount,
 * prisma/migrations/20261204060000_category_listed_counts): counting them per request read
 * ~10,000 index entries on the benchmark's fair, most of the category page's database time on
 * PGlite (issue 12).
 */
export const categoriesJson = ({ orderBy }: { orderBy: "name" | "slug" }) => Prisma.sql`(
  SELECT coalesce(json_agg(json_build_object(
      'id', g."id", 'slug', g."slug", 'nameZh', g."nameZh", 'nameEn', g."nameEn",
      'descriptionZh', g."descriptionZh", 'descriptionEn', g."descriptionEn",
      'productCount', coalesce(n."listed", 0))
    ORDER BY g."sortOrder" ASC, ${orderBy === "name" ? Prisma.sql`g."nameZh"` : Prisma.sql`g."slug"`} ASC), '[]')
  FROM "Category" g
  LEFT JOIN "CategoryListedCount" n ON n."categoryId" = g."id")`;

/** Every category with how many goods it lists (the home page, the search facets), in one statement. */
export async function categoriesWithCounts(
  prisma: PrismaClient,
  order: { orderBy: "name" | "slug" },
): Promise<CategoryWithCount[]> {
  const [row] = await readRows<{ categories: CategoryWithCount[] }>(
    prisma,
    Prisma.sql`SELECT ${categoriesJson(order)} AS "categories"`,
  );
  return row!.categories;
}

/** A featured cooperative as `featuredCooperativesJson` gives it. */
interface FeaturedCooperativeJson {
  slug: string;
  nameZh: string;
  nameEn: string;
  linkageType: CooperativeCardRow["linkageType"];
  householdsLinked: number;
  boothNumber: string | null;
  countySlug: string;
  countyNameZh: string;
  countyNameEn: string;
  regionNameZh: string;
  regionNameEn: string;
  listed: number;
}

/**
 * Cooperatives at a booth with goods on sale, those linking the most households first: the home
 * page's featured cards (the same rows as `findMany({ select: cooperativeCardSelect })`), as one
 * JSON array; read it back with `featuredFromJson`.
 */
const featuredCooperativesJson = (limit: number) => Prisma.sql`(
  SELECT coalesce(json_agg(f ORDER BY f."householdsLinked" DESC, f."slug" ASC), '[]') FROM (
    SELECT c."slug", c."nameZh", c."nameEn", c."linkageType"::text AS "linkageType", c."householdsLinked", c."boothNumber",
      k."slug" AS "countySlug", k."nameZh" AS "countyNameZh", k."nameEn" AS "countyNameEn",
      r."nameZh" AS "regionNameZh", r."nameEn" AS "regionNameEn",
      (SELECT count(*)::int FROM "Product" p WHERE p."cooperativeId" = c."id" AND p."status" = 'LISTED') AS "listed"
    FROM "Cooperative" c
    JOIN "County" k ON k."id" = c."countyId"
    JOIN "PairedRegion" r ON r."id" = k."regionId"
    WHERE c."boothNumber" IS NOT NULL
      AND EXISTS (SELECT 1 FROM "Product" p WHERE p."cooperativeId" = c."id" AND p."status" = 'LISTED')
    ORDER BY c."householdsLinked" DESC, c."slug" ASC
    LIMIT ${limit}
  ) f)`;

const featuredFromJson = (rows: FeaturedCooperativeJson[]): CooperativeCardRow[] =>
  rows.map((r) => ({
    slug: r.slug,
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    linkageType: r.linkageType,
    householdsLinked: Number(r.householdsLinked),
    boothNumber: r.boothNumber,
    county: {
      slug: r.countySlug,
      nameZh: r.countyNameZh,
      nameEn: r.countyNameEn,
      region: { nameZh: r.regionNameZh, nameEn: r.regionNameEn },
    },
    _count: { products: Number(r.listed) },
  }));

/** The fair's name, venue and days as `currentFairJson` gives them (Shanghai dates, YYYY-MM-DD). */
interface FairJson {
  nameZh: string;
  nameEn: string;
  venueZh: string;
  venueEn: string;
  tradeDaysStart: string;
  tradeDaysEnd: string;
  publicDaysStart: string;
  publicDaysEnd: string;
}

/** The fair's row as a JSON object, or null before it is set up. */
const currentFairJson = Prisma.sql`(
  SELECT row_to_json(f) FROM (
    SELECT "nameZh", "nameEn", "venueZh", "venueEn",
      to_char("tradeDaysStart", 'YYYY-MM-DD') AS "tradeDaysStart", to_char("tradeDaysEnd", 'YYYY-MM-DD') AS "tradeDaysEnd",
      to_char("publicDaysStart", 'YYYY-MM-DD') AS "publicDaysStart", to_char("publicDaysEnd", 'YYYY-MM-DD') AS "publicDaysEnd"
    FROM "Fair" WHERE "id" = 'current'
  ) f)`;

/**
 * The home page: the fair, every paired region with its cooperatives, featured cooperatives,
 * the categories and a first grid of listed goods, in one plain statement (each part a JSON
 * sub-select). Five statements run together cost the embedded engine five queries' fixed work
 * in its one thread, and PostgreSQL five socket writes and five pooled connections (docs/benchmarks.md,
 * issue 12, sixth round); none goes through Prisma's query compiler, whose per-statement cost was
 * a quarter of the page's CPU (first round).
 */
export async function getHomePage(
  prisma: PrismaClient,
  { productLimit = 24, featuredLimit = 6, now = new Date() } = {},
) {
  const today = shanghaiToday(now);
  const [row] = await readRows<{
    fair: FairJson | null;
    regions: RegionCardJson[];
    featured: FeaturedCooperativeJson[];
    categories: CategoryWithCount[];
    cards: ProductCardSqlRow[] | null;
  }>(
    prisma,
    Prisma.sql`SELECT ${currentFairJson} AS "fair", ${regionCardsJson} AS "regions",
      ${featuredCooperativesJson(featuredLimit)} AS "featured",
      ${categoriesJson({ orderBy: "name" })} AS "categories", ${homeGridJson(productLimit)} AS "cards"`,
  );
  const { fair } = row!;
  const categoryCards = row!.categories.map(({ slug, nameZh, nameEn, productCount }) => ({
    slug,
    nameZh,
    nameEn,
    productCount,
  }));
  return {
    fair: fair && {
      nameZh: fair.nameZh,
      nameEn: fair.nameEn,
      venueZh: fair.venueZh,
      venueEn: fair.venueEn,
      tradeDays: [fair.tradeDaysStart, fair.tradeDaysEnd] as const,
      publicDays: [fair.publicDaysStart, fair.publicDaysEnd] as const,
    },
    regions: regionCardsFromJson(row!.regions),
    featuredCooperatives: featuredFromJson(row!.featured),
    categories: categoryCards,
    products: cardsFromJson(row!.cards).map((p) => toProductCard(p, today)),
    // Every product has a category, so the categories' counts add up to the catalogue's.
    productCount: categoryCards.reduce((sum, c) => sum + c.productCount, 0),
  };
}

/**
 * A region card names at most this many cooperatives and links to its page, which lists them all.
 * Eight fit a phone's card in three or four rows; twenty (before) were 140 links, a quarter of the
 * home page's HTML on a large fair (issue 12).
 */
export const REGION_CARD_COOPERATIVES = 8;

/**
 * Every paired region as a home-page card: its counts and its first cooperatives (by county, then
 * name). Counted and cut in SQL, county by county: each county's first cooperatives come from the
 * (countyId, nameZh) index, so a card reads a few index entries per county instead of joining and
 * sorting every cooperative (PGlite 11.1 -> 2.9 ms for the statement on the benchmark's fair).
 */
interface RegionCardJson extends DescribedRow {
  /** Only for the JSON array's order. */
  sortOrder: number;
  countyCount: number;
  cooperativeCount: number;
  cooperatives: { slug: string; nameZh: string; nameEn: string }[] | null;
}

const regionCardsJson = Prisma.sql`(
  SELECT coalesce(json_agg(card ORDER BY card."sortOrder", card."nameZh"), '[]') FROM (
    SELECT r."id", r."slug", r."nameZh", r."nameEn", r."descriptionZh", r."descriptionEn", r."sortOrder",
      (SELECT count(*)::int FROM "County" k WHERE k."regionId" = r."id") AS "countyCount",
      (SELECT coalesce(sum(x."n"), 0)::int FROM "County" k
         CROSS JOIN LATERAL (SELECT count(*) AS "n" FROM "Cooperative" c WHERE c."countyId" = k."id") x
         WHERE k."regionId" = r."id") AS "cooperativeCount",
      (SELECT json_agg(named ORDER BY named."countyName", named."nameZh") FROM (
         SELECT x."slug", x."nameZh", x."nameEn", k."nameZh" AS "countyName"
         FROM "County" k
         CROSS JOIN LATERAL (
           SELECT c."slug", c."nameZh", c."nameEn" FROM "Cooperative" c
           WHERE c."countyId" = k."id" ORDER BY c."nameZh" LIMIT ${REGION_CARD_COOPERATIVES}
         ) x
         WHERE k."regionId" = r."id"
         ORDER BY k."nameZh", x."nameZh" LIMIT ${REGION_CARD_COOPERATIVES}
      ) named) AS "cooperatives"
    FROM "PairedRegion" r
  ) card)`;

const regionCardsFromJson = (rows: RegionCardJson[]) =>
  rows.map(({ cooperatives, sortOrder: _sortOrder, ...region }) => ({
    ...region,
    cooperatives: (cooperatives ?? []).map(({ slug, nameZh, nameEn }) => ({ slug, nameZh, nameEn })),
  }));

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
 * Each region contributes at most `limit` cooperatives, each found by an index probe
 * (Product_grid_pick_idx), so the grid costs the same at any catalogue size. The cooperatives
 * are ranked by round first; only the `limit` chosen ones then look for their best product (a
 * probe of all seven regions' picks each was 7x the probes the grid shows).
 */
const homeGridJson = (limit: number) => Prisma.sql`(
    WITH picks AS (
      SELECT c."id" AS "cooperativeId", r."sortOrder", r."id" AS "regionId",
        row_number() OVER (PARTITION BY r."id" ORDER BY c."id") AS "round"
      FROM "PairedRegion" r
      CROSS JOIN LATERAL (
        SELECT c."id" FROM "Cooperative" c JOIN "County" k ON k."id" = c."countyId"
        WHERE k."regionId" = r."id" AND EXISTS (
          SELECT 1 FROM "Product" p WHERE p."cooperativeId" = c."id" AND p."status" = 'LISTED' AND p."stock" > 0)
        ORDER BY c."id" LIMIT ${limit}
      ) c
    ), chosen AS (
      SELECT "cooperativeId", row_number() OVER (ORDER BY "round", "sortOrder", "regionId") AS "n"
      FROM picks ORDER BY "round", "sortOrder", "regionId" LIMIT ${limit}
    )
    SELECT ${cardsJson(Prisma.sql`
      SELECT best."id", chosen."n" FROM chosen
      CROSS JOIN LATERAL (
        SELECT p."id" FROM "Product" p
        WHERE p."cooperativeId" = chosen."cooperativeId" AND p."status" = 'LISTED' AND p."stock" > 0
        ORDER BY p."stock" DESC, p."slug" LIMIT 1
      ) best`)})`;
