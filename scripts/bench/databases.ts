/**
 * The benchmark's two databases: a PostgreSQL database of its own (dropped and created on every
 * run) and a PGlite folder (removed and made again), each migrated with the committed migrations
 * and filled with the same large fair.
 */
import { rm } from "node:fs/promises";
import pg from "pg";
import { openPglite, openPostgres, type Database, type OpenOptions } from "../../app/utils/db.server";
import { applyMigrations, readMigrations } from "../../app/utils/migrations.server";
import { DEFAULT_SIZE, generateFair, type FairCounts, type FairSize } from "./fair-data";

export const ADMIN_URL = process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
// Overridable so two runs on one machine (several worktrees) do not drop each other's database.
export const BENCH_DB = process.env.BENCH_DB ?? "fair_bench_http";
export const PGLITE_DIR = process.env.BENCH_PGLITE_DIR ?? "/tmp/fair-bench-pglite";

export function benchDatabaseUrl(): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${BENCH_DB}`;
  return url.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function dropPostgres(): Promise<void> {
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`));
}

export async function dropPglite(): Promise<void> {
  await rm(PGLITE_DIR, { recursive: true, force: true });
}

export type EngineName = "postgresql" | "pglite";

/** Opens the engine's bench database (it must exist). */
export function openBench(engine: EngineName, options: OpenOptions = {}): Promise<Database> {
  return engine === "postgresql" ? openPostgres(benchDatabaseUrl(), 4, options) : openPglite(PGLITE_DIR, options);
}

/** A fresh database with the committed migrations and the large fair; the time it took in ms. */
export async function prepare(
  engine: EngineName,
  size: FairSize = DEFAULT_SIZE,
  migrationsDir?: string,
): Promise<{ counts: FairCounts; migrateMs: number; fillMs: number }> {
  if (engine === "postgresql") {
    await dropPostgres();
    await admin((c) => c.query(`CREATE DATABASE ${BENCH_DB}`));
  } else {
    await dropPglite();
  }
  const db = await openBench(engine);
  try {
    const t0 = performance.now();
    await applyMigrations(db.sql, migrationsDir ? await readMigrations(migrationsDir) : undefined);
    const t1 = performance.now();
    const counts = await generateFair(db.sql, size);
    return { counts, migrateMs: t1 - t0, fillMs: performance.now() - t1 };
  } finally {
    await db.close();
  }
}
