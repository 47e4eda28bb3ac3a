import { access, constants, mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "~/generated/prisma/client";
import { dumpConsistent } from "./db-backup.server";
import { logger } from "~/observability/logger.server";
import { databaseCapacity, type DatabaseCapacity } from "./db-capacity.server";
import { FolderHeldError, lockFolder, type FolderLock } from "./db-owner.server";
import { serveOwnerSocket, SOCKET_PORT, type OwnerSocket } from "./db-socket.server";
import { env } from "./env.server";
import { pgliteSession, pooledSession, preparingReader, readRowsThrough } from "./read-rows.server";
import type { SqlRunner } from "./migrations.server";

export type Prisma = PrismaClient;
export type Engine = "pglite" | "postgresql";

/** An open database: the Prisma client the app uses, and a raw SQL runner for migrations. */
export interface Database {
  engine: Engine;
  prisma: PrismaClient;
  sql: SqlRunner;
  /** Connections now: open, checked out, and requests waiting for one (for the metrics). */
  poolStats(): PoolStats;
  /** The pool, transaction limits and checkout slots this process was opened with. */
  capacity: DatabaseCapacity;
  /** The PGlite instance, when this thread holds it (not through a socket, not PostgreSQL). */
  pglite?: PGlite;
  /** The folder of the socket this thread serves its PGlite on (openPglite with `serve`). */
  ownerSocketDir?: string;
  close(): Promise<void>;
}

export interface PoolStats {
  size: number;
  inUse: number;
  waiting: number;
}

/** A start-up problem that a person can fix; its message is one line saying what and how. */
export class DatabaseStartError extends Error {}

export interface OpenOptions {
  /** Emit Prisma's query events, so round trips can be counted (tests and benchmarks). */
  logQueries?: boolean;
}

const clientOptions = ({ logQueries }: OpenOptions): { log: { emit: "event"; level: "query" }[] } => ({
  log: logQueries ? [{ emit: "event", level: "query" }] : [],
});

export interface OpenPgliteOptions extends OpenOptions {
  /** Who holds the folder, for the line a refused opener prints. Defaults to the npm script or file run. */
  role?: string;
  /**
   * Serve the database to the project's scripts on a private Unix socket (db-socket.server.ts), so
   * they work on live data while this process runs. The servers do; a script holding the folder does not.
   */
  serve?: boolean;
  /** A backup (db:backup's gzipped tar) to create the folder from; the folder must be empty. */
  loadDataDir?: Blob;
}

/** What the running process is, as a person would recognise it: `npm start`, `npm run ledger:verify`… */
export function processRole(): string {
  // npm's own variable (the script it runs), not a setting of ours: it stays out of the env schema.
  const script = process.env.npm_lifecycle_event;
  if (script === "start" || script === "test") return `npm ${script}`;
  if (script) return `npm run ${script}`;
  return `node ${path.basename(process.argv[1] ?? "node")}`;
}

/**
 * Opens PGlite, Postgres in WebAssembly in this process. No dataDir means in memory (tests).
 * A folder is locked for this process's lifetime (db-owner.server.ts): a second opener, in this
 * process or another, is refused with FolderHeldError's one line.
 */
export async function openPglite(dataDir?: string, options: OpenPgliteOptions = {}): Promise<Database> {
  let lock: FolderLock | undefined;
  if (dataDir) {
    const absolute = path.resolve(dataDir);
    try {
      // PGlite does not create missing parent folders itself.
      await mkdir(absolute, { recursive: true });
      await access(absolute, constants.W_OK);
    } catch (error) {
      throw new DatabaseStartError(
        `The embedded database folder ${absolute} cannot be written (${(error as NodeJS.ErrnoException).code ?? error}): set PGLITE_DATA_DIR to a writable folder.`,
      );
    }
    try {
      lock = lockFolder(absolute, options.role ?? processRole());
    } catch (error) {
      if (error instanceof FolderHeldError) throw new DatabaseStartError(error.message);
      throw error;
    }
  }
  const client = new PGlite({
    dataDir: dataDir ? path.resolve(dataDir) : undefined,
    extensions: { pg_trgm },
    loadDataDir: options.loadDataDir,
  });
  try {
    await client.waitReady;
  } catch (error) {
    lock?.release();
    throw new DatabaseStartError(
      `The embedded database in ${dataDir ?? "memory"} could not be opened (${(error as Error).message}): move the folder away or set PGLITE_DATA_DIR to a new one.`,
    );
  }
  let socket: OwnerSocket | undefined;
  if (lock && options.serve) {
    socket = await serveOwnerSocket(client, { backup: () => dumpConsistent(client) });
    lock.setSocketDir(socket.dir);
  }
  const capacity = databaseCapacity("pglite");
  const prisma = new PrismaClient({
    adapter: new PrismaPGlite(client),
    transactionOptions: { maxWait: capacity.transactionMaxWaitMs, timeout: capacity.transactionTimeoutMs },
    ...clientOptions(options),
  });
  if (!options.logQueries) readRowsThrough(prisma, preparingReader(pgliteSession(client), pg.escapeLiteral));
  return {
    engine: "pglite",
    prisma,
    capacity,
    sql: {
      exec: (sql) => client.exec(sql),
      query: async <T>(sql: string, params?: unknown[]) => ({ rows: (await client.query<T>(sql, params)).rows }),
    },
    pglite: client,
    ownerSocketDir: socket?.dir,
    // One in-process connection, no pool: queries queue inside PGlite itself.
    poolStats: () => ({ size: 1, inUse: 0, waiting: 0 }),
    async close() {
      await socket?.close();
      await prisma.$disconnect();
      await client.close();
      lock?.release();
    },
  };
}

export interface ThroughOwnerOptions {
  /** Connections to the owner; it runs one at a time, the others queue their next statement there. */
  poolSize?: number;
  /**
   * The server's own database, run by its database thread (db-thread.server.ts): the embedded
   * capacity and transaction limits, and readRows' prepared statements. A script needs neither.
   */
  server?: boolean;
}

/**
 * The embedded database of a folder whose owner runs: reached through the owner's socket with
 * node-postgres, the same driver as a PostgreSQL server. PGlite is one session, so one
 * connection is all the owner lets work at a time; a second waits its turn there.
 */
export async function openThroughOwner(
  socketDir: string,
  { poolSize = 2, server = false }: ThroughOwnerOptions = {},
): Promise<Database> {
  const capacity = { ...databaseCapacity("pglite"), poolSize };
  const pool = new pg.Pool({
    host: socketDir,
    port: SOCKET_PORT,
    user: "postgres",
    database: "postgres",
    max: poolSize,
    connectionTimeoutMillis: server ? capacity.connectionWaitMs : 5000,
  });
  pool.on("error", (error) => console.error(`database: connection to the running server lost (${error.message})`));
  try {
    await pool.query("SELECT 1");
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new DatabaseStartError(
      `The server holding the embedded database does not answer on its socket in ${socketDir} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): wait for it to finish starting, or stop it and run this again.`,
    );
  }
  const prisma = new PrismaClient({
    adapter: new PrismaPg(pool),
    ...(server
      ? { transactionOptions: { maxWait: capacity.transactionMaxWaitMs, timeout: capacity.transactionTimeoutMs } }
      : {}),
  });
  // Every connection reaches the owner's one session: a statement is prepared once for all of them.
  if (server) readRowsThrough(prisma, preparingReader(pooledSession(pool, { oneSession: true }), pg.escapeLiteral));
  return {
    engine: "pglite",
    prisma,
    capacity,
    poolStats: () => ({ size: pool.totalCount, inUse: pool.totalCount - pool.idleCount, waiting: pool.waitingCount }),
    sql: {
      exec: (sql) => pool.query(sql),
      query: async <T>(sql: string, params?: unknown[]) => ({ rows: (await pool.query(sql, params)).rows as T[] }),
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

function describeConnectionError(url: string, error: unknown): string {
  const { hostname, port, pathname } = new URL(url);
  const where = `${hostname}:${port || 5432}${pathname}`;
  const code = (error as { code?: string }).code;
  switch (code) {
    case "ECONNREFUSED":
      return `PostgreSQL is not answering at ${where} (connection refused): start the server, or unset DATABASE_URL to use the embedded database.`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `The PostgreSQL host in DATABASE_URL (${hostname}) cannot be resolved: check the host name.`;
    case "3D000":
      return `The database ${pathname.slice(1)} does not exist on ${hostname}: create it (createdb) or fix DATABASE_URL.`;
    case "28P01":
    case "28000":
      return `PostgreSQL at ${where} refused the credentials in DATABASE_URL: check the user and password.`;
    default:
      return `Cannot connect to PostgreSQL at ${where} (${code ?? (error as Error).message}): check DATABASE_URL.`;
  }
}

/**
 * Connects to a PostgreSQL server and proves it answers. The pool size and the transaction
 * limits come from databaseCapacity (the environment); a script may ask for a smaller pool.
 */
export async function openPostgres(url: string, poolSize?: number, options: OpenOptions = {}): Promise<Database> {
  const planned = databaseCapacity("postgresql");
  const capacity =
    poolSize === undefined ? planned : { ...planned, poolSize, checkoutSlots: Math.max(1, Math.floor(poolSize / 2)) };
  const pool = new pg.Pool({
    connectionString: url,
    max: capacity.poolSize,
    connectionTimeoutMillis: capacity.connectionWaitMs,
    // A page's queries read a few hundred rows at most; a parallel plan forks worker processes
    // per query, which cost 10x the query itself when the cores are already busy serving other
    // requests (docs/decisions/009-catalogue-queries.md).
    options: "-c max_parallel_workers_per_gather=0",
  });
  // An idle client losing its server (a restart) must not crash the process; the pool reconnects.
  pool.on("error", (error) => logger().error({ err: error }, "database: idle connection lost"));
  try {
    await pool.query("SELECT 1");
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new DatabaseStartError(describeConnectionError(url, error));
  }
  const prisma = new PrismaClient({
    adapter: new PrismaPg(pool),
    transactionOptions: { maxWait: capacity.transactionMaxWaitMs, timeout: capacity.transactionTimeoutMs },
    ...clientOptions(options),
  });
  // Each statement prepared once per connection, so the server plans it once (read-rows.server.ts).
  if (!options.logQueries) readRowsThrough(prisma, preparingReader(pooledSession(pool), pg.escapeLiteral));
  return {
    engine: "postgresql",
    prisma,
    capacity,
    sql: {
      exec: (sql) => pool.query(sql),
      query: async <T>(sql: string, params?: unknown[]) => ({
        rows: (await pool.query(sql, params)).rows as T[],
      }),
    },
    poolStats: () => ({ size: pool.totalCount, inUse: pool.totalCount - pool.idleCount, waiting: pool.waitingCount }),
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

// Kept on globalThis, not in a module variable: the dev server re-evaluates modules on every
// change, and two PGlite instances on one data folder would corrupt it. Tests that serve the
// app through Vite install their database here too.
const holder = globalThis as typeof globalThis & {
  __fairDatabase?: Promise<Database>;
  /** The same database once open, for readers that cannot wait (metrics). */
  __fairDatabaseOpen?: Database;
  /** The module that runs the embedded database's thread, when the server asked for one. */
  __fairDatabaseThread?: string | URL;
};

/**
 * Has the embedded database run in a worker thread started from `entry` (db-thread.server.ts)
 * instead of this thread. The production server asks for it; the dev server and tests keep
 * PGlite in their own thread. Call before the database is first opened.
 */
export function runDatabaseInThread(entry: string | URL): void {
  holder.__fairDatabaseThread = entry;
}

/** The process's database, opened lazily once (the SSR build forbids top-level await). */
export function database(): Promise<Database> {
  if (!holder.__fairDatabase) {
    const { DATABASE_URL, PGLITE_DATA_DIR } = env();
    const thread = holder.__fairDatabaseThread;
    const opening = DATABASE_URL
      ? openPostgres(DATABASE_URL)
      : thread
        ? import("./db-thread.server").then((m) => m.openPgliteInThread(PGLITE_DATA_DIR, thread, processRole()))
        : openPglite(PGLITE_DATA_DIR, { serve: true });
    holder.__fairDatabase = opening;
    opening.then((open) => (holder.__fairDatabaseOpen = open)).catch(() => undefined);
    // A failed open must not be cached forever: the next request tries again.
    opening.catch(() => {
      if (holder.__fairDatabase === opening) holder.__fairDatabase = undefined;
    });
  }
  return holder.__fairDatabase;
}

/** The open database's pool figures, or undefined before it is open (read by the metrics). */
export function openDatabaseStats(): PoolStats | undefined {
  return holder.__fairDatabaseOpen?.poolStats();
}

/** The Prisma client for loaders and actions. */
export async function db(): Promise<PrismaClient> {
  return (await database()).prisma;
}

/**
 * Closes the process's database, if open: on SIGTERM the embedded database is checkpointed and its
 * folder handed back (lock released), so the next start needs no recovery.
 */
export async function closeDatabase(): Promise<void> {
  const opening = holder.__fairDatabase;
  holder.__fairDatabase = undefined;
  const db = await opening?.catch(() => undefined);
  await db?.close();
}

/** Tests install their own fresh database. */
export function installDatabase(next: Database | undefined): void {
  holder.__fairDatabase = next ? Promise.resolve(next) : undefined;
  holder.__fairDatabaseOpen = next;
}
