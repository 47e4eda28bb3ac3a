// `npm run payments:reconcile [-- --hours=72]`: asks Stripe about what its webhook may have
// missed and applies it through the same functions the webhook uses, idempotently: orders still
// pending after their reservation ran out (their Checkout Session's state), the handled events of
// the last --hours (Stripe retries a webhook for up to 3 days and keeps events for 30), and
// refunds that never reached Stripe. Prints what it did; exits 1 when something could not be
// checked, so a scheduler notices. Safe to run from cron on any server, as often as wanted.
//
// With the embedded database (no DATABASE_URL) it runs through the running server, or holds the folder itself.
import { reconcilePayments } from "../app/payments/payment-events.server";
import { stripeConfigured } from "../app/payments/providers/stripe-api.server";
import { ConfigError } from "../app/utils/env.server";
import { formatFen } from "../app/utils/money";
import { openScriptDatabase } from "./support/open-database";

const hoursArg = process.argv.find((arg) => arg.startsWith("--hours="));
const hours = hoursArg ? Number(hoursArg.slice("--hours=".length)) : 72;
if (!Number.isFinite(hours) || hours <= 0 || hours > 30 * 24) {
  console.error("--hours must be a number of hours between 0 and 720 (Stripe keeps events for 30 days)");
  process.exit(2);
}

try {
  if (!stripeConfigured()) {
    console.error("Stripe is not configured (STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET): nothing to reconcile.");
    process.exit(1);
  }
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`cannot reconcile: ${error.message}`);
  process.exit(1);
}

const db = await openScriptDatabase();
try {
  const now = new Date();
  const eventsSince = new Date(now.getTime() - hours * 3600_000);
  console.log(`reconciling with Stripe: overdue pending orders, and events since ${eventsSince.toISOString()}`);
  const report = await reconcilePayments(db.prisma, "stripe", { now, eventsSince });
  console.log(`checkout sessions checked: ${report.sessionsChecked}`);
  console.log(`events seen: ${report.eventsSeen}`);
  console.log(`refunds sent again: ${report.refundsResent}`);
  console.log(`reservations released: ${report.released}`);
  console.log(report.applied.length ? `applied ${report.applied.length}:` : "nothing was missed");
  for (const item of report.applied) {
    console.log(
      `  ${item.action}${item.flag ? ` [${item.flag}]` : ""} order ${item.orderId ?? "?"} (from ${item.source})`,
    );
  }
  const flagged = report.applied.filter((item) => item.flag);
  if (flagged.length) console.log(`${flagged.length} need a person (see the flags above)`);
  for (const error of report.errors) console.error(`  could not check: ${error}`);
  const unpaid = await db.prisma.order.aggregate({
    where: { status: "NEEDS_REFUND", paymentProvider: "stripe" },
    _count: true,
    _sum: { totalFen: true },
  });
  if (unpaid._count) {
    console.log(
      `orders paid after their stock was gone, to refund: ${unpaid._count} (${formatFen(unpaid._sum.totalFen ?? 0)})`,
    );
  }
  process.exitCode = report.errors.length ? 1 : 0;
} finally {
  await db.close();
}
