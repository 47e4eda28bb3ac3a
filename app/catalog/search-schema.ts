import { z } from "zod";
import { decimalYuanToFen, fenToShortYuan } from "~/utils/money";

/**
 * The search page's URL query (/search?q=…&region=…&county=…&category=…&certified=1&min=…&max=…
 * &sort=…&page=…), shared by the route (parsing) and the page (building links).
 *
 * Parsing never fails: a value the schema rejects is dropped and reported as a note, an
 * out-of-range value is clamped and reported, so any URL renders a page instead of an error.
 */

export const SEARCH_SORTS = ["relevance", "newest", "price-asc", "price-desc", "name"] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export const SEARCH_PAGE_SIZE = 24;
/** Characters of the search text that are used; the rest is cut off (with a note). */
export const SEARCH_QUERY_MAX_LENGTH = 100;
/** The highest page number accepted before the model clamps to the real last page. */
export const SEARCH_PAGE_MAX = 10_000;
/** The highest price filter, in yuan: far above any fair product, far below int4 overflow in fen. */
export const SEARCH_PRICE_MAX_YUAN = 1_000_000;

/** Why the page searched for something slightly different from the URL; each has a message "search.note.<code>". */
export type SearchNoteCode =
  | "qTooLong"
  | "pageInvalid"
  | "pageClamped"
  | "minInvalid"
  | "maxInvalid"
  | "priceClamped"
  | "priceSwapped"
  | "sortInvalid"
  | "regionUnknown"
  | "countyUnknown"
  | "countyOutsideRegion"
  | "categoryUnknown"
  | "certifiedInvalid";

export interface SearchQuery {
  /** Normalised search text (NFKC, no control characters, single spaces); "" for none. */
  q: string;
  region?: string;
  county?: string;
  category?: string;
  certified: boolean;
  /** Price bounds in integer fen, inclusive. */
  minFen?: number;
  maxFen?: number;
  sort: SearchSort;
  page: number;
  notes: SearchNoteCode[];
}

/** NFKC turns full-width letters and digits (ＣＯＦＦＥＥ, １０) into plain ones; control characters (NUL breaks PostgreSQL) go. */
export function normalizeSearchText(raw: string): { text: string; truncated: boolean } {
  const cleaned = raw
    .normalize("NFKC")
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
  // Count code points, not UTF-16 units, so an emoji is never cut in half.
  const chars = Array.from(cleaned);
  if (chars.length <= SEARCH_QUERY_MAX_LENGTH) return { text: cleaned, truncated: false };
  return { text: chars.slice(0, SEARCH_QUERY_MAX_LENGTH).join("").trim(), truncated: true };
}

/*
 * The zod schema is built on first use, inside a function, never when this module loads: the
 * search page's components import this module's constants and link helpers, and a schema built
 * at the top level kept zod (26 KB gzip) in the search page's browser bundle. Only the loader
 * parses, so the browser build drops zod (docs/benchmarks.md, issue 12).
 */
function buildSearchParamsSchema() {
  /** "¥10", "10元", "1,280.5", "１０" → fen; anything else is not a price. */
  const yuanToFen = z
    .string()
    .transform((raw) =>
      raw
        .normalize("NFKC")
        .replace(/^[¥￥]\s*|\s*元$|,/gu, "")
        .trim(),
    )
    .pipe(z.string().regex(/^\d{1,12}(\.\d{1,2})?$/))
    .transform(decimalYuanToFen);

  const slug = z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/);

  /** One entry per URL parameter; each is optional and validated on its own. */
  return z.object({
    q: z.string().transform(normalizeSearchText).optional(),
    region: slug.optional(),
    county: slug.optional(),
    category: slug.optional(),
    certified: z
      .enum(["1", "0", "true", "false", "on", "off", "yes", "no"])
      .transform((v) => v === "1" || v === "true" || v === "on" || v === "yes")
      .optional(),
    min: yuanToFen.optional(),
    max: yuanToFen.pipe(z.number().int().positive()).optional(),
    sort: z.enum(SEARCH_SORTS).optional(),
    page: z
      .string()
      .trim()
      .regex(/^\d{1,15}$/)
      .transform(Number)
      .pipe(z.number().int().min(1))
      .optional(),
  });
}

let searchParamsSchema: ReturnType<typeof buildSearchParamsSchema> | undefined;
/** The search URL's schema: one entry per URL parameter, each optional and validated on its own. */
export function SearchParamsSchema() {
  searchParamsSchema ??= buildSearchParamsSchema();
  return searchParamsSchema;
}

type ParamName = keyof ReturnType<typeof buildSearchParamsSchema>["shape"];

const INVALID_NOTE: Record<ParamName, SearchNoteCode> = {
  q: "qTooLong", // q accepts every string; listed for completeness
  region: "regionUnknown",
  county: "countyUnknown",
  category: "categoryUnknown",
  certified: "certifiedInvalid",
  min: "minInvalid",
  max: "maxInvalid",
  sort: "sortInvalid",
  page: "pageInvalid",
};

/** Every parameter of the schema (INVALID_NOTE's type makes the list complete). */
const PARAM_NAMES = Object.keys(INVALID_NOTE) as ParamName[];

/** Relevance only means something when there is text to be relevant to. */
export const defaultSort = (q: string): SearchSort => (q ? "relevance" : "newest");

/** Parses a search URL's query; never throws. Empty values count as absent; repeated keys use the first. */
export function parseSearchParams(params: URLSearchParams): SearchQuery {
  const input: Partial<Record<ParamName, string>> = {};
  for (const name of PARAM_NAMES) {
    const value = params.get(name);
    if (value !== null && value.trim() !== "") input[name] = value;
  }
  const notes: SearchNoteCode[] = [];
  const schema = SearchParamsSchema();
  let result = schema.safeParse(input);
  // Drop each rejected field, note it once, and parse what is left (which cannot fail again).
  while (!result.success) {
    const fields = new Set(result.error.issues.map((issue) => issue.path[0] as ParamName));
    for (const field of fields) {
      delete input[field];
      notes.push(INVALID_NOTE[field]);
    }
    result = schema.safeParse(input);
  }
  const data = result.data;

  const q = data.q?.text ?? "";
  if (data.q?.truncated) notes.push("qTooLong");

  let page = data.page ?? 1;
  if (page > SEARCH_PAGE_MAX) {
    page = SEARCH_PAGE_MAX;
    notes.push("pageClamped");
  }

  const ceiling = SEARCH_PRICE_MAX_YUAN * 100;
  let minFen = data.min || undefined; // a minimum of 0 filters nothing
  let maxFen = data.max;
  if ((minFen ?? 0) > ceiling || (maxFen ?? 0) > ceiling) {
    notes.push("priceClamped");
    if (minFen !== undefined) minFen = Math.min(minFen, ceiling);
    if (maxFen !== undefined) maxFen = Math.min(maxFen, ceiling);
  }
  if (minFen !== undefined && maxFen !== undefined && minFen > maxFen) {
    [minFen, maxFen] = [maxFen, minFen];
    notes.push("priceSwapped");
  }

  // Relevance without text falls back silently: the default order, not a mistake of the user's.
  const sort = data.sort === "relevance" && !q ? "newest" : (data.sort ?? defaultSort(q));

  return {
    q,
    region: data.region,
    county: data.county,
    category: data.category,
    certified: data.certified ?? false,
    minFen,
    maxFen,
    sort,
    page,
    notes: [...new Set(notes)],
  };
}

/** Fen as the shortest yuan string for a URL: 1000 → "10", 1050 → "10.5", 1099 → "10.99". */
export const fenToYuanParam = fenToShortYuan;

/** The URL query of a search, without defaults, so shared links stay short: toSearchParams(query, { page: 2 }). */
export function toSearchParams(
  query: Omit<SearchQuery, "notes">,
  overrides: Partial<Omit<SearchQuery, "notes">> = {},
): URLSearchParams {
  const s = { ...query, ...overrides };
  const params = new URLSearchParams();
  if (s.q) params.set("q", s.q);
  if (s.region) params.set("region", s.region);
  if (s.county) params.set("county", s.county);
  if (s.category) params.set("category", s.category);
  if (s.certified) params.set("certified", "1");
  if (s.minFen !== undefined) params.set("min", fenToYuanParam(s.minFen));
  if (s.maxFen !== undefined) params.set("max", fenToYuanParam(s.maxFen));
  if (s.sort !== defaultSort(s.q)) params.set("sort", s.sort);
  if (s.page > 1) params.set("page", String(s.page));
  return params;
}

/** How many filters (not the text, sort or page) narrow the search. */
export function activeFilterCount(
  query: Pick<SearchQuery, "region" | "county" | "category" | "certified" | "minFen" | "maxFen">,
): number {
  return (
    [query.region, query.county, query.category].filter(Boolean).length +
    (query.certified ? 1 : 0) +
    (query.minFen !== undefined || query.maxFen !== undefined ? 1 : 0)
  );
}
