import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../tests/support/database";
import { upsertCooperative, upsertCounty, upsertOrganisation, upsertProduct } from "./factories";

const t = withTestDatabase();

describe("database rules", () => {
  it("rejects a negative stock and a price that is not positive", async () => {
    const product = await upsertProduct(t.prisma, { stock: 3 });
    await expect(t.prisma.product.update({ where: { id: product.id }, data: { stock: -1 } })).rejects.toThrow();
    await expect(t.prisma.product.update({ where: { id: product.id }, data: { priceFen: 0 } })).rejects.toThrow();
    expect(await t.prisma.product.findUniqueOrThrow({ where: { id: product.id } })).toMatchObject({
      stock: 3,
      priceFen: 12800,
    });
  });

  it("keeps product slugs and certificate numbers unique", async () => {
    const a = await upsertProduct(t.prisma, {
      certificate: { number: "SH-T-1", body: "b", validFrom: "2025-01-01", validUntil: "2027-01-01" },
    });
    await expect(
      t.prisma.product.create({
        data: {
          slug: a.slug,
          cooperativeId: a.cooperativeId,
          categoryId: a.categoryId,
          nameZh: "x",
          nameEn: "x",
          unitZh: "件",
          unitEn: "piece",
          priceFen: 100,
        },
      }),
    ).rejects.toThrow();
    await expect(
      t.prisma.product.create({
        data: {
          slug: "another",
          certificateNumber: "SH-T-1",
          cooperativeId: a.cooperativeId,
          categoryId: a.categoryId,
          nameZh: "x",
          nameEn: "x",
          unitZh: "件",
          unitEn: "piece",
          priceFen: 100,
        },
      }),
    ).rejects.toThrow();
  });

  it("pairs a partnership with exactly one cooperative or one county, at a positive weight", async () => {
    const org = await upsertOrganisation(t.prisma);
    const coop = await upsertCooperative(t.prisma);
    const county = await upsertCounty(t.prisma);
    await expect(t.prisma.partnership.create({ data: { organisationId: org.id, weight: 1 } })).rejects.toThrow();
    await expect(
      t.prisma.partnership.create({
        data: { organisationId: org.id, cooperativeId: coop.id, countyId: county.id, weight: 1 },
      }),
    ).rejects.toThrow();
    await expect(
      t.prisma.partnership.create({ data: { organisationId: org.id, cooperativeId: coop.id, weight: 0 } }),
    ).rejects.toThrow();
    await t.prisma.partnership.create({ data: { organisationId: org.id, cooperativeId: coop.id, weight: 60 } });
    await expect(
      t.prisma.partnership.create({ data: { organisationId: org.id, cooperativeId: coop.id, weight: 40 } }),
    ).rejects.toThrow();
  });

  it("refuses to delete a cooperative that still has products", async () => {
    const product = await upsertProduct(t.prisma);
    await expect(t.prisma.cooperative.delete({ where: { id: product.cooperativeId } })).rejects.toThrow();
  });

  it("sells exactly the stock there is when many buyers decrement at once", async () => {
    const product = await upsertProduct(t.prisma, { stock: 5 });
    const attempts = Array.from({ length: 20 }, () =>
      t.prisma.product.updateMany({ where: { id: product.id, stock: { gte: 1 } }, data: { stock: { decrement: 1 } } }),
    );
    const sold = (await Promise.all(attempts)).reduce((sum, r) => sum + r.count, 0);
    expect(sold).toBe(5);
    expect((await t.prisma.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(0);
  });
});
