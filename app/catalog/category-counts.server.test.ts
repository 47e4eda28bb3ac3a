/**
 * The listed-goods count of every category (CategoryListedCount, kept by a trigger on Product)
 * always equals counting the products, whatever is listed, unlisted, moved, deleted or sold.
 */
import { describe, expect, it } from "vitest";
import { upsertCategory, upsertCooperative, upsertProduct } from "../../prisma/factories";
import { withTestDatabase } from "../../tests/support/database";
import { categoriesWithCounts } from "./catalog.server";

const t = withTestDatabase();

async function shownAndCounted() {
  const shown = Object.fromEntries(
    (await categoriesWithCounts(t.prisma, { orderBy: "slug" })).map((c) => [c.slug, c.productCount]),
  );
  const categories = await t.prisma.category.findMany({
    select: { slug: true, _count: { select: { products: { where: { status: "LISTED" } } } } },
  });
  return { shown, counted: Object.fromEntries(categories.map((c) => [c.slug, c._count.products])) };
}

describe("categories' listed counts", () => {
  it("follow every change of a product's status or category, and nothing else", async () => {
    const tea = await upsertCategory(t.prisma, { slug: "count-tea" });
    const crafts = await upsertCategory(t.prisma, { slug: "count-crafts" });
    await upsertCategory(t.prisma, { slug: "count-empty" });
    const coop = await upsertCooperative(t.prisma);
    const products = [];
    for (let i = 0; i < 5; i++) {
      products.push(
        await upsertProduct(t.prisma, {
          slug: `count-${i}`,
          cooperativeId: coop.id,
          categoryId: i < 3 ? tea.id : crafts.id,
          status: i === 4 ? "DRAFT" : "LISTED",
        }),
      );
    }
    let { shown, counted } = await shownAndCounted();
    expect(shown).toMatchObject({ "count-tea": 3, "count-crafts": 1, "count-empty": 0 });
    expect(shown).toEqual(counted);

    const [a, b, c, d, e] = products as [(typeof products)[0], ...typeof products];
    await t.prisma.product.update({ where: { id: a.id }, data: { status: "RETIRED" } }); // unlisted
    await t.prisma.product.update({ where: { id: e!.id }, data: { status: "LISTED" } }); // listed
    await t.prisma.product.update({ where: { id: b!.id }, data: { categoryId: crafts.id } }); // moved
    await t.prisma.product.update({ where: { id: c!.id }, data: { stock: { decrement: 1 }, priceFen: 999 } }); // sold
    await t.prisma.product.update({ where: { id: d!.id }, data: { status: "LISTED" } }); // unchanged
    await t.prisma.product.updateMany({ where: { id: { in: [a.id, d!.id] } }, data: { status: "DRAFT" } });
    await t.prisma.product.delete({ where: { id: c!.id } });
    ({ shown, counted } = await shownAndCounted());
    expect(shown).toMatchObject({ "count-tea": 0, "count-crafts": 2, "count-empty": 0 });
    expect(shown).toEqual(counted);
  });

  it("roll back with the transaction that changed them", async () => {
    const category = await upsertCategory(t.prisma, { slug: "count-rollback" });
    const product = await upsertProduct(t.prisma, { categoryId: category.id, status: "LISTED" });
    await expect(
      t.prisma.$transaction(async (tx) => {
        await tx.product.update({ where: { id: product.id }, data: { status: "RETIRED" } });
        throw new Error("abandoned");
      }),
    ).rejects.toThrow("abandoned");
    const { shown, counted } = await shownAndCounted();
    expect(shown["count-rollback"]).toBe(1);
    expect(shown).toEqual(counted);
  });
});
