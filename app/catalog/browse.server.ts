/**
 * The public catalogue pages: region, county, cooperative, category and product, and the sitemap.
 * Only LISTED products are ever shown; each page is a fixed number of queries, never one per row.
 */
import { Prisma, type LinkageType, type OrganisationKind, type PrismaClient } from "~/generated/prisma/client";
import {
  cardsFromJson,
  cardsJson,
  categoriesJson,
  certificationOf,
  cooperativeCardSelect,
  dateOf,
  stockState,
  toProductCard,
  type CategoryWithCount,
  type DescribedRow,
  type ProductCardSqlRow,
} from "./catalog.server";
import { readRows } from "~/utils/read-rows.server";
import { isoDay, shanghaiToday } from "~/utils/shanghai-time";

export const PAGE_SIZE = 24;

export interface PageQuery {
  page?: number;
  pageSize?: number;
  /** The moment certificates are judged at (tests pin it). */
  now?: Date;
}

const organisationSelect = { slug: true, nameZh: true, nameEn: true, kind: true } as const;
const partnershipSelect = { weight: true, organisation: { select: organisationSelect } } as const;
const nameSelect = { slug: true, nameZh: true, nameEn: true } as const;

type OrganisationRow = { slug: string; nameZh: string; nameEn: string; kind: OrganisationKind };

/** Assisting organisations with their share of a sale: weight over the sum of weights. */
function weighted(partnerships: { weight: number; organisation: OrganisationRow }[]) {
  const total = partnerships.reduce((sum, p) => sum + p.weight, 0);
  return [...partnerships]
    .sort((a, b) => b.weight - a.weight || a.organisation.slug.localeCompare(b.organisation.slug))
    .map((p) => ({ ...p.organisation, weight: p.weight, share: total > 0 ? p.weight / total : 0 }));
}

export type WeightedPartner = ReturnType<typeof weighted>[number];

/**
 * The organisations a sale of this cooperative's goods is attributed to: its own partners, or,
 * when it has none, its county's (the same rule the attribution ledger applies).
 */
function sellerPartners(
  cooperative: { partnerships: { weight: number; organisation: OrganisationRow }[] },
  county: { partnerships: { weight: number; organisation: OrganisationRow }[] },
) {
  if (cooperative.partnerships.length)
    return { from: "cooperative" as const, list: weighted(cooperative.partnerships) };
  if (county.partnerships.length) return { from: "county" as const, list: weighted(county.partnerships) };
  return { from: "none" as const, list: [] };
}

type PairingRow = {
  organisation: OrganisationRow;
  county: { slug: string; nameZh: string; nameEn: string } | null;
  cooperative: { slug: string; nameZh: string; nameEn: string } | null;
};

/** Organisations paired somewhere in an area, each with the counties and cooperatives it is paired with. */
function groupPairings(rows: PairingRow[]) {
  const byOrganisation = new Map<
    string,
    OrganisationRow & { pairedWith: { kind: "county" | "cooperative"; slug: string; nameZh: string; nameEn: string }[] }
  >();
  for (const row of rows) {
    const entry = byOrganisation.get(row.organisation.slug) ?? { ...row.organisation, pairedWith: [] };
    if (row.county) entry.pairedWith.push({ kind: "county", ...row.county });
    if (row.cooperative) entry.pairedWith.push({ kind: "cooperative", ...row.cooperative });
    byOrganisation.set(row.organisation.slug, entry);
  }
  return [...byOrganisation.values()].sort(
    (a, b) => b.pairedWith.length - a.pairedWith.length || a.nameZh.localeCompare(b.nameZh, "zh-CN"),
  );
}

export type PairedOrganisation = ReturnType<typeof groupPairings>[number];

/** A county's or cooperative's own pairings, loaded inside the page's one query. */
const ownPairings = { orderBy: { weight: "desc" }, select: partnershipSelect } as const;

type Place = { slug: string; nameZh: string; nameEn: string };
type PairedPlace = Place & { partnerships: { weight: number; organisation: OrganisationRow }[] };

/** The pairing rows of some counties and their cooperatives, heaviest first (as the ledger splits them). */
function pairingsIn(counties: (PairedPlace & { cooperatives: PairedPlace[] })[]): PairingRow[] {
  const place = ({ slug, nameZh, nameEn }: Place) => ({ slug, nameZh, nameEn });
  const rows = counties.flatMap((county) => [
    ...county.partnerships.map((p) => ({
      weight: p.weight,
      organisation: p.organisation,
      county: place(county),
      cooperative: null,
    })),
    ...county.cooperatives.flatMap((cooperative) =>
      cooperative.partnerships.map((p) => ({
        weight: p.weight,
        organisation: p.organisation,
        county: null,
        cooperative: place(cooperative),
      })),
    ),
  ]);
  return rows.sort((a, b) => b.weight - a.weight).map(({ weight: _weight, ...row }) => row);
}

const sumListed = (cooperatives: { _count: { products: number } }[]) =>
  cooperatives.reduce((sum, c) => sum + c._count.products, 0);

/** The filter every public list applies: only LISTED goods are shown. */
const listedOnly = { where: { status: "LISTED" } } as const;

/**
 * The orders the browse pages list goods in, all on the product's own row: "listRegionOrder" (its
 * region's sortOrder) and "listCooperativeSlug" (its cooperative's slug) are copies that triggers
 * keep in the same transaction as every change of a product's cooperative, a cooperative's slug or
 * county, a county's region or a region's order (prisma/migrations/20261205060000_product_list_order;
 * list-order.server.test.ts compares them with the joined sort). Same types and collation as the
 * columns they copy, so the order is the same as sorting by those through the joins.
 */
const listOrders = {
  /** Cooperative by cooperative (region, county pages). */
  cooperative: Prisma.sql`p."listCooperativeSlug" ASC, p."slug" ASC`,
  /**
   * Region by region (the regions' own order), then cooperative by cooperative (category page):
   * with its filter on the category, a range of the Product_category_list_idx index, no sort.
   */
  region: Prisma.sql`p."listRegionOrder" ASC, p."listCooperativeSlug" ASC, p."slug" ASC`,
  /** By slug (a cooperative's page). */
  slug: Prisma.sql`p."slug" ASC`,
} as const;

/**
 * A SQL expression: the cards of one page of listed products matching `filter` (a condition on the
 * product `p`), in the list's order, as `cardsJson` gives them. No joins: every order is on
 * Product's own columns (listOrders). The category page's ids are one range of
 * Product_category_list_idx (the listed goods of a category in the page's order, with their ids);
 * a cooperative's page goes through the (cooperativeId, status, slug) index; the region and county
 * pages find their cooperatives' goods through the cooperativeId index and sort those (an index in
 * their order would have to skip the other cooperatives' goods: slower for a county, see the
 * migration). Hand-written: a findMany with the cards' nested select and a relation orderBy cost
 * ~45 ms of Node.js CPU per category page in Prisma's query compiler (docs/benchmarks.md, issue 12).
 */
function pageOfCards(
  filter: Prisma.Sql,
  order: keyof typeof listOrders,
  { page = 1, pageSize = PAGE_SIZE }: PageQuery,
) {
  return cardsJson(Prisma.sql`
    SELECT p."id", row_number() OVER (ORDER BY ${listOrders[order]}) AS "n" FROM "Product" p
    WHERE p."status" = 'LISTED' AND ${filter}
    ORDER BY ${listOrders[order]}
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`);
}

/** A page of a list: its cards for today, the total and the page count. */
function productList(
  cards: ProductCardSqlRow[] | null,
  total: number,
  { page = 1, pageSize = PAGE_SIZE, now = new Date() }: PageQuery,
) {
  const today = shanghaiToday(now);
  return {
    items: cardsFromJson(cards).map((row) => toProductCard(row, today)),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}

/**
 * One page of listed products matching `filter`, as cards, with the total and page count, in one
 * round trip (none when the page's own first query counted no goods).
 */
async function listProducts(
  prisma: PrismaClient,
  filter: Prisma.Sql,
  order: keyof typeof listOrders,
  total: number,
  query: PageQuery,
) {
  if (total === 0) return productList([], total, query);
  const [row] = await readRows<{ cards: ProductCardSqlRow[] }>(
    prisma,
    Prisma.sql`SELECT ${pageOfCards(filter, order, query)} AS "cards"`,
  );
  return productList(row!.cards, total, query);
}

export type ProductList = Awaited<ReturnType<typeof listProducts>>;

/** Goods of these cooperatives (found through the foreign-key index, not a scan). */
const ofCooperatives = (ids: string[]) =>
  ids.length === 0 ? Prisma.sql`false` : Prisma.sql`p."cooperativeId" IN (${Prisma.join(ids)})`;

/** A paired region: its counties with their cooperatives, the organisations paired there, its goods. Null if unknown. */
export async function getRegionPage(prisma: PrismaClient, slug: string, query: PageQuery = {}) {
  // One query for the region, its places, their pairings and how many goods they list; one for the page of goods.
  const found = await prisma.pairedRegion.findUnique({
    where: { slug },
    select: {
      ...nameSelect,
      descriptionZh: true,
      descriptionEn: true,
      counties: {
        orderBy: [{ isKeyCounty: "desc" }, { nameZh: "asc" }],
        select: {
          ...nameSelect,
          isKeyCounty: true,
          partnerships: ownPairings,
          cooperatives: {
            orderBy: { nameZh: "asc" },
            select: {
              id: true,
              ...nameSelect,
              partnerships: ownPairings,
              _count: { select: { products: listedOnly } },
            },
          },
        },
      },
    },
  });
  if (!found) return null;
  const cooperativesThere = found.counties.flatMap((c) => c.cooperatives);
  const total = sumListed(cooperativesThere);
  // By the cooperatives' ids, so the goods are found through the foreign-key index, not a scan.
  const products = await listProducts(
    prisma,
    ofCooperatives(cooperativesThere.map((c) => c.id)),
    "cooperative",
    total,
    query,
  );
  const region = {
    ...found,
    counties: found.counties.map(({ partnerships: _p, cooperatives, ...county }) => ({
      ...county,
      cooperatives: cooperatives.map(nameSelectOf),
    })),
  };
  return { region, organisations: groupPairings(pairingsIn(found.counties)), products };
}

/** An assisted county: its region, cooperatives, the organisations paired there, its goods. Null if unknown. */
export async function getCountyPage(prisma: PrismaClient, slug: string, query: PageQuery = {}) {
  const found = await prisma.county.findUnique({
    where: { slug },
    select: {
      ...nameSelect,
      descriptionZh: true,
      descriptionEn: true,
      isKeyCounty: true,
      partnerships: ownPairings,
      region: { select: nameSelect },
      cooperatives: {
        orderBy: { nameZh: "asc" },
        select: { id: true, ...cooperativeCardSelect, partnerships: ownPairings },
      },
    },
  });
  if (!found) return null;
  const products = await listProducts(
    prisma,
    ofCooperatives(found.cooperatives.map((c) => c.id)),
    "cooperative",
    sumListed(found.cooperatives),
    query,
  );
  const { partnerships: _p, cooperatives, ...rest } = found;
  const county = { ...rest, cooperatives: cooperatives.map(({ partnerships: _own, id: _id, ...card }) => card) };
  return { county, organisations: groupPairings(pairingsIn([found])), products };
}

/** A cooperative: story, farmer linkage, booth, partners (or its county's), goods. Null if unknown. */
export async function getCooperativePage(prisma: PrismaClient, slug: string, query: PageQuery = {}) {
  const cooperative = await prisma.cooperative.findUnique({
    where: { slug },
    select: {
      id: true,
      ...nameSelect,
      storyZh: true,
      storyEn: true,
      linkageType: true,
      householdsLinked: true,
      boothNumber: true,
      partnerships: { select: partnershipSelect },
      county: {
        select: {
          ...nameSelect,
          isKeyCounty: true,
          partnerships: { select: partnershipSelect },
          region: { select: nameSelect },
        },
      },
      _count: { select: { products: listedOnly } },
    },
  });
  if (!cooperative) return null;
  const products = await listProducts(
    prisma,
    Prisma.sql`p."cooperativeId" = ${cooperative.id}`,
    "slug",
    cooperative._count.products,
    query,
  );
  const { partnerships: _own, county, _count: _listed, id: _id, ...rest } = cooperative;
  const { partnerships: _county, ...countyRest } = county;
  return { cooperative: { ...rest, county: countyRest }, partners: sellerPartners(cooperative, county), products };
}

/** A category with its listed goods, region by region, and every category for navigation. Null if unknown. */
export async function getCategoryPage(prisma: PrismaClient, slug: string, query: PageQuery = {}) {
  // One statement: every category (for navigation) with its count, and the page's cards.
  const [row] = await readRows<{ categories: CategoryWithCount[]; cards: ProductCardSqlRow[] }>(
    prisma,
    Prisma.sql`SELECT ${categoriesJson({ orderBy: "name" })} AS "categories",
      ${pageOfCards(Prisma.sql`p."categoryId" = (SELECT g."id" FROM "Category" g WHERE g."slug" = ${slug})`, "region", query)} AS "cards"`,
  );
  const all = row!.categories;
  const category = all.find((c) => c.slug === slug);
  if (!category) return null;
  const categories = all.map(({ slug, nameZh, nameEn }) => ({ slug, nameZh, nameEn }));
  const { productCount, id: _id, ...shown } = category;
  return { category: shown, categories, products: productList(row!.cards, productCount, query) };
}

/** How many other goods of the same cooperative the product page suggests. */
const MORE_FROM_COOPERATIVE = 4;

/**
 * A listed product with everything its page shows: images, price, stock state, certification on
 * today's Shanghai date, provenance and the organisations its sale is attributed to. Null when the
 * slug is unknown or the product is not LISTED (drafts and retired goods are not public).
 */
export async function getProductPage(prisma: PrismaClient, slug: string, { now = new Date() }: { now?: Date } = {}) {
  // One plain statement for the product, its images, category, cooperative, county, region, both
  // sets of partners and the cards of its cooperative's other goods (JSON sub-selects): as one
  // Prisma findFirst with nested selects, Prisma's query compiler was the largest item of the
  // page's CPU profile (17 % + 6 % for its client; docs/benchmarks.md, issue 12).
  const [row] = await readRows<ProductPageRow>(
    prisma,
    Prisma.sql`
    SELECT p."id", p."slug", p."nameZh", p."nameEn", p."descriptionZh", p."descriptionEn", p."unitZh", p."unitEn",
      p."priceFen", p."stock", p."certificateNumber", p."certifyingBody",
      to_char(p."certifiedFrom", 'YYYY-MM-DD') AS "certifiedFrom",
      to_char(p."certifiedUntil", 'YYYY-MM-DD') AS "certifiedUntil",
      (SELECT coalesce(json_agg(json_build_object('url', i."url", 'altZh', i."altZh", 'altEn', i."altEn") ORDER BY i."sortOrder"), '[]')
        FROM "ProductImage" i WHERE i."productId" = p."id") AS "images",
      g."slug" AS "categorySlug", g."nameZh" AS "categoryNameZh", g."nameEn" AS "categoryNameEn",
      c."slug" AS "cooperativeSlug", c."nameZh" AS "cooperativeNameZh", c."nameEn" AS "cooperativeNameEn",
      c."linkageType"::text AS "linkageType", c."householdsLinked", c."boothNumber",
      k."slug" AS "countySlug", k."nameZh" AS "countyNameZh", k."nameEn" AS "countyNameEn", k."isKeyCounty",
      r."slug" AS "regionSlug", r."nameZh" AS "regionNameZh", r."nameEn" AS "regionNameEn",
      (SELECT coalesce(json_agg(json_build_object('weight', s."weight", 'slug', o."slug", 'nameZh', o."nameZh", 'nameEn', o."nameEn", 'kind', o."kind")), '[]')
        FROM "Partnership" s JOIN "Organisation" o ON o."id" = s."organisationId" WHERE s."cooperativeId" = c."id") AS "cooperativePartners",
      (SELECT coalesce(json_agg(json_build_object('weight', s."weight", 'slug', o."slug", 'nameZh', o."nameZh", 'nameEn', o."nameEn", 'kind', o."kind")), '[]')
        FROM "Partnership" s JOIN "Organisation" o ON o."id" = s."organisationId" WHERE s."countyId" = k."id") AS "countyPartners",
      ${cardsJson(Prisma.sql`
        SELECT q."id", row_number() OVER (ORDER BY q."stock" DESC, q."slug" ASC) AS "n" FROM "Product" q
        WHERE q."cooperativeId" = c."id" AND q."status" = 'LISTED' AND q."slug" <> p."slug"
        ORDER BY q."stock" DESC, q."slug" ASC LIMIT ${MORE_FROM_COOPERATIVE}`)} AS "siblings"
    FROM "Product" p
    JOIN "Category" g ON g."id" = p."categoryId"
    JOIN "Cooperative" c ON c."id" = p."cooperativeId"
    JOIN "County" k ON k."id" = c."countyId"
    JOIN "PairedRegion" r ON r."id" = k."regionId"
    WHERE p."slug" = ${slug} AND p."status" = 'LISTED'`,
  );
  if (!row) return null;
  const today = shanghaiToday(now);
  const siblings = cardsFromJson(row.siblings);
  const partnerships = (list: PartnerJson[] | null) =>
    (list ?? []).map(({ weight, ...organisation }) => ({ weight: Number(weight), organisation }));
  const certified = {
    certificateNumber: row.certificateNumber,
    certifyingBody: row.certifyingBody,
    certifiedFrom: dateOf(row.certifiedFrom),
    certifiedUntil: dateOf(row.certifiedUntil),
  };
  const stock = Number(row.stock);
  const county = {
    slug: row.countySlug,
    nameZh: row.countyNameZh,
    nameEn: row.countyNameEn,
    isKeyCounty: row.isKeyCounty,
    region: { slug: row.regionSlug, nameZh: row.regionNameZh, nameEn: row.regionNameEn },
  };
  return {
    product: {
      id: row.id,
      slug: row.slug,
      nameZh: row.nameZh,
      nameEn: row.nameEn,
      descriptionZh: row.descriptionZh,
      descriptionEn: row.descriptionEn,
      unitZh: row.unitZh,
      unitEn: row.unitEn,
      priceFen: Number(row.priceFen),
      stock,
      certificateNumber: row.certificateNumber,
      images: row.images ?? [],
      category: { slug: row.categorySlug, nameZh: row.categoryNameZh, nameEn: row.categoryNameEn },
      stockState: stockState(stock),
      certification: certificationOf(certified, today),
      cooperative: {
        slug: row.cooperativeSlug,
        nameZh: row.cooperativeNameZh,
        nameEn: row.cooperativeNameEn,
        linkageType: row.linkageType,
        householdsLinked: Number(row.householdsLinked),
        boothNumber: row.boothNumber,
        county,
      },
    },
    partners: sellerPartners(
      { partnerships: partnerships(row.cooperativePartners) },
      { partnerships: partnerships(row.countyPartners) },
    ),
    moreFromCooperative: siblings.map((card) => toProductCard(card, today)),
  };
}

type PartnerJson = OrganisationRow & { weight: number };

interface ProductPageRow extends DescribedRow {
  unitZh: string;
  unitEn: string;
  priceFen: number;
  stock: number;
  certificateNumber: string | null;
  certifyingBody: string | null;
  certifiedFrom: string | null;
  certifiedUntil: string | null;
  images: { url: string; altZh: string; altEn: string }[] | null;
  categorySlug: string;
  categoryNameZh: string;
  categoryNameEn: string;
  cooperativeSlug: string;
  cooperativeNameZh: string;
  cooperativeNameEn: string;
  linkageType: LinkageType;
  householdsLinked: number;
  boothNumber: string | null;
  countySlug: string;
  countyNameZh: string;
  countyNameEn: string;
  isKeyCounty: boolean;
  regionSlug: string;
  regionNameZh: string;
  regionNameEn: string;
  cooperativePartners: PartnerJson[] | null;
  countyPartners: PartnerJson[] | null;
  siblings: ProductCardSqlRow[] | null;
}

const nameSelectOf = (row: { slug: string; nameZh: string; nameEn: string }) => ({
  slug: row.slug,
  nameZh: row.nameZh,
  nameEn: row.nameEn,
});

export interface SitemapEntry {
  /** The page's path without a language prefix, e.g. "/products/puer-raw-cake". */
  path: string;
  lastModified?: string;
}

/** Every public page (the home page, each region, county, cooperative, category and LISTED product). */
export async function getSitemapEntries(prisma: PrismaClient): Promise<SitemapEntry[]> {
  const updated = { slug: true, updatedAt: true } as const;
  const [regions, counties, cooperatives, categories, products] = await Promise.all([
    prisma.pairedRegion.findMany({ orderBy: { sortOrder: "asc" }, select: updated }),
    prisma.county.findMany({ orderBy: { slug: "asc" }, select: updated }),
    prisma.cooperative.findMany({ orderBy: { slug: "asc" }, select: updated }),
    prisma.category.findMany({ orderBy: { sortOrder: "asc" }, select: updated }),
    prisma.product.findMany({ where: { status: "LISTED" }, orderBy: { slug: "asc" }, select: updated }),
  ]);
  const entries = (prefix: string, rows: { slug: string; updatedAt: Date }[]) =>
    rows.map((row) => ({ path: `${prefix}/${row.slug}`, lastModified: isoDay(row.updatedAt) }));
  return [
    { path: "/" },
    ...entries("/regions", regions),
    ...entries("/counties", counties),
    ...entries("/cooperatives", cooperatives),
    ...entries("/categories", categories),
    ...entries("/products", products),
  ];
}
