// `npm run db:restore <backup file> [-- --to=<folder>]`: restores a `npm run db:backup` file into
// an empty folder (PGLITE_DATA_DIR, or --to), with the server stopped, then checks that the
// restored ledger reconciles. It never writes over a database: move the old folder away first.
import { readFileSync } from "node:fs";
import path from "node:path";
import { verifyLedger } from "../app/ledger/ledger.server";
import { folderIsEmpty } from "../app/utils/db-backup.server";
import { liveOwner } from "../app/utils/db-owner.server";
import { DatabaseStartError, openPglite } from "../app/utils/db.server";
import { env } from "../app/utils/env.server";
import { formatFen } from "../app/utils/money";

const args = process.argv.slice(2);
const toArg = args.find((arg) => arg.startsWith("--to="));
const [file] = args.filter((arg) => !arg.startsWith("--"));
if (!file) {
  console.error("usage: npm run db:restore <backup file> [-- --to=<empty folder>]");
  process.exit(2);
}
const { DATABASE_URL, PGLITE_DATA_DIR } = env();
if (DATABASE_URL && !toArg) {
  console.error(
    "DATABASE_URL names a PostgreSQL server: restore a pg_dump file with pg_restore; this command restores the embedded database.",
  );
  process.exit(1);
}
const folder = path.resolve(toArg ? toArg.slice("--to=".length) : PGLITE_DATA_DIR);
const owner = liveOwner(folder);
if (owner) {
  console.error(
    `cannot restore: ${owner.role} (pid ${owner.pid}) is running on ${folder}: stop it first, then restore into an empty folder.`,
  );
  process.exit(1);
}
if (!folderIsEmpty(folder)) {
  console.error(
    `cannot restore: ${folder} is not empty. Move it away first (e.g. \`mv ${folder} ${folder}.before-restore\`), or pass --to=<an empty folder>.`,
  );
  process.exit(1);
}
let archive: Buffer;
try {
  archive = readFileSync(file);
} catch (error) {
  console.error(`cannot restore: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? error})`);
  process.exit(1);
}
if (archive[0] !== 0x1f || archive[1] !== 0x8b) {
  console.error(`cannot restore: ${file} is not a db:backup file (a gzipped tar)`);
  process.exit(1);
}

try {
  const db = await openPglite(folder, {
    loadDataDir: new Blob([new Uint8Array(archive)], { type: "application/x-gzip" }),
  });
  try {
    const orders = await db.prisma.order.count();
    const report = await verifyLedger(db.prisma);
    console.log(
      `restored ${file} into ${folder}: ${orders} orders, ${formatFen(report.moneyFen)} received net of refunds`,
    );
    if (report.mismatches.length === 0 && report.moneyFen === report.ledgerFen) {
      console.log("ledger reconciles: OK. Start the server on this folder (PGLITE_DATA_DIR) when ready.");
    } else {
      console.error(
        `the restored ledger does NOT reconcile: ${report.mismatches.length} mismatch(es); run npm run ledger:verify for details`,
      );
      process.exitCode = 1;
    }
  } finally {
    await db.close();
  }
} catch (error) {
  if (!(error instanceof DatabaseStartError)) throw error;
  console.error(`cannot restore: ${error.message}`);
  process.exit(1);
}
