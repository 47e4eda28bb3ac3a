import { describe, expect, it } from "vitest";
import { upsertRegion } from "../../prisma/factories";
import { withTestDatabase } from "../../tests/support/database";
import { isBusyError, isUniqueViolation } from "./db-errors.server";

const t = withTestDatabase();

describe("isUniqueViolation", () => {
  it("recognises a duplicate key on this engine, inside and outside a transaction, and nothing else", async () => {
    await upsertRegion(t.prisma, { slug: "dup" });
    const direct = await t.prisma.pairedRegion
      .create({ data: { slug: "dup", nameZh: "a", nameEn: "a" } })
      .catch((e: unknown) => e);
    const inTx = await t.prisma
      .$transaction((tx) => tx.pairedRegion.create({ data: { slug: "dup", nameZh: "a", nameEn: "a" } }))
      .catch((e: unknown) => e);
    expect(isUniqueViolation(direct)).toBe(true);
    expect(isUniqueViolation(inTx)).toBe(true);
    const other = await t.prisma.product.updateMany({ data: { stock: -1 } }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isUniqueViolation(other)).toBe(false);
    expect(isUniqueViolation(new Error("boom"))).toBe(false);
  });
});

describe("isBusyError", () => {
  it("recognises a transaction that ran out of time on this engine, and not a constraint violation", async () => {
    const expired = await t.prisma
      .$transaction(
        async (tx) => {
          await new Promise((resolve) => setTimeout(resolve, 300));
          return tx.pairedRegion.count();
        },
        { timeout: 50 },
      )
      .catch((e: unknown) => e);
    expect(isBusyError(expired)).toBe(true);
    const constraint = await t.prisma.product.updateMany({ data: { stock: -1 } }).catch((e: unknown) => e);
    expect(isBusyError(constraint)).toBe(false);
    expect(isBusyError(new Error("boom"))).toBe(false);
  });

  it("recognises the pool having no connection in time and PostgreSQL's lock and serialization failures", () => {
    expect(isBusyError(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(
      isBusyError({
        code: "P2028",
        message: "Transaction API error: Unable to start a transaction in the given time.",
      }),
    ).toBe(true);
    expect(isBusyError({ name: "DriverAdapterError", message: "x", cause: { originalCode: "40P01" } })).toBe(true);
  });
});
