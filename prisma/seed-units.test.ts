import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../tests/support/database";
import { verifyLedger } from "~/ledger/ledger.server";
import { isValidCreditCode } from "~/units/credit-code";
import { seedDemoAccounts } from "./seed-accounts";
import { seedDemoFair } from "./seed-demo";
import { DEMO_UNIT_BUYER, seedDemoUnits } from "./seed-units";

const t = withTestDatabase();

async function snapshot() {
  const p = t.prisma;
  return {
    units: await p.organisation.count({ where: { buyerKind: { not: null } } }),
    pledges: await p.pledge.count(),
    orders: await p.order.groupBy({
      by: ["status"],
      where: { channel: "UNIT" },
      _count: true,
      orderBy: { status: "asc" },
    }),
    transfers: await p.bankTransfer.groupBy({ by: ["status"], _count: true, orderBy: { status: "asc" } }),
    invoices: await p.invoiceRequest.groupBy({ by: ["status"], _count: true, orderBy: { status: "asc" } }),
    ledger: await p.ledgerEntry.count(),
    stock: await p.product.aggregate({ _sum: { stock: true } }),
  };
}

describe("the demo units", () => {
  it("hold six units with valid credit codes, pledges and orders in every state; seeding twice changes nothing; the ledger reconciles", async () => {
    await seedDemoFair(t.prisma);
    await seedDemoAccounts(t.prisma);
    await seedDemoUnits(t.prisma);
    const first = await snapshot();
    expect(first.units).toBe(6);
    expect(first.pledges).toBeGreaterThanOrEqual(6);
    expect(first.orders).toEqual([
      { status: "PENDING", _count: 2 },
      { status: "PAID", _count: 2 },
    ]);
    expect(first.transfers).toEqual([
      { status: "APPLIED", _count: 2 },
      { status: "HELD", _count: 1 },
    ]);
    expect(first.invoices.map((i) => i.status)).toEqual(["REQUESTED", "ISSUED"]);
    const codes = await t.prisma.organisation.findMany({
      where: { buyerKind: { not: null } },
      select: { creditCode: true },
    });
    expect(codes.every((c) => isValidCreditCode(c.creditCode!))).toBe(true);
    expect(await t.prisma.orderRecipient.count()).toBe(12);
    const buyer = await t.prisma.user.findUniqueOrThrow({ where: { email: DEMO_UNIT_BUYER.email } });
    expect(buyer).toMatchObject({ role: "UNIT_BUYER" });
    expect((await verifyLedger(t.prisma)).mismatches).toEqual([]);

    await seedDemoUnits(t.prisma);
    expect(await snapshot()).toEqual(first);
  }, 240_000); // the whole demo fair is seeded first, on a machine shared by several test runs
});
