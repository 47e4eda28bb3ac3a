import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../tests/support/database";
import { seedDemoFair } from "./seed-demo";

const t = withTestDatabase();

async function counts() {
  const p = t.prisma;
  return {
    regions: await p.pairedRegion.count(),
    counties: await p.county.count(),
    cooperatives: await p.cooperative.count(),
    organisations: await p.organisation.count(),
    partnerships: await p.partnership.count(),
    categories: await p.category.count(),
    products: await p.product.count(),
    images: await p.productImage.count(),
  };
}

describe("the demo fair", () => {
  it("is as large as the issue asks and seeding it twice changes nothing", async () => {
    await seedDemoFair(t.prisma);
    const first = await counts();
    expect(first.regions).toBeGreaterThanOrEqual(7);
    expect(first.counties).toBeGreaterThanOrEqual(20);
    expect(first.cooperatives).toBeGreaterThanOrEqual(30);
    expect(first.organisations).toBeGreaterThanOrEqual(12);
    expect(first.categories).toBeGreaterThanOrEqual(8);
    expect(first.products).toBeGreaterThanOrEqual(150);
    expect(first.images).toBe(first.products);
    await seedDemoFair(t.prisma);
    expect(await counts()).toEqual(first);
  });

  it("holds the seven paired regions, each with cooperatives and goods", async () => {
    const regions = await t.prisma.pairedRegion.findMany({
      select: {
        nameZh: true,
        counties: { select: { cooperatives: { select: { _count: { select: { products: true } } } } } },
      },
    });
    expect(regions.map((r) => r.nameZh).join()).toMatch(/云南.*贵州.*新疆.*西藏.*青海.*湖北.*重庆/);
    for (const region of regions) {
      const goods = region.counties.flatMap((c) => c.cooperatives).reduce((n, c) => n + c._count.products, 0);
      expect(goods, region.nameZh).toBeGreaterThan(0);
    }
  });

  it("pairs the Huaen volunteer society with the embroidery cooperatives", async () => {
    const huaen = await t.prisma.organisation.findUniqueOrThrow({
      where: { slug: "huaen-volunteers" },
      include: { partnerships: { include: { cooperative: true } } },
    });
    expect(huaen.nameZh).toContain("华恩");
    const names = huaen.partnerships.map((p) => p.cooperative?.nameZh ?? "");
    expect(names).toContain("猛弄民绣合作社");
    expect(names.filter((n) => n.includes("绣")).length).toBeGreaterThanOrEqual(5);
  });

  it("has Chinese and English text on every product, and some uncertified goods", async () => {
    const products = await t.prisma.product.findMany();
    for (const p of products) {
      expect(p.nameZh && p.nameEn && p.descriptionZh && p.descriptionEn && p.unitZh && p.unitEn, p.slug).toBeTruthy();
      expect(Number.isInteger(p.priceFen) && p.priceFen > 0).toBe(true);
    }
    const uncertified = products.filter((p) => !p.certificateNumber).length;
    expect(uncertified).toBeGreaterThan(0);
    expect(uncertified).toBeLessThan(products.length);
  });
});
