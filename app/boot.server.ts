import { seedDemoAccounts } from "../prisma/seed-accounts";
import { seedDemoFair } from "../prisma/seed-demo";
import { seedDemoUnits } from "../prisma/seed-units";
import { releaseExpiredReservations } from "~/payments/payments.server";
import { sealClosedDays } from "~/ledger/seal.server";
import { closeDatabase, database, DatabaseStartError, runDatabaseInThread, type Prisma } from "./utils/db.server";
import { logger } from "./observability/logger.server";
import { ConfigError, env, type Env } from "./utils/env.server";
import { startEmbeddedVacuum, vacuumEmbedded } from "./utils/embedded-vacuum.server";
import { applyMigrations, pendingMigrations, readMigrations } from "./utils/migrations.server";

/** A start-up problem told in one line: what is wrong and how to fix it. */
export class BootError extends Error {}

/**
 * Readies the database before the server listens. The embedded database migrates itself and
 * gets the demo fair on first run; a PostgreSQL server is migrated by `npm run db:deploy`, and
 * start-up refuses to run an app newer than its schema.
 */
// Every server sweeps expired reservations; the release is a conditional update, so several
// servers sweeping at once release each order exactly once.
// RESERVATION_SWEEP_SECONDS (env schema) changes the interval (tests make it short).
function startReservationSweeper(prisma: Prisma) {
  const SWEEP_INTERVAL_MS = env().RESERVATION_SWEEP_SECONDS * 1000;
  setInterval(() => {
    releaseExpiredReservations(prisma).catch((error: Error) =>
      logger().error({ err: error }, "reservation sweep failed"),
    );
    // Closed fair days are sealed here, off the payment path (idempotent; see ledger/seal.server.ts).
    sealClosedDays(prisma).catch((error: Error) => logger().error({ err: error }, "ledger day sealing failed"));
  }, SWEEP_INTERVAL_MS).unref();
}

export interface BootOptions {
  /**
   * The module that runs the embedded database in a worker thread (server/database-thread.mjs):
   * PGlite then works on another core than the server's requests (utils/db-thread.server.ts).
   */
  databaseThread?: string | URL;
}

export async function boot({ databaseThread }: BootOptions = {}): Promise<{
  engine: string;
  applied: string[];
  seeded: boolean;
  env: Env;
}> {
  try {
    const config = env();
    if (databaseThread) runDatabaseInThread(databaseThread);
    const db = await database();
    const migrations = await readMigrations();
    if (db.engine === "pglite") {
      const applied = await applyMigrations(db.sql, migrations);
      const empty = (await db.prisma.pairedRegion.count()) === 0;
      const seeded = empty && config.SEED_DEMO === "auto";
      if (seeded) {
        await seedDemoFair(db.prisma);
        // Demo sign-ins exist only here, on the embedded database, never on a DATABASE_URL server.
        await seedDemoAccounts(db.prisma);
        await seedDemoUnits(db.prisma);
      }
      await vacuumEmbedded(db.sql);
      startEmbeddedVacuum(db.sql);
      startReservationSweeper(db.prisma);
      return { engine: db.engine, applied, seeded, env: config };
    }
    const pending = await pendingMigrations(db.sql, migrations);
    if (pending.length > 0) {
      throw new BootError(
        `The database at DATABASE_URL lacks ${pending.length} migration(s) (${pending.map((m) => m.name).join(", ")}): run \`npm run db:deploy\`.`,
      );
    }
    startReservationSweeper(db.prisma);
    return { engine: db.engine, applied: [], seeded: false, env: config };
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DatabaseStartError) throw new BootError(error.message);
    throw error;
  }
}

/** Lets the database go before the process exits (SIGTERM, SIGINT). */
export async function shutdown(): Promise<void> {
  await closeDatabase();
}
