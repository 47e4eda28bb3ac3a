// `npx tsx scripts/refund-order.ts <order id> [reason] [--lines=<order line id>:<quantity>,…]`:
// refunds a paid order (all of it, or the given quantities of some lines) through the provider
// that took the money, until the organiser's console has its refund screen. The amount comes from
// the order's own lines; with Stripe the ledger is reversed when its webhook confirms the refund.
import { refundOrder, RefundRejectedError } from "../app/payments/refund-order.server";
import { RefundError } from "../app/payments/refunds.server";
import { formatFen } from "../app/utils/money";
import { openScriptDatabase } from "./support/open-database";

const args = process.argv.slice(2);
const linesArg = args.find((arg) => arg.startsWith("--lines="));
const [orderId, reason = ""] = args.filter((arg) => !arg.startsWith("--"));
if (!orderId) {
  console.error("usage: npx tsx scripts/refund-order.ts <order id> [reason] [--lines=<order line id>:<quantity>,…]");
  process.exit(2);
}
const lines = linesArg
  ?.slice("--lines=".length)
  .split(",")
  .map((pair) => {
    const [orderLineId, quantity] = pair.split(":");
    return { orderLineId: orderLineId!, quantity: Number(quantity) };
  });

const db = await openScriptDatabase();
try {
  const result = await refundOrder(db.prisma, {
    orderId,
    lines,
    reason,
    // The shell's user, for the audit trail: the operator's name, not a setting of the app.
    requestedBy: `cli:${process.env.USER ?? "unknown"}`,
  });
  console.log(`refund ${result.refundId}: ${formatFen(result.amountFen)}, ${result.delivery}`);
  if (result.providerRefundId) console.log(`Stripe refund ${result.providerRefundId}`);
  if (result.delivery === "retry-later") {
    console.log("Stripe could not be reached: `npm run payments:reconcile` sends it again (same key, never twice).");
  }
} catch (error) {
  if (!(error instanceof RefundError || error instanceof RefundRejectedError)) throw error;
  console.error(`not refunded: ${error.message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
