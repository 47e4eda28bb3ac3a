import { describe, expect, it } from "vitest";
import { upsertCategory, upsertCooperative, upsertCounty, upsertProduct, upsertRegion } from "../../prisma/factories";
import { withTestDatabase } from "../../tests/support/database";
import { getHomePage, getProductArtSubject } from "./catalog.server";

const t = withTestDatabase();

describe("home page data", () => {
  it("lists every region with its cooperatives, and only listed products", async () => {
    const yunnan = await upsertRegion(t.prisma, { slug: "yunnan", nameZh: "云南", sortOrder: 0 });
    const golog = await upsertRegion(t.prisma, { slug: "golog", nameZh: "青海果洛", sortOrder: 1 });
    const county = await upsertCounty(t.prisma, { regionId: yunnan.id });
    const coop = await upsertCooperative(t.prisma, { countyId: county.id, nameZh: "猛弄民绣合作社" });
    const category = await upsertCategory(t.prisma, { slug: "crafts" });
    await upsertProduct(t.prisma, { slug: "bag", cooperativeId: coop.id, categoryId: category.id, priceFen: 12800 });
    await upsertProduct(t.prisma, { slug: "draft", cooperativeId: coop.id, categoryId: category.id, status: "DRAFT" });
    await upsertProduct(t.prisma, {
      slug: "retired",
      cooperativeId: coop.id,
      categoryId: category.id,
      status: "RETIRED",
    });

    const home = await getHomePage(t.prisma);
    expect(home.regions.map((r) => r.slug)).toEqual([yunnan.slug, golog.slug]);
    expect(home.regions[0]!.cooperatives.map((c) => c.nameZh)).toEqual(["猛弄民绣合作社"]);
    expect(home.regions[1]!.cooperatives).toEqual([]);
    expect(home.products.map((p) => p.slug)).toEqual(["bag"]);
    expect(home.productCount).toBe(1);
    expect(home.products[0]!.images[0]!.url).toBe("/images/products/bag.svg");
    expect(await getProductArtSubject(t.prisma, "bag")).toMatchObject({ category: { slug: "crafts" } });
  });
});
