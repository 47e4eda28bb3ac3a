/**
 * The search's read model (ProductSearch, kept by triggers: prisma/migrations/20261205010000_search_text)
 * follows every write that changes what a product is found by, so search finds goods by their
 * current names and places on every server process.
 */
import { describe, expect, it } from "vitest";
import { upsertCategory, upsertCooperative, upsertCounty, upsertProduct, upsertRegion } from "../../prisma/factories";
import { withTestDatabase } from "../../tests/support/database";
import { parseSearchParams } from "./search-schema";
import { searchProducts } from "./search.server";

const t = withTestDatabase();

const found = async (q: string) =>
  (await searchProducts(t.prisma, parseSearchParams(new URLSearchParams({ q })), { locale: "zh" })).products.map(
    (p) => p.slug,
  );

const row = async (productId: string) =>
  (
    await t.prisma.$queryRaw<{ listed: boolean; inStock: boolean; text: string }[]>`
      SELECT "listed", "inStock", "text" FROM "ProductSearch" WHERE "productId" = ${productId}`
  )[0];

describe("the search's read model", () => {
  it("follows renames and moves of the product and of its cooperative, county, region and category", async () => {
    const region = await upsertRegion(t.prisma, { slug: "st-region", nameZh: "测试帮扶区" });
    const county = await upsertCounty(t.prisma, { regionId: region.id, nameZh: "测试县甲" });
    const coop = await upsertCooperative(t.prisma, { countyId: county.id, nameZh: "蓝靛染坊合作社" });
    const category = await upsertCategory(t.prisma, { slug: "st-cat", nameZh: "扎染布艺" });
    const product = await upsertProduct(t.prisma, {
      slug: "st-scarf",
      nameZh: "蜡染围巾",
      cooperativeId: coop.id,
      categoryId: category.id,
      status: "LISTED",
      stock: 2,
    });
    expect(await found("蜡染")).toEqual(["st-scarf"]);
    expect(await found("蓝靛")).toEqual(["st-scarf"]);

    await t.prisma.cooperative.update({ where: { id: coop.id }, data: { nameZh: "苗岭绣坊合作社" } });
    expect(await found("蓝靛")).toEqual([]);
    expect(await found("苗岭")).toEqual(["st-scarf"]);

    await t.prisma.county.update({ where: { id: county.id }, data: { nameZh: "丹寨县" } });
    expect(await found("丹寨")).toEqual(["st-scarf"]);
    await t.prisma.pairedRegion.update({ where: { id: region.id }, data: { nameZh: "黔东南" } });
    expect(await found("黔东南")).toEqual(["st-scarf"]);
    await t.prisma.category.update({ where: { id: category.id }, data: { nameZh: "民族手作" } });
    expect(await found("手作")).toEqual(["st-scarf"]);

    await t.prisma.product.update({ where: { id: product.id }, data: { nameZh: "枫香染方巾" } });
    expect(await found("蜡染")).toEqual([]);
    expect(await found("枫香")).toEqual(["st-scarf"]);
  });

  it("follows listing, withdrawal, selling out and deletion", async () => {
    const product = await upsertProduct(t.prisma, { slug: "st-tea", nameZh: "古树白茶饼", status: "LISTED", stock: 1 });
    expect(await row(product.id)).toMatchObject({ listed: true, inStock: true });

    await t.prisma.product.update({ where: { id: product.id }, data: { stock: 0 } });
    expect(await row(product.id)).toMatchObject({ listed: true, inStock: false });
    await t.prisma.product.update({ where: { id: product.id }, data: { status: "RETIRED" } });
    expect(await row(product.id)).toMatchObject({ listed: false });
    expect(await found("白茶饼")).toEqual([]);

    await t.prisma.product.update({ where: { id: product.id }, data: { status: "LISTED", stock: 5 } });
    expect(await row(product.id)).toMatchObject({ listed: true, inStock: true });
    expect(await found("白茶饼")).toEqual(["st-tea"]);

    await t.prisma.product.delete({ where: { id: product.id } });
    expect(await row(product.id)).toBeUndefined();
  });
});

describe("the search's index", () => {
  it("is what finds a search's words, for one character and for several", async () => {
    const { readRowsThrough } = await import("~/utils/read-rows.server");
    const { database } = t;
    const statements: { text: string; values: unknown[] }[] = [];
    // Records the search's statement and answers it the ordinary way.
    readRowsThrough(t.prisma, async (text, values) => {
      statements.push({ text, values });
      return (await database.sql.query(text, values)).rows;
    });
    for (const q of ["茶", "普洱熟茶"]) {
      statements.length = 0;
      await searchProducts(t.prisma, parseSearchParams(new URLSearchParams({ q })), { locale: "zh" });
      const search = statements.find((s) => s.text.includes('"ProductSearch"'))!;
      // Sequential scans priced out: a few test rows would otherwise be scanned whatever the index.
      const plan = await t.prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
        return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${search.text}`, ...search.values);
      });
      // The words are the index's condition, not a filter over every listed row it holds.
      expect(plan.map((line) => line["QUERY PLAN"]).join("\n"), q).toMatch(
        /Bitmap Index Scan on "ProductSearch_text_grams_idx"[^\n]*\n\s*Index Cond: \(search_text_grams\(text\) @>/,
      );
    }
  });
});
