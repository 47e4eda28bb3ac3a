import { readRows } from "~/utils/read-rows.server";
import { Prisma, type PrismaClient } from "~/generated/prisma/client";
import { cardsFromJson, cardsJson, toProductCard, type ProductCardSqlRow } from "~/catalog/catalog.server";
import { shanghaiToday } from "~/utils/shanghai-time";
import { activeFilterCount, SEARCH_PAGE_SIZE, type SearchNoteCode, type SearchQuery } from "~/catalog/search-schema";
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

/** Pages of a word's ranking kept for the next search of it (24 goods each). */
const KEPT_PAGES = 10;
/** Rankings kept at most; past that the oldest go first. */
const KEPT_RANKINGS = 500;

/** Search words used at most; a 100-character query has no business being more. */
const MAX_TERMS = 10;
/** Apostrophes are dropped on both sides, so "puer" and "pu’er" find "Pu'er". */
const APOSTROPHES = "'’‘`";

export interface SearchOptions {
  /** Which language's name the "name" sort follows. */
  locale?: Locale;
  /** Asia/Shanghai date (YYYY-MM-DD) certificates must be valid on; today by default. */
  today?: string;
  pageSize?: number;
  /** Searching again after the facets the filters were checked against turned out to have changed. */
  again?: boolean;
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

/**
 * Where a word matches in a lower-cased text: a Chinese word anywhere (a plain substring test, no
 * regular expression), a Latin word at a word start (the substring test first, so the regular
 * expression only runs on the few texts that contain the word). The same matches as
 * `column ~ lower(termPattern(term))`: the pattern is the word with its punctuation escaped.
 */
function matches(column: Prisma.Sql, term: string): Prisma.Sql {
  const found = Prisma.sql`strpos(${column}, lower(${termText(term)})) > 0`;
  return isLatin(term) ? Prisma.sql`(${found} AND ${column} ~ lower(${termPattern(term)}))` : found;
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
 * The regions with their counties and the categories (with how many goods each lists, when
 * `counts`), named in the page's language, as two JSON columns of a statement: a statement of
 * their own when filters must be checked before searching, else two more columns of the search's
 * own statement.
 */
function facetColumns(locale: Locale, counts: boolean, unlessVersion?: Prisma.Sql): Prisma.Sql {
  const name = (table: string) => Prisma.raw(`${table}."${locale === "zh" ? "nameZh" : "nameEn"}"`);
  // Not read at all when the process already has them at this version (a CASE branch not taken
  // never runs its subqueries).
  const unless = (column: Prisma.Sql) =>
    unlessVersion ? Prisma.sql`CASE WHEN ${unlessVersion} THEN NULL ELSE ${column} END` : column;
  const productCount = counts
    ? Prisma.sql`, 'productCount', coalesce((SELECT n."listed" FROM "CategoryListedCount" n WHERE n."categoryId" = g."id"), 0)`
    : Prisma.empty;
  const regions = Prisma.sql`(SELECT json_agg(json_build_object(
          'slug', r."slug", 'name', ${name("r")},
          'counties', (SELECT coalesce(json_agg(json_build_object('slug', k."slug", 'name', ${name("k")}) ORDER BY k."slug"), '[]')
                       FROM "County" k WHERE k."regionId" = r."id"))
        ORDER BY r."sortOrder", r."slug") FROM "PairedRegion" r)`;
  const categories = Prisma.sql`(SELECT json_agg(json_build_object('slug', g."slug", 'name', ${name("g")}${productCount})
        ORDER BY g."sortOrder", g."slug") FROM "Category" g)`;
  return Prisma.sql`${unless(regions)} AS "regions", ${unless(categories)} AS "categories"`;
}

interface FacetColumns {
  regions: SearchFacets["regions"] | null;
  categories: SearchFacets["categories"] | null;
}

const facetsOf = (row: FacetColumns | undefined): SearchFacets => ({
  regions: row?.regions ?? [],
  categories: (row?.categories ?? []).map((c) =>
    c.productCount === undefined ? c : { ...c, productCount: Number(c.productCount) },
  ),
});

/** The facets in a statement of their own (filters to check first, or counts the search's statement did not bring). */
async function getFacets(prisma: PrismaClient, locale: Locale, counts: boolean): Promise<Facets> {
  const [row] = await readRows<FacetColumns & { facetsVersion: string }>(
    prisma,
    Prisma.sql`SELECT (SELECT "version" FROM "SearchFacetsVersion")::text AS "facetsVersion", ${facetColumns(locale, counts)}`,
  );
  return { version: row!.facetsVersion, facets: facetsOf(row) };
}

/** Facets as read at a version of "SearchFacetsVersion" (migration 20261205010000_search_text). */
interface Facets {
  version: string;
  facets: SearchFacets;
}

/**
 * The facets this process last read, per client and language, without counts (those change with
 * every product listed). Never trusted alone: every search's statement reads the current version
 * and brings the facets again when it moved (a change to a region, county or category moves it in
 * its own transaction), so a process never shows facets older than the results beside them.
 */
const facetsCache = new WeakMap<PrismaClient, Map<Locale, Facets>>();

function remember(prisma: PrismaClient, locale: Locale, known: Facets) {
  let byLocale = facetsCache.get(prisma);
  if (!byLocale) facetsCache.set(prisma, (byLocale = new Map()));
  const categories = known.facets.categories.map(({ productCount: _count, ...category }) => category);
  byLocale.set(locale, { version: known.version, facets: { ...known.facets, categories } });
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

/** One key of the result order, selected as a column so the page's cards can be put in that order. */
interface OrderKey {
  expr: Prisma.Sql;
  desc: boolean;
  /** Whether it reads the product's own columns ("Product" p) rather than the search's read model. */
  onProduct: boolean;
}

const bySlug: OrderKey = { expr: Prisma.sql`p."slug"`, desc: false, onProduct: true };

/**
 * Searches LISTED products; never throws on odd input (the schema has cleaned it) and never
 * returns a page past the last one (it clamps, with a note).
 *
 * One statement finds the products, counts them, orders them, and returns the page's cards and
 * the facets' version (the facets too, when this process does not have them at that version, or
 * the page shows category counts). A word's products are one probe of the GIN
 * index of the search's read model, "ProductSearch" (migration 20261205010000_search_text: one
 * narrow row per product with every name it is found by, kept by triggers), then a substring
 * test; relevance compares the stored lower-cased names there with equality, prefix and
 * substring tests. docs/search-cost.md has the figures.
 */
export async function searchProducts(prisma: PrismaClient, query: SearchQuery, options: SearchOptions = {}) {
  const locale = options.locale ?? "zh";
  const pageSize = options.pageSize ?? SEARCH_PAGE_SIZE;
  const today = options.today ?? shanghaiToday();
  const pinyin = await hasZhCollation(prisma);
  // A region, county or category named in the URL is checked against the facets before searching
  // (an unknown one is dropped, with a note): those this process knows, else read first.
  const named = Boolean(query.region || query.county || query.category);
  let known = facetsCache.get(prisma)?.get(locale);
  if (!known && named) {
    known = await getFacets(prisma, locale, false);
    remember(prisma, locale, known);
  }
  const filters =
    known && named
      ? resolveFilters(query, known.facets)
      : { region: undefined, county: undefined, category: undefined, notes: [] as SearchNoteCode[] };
  const notes = [...query.notes, ...filters.notes];
  const terms = searchTerms(query.q);
  // Nothing asked: the page suggests the categories with their counts, so they come along.
  const nothingAsked = terms.length === 0 && activeFilterCount({ ...query, ...filters }) === 0;

  // Filters on the product's own columns.
  const filtersOnProduct: Prisma.Sql[] = [];
  if (filters.region)
    filtersOnProduct.push(Prisma.sql`p."cooperativeId" IN (SELECT c."id" FROM "Cooperative" c
      JOIN "County" k ON k."id" = c."countyId" JOIN "PairedRegion" r ON r."id" = k."regionId" WHERE r."slug" = ${filters.region})`);
  if (filters.county)
    filtersOnProduct.push(Prisma.sql`p."cooperativeId" IN (SELECT c."id" FROM "Cooperative" c
      JOIN "County" k ON k."id" = c."countyId" WHERE k."slug" = ${filters.county})`);
  if (filters.category)
    filtersOnProduct.push(
      Prisma.sql`p."categoryId" IN (SELECT g."id" FROM "Category" g WHERE g."slug" = ${filters.category})`,
    );
  if (query.certified) {
    // Certified means a certificate valid today, not merely one on file.
    filtersOnProduct.push(Prisma.sql`p."certificateNumber" IS NOT NULL
      AND (p."certifiedFrom" IS NULL OR p."certifiedFrom" <= ${today}::date)
      AND (p."certifiedUntil" IS NULL OR p."certifiedUntil" >= ${today}::date)`);
  }
  if (query.minFen !== undefined) filtersOnProduct.push(Prisma.sql`p."priceFen" >= ${query.minFen}`);
  if (query.maxFen !== undefined) filtersOnProduct.push(Prisma.sql`p."priceFen" <= ${query.maxFen}`);

  // The words, on the search's read model "ProductSearch" (s): every bigram of a word (or its one
  // character) is among the grams of the product's "text", which the GIN index on that expression
  // finds (migration 20261206010000); then the word itself must be in "text", which holds the
  // product's, its cooperative's, county's, region's and category's names, separated so that no
  // word matches across two of them.
  const wordConditions = terms.flatMap((term) => [
    Prisma.sql`search_text_grams(s."text") @> search_query_grams(lower(${termText(term)}))`,
    matches(Prisma.sql`s."text"`, term),
  ]);

  const phrase = terms.join(" ");
  const nameOrder =
    locale === "zh"
      ? pinyin
        ? Prisma.sql`p."nameZh" COLLATE "zh-x-icu"`
        : Prisma.sql`p."nameZh"`
      : Prisma.sql`p."searchNameEn"`;
  const keys = ((): OrderKey[] => {
    switch (query.sort) {
      case "relevance": {
        if (!phrase) break;
        // All from "ProductSearch": ranking ~1,600 products for 茶 reads no "Product" row.
        const inName = terms.map(
          (term) => Prisma.sql`(${matches(Prisma.sql`s."nameZh"`, term)} OR ${matches(Prisma.sql`s."nameEn"`, term)})`,
        );
        // The whole text as a product's name, then at its start, then inside it, then all words
        // somewhere in its names; otherwise the product matched by its cooperative, place or
        // category. Equality, a prefix and a substring test on the stored lower-cased names: the
        // same as the regular expressions ^text$, ^text and text they replace (docs/search-cost.md).
        const rank = Prisma.sql`CASE
            WHEN s."nameZh" = lower(${phrase}) OR s."nameEn" = lower(${phrase}) THEN 5
            WHEN starts_with(s."nameZh", lower(${phrase})) OR starts_with(s."nameEn", lower(${phrase})) THEN 4
            WHEN ${matches(Prisma.sql`s."nameZh"`, phrase)} OR ${matches(Prisma.sql`s."nameEn"`, phrase)} THEN 3
            WHEN ${Prisma.join(inName, " AND ")} THEN 2
            ELSE 1 END`;
        // Among equally relevant goods, those in stock first, then the shorter name (the closer
        // match: 普洱熟茶 before 普洱熟茶小沱茶), then the slug.
        return [
          { expr: rank, desc: true, onProduct: false },
          { expr: Prisma.sql`s."inStock"`, desc: true, onProduct: false },
          {
            expr: locale === "zh" ? Prisma.sql`s."lengthZh"` : Prisma.sql`s."lengthEn"`,
            desc: false,
            onProduct: false,
          },
          { expr: Prisma.sql`s."slug"`, desc: false, onProduct: false },
        ];
      }
      case "price-asc":
        return [{ expr: Prisma.sql`p."priceFen"`, desc: false, onProduct: true }, bySlug];
      case "price-desc":
        return [{ expr: Prisma.sql`p."priceFen"`, desc: true, onProduct: true }, bySlug];
      case "name":
        return [{ expr: nameOrder, desc: false, onProduct: true }, bySlug];
      case "newest":
        break;
    }
    return [{ expr: Prisma.sql`p."createdAt"`, desc: true, onProduct: true }, bySlug];
  })();
  const keyColumns = Prisma.join(
    keys.map((key, i) => Prisma.sql`${key.expr} AS ${Prisma.raw(`"k${i}"`)}`),
    ", ",
  );
  const keyOrder = (table: string) =>
    Prisma.raw(keys.map((key, i) => `${table}"k${i}" ${key.desc ? "DESC" : "ASC"}`).join(", "));

  // Without words, the listed products themselves; with words, the read model, joined to the
  // products only when a filter or the order needs their own columns.
  const onProduct = filtersOnProduct.length > 0 || keys.some((key) => key.onProduct);
  const matching =
    terms.length === 0
      ? Prisma.sql`SELECT p."id" AS "id", ${keyColumns} FROM "Product" p
          WHERE ${Prisma.join([Prisma.sql`p."status" = 'LISTED'`, ...filtersOnProduct], " AND ")}`
      : onProduct
        ? Prisma.sql`SELECT s."productId" AS "id", ${keyColumns} FROM "ProductSearch" s
            JOIN "Product" p ON p."id" = s."productId"
            WHERE ${Prisma.join([Prisma.sql`s."listed"`, ...wordConditions, Prisma.sql`p."status" = 'LISTED'`, ...filtersOnProduct], " AND ")}`
        : Prisma.sql`SELECT s."productId" AS "id", ${keyColumns} FROM "ProductSearch" s
            WHERE ${Prisma.join([Prisma.sql`s."listed"`, ...wordConditions], " AND ")}`;

  type PageRow = { total: number | null; cards: ProductCardSqlRow[] | null; facetsVersion: string } & FacetColumns;
  // What every search statement returns beside its page: the cards of `pageRows` (id, n) in
  // order, and the facets' version (with the facets, when this process lacks them at it).
  const pageColumns = (pageRows: Prisma.Sql) => Prisma.sql`
      ${cardsJson(pageRows)} AS "cards"
      , "v"."version"::text AS "facetsVersion",
      ${facetColumns(locale, nothingAsked, known && !nothingAsked ? Prisma.sql`"v"."version" = ${known.version}::bigint` : undefined)}
    FROM "SearchFacetsVersion" "v"
    WHERE "v"."id" = 1`;

  // A word's ranking is kept (migration 20261207010000_search_results) for the relevance order
  // with no filter on the product's own columns: it depends on "ProductSearch" alone, whose every
  // change moves "SearchResultsVersion". Only its first pages: a visitor rarely goes further.
  const rankingKey =
    terms.length > 0 && query.sort === "relevance" && !onProduct
      ? `${locale} ${pageSize} ${terms.join(" ")}`
      : undefined;
  const keptPage = (page: number) => rankingKey !== undefined && page <= KEPT_PAGES;

  // The page of a kept ranking, at the current version; no rows ("kept" false) when there is none.
  const fromKept = (page: number) =>
    readRows<PageRow & { kept: boolean }>(
      prisma,
      Prisma.sql`
    WITH "kept" AS (
      SELECT r."ids", r."total" FROM "SearchResults" r
      JOIN "SearchResultsVersion" rv ON rv."id" = 1 AND rv."version" = r."version"
      WHERE r."key" = ${rankingKey}
    ), "page" AS (
      SELECT x."id", x."n" FROM "kept" k, unnest(k."ids"[${(page - 1) * pageSize + 1}:${page * pageSize}]) WITH ORDINALITY AS x("id", "n")
    )
    SELECT EXISTS (SELECT 1 FROM "kept") AS "kept", (SELECT k."total" FROM "kept" k) AS "total",
    ${pageColumns(Prisma.sql`SELECT s."id", s."n" FROM "page" s`)}`,
    );

  // The page's products and the total in one scan (count(*) OVER () before LIMIT); then their
  // cards, as one JSON array in the page's order. With a ranking key, the same statement keeps
  // the ranking's first pages for the next search of these words, and drops the rankings of
  // older versions (and the oldest beyond KEPT_RANKINGS).
  const run = (page: number) => {
    const keep = keptPage(page);
    const ranked = Prisma.sql`SELECT m.*, count(*) OVER () AS "total" FROM (${matching}) m
      ORDER BY ${keyOrder("m.")} LIMIT ${keep ? KEPT_PAGES * pageSize : pageSize} OFFSET ${keep ? 0 : (page - 1) * pageSize}`;
    const keeping = keep
      ? Prisma.sql`, "stored" AS (
      INSERT INTO "SearchResults" ("key", "version", "ids", "total")
      SELECT ${rankingKey}, rv."version", ARRAY(SELECT r."id" FROM "ranked" r ORDER BY ${keyOrder("r.")}),
        coalesce((SELECT max(r."total") FROM "ranked" r), 0)
      FROM "SearchResultsVersion" rv
      WHERE rv."id" = 1
      ON CONFLICT ("key") DO UPDATE SET "version" = EXCLUDED."version", "ids" = EXCLUDED."ids",
        "total" = EXCLUDED."total", "storedAt" = EXCLUDED."storedAt"
    ), "dropped" AS (
      DELETE FROM "SearchResults" d WHERE d."key" IN (
        SELECT r."key" FROM "SearchResults" r, "SearchResultsVersion" rv
        WHERE rv."id" = 1 AND r."key" <> ${rankingKey} AND (r."version" <> rv."version"
          OR r."key" IN (SELECT o."key" FROM "SearchResults" o ORDER BY o."storedAt" DESC OFFSET ${KEPT_RANKINGS - 1}))
        -- A ranking another search is keeping or dropping right now is left to it: two searches
        -- of different words never wait for each other.
        FOR UPDATE OF r SKIP LOCKED)
    )`
      : Prisma.empty;
    return readRows<PageRow>(
      prisma,
      Prisma.sql`
    WITH "ranked" AS (${ranked})${keeping}, "page" AS (
      SELECT r.* FROM "ranked" r ORDER BY ${keyOrder("r.")} LIMIT ${pageSize} OFFSET ${keep ? (page - 1) * pageSize : 0}
    )
    SELECT
      (SELECT max(s."total") FROM "page" s)::int AS "total",
      ${pageColumns(Prisma.sql`SELECT s."id", row_number() OVER (ORDER BY ${keyOrder("s.")}) AS "n" FROM "page" s`)}`,
      // How many goods the words match decides the best plan (a word in 1,600 names or in 3):
      // PostgreSQL plans for the values (docs/benchmarks.md, sixth round).
      { plan: "auto" },
    );
  };
  /** The page from the kept ranking when there is one at the current version, else ranked now. */
  const read = async (page: number): Promise<PageRow[]> => {
    if (keptPage(page)) {
      const [kept] = await fromKept(page);
      if (kept?.kept) return [kept];
    }
    return run(page);
  };
  const countAll = async () =>
    Number(
      (
        await readRows<{ total: number }>(prisma, Prisma.sql`SELECT count(*)::int AS "total" FROM (${matching}) m`, {
          plan: "auto",
        })
      )[0]?.total ?? 0,
    );

  let page = Number.isSafeInteger(query.page) && query.page >= 1 ? query.page : 1;
  let [row] = await read(page);
  let facets: SearchFacets;
  if (row!.facetsVersion === known?.version && !nothingAsked) facets = known.facets;
  else {
    facets = facetsOf(row);
    remember(prisma, locale, { version: row!.facetsVersion, facets });
    // The filters were checked against facets that have changed since: once more with the new ones.
    if (known && named && row!.facetsVersion !== known.version && !options.again)
      return searchProducts(prisma, query, { ...options, again: true });
  }
  const total = row?.total != null ? Number(row.total) : page === 1 ? 0 : await countAll();
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  if (page > pageCount) {
    page = pageCount;
    // With nothing found, "no results" says it all; a page note would be noise.
    if (total > 0) {
      [row] = await read(page);
      if (!notes.includes("pageClamped")) notes.push("pageClamped");
    }
  }
  // The suggestions (nothing asked, or nothing found) show the categories with their counts.
  if ((nothingAsked || total === 0) && facets.categories.some((c) => c.productCount === undefined))
    facets = (await getFacets(prisma, locale, true)).facets;

  // Cards only show a certificate valid today, as the certified filter means.
  const products = total > 0 ? cardsFromJson(row!.cards).map((card) => toProductCard(card, today)) : [];

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
