import { env } from "./env.server";

/**
 * How much of the database one server process may use, decided in one place: the connection
 * pool, how long Prisma waits to start a transaction and lets one run, and how many checkouts a
 * process lets into a transaction at once. Each figure is derived from the others, so changing
 * the number of processes or the connection budget keeps them consistent.
 *
 *   DATABASE_CONNECTIONS   connections the whole site may hold on PostgreSQL (default 20);
 *                          split evenly between the processes
 *   WEB_CONCURRENCY        server processes sharing that budget (set by the cluster primary)
 *   DATABASE_POOL_SIZE     overrides the per-process share (rarely needed)
 */

export interface DatabaseCapacity {
  /** Server processes sharing the database (1 on PGlite, which lives inside its one process). */
  processes: number;
  /** Connections this process's pool may open (PGlite: one, in-process). */
  poolSize: number;
  /** Checkouts this process runs inside a transaction at once; the rest queue. */
  checkoutSlots: number;
  /**
   * How long a checkout may queue for a slot before the buyer is told "busy, try again": the
   * bulk of the worst-case answer time, kept well under the 3 s a buyer will wait.
   */
  checkoutQueueMs: number;
  /** Most checkouts a process lets queue; beyond that a buyer is told "busy" at once. */
  checkoutQueueLength: number;
  /** Prisma's `maxWait`: how long starting a transaction may wait for a pool connection. */
  transactionMaxWaitMs: number;
  /** Prisma's `timeout`: how long a started transaction may run before it is rolled back. */
  transactionTimeoutMs: number;
  /** pg's `connectionTimeoutMillis`: how long a plain query waits for a pool connection. */
  connectionWaitMs: number;
  /** Seconds a "busy" answer tells the buyer to wait (Retry-After). */
  retryAfterSeconds: number;
}

const DEFAULT_SITE_CONNECTIONS = 20;

function positiveInt(value: string | number | undefined): number | undefined {
  if (value === undefined || String(value).trim() === "") return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** The plan for this process, from its environment and its engine. */
export function databaseCapacity(
  engine: "pglite" | "postgresql",
  // The checked environment (env schema); tests hand in their own.
  source: Partial<Record<"WEB_CONCURRENCY" | "DATABASE_CONNECTIONS" | "DATABASE_POOL_SIZE", string | number>> = env(),
): DatabaseCapacity {
  const processes = engine === "pglite" ? 1 : (positiveInt(source.WEB_CONCURRENCY) ?? 1);
  const siteConnections = positiveInt(source.DATABASE_CONNECTIONS) ?? DEFAULT_SITE_CONNECTIONS;
  const poolSize =
    engine === "pglite"
      ? 1
      : (positiveInt(source.DATABASE_POOL_SIZE) ?? Math.max(2, Math.floor(siteConnections / processes)));
  // Half the pool for checkouts, the rest for pages, carts and rate limits: a rush of checkouts
  // never starves the catalogue, and a checkout's transaction finds a free connection at once,
  // so Prisma's maxWait is a safety net rather than the queue. PGlite runs one statement at a
  // time anyway: one checkout in a transaction, the rest queue in order.
  const checkoutSlots = engine === "pglite" ? 1 : Math.max(1, Math.floor(poolSize / 2));
  const transactionMaxWaitMs = 1_000;
  const checkoutQueueMs = 1_500;
  return {
    processes,
    poolSize,
    checkoutSlots,
    checkoutQueueMs,
    checkoutQueueLength: 1_000,
    transactionMaxWaitMs,
    // A checkout's transaction is a handful of short statements; 5 s is far past healthy.
    transactionTimeoutMs: 5_000,
    // A page's query may wait longer than a checkout's transaction may (a slow page is still an
    // answer; a checkout that cannot start is told "busy" by maxWait first).
    connectionWaitMs: 5_000,
    retryAfterSeconds: 2,
  };
}
