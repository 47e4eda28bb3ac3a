// `npm run ledger:verify`: proves that, for every order and in total, the ledger's sales minus
// refunds equal the money received minus the money refunded, to the fen; that the report
// rollups equal the ledger; and that every sealed day's digest still matches its entries.
// Exits 1 and names the orders and days on any mismatch.
import { runLedgerVerify } from "../app/reports/ledger-verify.server";
import { openScriptDatabase } from "./support/open-database";

const db = await openScriptDatabase();
const result = await runLedgerVerify(db.prisma);
for (const line of result.out) console.log(line);
for (const line of result.errors) console.error(line);
await db.close();
process.exit(result.ok ? 0 : 1);
