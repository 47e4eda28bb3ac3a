import { existsSync } from "node:fs";
import path from "node:path";
import { liveOwner } from "./db-owner.server";
import {
  DatabaseStartError,
  openPglite,
  openPostgres,
  openThroughOwner,
  processRole,
  type Database,
} from "./db.server";
import { env } from "./env.server";
import { applyMigrations, pendingMigrations, readMigrations } from "./migrations.server";

export interface ScriptDatabase extends Database {
  /** How it was reached, in words: "PostgreSQL at DATABASE_URL", "the running npm start (pid 4242)"… */
  readonly via: string;
}

/**
 * The database for a command-line script (ledger:verify, payments:reconcile, refund-order,
 * db:seed, db:backup): the PostgreSQL server at DATABASE_URL; or, on the embedded database, the
 * running server's PGlite through its socket (the folder has one owner, and it is the server);
 * or, with no server running, the folder itself, locked for the script's lifetime and migrated
 * like a server would. Throws DatabaseStartError with one line when none of these can be had.
 */
export async function openForScript(options: { migrate?: boolean } = {}): Promise<ScriptDatabase> {
  const { DATABASE_URL, PGLITE_DATA_DIR } = env();
  if (DATABASE_URL) {
    const db = await openPostgres(DATABASE_URL, 4);
    return { ...db, via: "PostgreSQL at DATABASE_URL" };
  }
  const folder = path.resolve(PGLITE_DATA_DIR);
  const owner = existsSync(folder) ? liveOwner(folder) : null;
  if (owner?.socketDir) {
    const db = await openThroughOwner(owner.socketDir);
    const pending = await pendingMigrations(db.sql, await readMigrations());
    if (pending.length > 0) {
      await db.close();
      throw new DatabaseStartError(
        `The running ${owner.role} (pid ${owner.pid}) lacks ${pending.length} migration(s) this code expects (${pending.map((m) => m.name).join(", ")}): restart it (it migrates at start), then run this again.`,
      );
    }
    return { ...db, via: `the running ${owner.role} (pid ${owner.pid}), through its socket` };
  }
  // Nobody serves it: hold the folder ourselves (refused at once if a live process does).
  const db = await openPglite(folder, { role: processRole() });
  if (options.migrate !== false) await applyMigrations(db.sql);
  return { ...db, via: `the folder ${folder}, held by this command until it ends` };
}
