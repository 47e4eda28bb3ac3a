/**
 * The embedded database's records kept safe, end to end through the real commands: a fair with
 * paid orders, a refund and their ledger entries lives in a folder served by its owner (this test
 * process, as the server would); `npm run ledger:verify` runs on it live, through the owner's
 * socket; `npm run db:backup` takes a backup while it runs; `npm run db:restore` refuses the
 * running folder and a non-empty one, restores into an empty one, and the restored ledger
 * reconciles with the same money, orders, refunds and entries.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertCooperative, upsertOrganisation, upsertPartnership, upsertProduct } from "../prisma/factories";
import { checkoutInput } from "./support/checkout";
import { addToCart, createCart } from "~/cart/cart.server";
import { verifyLedger } from "~/ledger/ledger.server";
import { placeOrder } from "~/payments/checkout.server";
import { applyPaymentEvent } from "~/payments/payments.server";
import { refundOrder } from "~/payments/refund-order.server";
import { liveOwner } from "~/utils/db-owner.server";
import { openPglite, type Database } from "~/utils/db.server";
import { applyMigrations } from "~/utils/migrations.server";

const run = promisify(execFile);
const root = mkdtempSync(path.join(tmpdir(), "fair-backup-test-"));
const live = path.join(root, "live");
const restored = path.join(root, "restored");
const backups = path.join(root, "backups");
let owner: Database | undefined;

/** Runs `npm run <script>`'s command (tsx, as npm would) on the given folder; never throws. */
async function npmRun(script: string, args: string[], dataDir: string) {
  const files: Record<string, string> = {
    "ledger:verify": "scripts/ledger-verify.ts",
    "db:backup": "scripts/db-backup.ts",
    "db:restore": "scripts/db-restore.ts",
  };
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", files[script]!, ...args], {
      env: {
        ...process.env,
        PGLITE_DATA_DIR: dataDir,
        DATABASE_URL: "",
        NODE_ENV: "development",
        npm_lifecycle_event: script,
      },
      timeout: 120_000,
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

async function fairSummary(db: Database) {
  const report = await verifyLedger(db.prisma);
  return {
    orders: await db.prisma.order.count(),
    paid: await db.prisma.order.count({ where: { paidAt: { not: null } } }),
    refunds: await db.prisma.refund.count(),
    ledgerEntries: await db.prisma.ledgerEntry.count(),
    moneyFen: report.moneyFen,
    ledgerFen: report.ledgerFen,
    mismatches: report.mismatches,
  };
}

describe.skipIf(process.env.TEST_DATABASE_URL)(
  "backing up and restoring the embedded database",
  { timeout: 300_000 },
  () => {
    beforeAll(async () => {
      owner = await openPglite(live, { role: "npm start", serve: true });
      await applyMigrations(owner.sql);
      const prisma = owner.prisma;
      const cooperative = await upsertCooperative(prisma);
      const organisation = await upsertOrganisation(prisma);
      await upsertPartnership(prisma, { organisationId: organisation.id, cooperativeId: cooperative.id, weight: 1 });
      const tea = await upsertProduct(prisma, { cooperativeId: cooperative.id, priceFen: 6800, stock: 50 });
      const walnuts = await upsertProduct(prisma, { cooperativeId: cooperative.id, priceFen: 3200, stock: 50 });
      const orderIds: string[] = [];
      for (let i = 0; i < 3; i++) {
        const cart = await createCart(prisma);
        await addToCart(prisma, cart, tea.id, 2);
        await addToCart(prisma, cart, walnuts.id, 1);
        const { id } = await placeOrder(prisma, {
          cartId: cart,
          input: checkoutInput(),
          locale: "zh",
          provider: "test",
        });
        const { totalFen } = await prisma.order.findUniqueOrThrow({ where: { id } });
        await applyPaymentEvent(prisma, {
          provider: "test",
          eventId: `test_${id}_succeeded`,
          type: "succeeded",
          orderId: id,
          amountFen: totalFen,
          reference: `test_${id}`,
        });
        orderIds.push(id);
      }
      await refundOrder(prisma, { orderId: orderIds[0]!, reason: "buyer asked", requestedBy: "test" });
    }, 300_000);

    afterAll(async () => {
      await owner?.close();
    });

    it("round-trips a fair with orders, refunds and ledger entries while the server runs", async () => {
      const before = await fairSummary(owner!);
      expect(before).toMatchObject({ orders: 3, paid: 3, refunds: 1, moneyFen: 2 * (2 * 6800 + 3200), mismatches: [] });
      expect(before.ledgerEntries).toBeGreaterThan(6);

      // ledger:verify on live data: through the owner's socket, seeing every paid order.
      const verified = await npmRun("ledger:verify", [], live);
      expect(verified.out).toContain(`the running npm start (pid ${process.pid}), through its socket`);
      expect(verified.out).toContain("orders with money received: 3");
      expect(verified.out).toContain("ledger reconciles: OK");
      expect(verified.code).toBe(0);

      // The backup, taken by the running owner.
      const backup = await npmRun("db:backup", [`--out=${backups}`], live);
      expect(backup.code, backup.out).toBe(0);
      expect(backup.out).toMatch(
        /backup written: .*fair-backup-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.tar\.gz .*taken by the running npm start/,
      );
      const [file, ...others] = readdirSync(backups);
      expect(others).toEqual([]);
      const archive = path.join(backups, file!);

      // Restore refuses the folder the server runs on, and any folder that is not empty.
      const onLive = await npmRun("db:restore", [archive], live);
      expect(onLive.code).toBe(1);
      expect(onLive.out).toMatch(/cannot restore: npm start \(pid \d+\) is running on .*: stop it first/);
      const restoredRun = await npmRun("db:restore", [archive], restored);
      expect(restoredRun.code, restoredRun.out).toBe(0);
      expect(restoredRun.out).toContain("3 orders");
      expect(restoredRun.out).toContain("ledger reconciles: OK");
      const again = await npmRun("db:restore", [archive], restored);
      expect(again.code).toBe(1);
      expect(again.out).toMatch(/is not empty\. Move it away first/);

      // The restored folder is a database of its own, with the same fair, and nobody holds it.
      expect(liveOwner(restored)).toBeNull();
      const copy = await openPglite(restored, { role: "the test" });
      try {
        expect(await fairSummary(copy)).toEqual(before);
      } finally {
        await copy.close();
      }
    });
  },
);
