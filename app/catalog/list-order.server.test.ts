/**
 * The browse pages order goods by copies on Product ("listRegionOrder", "listCooperativeSlug") that
 * triggers keep (prisma/migrations/20261205060000_product_list_order). Whatever moves or is
 * renamed, the category page lists exactly what the joined sort it replaced lists, in that order,
 * and so do the region and county pages.
 */
import { describe, expect, it } from "vitest";
import { upsertCategory, upsertCooperative, upsertCounty, upsertProduct, upsertRegion } from "../../prisma/factories";
import { withTestDatabase } from "../../tests/support/database";
import { getCategoryPage, getRegionPage } from "./browse.server";

const t = withTestDatabase();

/** The category page's ids statement before the copies: joined to the region and sorted. */
async function joinedCategoryOrder(categoryId: string) {
  const { rows } = await t.database.sql.query<{ slug: string }>(
    `SELECT p."slug" FROM "Product" p
     JOIN "Cooperative" c ON c."id" = p."cooperativeId"
     JOIN "County" k ON k."id" = c."countyId"
     JOIN "PairedRegion" r ON r."id" = k."regionId"
     WHERE p."status" = 'LISTED' AND p."categoryId" = $1
     ORDER BY r."sortOrder" ASC, c."slug" ASC, p."slug" ASC`,
    [categoryId],
  );
  return rows.map((row) => row.slug);
}

/** The region page's ids statement before the copies (cooperative by cooperative). */
async function joinedRegionOrder(regionId: string) {
  const { rows } = await t.database.sql.query<{ slug: string }>(
    `SELECT p."slug" FROM "Product" p
     JOIN "Cooperative" c ON c."id" = p."cooperativeId"
     JOIN "County" k ON k."id" = c."countyId"
     WHERE p."status" = 'LISTED' AND k."regionId" = $1
     ORDER BY c."slug" ASC, p."slug" ASC`,
    [regionId],
  );
  return rows.map((row) => row.slug);
}

/** Every page of a list, in order, a few goods a page (so LIMIT/OFFSET are exercised too). */
async function allPages(load: (page: number) => Promise<{ items: { slug: string }[]; pageCount: number } | undefined>) {
  const slugs: string[] = [];
  for (let page = 1; ; page++) {
    const list = await load(page);
    if (!list) throw new Error("page not found");
    slugs.push(...list.items.map((item) => item.slug));
    if (page >= list.pageCount) return slugs;
  }
}

const pageSize = 3;
const categoryPageOrder = (slug: string) =>
  allPages(async (page) => (await getCategoryPage(t.prisma, slug, { page, pageSize }))?.products);
const regionPageOrder = (slug: string) =>
  allPages(async (page) => (await getRegionPage(t.prisma, slug, { page, pageSize }))?.products);

/** No product's copies differ from what the joins say (a check of every row, listed or not). */
async function staleCopies() {
  const { rows } = await t.database.sql.query<{ slug: string }>(
    `SELECT p."slug" FROM "Product" p
     JOIN "Cooperative" c ON c."id" = p."cooperativeId"
     JOIN "County" k ON k."id" = c."countyId"
     JOIN "PairedRegion" r ON r."id" = k."regionId"
     WHERE p."listRegionOrder" IS DISTINCT FROM r."sortOrder" OR p."listCooperativeSlug" IS DISTINCT FROM c."slug"`,
  );
  return rows.map((row) => row.slug);
}

describe("the browse pages' list order", () => {
  it("is the joined sort's after every insert, move, rename and reorder", async () => {
    const east = await upsertRegion(t.prisma, { slug: "lo-east", sortOrder: 1 });
    const west = await upsertRegion(t.prisma, { slug: "lo-west", sortOrder: 2 });
    const eastCounty = await upsertCounty(t.prisma, { slug: "lo-east-county", regionId: east.id });
    const westCounty = await upsertCounty(t.prisma, { slug: "lo-west-county", regionId: west.id });
    const otherWestCounty = await upsertCounty(t.prisma, { slug: "lo-west-county-2", regionId: west.id });
    const otherEastCounty = await upsertCounty(t.prisma, { slug: "lo-east-county-2", regionId: east.id });
    const coop = async (slug: string, countyId: string) => upsertCooperative(t.prisma, { slug, countyId });
    const bees = await coop("lo-bees", westCounty.id);
    const mill = await coop("lo-mill", eastCounty.id);
    const tea = await coop("lo-tea", otherWestCounty.id);
    const apple = await coop("lo-apple", eastCounty.id);
    const nuts = await coop("lo-nuts", otherEastCounty.id);
    const category = await upsertCategory(t.prisma, { slug: "lo-category" });
    const elsewhere = await upsertCategory(t.prisma, { slug: "lo-elsewhere" });
    const product = (slug: string, cooperativeId: string, status: "LISTED" | "DRAFT" = "LISTED") =>
      upsertProduct(t.prisma, { slug, cooperativeId, categoryId: category.id, status });
    // Product slugs that sort against their cooperatives' order, so only the copies order them.
    await product("lo-1-honey", bees.id);
    await product("lo-2-wax", bees.id);
    const flour = await product("lo-3-flour", mill.id);
    await product("lo-4-bran", mill.id);
    await product("lo-5-green", tea.id);
    await product("lo-6-black", tea.id, "DRAFT");
    await product("lo-7-cider", apple.id);
    await product("lo-9-almond", nuts.id);
    await upsertProduct(t.prisma, { slug: "lo-8-jam", cooperativeId: apple.id, categoryId: elsewhere.id });

    const orders: string[][] = [];
    async function expectJoinedOrder() {
      const shown = await categoryPageOrder(category.slug);
      expect(shown).toEqual(await joinedCategoryOrder(category.id));
      expect(await regionPageOrder(west.slug)).toEqual(await joinedRegionOrder(west.id));
      expect(await regionPageOrder(east.slug)).toEqual(await joinedRegionOrder(east.id));
      expect(await staleCopies()).toEqual([]);
      // Every step below changes the order: a step whose trigger is missing fails here or above.
      expect(orders).not.toContainEqual(shown);
      orders.push(shown);
    }

    // Inserted: east (apple, mill, nuts) before west (bees, tea); a draft and another category's goods left out.
    await expectJoinedOrder();
    expect(orders[0]).toEqual([
      "lo-7-cider",
      "lo-3-flour",
      "lo-4-bran",
      "lo-9-almond",
      "lo-1-honey",
      "lo-2-wax",
      "lo-5-green",
    ]);

    // A product moved to another cooperative (in the other region).
    await t.prisma.product.update({ where: { id: flour.id }, data: { cooperativeId: tea.id } });
    await expectJoinedOrder();

    // A cooperative renamed: its slug now sorts after the others of its region.
    await t.prisma.cooperative.update({ where: { id: apple.id }, data: { slug: "lo-zucchini" } });
    await expectJoinedOrder();

    // A cooperative moved to a county of the other region.
    await t.prisma.cooperative.update({ where: { id: bees.id }, data: { countyId: eastCounty.id } });
    await expectJoinedOrder();

    // A county moved to the other region (its cooperatives' goods with it): only nuts stay east.
    await t.prisma.county.update({ where: { id: eastCounty.id }, data: { regionId: west.id } });
    await expectJoinedOrder();

    // The regions' order changed: west now first.
    await t.prisma.pairedRegion.update({ where: { id: west.id }, data: { sortOrder: 0 } });
    await expectJoinedOrder();
    expect(orders.at(-1)).toEqual([
      "lo-1-honey",
      "lo-2-wax",
      "lo-4-bran",
      "lo-3-flour",
      "lo-5-green",
      "lo-7-cider",
      "lo-9-almond",
    ]);

    // Writes that change nothing the order depends on (the seed's upserts write every column).
    const before = orders.at(-1);
    await upsertCooperative(t.prisma, { slug: "lo-mill", countyId: eastCounty.id });
    await upsertProduct(t.prisma, { slug: "lo-4-bran", cooperativeId: mill.id, categoryId: category.id });
    await t.prisma.pairedRegion.update({ where: { id: east.id }, data: { nameEn: "East, renamed" } });
    expect(await categoryPageOrder(category.slug)).toEqual(before);
    expect(await staleCopies()).toEqual([]);
  });

  it("rolls back with the transaction that changed it", async () => {
    const region = await upsertRegion(t.prisma, { slug: "lo-rollback-region", sortOrder: 5 });
    const other = await upsertRegion(t.prisma, { slug: "lo-rollback-other", sortOrder: 6 });
    const county = await upsertCounty(t.prisma, { slug: "lo-rollback-county", regionId: region.id });
    const first = await upsertCooperative(t.prisma, { slug: "lo-rollback-a", countyId: county.id });
    const second = await upsertCooperative(t.prisma, { slug: "lo-rollback-b", countyId: county.id });
    const category = await upsertCategory(t.prisma, { slug: "lo-rollback-category" });
    const goods = await upsertProduct(t.prisma, {
      slug: "lo-rollback-2",
      cooperativeId: first.id,
      categoryId: category.id,
    });
    await upsertProduct(t.prisma, { slug: "lo-rollback-1", cooperativeId: second.id, categoryId: category.id });
    const shown = await categoryPageOrder(category.slug);
    expect(shown).toEqual(["lo-rollback-2", "lo-rollback-1"]);

    await expect(
      t.prisma.$transaction(async (tx) => {
        await tx.cooperative.update({ where: { id: first.id }, data: { slug: "lo-rollback-z" } });
        await tx.product.update({ where: { id: goods.id }, data: { cooperativeId: second.id } });
        await tx.county.update({ where: { id: county.id }, data: { regionId: other.id } });
        await tx.pairedRegion.update({ where: { id: region.id }, data: { sortOrder: 7 } });
        throw new Error("abandoned");
      }),
    ).rejects.toThrow("abandoned");
    expect(await categoryPageOrder(category.slug)).toEqual(shown);
    expect(await joinedCategoryOrder(category.id)).toEqual(shown);
    expect(await staleCopies()).toEqual([]);
  });

  it("still refuses a product of an unknown cooperative as a foreign-key violation", async () => {
    // The BEFORE trigger finds no cooperative and raises what the foreign key would have raised
    // (otherwise the writer would see a NULL in a column it never named).
    const category = await upsertCategory(t.prisma, { slug: "lo-fk-category" });
    const error: unknown = await t.prisma.product
      .create({
        data: {
          slug: "lo-fk-orphan",
          cooperativeId: "no-such-cooperative",
          categoryId: category.id,
          nameZh: "孤儿",
          nameEn: "Orphan",
          unitZh: "件",
          unitEn: "piece",
          priceFen: 100,
        },
      })
      .catch((e: unknown) => e);
    // PrismaPg reports it as P2003, PGlite's adapter as the driver's error: the same SQLSTATE and constraint.
    const reported = error as { code?: string; meta?: { driverAdapterError?: { cause?: object } }; cause?: object };
    if (reported.code !== undefined) expect(reported.code).toBe("P2003");
    const cause = JSON.stringify(reported.meta?.driverAdapterError?.cause ?? reported.cause);
    expect(cause).toContain("23503");
    expect(cause).toContain("Product_cooperativeId_fkey");
  });
});
