import type { SqlRunner } from "./migrations.server";
import { logger } from "~/observability/logger.server";

/** How often the embedded database is vacuumed while the server runs. */
export const EMBEDDED_VACUUM_INTERVAL_MS = 60 * 60 * 1000;

/**
 * What autovacuum does on a PostgreSQL server, for the embedded database, which has none: PGlite
 * runs PostgreSQL as a single process with no background workers. Without it the planner's
 * statistics stay those of the first run, dead rows are never reclaimed, and the visibility map is
 * never set, so the index-only counts of the storefront (goods per category on the home, category
 * and search pages) read every row from the table: 15.8 ms instead of 1.4 ms on the benchmark's
 * 10,000 products (issue 12). Once at start (after migrations and the demo seed) and then every
 * hour; PGlite queues other statements meanwhile (about 0.1 s on the benchmark's fair).
 */
export async function vacuumEmbedded(sql: SqlRunner): Promise<void> {
  await sql.exec("VACUUM ANALYZE");
}

export function startEmbeddedVacuum(sql: SqlRunner, intervalMs = EMBEDDED_VACUUM_INTERVAL_MS) {
  return setInterval(() => {
    vacuumEmbedded(sql).catch((error: Error) => logger().error({ err: error }, "embedded database vacuum failed"));
  }, intervalMs).unref();
}
