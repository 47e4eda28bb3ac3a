import { Prisma, type PrismaClient } from "~/generated/prisma/client";
import { productCardsByIds, toProductCard } from "~/catalog/catalog.server";
import { shanghaiToday } from "~/utils/shanghai-time";
import { SEARCH_PAGE_SIZE, type SearchNoteCode, type SearchQuery } from "~/catalog/search-schema";
import type { Locale } from "~/utils/i18n";
import type { SearchFacets } from "~/catalog/search-facets";

export type { SearchFacets };

/**
 * Product search over LISTED products: text, filters, sort and page, all counted and paged in
 * the database. The text matches product, cooperative, county, region and category names in
 * both languages; every word must match somewhere. Chinese words match any substring (普洱 finds
 * 景迈古树普洱生茶); Latin words match the start of a word, case-insensitively (red finds
 * "Red rice" but not "embroidered"). User text only ever reaches SQL as an escaped, bound
 * parameter: % and _ (and regex characters) match themselves.
 */

/** Search words used at most; a 100-character query has no business being more. */
const MAX_TERMS = 10;
/** Apostrophes are dropped on both sides, so "puer" and "pu’er" find "Pu'er". */
const APOSTROPHES = "'’‘`";
/** Separates names in the haystack, so no word matches across two names (control characters never survive the schema). */
const SEPARATOR = "\u001f";

export interface SearchOptions {
  /** Which language's name the "name" sort follows. */
  locale?: Locale;
  /** Asia/Shanghai date (YYYY-MM-DD) certificates must be valid on; today by default. */
  today?: string;
  pageSize?: number;
}

export type SearchResult = Awaited<ReturnType<typeof searchProducts>>;

/** Splits normalised text into words; apostrophes vanish, duplicates count once. */
export function searchTerms(q: string): string[] {
  const stripped = [...APOSTROPHES].reduce((text, mark) => text.split(mark).join(""), q);
  return [...new Set(stripped.split(" ").filter(Boolean))].slice(0, MAX_TERMS);
}

/** A PostgreSQL regular expression (ARE) that matches `text` literally: every ASCII punctuation mark is escaped. */
export function literalRegex(text: string): string {
  return text.replace(/[\x20-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/g, "\\$&");
}

/**
 * Cuts an English plural or final -y, so the word-start match finds both forms: walnuts → walnut,
 * berries/berry → berr, embroidery → embroider (embroidered). Other words stay as they are.
 */
export function englishStem(word: string): string {
  if (!/^[a-z]{4,}$/i.test(word)) return word;
  if (/ies$/i.test(word) && word.length > 4) return word.slice(0, -3);
  if (/(ss|us|is)$/i.test(word)) return word;
  if (/(x|ch|sh|ss|o)es$/i.test(word)) return word.slice(0, -2);
  if (/s$/i.test(word)) return word.slice(0, -1);
  if (/y$/i.test(word) && word.length > 4) return word.slice(0, -1);
  return word;
}

const isLatin = (term: string) => /^[a-z0-9]/i.test(term);

/** Latin words anchor at a word start; Chinese has no spaces between words, so it matches anywhere. */
function termPattern(term: string): string {
  return isLatin(term) ? `\\m${literalRegex(englishStem(term))}` : literalRegex(term);
}

/** The text a term's match must contain, whose character bigrams the product's "searchGrams" must hold. */
const termText = (term: string) => (isLatin(term) ? englishStem(term) : term);

/** Names joined into one lower-cased text without apostrophes, so no word matches across two names. */
function haystack(columns: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`lower(translate(concat_ws(${SEPARATOR}, ${columns}), ${APOSTROPHES}, ''))`;
}

const zhCollation = new WeakMap<PrismaClient, Promise<boolean>>();
/** Pinyin order needs ICU's "zh-x-icu" collation: PostgreSQL servers have it, PGlite does not (code-point order there). */
function hasZhCollation(prisma: PrismaClient): Promise<boolean> {
  let known = zhCollation.get(prisma);
  if (!known) {
    known = prisma.$queryRaw<
      { ok: boolean }[]
    >`SELECT EXISTS (SELECT 1 FROM pg_collation WHERE collname = 'zh-x-icu') AS ok`
      .then((rows) => rows[0]?.ok === true)
      .catch(() => false);
    zhCollation.set(prisma, known);
  }
  return known;
}

/**
 * The regions with their counties and the categories with their counts, in one plain statement:
 * as two nested Prisma queries they were a fifth of the search page's Node.js CPU, in Prisma's
 * query compiler (docs/benchmarks.md, issue 12).
 */
async function getFacets(prisma: PrismaClient): Promise<SearchFacets> {
  const [row] = await prisma.$queryRaw<
    { regions: SearchFacets["regions"] | null; categories: SearchFacets["categories"] | null }[]
  >`
    SELECT
      (SELECT json_agg(json_build_object(
          'slug', r."slug", 'nameZh', r."nameZh", 'nameEn', r."nameEn",
          'counties', (SELECT coalesce(json_agg(json_build_object('slug', k."slug", 'nameZh', k."nameZh", 'nameEn', k."nameEn")
                                                ORDER BY k."slug"), '[]')
                       FROM "County" k WHERE k."regionId" = r."id"))
        ORDER BY r."sortOrder", r."slug") FROM "PairedRegion" r) AS "regions",
      (SELECT json_agg(json_build_object(
          'slug', g."slug", 'nameZh', g."nameZh", 'nameEn', g."nameEn",
          'productCount', (SELECT count(*) FROM "Product" p WHERE p."categoryId" = g."id" AND p."status" = 'LISTED'))
        ORDER BY g."sortOrder", g."slug") FROM "Category" g) AS "categories"`;
  return {
    regions: row?.regions ?? [],
    categories: (row?.categories ?? []).map((c) => ({ ...c, productCount: Number(c.productCount) })),
  };
}

/** Drops filters naming things that do not exist (or a county outside the chosen region), with a note each. */
function resolveFilters(query: SearchQuery, facets: SearchFacets) {
  const notes: SearchNoteCode[] = [];
  let { region, county, category } = query;
  if (region && !facets.regions.some((r) => r.slug === region)) {
    notes.push("regionUnknown");
    region = undefined;
  }
  if (county) {
    const owner = facets.regions.find((r) => r.counties.some((c) => c.slug === county));
    if (!owner) {
      notes.push("countyUnknown");
      county = undefined;
    } else if (region && owner.slug !== region) {
      notes.push("countyOutsideRegion");
      county = undefined;
    }
  }
  if (category && !facets.categories.some((c) => c.slug === category)) {
    notes.push("categoryUnknown");
    category = undefined;
  }
  return { region, county, category, notes };
}

/**
 * Searches LISTED products; never throws on odd input (the schema has cleaned it) and never
 * returns a page past the last one (it clamps, with a note).
 */
export async function searchProducts(prisma: PrismaClient, query: SearchQuery, options: SearchOptions = {}) {
  const locale = options.locale ?? "zh";
  const pageSize = options.pageSize ?? SEARCH_PAGE_SIZE;
  const today = options.today ?? shanghaiToday();
  const [facets, pinyin] = await Promise.all([getFacets(prisma), hasZhCollation(prisma)]);
  const filters = resolveFilters(query, facets);
  const notes = [...query.notes, ...filters.notes];
  const terms = searchTerms(query.q);

  const conditions: Prisma.Sql[] = [Prisma.sql`p."status" = 'LISTED'`];
  if (filters.region) conditions.push(Prisma.sql`r."slug" = ${filters.region}`);
  if (filters.county) conditions.push(Prisma.sql`k."slug" = ${filters.county}`);
  if (filters.category) conditions.push(Prisma.sql`g."slug" = ${filters.category}`);
  if (query.certified) {
    // Certified means a certificate valid today, not merely one on file.
    conditions.push(Prisma.sql`p."certificateNumber" IS NOT NULL
      AND (p."certifiedFrom" IS NULL OR p."certifiedFrom" <= ${today}::date)
      AND (p."certifiedUntil" IS NULL OR p."certifiedUntil" >= ${today}::date)`);
  }
  if (query.minFen !== undefined) conditions.push(Prisma.sql`p."priceFen" >= ${query.minFen}`);
  if (query.maxFen !== undefined) conditions.push(Prisma.sql`p."priceFen" <= ${query.maxFen}`);
  for (const term of terms) {
    const pattern = Prisma.sql`lower(${termPattern(term)})`;
    // The products a word finds, as one list of ids: by their names through the bigram index (then
    // the pattern itself on the few rows it finds), by their cooperative (with its county and
    // region: matched once per query, their goods found through the foreign-key index) or by
    // their category. A union of three index paths rather than three OR-ed conditions: OR-ed, a
    // word that finds many products (茶: 1,600 of 10,000) made the planner scan every product and
    // test each against the cooperatives' list one element at a time (docs/benchmarks.md, issue 12).
    conditions.push(Prisma.sql`p."id" IN (
        SELECT q."id" FROM "Product" q
        WHERE q."status" = 'LISTED' AND q."searchGrams" @> search_query_grams(lower(${termText(term)})) AND q."searchNames" ~ ${pattern}
      UNION ALL
        SELECT q."id" FROM "Product" q
        WHERE q."status" = 'LISTED' AND q."cooperativeId" IN (
          SELECT c2."id" FROM "Cooperative" c2
          JOIN "County" k2 ON k2."id" = c2."countyId"
          JOIN "PairedRegion" r2 ON r2."id" = k2."regionId"
          WHERE ${haystack(Prisma.sql`c2."nameZh", c2."nameEn", k2."nameZh", k2."nameEn", r2."nameZh", r2."nameEn"`)} ~ ${pattern})
      UNION ALL
        SELECT q."id" FROM "Product" q
        WHERE q."status" = 'LISTED' AND q."categoryId" IN (
          SELECT g2."id" FROM "Category" g2 WHERE ${haystack(Prisma.sql`g2."nameZh", g2."nameEn"`)} ~ ${pattern}))`);
  }

  const from = Prisma.sql`
    FROM "Product" p
    JOIN "Cooperative" c ON c."id" = p."cooperativeId"
    JOIN "County" k ON k."id" = c."countyId"
    JOIN "PairedRegion" r ON r."id" = k."regionId"
    JOIN "Category" g ON g."id" = p."categoryId"
    WHERE ${Prisma.join(conditions, " AND ")}`;

  const phrase = terms.join(" ");
  const nameOrder =
    locale === "zh"
      ? pinyin
        ? Prisma.sql`p."nameZh" COLLATE "zh-x-icu"`
        : Prisma.sql`p."nameZh"`
      : Prisma.sql`p."searchNameEn"`;
  // Among equally relevant names the shorter is the closer match (普洱熟茶 before 普洱熟茶小沱茶).
  const nameLength = locale === "zh" ? Prisma.sql`p."nameZh"` : Prisma.sql`p."nameEn"`;
  const orderBy = (() => {
    switch (query.sort) {
      case "relevance": {
        if (!phrase) break;
        const exact = `^${literalRegex(phrase)}$`;
        const prefix = `^${literalRegex(phrase)}`;
        const anywhere = termPattern(phrase);
        const inName = terms.map((term) => Prisma.sql`p."searchNames" ~ lower(${termPattern(term)})`);
        // The whole text as a product's name, then at its start, then inside it, then all words
        // somewhere in the name; otherwise the product matched by its cooperative, place or category.
        // searchNameZh/searchNameEn: each name lower-cased without apostrophes, stored (migration
        // 20261204050000_search_name_columns), not computed for every matching row.
        return Prisma.sql`CASE
            WHEN p."searchNameZh" ~ lower(${exact}) OR p."searchNameEn" ~ lower(${exact}) THEN 5
            WHEN p."searchNameZh" ~ lower(${prefix}) OR p."searchNameEn" ~ lower(${prefix}) THEN 4
            WHEN p."searchNameZh" ~ lower(${anywhere}) OR p."searchNameEn" ~ lower(${anywhere}) THEN 3
            WHEN ${Prisma.join(inName, " AND ")} THEN 2
            ELSE 1 END DESC, (p."stock" > 0) DESC, char_length(${nameLength}) ASC, p."slug" ASC`;
      }
      case "price-asc":
        return Prisma.sql`p."priceFen" ASC, p."slug" ASC`;
      case "price-desc":
        return Prisma.sql`p."priceFen" DESC, p."slug" ASC`;
      case "name":
        return Prisma.sql`${nameOrder} ASC, p."slug" ASC`;
      case "newest":
        break;
    }
    return Prisma.sql`p."createdAt" DESC, p."slug" ASC`;
  })();

  // One scan gives the page and the total; only a page past the end needs a count of its own.
  const pageRows = (page: number) =>
    prisma.$queryRaw<{ id: string; total: number }[]>`SELECT p."id", count(*) OVER ()::int AS "total" ${from}
      ORDER BY ${orderBy} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  const countAll = async () =>
    Number((await prisma.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS "total" ${from}`)[0]?.total ?? 0);

  let page = Number.isSafeInteger(query.page) && query.page >= 1 ? query.page : 1;
  let ids = await pageRows(page);
  const total = ids.length > 0 ? Number(ids[0]!.total) : page === 1 ? 0 : await countAll();
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  if (page > pageCount) {
    page = pageCount;
    // With nothing found, "no results" says it all; a page note would be noise.
    if (total > 0) {
      ids = await pageRows(page);
      if (!notes.includes("pageClamped")) notes.push("pageClamped");
    }
  }

  const rows = await productCardsByIds(
    prisma,
    ids.map((row) => row.id),
  );
  // Cards only show a certificate valid today, as the certified filter means.
  const products = rows.map((product) => toProductCard(product, today));

  return {
    query: { ...query, region: filters.region, county: filters.county, category: filters.category, page, notes },
    products,
    total,
    page,
    pageCount,
    pageSize,
    facets,
  };
}
