/** The drill's own view of the throwaway database: migrated, with the app's Prisma client. */
import { openPostgres, type Database } from "~/utils/db.server";
import { applyMigrations } from "~/utils/migrations.server";
import type { Cluster } from "./cluster";

export async function migratedDatabase(cluster: Cluster, name = "fair"): Promise<{ url: string; database: Database }> {
  const url = await cluster.createDatabase(name);
  const database = await openPostgres(url, 4);
  await applyMigrations(database.sql);
  return { url, database };
}
