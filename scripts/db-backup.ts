// `npm run db:backup [-- --out=<folder>]`: writes a consistent, timestamped backup of the embedded
// database (a gzipped tar of its folder, `fair-backup-<UTC time>.tar.gz`, into ./backups by
// default), while the server runs: the server takes it between two transactions, after a
// CHECKPOINT. With no server running, this command holds the folder while it copies.
// `npm run db:restore <file>` brings it back. On PostgreSQL (DATABASE_URL) use pg_dump instead.
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync } from "node:fs";
import path from "node:path";
import { backupFileName, dumpConsistent } from "../app/utils/db-backup.server";
import { liveOwner } from "../app/utils/db-owner.server";
import { requestBackup } from "../app/utils/db-socket.server";
import { DatabaseStartError, openPglite } from "../app/utils/db.server";
import { env } from "../app/utils/env.server";

const outArg = process.argv.find((arg) => arg.startsWith("--out="));
const outDir = path.resolve(outArg ? outArg.slice("--out=".length) : "backups");
const { DATABASE_URL, PGLITE_DATA_DIR } = env();
if (DATABASE_URL) {
  console.error(
    'DATABASE_URL names a PostgreSQL server: back it up with its own tools, e.g. `pg_dump --format=custom --file=fair-$(date -u +%Y%m%dT%H%M%SZ).dump "$DATABASE_URL"`.',
  );
  process.exit(1);
}

const folder = path.resolve(PGLITE_DATA_DIR);
const started = performance.now();
let archive: Uint8Array;
let via: string;
try {
  const owner = liveOwner(folder);
  if (owner?.socketDir) {
    archive = await requestBackup(owner.socketDir);
    via = `taken by the running ${owner.role} (pid ${owner.pid})`;
  } else {
    const db = await openPglite(folder); // refused at once if a live process holds it
    try {
      archive = await dumpConsistent(db.pglite!);
    } finally {
      await db.close();
    }
    via = "taken with no server running";
  }
} catch (error) {
  if (!(error instanceof DatabaseStartError)) throw error;
  console.error(`cannot back up: ${error.message}`);
  process.exit(1);
}

// Written under a temporary name, flushed, then renamed: a backup file is whole or absent.
mkdirSync(outDir, { recursive: true });
const file = path.join(outDir, backupFileName());
const partial = `${file}.partial`;
const fd = openSync(partial, "wx", 0o600);
try {
  writeSync(fd, archive);
  fsyncSync(fd);
} finally {
  closeSync(fd);
}
renameSync(partial, file);
console.log(
  `backup written: ${path.relative(process.cwd(), file) || file} (${(archive.length / 1024).toFixed(0)} KB, ${via}, ${((performance.now() - started) / 1000).toFixed(1)} s)`,
);
console.log(`restore it with: npm run db:restore ${path.relative(process.cwd(), file) || file}`);
