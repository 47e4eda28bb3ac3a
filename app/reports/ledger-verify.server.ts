import type { PrismaClient } from "~/generated/prisma/client";
import { verifyLedger } from "~/ledger/ledger.server";
import { verifySeals } from "~/ledger/seal.server";
import { verifyRollups } from "~/reports/reports.server";
import { formatFen } from "~/utils/money";

/**
 * What `npm run ledger:verify` checks, as one function the script prints and tests call:
 * the ledger equals the money (per order and in total), the report rollups equal the ledger,
 * and every sealed day's digest and totals equal its entries as they are now.
 */
export async function runLedgerVerify(prisma: PrismaClient) {
  const [ledger, rollupsDiffer, seals] = await Promise.all([
    verifyLedger(prisma),
    verifyRollups(prisma),
    verifySeals(prisma),
  ]);
  const out: string[] = [];
  const errors: string[] = [];
  out.push(`orders with money received: ${ledger.orders}`);
  out.push(`money received minus refunded: ${formatFen(ledger.moneyFen)}`);
  out.push(`ledger (cooperative entries):  ${formatFen(ledger.ledgerFen)}`);
  out.push(`sealed days checked: ${seals.checked}`);
  if (rollupsDiffer.length > 0) errors.push(`report rollups differ from the ledger: ${rollupsDiffer.join(", ")}`);
  if (ledger.mismatches.length > 0 || ledger.moneyFen !== ledger.ledgerFen)
    errors.push(`ledger does NOT reconcile: ${ledger.mismatches.length} mismatch(es)`);
  for (const m of ledger.mismatches)
    errors.push(
      `  order ${m.orderId} ${m.target}: expected ${formatFen(m.expectedFen)}, ledger ${formatFen(m.ledgerFen)}`,
    );
  for (const m of seals.mismatches)
    errors.push(
      `sealed day ${m.day} no longer matches its seal: digest ${m.stored.digest} sealed, ${m.now.digest} now; ` +
        `${m.stored.entries} → ${m.now.entries} entries, net ${formatFen(m.stored.netFen)} → ${formatFen(m.now.netFen)}`,
    );
  if (errors.length === 0) out.push("ledger reconciles: OK (report rollups agree, sealed days match)");
  return {
    ok: errors.length === 0,
    out,
    errors,
    ledger,
    rollupsDiffer,
    tamperedDays: seals.mismatches.map((m) => m.day),
  };
}
