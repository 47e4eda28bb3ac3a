import { createHash } from "node:crypto";
import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";

/**
 * "generic": one plan for every value, made once per session (the default: a storefront
 * statement is written for its indexes). "auto": PostgreSQL's own choice between that and a plan
 * for the values at hand.
 */
export type Plan = "generic" | "auto";

type RowReader = (text: string, values: unknown[], plan: Plan) => Promise<unknown[]>;

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
export async function readRows<T>(
  prisma: PrismaClient,
  query: Prisma.Sql,
  { plan = "generic" }: { plan?: Plan } = {},
): Promise<T[]> {
  const reader = readers.get(prisma);
  if (reader) return (await reader(query.text, query.values, plan)) as T[];
  return prisma.$queryRaw<T[]>(query);
}

/** PostgreSQL's SQLSTATE for PREPARE of a name the session has already. */
const DUPLICATE_PREPARED_STATEMENT = "42P05";

/**
 * A statement's name in a session: from its text, so two readers sharing a session (the embedded
 * database's thread serves every connection from its one session; tests open several readers on
 * one pool) give one text one name and two texts two names. A PREPARE that finds the name taken
 * then means the same statement, prepared by the other reader.
 */
export function preparedName(text: string): string {
  return `fair_read_${createHash("sha256").update(text).digest("hex").slice(0, 24)}`;
}

/** How many distinct statements a session keeps prepared (the storefront has a few dozen). */
const MAX_PREPARED = 256;

/**
 * One database session a reader prepares its statements in: PGlite's only session, or one pooled
 * node-postgres connection while the reader holds it.
 */
export interface ReaderSession {
  /** One statement, its values sent as parameters. */
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  /** Several statements in one message (the simple protocol): the rows of each. */
  batch(sql: string): Promise<{ rows: unknown[] }[]>;
  /** The names of the statements prepared in this session. */
  prepared: Set<string>;
}

/**
 * A reader that prepares each statement once per session (`PREPARE`) and then executes it with
 * its values written as literals, with a generic plan unless the statement asks otherwise.
 *
 * Why prepared: planning is what costs on PGlite. PostgreSQL in WebAssembly took 2–12 ms to plan
 * the product page's statement and 1–3 ms to run it (EXPLAIN ANALYZE on the benchmark's fair).
 *
 * Why a generic plan, forced: PostgreSQL keeps planning a prepared statement for its values
 * (a "custom" plan) whenever the generic plan's estimate is higher, and a `LIMIT $1 OFFSET $2`
 * makes it so (an unknown offset is guessed at a tenth of the rows). The storefront's statements
 * are written for their indexes, so the generic plan is the same plan without the planning: on the
 * benchmark's fair the category page's statement took 1.1 -> 0.6 ms on PostgreSQL and 1.8 -> 0.8
 * ms on PGlite, the largest county page's 3.2 -> 1.5 ms on PGlite (docs/benchmarks.md, sixth
 * round). `SET LOCAL` in the same message as the `EXECUTE` holds for that message only, so other
 * statements of the session (Prisma's) keep PostgreSQL's own choice. A statement whose best plan
 * depends on its values (search: how many goods a word matches) asks for `plan: "auto"`.
 *
 * Values are strings (quoted by `escapeLiteral`, node-postgres' own quoting, with
 * standard_conforming_strings on), finite numbers, booleans or null; anything else, and a
 * statement PostgreSQL cannot prepare (a parameter whose type it cannot infer), goes through an
 * ordinary parameterised query instead, as does a string with a NUL byte (PostgreSQL refuses it
 * either way, with the same error), and every statement past the first MAX_PREPARED texts.
 */
export function preparingReader(
  withSession: <T>(use: (session: ReaderSession) => Promise<T>) => Promise<T>,
  escapeLiteral: (value: string) => string,
): RowReader {
  const names = new Map<string, string | null>();
  const literal = (value: unknown): string | undefined => {
    if (value === null) return "NULL";
    if (typeof value === "string") return value.includes("\0") ? undefined : escapeLiteral(value);
    if (typeof value === "number") return Number.isFinite(value) ? String(value) : undefined;
    if (typeof value === "boolean") return value ? "true" : "false";
    return undefined;
  };
  return (text, values, plan) =>
    withSession(async (session) => {
      const literals = values.map(literal);
      let name = names.get(text);
      if (name === undefined && names.size < MAX_PREPARED) names.set(text, (name = preparedName(text)));
      if (!name || literals.includes(undefined)) return (await session.query(text, values)).rows;
      if (!session.prepared.has(name)) {
        try {
          await session.query(`PREPARE ${name} AS ${text}`);
        } catch (error) {
          const code = (error as { code?: string }).code;
          if (code === undefined) throw error;
          // Prepared already into the same session, by another connection (the embedded
          // database's thread serves them all from its one session) or another reader: the
          // name is the text's (preparedName), so it is this statement.
          if (code !== DUPLICATE_PREPARED_STATEMENT) {
            // Not preparable (the same in every session): always the ordinary way from now on.
            names.set(text, null);
            return (await session.query(text, values)).rows;
          }
        }
        session.prepared.add(name);
      }
      const execute = `EXECUTE ${name}${literals.length > 0 ? `(${literals.join(", ")})` : ""}`;
      if (plan === "auto") return (await session.query(execute)).rows;
      const [, executed] = await session.batch(`SET LOCAL plan_cache_mode = force_generic_plan; ${execute}`);
      return executed!.rows;
    });
}

/** PGlite's one session, for `preparingReader`. */
export function pgliteSession(client: PGlite) {
  const session: ReaderSession = {
    query: (text, values) => client.query(text, values),
    batch: (sql) => client.exec(sql),
    prepared: new Set(),
  };
  return <T>(use: (session: ReaderSession) => Promise<T>) => use(session);
}

/**
 * A pooled connection for each statement, for `preparingReader`, with the names that connection
 * has prepared (a connection the pool replaces starts with none). `oneSession`: every connection
 * reaches the same database session (the embedded database's thread, db-thread.server.ts), so a
 * name prepared through one is prepared for all, and stays when the pool replaces a connection.
 */
export function pooledSession(pool: pg.Pool, { oneSession = false }: { oneSession?: boolean } = {}) {
  const sessions = new WeakMap<pg.PoolClient, ReaderSession>();
  const shared = new Set<string>();
  const sessionOf = (client: pg.PoolClient): ReaderSession => {
    let session = sessions.get(client);
    if (!session) {
      session = {
        query: (text, values) => client.query(text, values),
        batch: async (sql) => {
          const results = (await client.query(sql)) as pg.QueryResult | pg.QueryResult[];
          return Array.isArray(results) ? results : [results];
        },
        prepared: oneSession ? shared : new Set(),
      };
      sessions.set(client, session);
    }
    return session;
  };
  return async <T>(use: (session: ReaderSession) => Promise<T>) => {
    const client = await pool.connect();
    try {
      const result = await use(sessionOf(client));
      client.release();
      return result;
    } catch (error) {
      // An error PostgreSQL answered with (it has a SQLSTATE code) leaves the connection usable;
      // anything else (a connection lost mid-statement) has the pool drop it.
      client.release((error as { code?: string }).code ? undefined : (error as Error));
      throw error;
    }
  };
}
