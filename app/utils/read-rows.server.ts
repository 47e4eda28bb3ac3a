import type { Prisma, PrismaClient } from "~/generated/prisma/client";

type RowReader = (text: string, values: unknown[]) => Promise<unknown[]>;

const readers = new WeakMap<PrismaClient, RowReader>();

/**
 * Lets `readRows` send this client's plain statements through the database's own driver (the pg
 * pool PrismaPg uses, or PGlite's `query`) instead of Prisma's request pipeline. Not done for a
 * client that counts its statements through query events (tests' and benchmarks' round-trip counts).
 */
export function readRowsThrough(prisma: PrismaClient, reader: RowReader): void {
  readers.set(prisma, reader);
}

/**
 * The rows of a hand-written statement of a storefront page: its reads, and the one upsert a
 * search or checkout post makes (the rate limit's counter, a single autocommitted statement).
 *
 * Why not `prisma.$queryRaw`: even a raw statement goes through Prisma's client request pipeline
 * and its query-compiler WebAssembly, 9 % of the product page's CPU in the issue 12 profile, for
 * statements that need none of it. The statement and its parameters are the same (`query.text`
 * has `$1…` placeholders); the driver is the one Prisma would use, so the pool, its limits and,
 * on PGlite, the queue behind open transactions are shared. A transaction client (`tx`) is not
 * registered and keeps its statements inside its transaction through `$queryRaw`.
 *
 * Rows come as the driver reads them: write statements whose columns read the same either way
 * (cast counts to `::int`, dates through `to_char`, enums to `::text`; JSON is parsed by both).
 */
export async function readRows<T>(prisma: PrismaClient, query: Prisma.Sql): Promise<T[]> {
  const reader = readers.get(prisma);
  if (reader) return (await reader(query.text, query.values)) as T[];
  return prisma.$queryRaw<T[]>(query);
}

/** How many distinct statements a session keeps prepared (the storefront has a few dozen). */
const MAX_PREPARED = 256;

/**
 * A reader for PGlite that prepares each statement once (`PREPARE`, then `EXECUTE` with the
 * values written as literals), so the planner's work is done once per statement instead of on
 * every request. Planning is what costs on PGlite: PostgreSQL in WebAssembly took 2–12 ms to plan
 * the product page's statement and 1–3 ms to run it (EXPLAIN ANALYZE on the benchmark's fair);
 * prepared, a request ran it in about a quarter of the time. After five runs PostgreSQL's plan
 * cache keeps a generic plan when it costs no more than the custom ones.
 *
 * Values are strings (quoted by `escapeLiteral`, node-postgres' own quoting, with
 * standard_conforming_strings on), finite numbers, booleans or null; anything else, and a
 * statement PostgreSQL cannot prepare (a parameter whose type it cannot infer), goes through an
 * ordinary parameterised query instead, as does a string with a NUL byte (PostgreSQL refuses it
 * either way, with the same error).
 */
export function preparingReader(
  query: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>,
  escapeLiteral: (value: string) => string,
): RowReader {
  const prepared = new Map<string, string | null>();
  let next = 0;
  const literal = (value: unknown): string | undefined => {
    if (value === null) return "NULL";
    if (typeof value === "string") return value.includes("\0") ? undefined : escapeLiteral(value);
    if (typeof value === "number") return Number.isFinite(value) ? String(value) : undefined;
    if (typeof value === "boolean") return value ? "true" : "false";
    return undefined;
  };
  return async (text, values) => {
    const literals = values.map(literal);
    let name = prepared.get(text);
    if (name === undefined && prepared.size < MAX_PREPARED && !literals.includes(undefined)) {
      const candidate = `fair_read_${++next}`;
      try {
        await query(`PREPARE ${candidate} AS ${text}`);
        name = candidate;
      } catch {
        name = null; // not preparable: always the ordinary way
      }
      prepared.set(text, name);
    }
    if (!name || literals.includes(undefined)) return (await query(text, values)).rows;
    const args = literals.length > 0 ? `(${literals.join(", ")})` : "";
    return (await query(`EXECUTE ${name}${args}`)).rows;
  };
}

/**
 * A reader for PostgreSQL through node-postgres' named statements: each connection prepares a
 * statement the first time it runs it, and the server plans it once. Only the first
 * MAX_PREPARED distinct texts are named (node-postgres keeps every name a connection prepared, and
 * search's text varies with its words and filters); the rest run as ordinary queries.
 */
export function namedStatementReader(
  query: (config: { name?: string; text: string; values: unknown[] }) => Promise<{ rows: unknown[] }>,
): RowReader {
  const names = new Map<string, string>();
  return async (text, values) => {
    let name = names.get(text);
    if (name === undefined && names.size < MAX_PREPARED) names.set(text, (name = `fair_read_${names.size + 1}`));
    return (await query(name ? { name, text, values } : { text, values })).rows;
  };
}
