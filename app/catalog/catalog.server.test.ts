import { describe, expect, it } from "vitest";
import {
  upsertCategory,
  upsertCooperative,
  upsertCounty,
  upsertFair,
  upsertProduct,
  upsertRegion,
} from "../../prisma/factories";
import { withTestDatabase } from "../../tests/support/database";
import { getHomePage, getProductArtSubject, REGION_CARD_COOPERATIVES } from "./catalog.server";

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

  it("names a region card's first cooperatives only, and counts them all", async () => {
    const region = await upsertRegion(t.prisma, { slug: "kashgar", nameZh: "新疆喀什" });
    const county = await upsertCounty(t.prisma, { regionId: region.id });
    for (let i = 0; i < REGION_CARD_COOPERATIVES + 2; i++) {
      await upsertCooperative(t.prisma, { countyId: county.id, slug: `coop-${i}`, nameZh: `合作社${String(i).padStart(2, "0")}` });
    }
    const card = (await getHomePage(t.prisma)).regions.find((r) => r.slug === "kashgar");
    expect(card!.cooperativeCount).toBe(REGION_CARD_COOPERATIVES + 2);
    expect(card!.cooperatives.map((c) => c.nameZh)).toEqual(
      Array.from({ length: REGION_CARD_COOPERATIVES }, (_, i) => `合作社${String(i).padStart(2, "0")}`),
    );
  });

  it("shows the fair, featured cooperatives with a booth, and categories with their listed goods", async () => {
    expect((await getHomePage(t.prisma)).fair).toBeNull();
    await upsertFair(t.prisma, {
      nameZh: "2026上海市对口帮扶地区特色商品展销会",
      nameEn: "2026 Shanghai Fair",
      venueZh: "上海展览中心",
      venueEn: "Shanghai Exhibition Centre",
      tradeDays: ["2026-10-15", "2026-10-16"],
      publicDays: ["2026-10-17", "2026-10-19"],
    });
    const county = await upsertCounty(t.prisma);
    const atBooth = await upsertCooperative(t.prisma, {
      countyId: county.id,
      boothNumber: "Z-1",
      householdsLinked: 900,
    });
    const online = await upsertCooperative(t.prisma, { countyId: county.id, boothNumber: null, householdsLinked: 999 });
    const emptyBooth = await upsertCooperative(t.prisma, { countyId: county.id, boothNumber: "Z-2" });
    const tea = await upsertCategory(t.prisma, { slug: "tea", sortOrder: -1 });
    await upsertProduct(t.prisma, { cooperativeId: atBooth.id, categoryId: tea.id });
    await upsertProduct(t.prisma, { cooperativeId: online.id, categoryId: tea.id });
    await upsertProduct(t.prisma, { cooperativeId: emptyBooth.id, categoryId: tea.id, status: "DRAFT" });
    // A certificate that lapsed before today does not earn the card its "certified" badge.
    await upsertProduct(t.prisma, {
      slug: "lapsed",
      cooperativeId: atBooth.id,
      categoryId: tea.id,
      stock: 1000,
      certificate: { number: "SH-FP-OLD", body: "x", validFrom: "2024-01-01", validUntil: "2026-06-30" },
    });

    const home = await getHomePage(t.prisma, { now: new Date("2026-11-28T00:00:00Z") });
    expect(home.fair).toEqual({
      nameZh: "2026上海市对口帮扶地区特色商品展销会",
      nameEn: "2026 Shanghai Fair",
      venueZh: "上海展览中心",
      venueEn: "Shanghai Exhibition Centre",
      tradeDays: ["2026-10-15", "2026-10-16"],
      publicDays: ["2026-10-17", "2026-10-19"],
    });
    expect(home.featuredCooperatives.map((c) => c.slug)).toEqual([atBooth.slug]);
    expect(home.featuredCooperatives[0]).toMatchObject({ boothNumber: "Z-1", _count: { products: 2 } });
    expect(home.categories[0]).toMatchObject({ slug: "tea", productCount: 3 });
    const lapsed = home.products.find((p) => p.slug === "lapsed");
    expect(lapsed).toMatchObject({ certificateNumber: null });
  });
});
