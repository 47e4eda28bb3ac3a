// `npm run db:deploy`: applies the committed migrations to the PostgreSQL server at DATABASE_URL.
// It runs the same files, with the same `_prisma_migrations` bookkeeping, that the embedded
// database applies to itself at start. (`prisma migrate deploy` through the WebAssembly schema
// engine and @prisma/adapter-pg 6.19 fails on PostgreSQL's `name` column type: prisma/orm#27403.)
import { openPostgres } from "../app/utils/db.server";
import { ConfigError, env } from "../app/utils/env.server";
import { applyMigrations } from "../app/utils/migrations.server";

const LOCK_KEY = 7_417_2018; // any constant: one deploy at a time across machines

try {
  const { DATABASE_URL } = env();
  if (!DATABASE_URL) {
    console.log("DATABASE_URL is not set: the embedded database migrates itself at start; nothing to deploy.");
    process.exit(0);
  }
  const db = await openPostgres(DATABASE_URL, 1);
  try {
    await db.sql.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    const applied = await applyMigrations(db.sql);
    console.log(applied.length ? `applied: ${applied.join(", ")}` : "the database is up to date");
  } finally {
    await db.sql.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => undefined);
    await db.close();
  }
} catch (error) {
  if (error instanceof ConfigError || (error as Error).name === "DatabaseStartError") {
    console.error(`cannot deploy: ${(error as Error).message}`);
    process.exit(1);
  }
  throw error;
}
