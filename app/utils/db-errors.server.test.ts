import { describe, expect, it } from "vitest";
import { upsertRegion } from "../../prisma/factories";
import { withTestDatabase } from "../../tests/support/database";
import { isUniqueViolation } from "./db-errors.server";

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
