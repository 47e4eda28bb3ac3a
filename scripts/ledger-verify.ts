// `npm run ledger:verify`: proves that, for every order and in total, the ledger's sales minus
// refunds equal the money received minus the money refunded, to the fen. Exits 1 and names the
// orders on any mismatch.
import { verifyLedger } from "../app/ledger/ledger.server";
import { verifyRollups } from "../app/reports/reports.server";
import { formatFen } from "../app/utils/money";
import { openScriptDatabase } from "./support/open-database";

const db = await openScriptDatabase();
const report = await verifyLedger(db.prisma);
// The report rollups are kept by a trigger; check they still equal the ledger they summarise.
const rollupsDiffer = await verifyRollups(db.prisma);
console.log(`orders with money received: ${report.orders}`);
console.log(`money received minus refunded: ${formatFen(report.moneyFen)}`);
console.log(`ledger (cooperative entries):  ${formatFen(report.ledgerFen)}`);
if (rollupsDiffer.length > 0) console.error(`report rollups differ from the ledger: ${rollupsDiffer.join(", ")}`);
if (report.mismatches.length === 0 && report.moneyFen === report.ledgerFen && rollupsDiffer.length === 0) {
  console.log("ledger reconciles: OK (report rollups agree)");
  await db.close();
  process.exit(0);
}
console.error(`ledger does NOT reconcile: ${report.mismatches.length} mismatch(es)`);
for (const m of report.mismatches) {
  console.error(
    `  order ${m.orderId} ${m.target}: expected ${formatFen(m.expectedFen)}, ledger ${formatFen(m.ledgerFen)}`,
  );
}
await db.close();
process.exit(1);
