/**
 * A word's ranking is kept (prisma/migrations/20261207010000_search_results) and read by the next
 * search of the same words, only while "ProductSearch" has not changed since: the kept order is
 * always the order ranking again would give.
 */
import { describe, expect, it } from "vitest";
import { upsertProduct } from "../../prisma/factories";
import { withTestDatabase } from "../../tests/support/database";
import { parseSearchParams } from "./search-schema";
import { searchProducts } from "./search.server";

const t = withTestDatabase();
const PAGE_SIZE = 2;

const search = (params: Record<string, string>) =>
  searchProducts(t.prisma, parseSearchParams(new URLSearchParams(params)), { locale: "zh", pageSize: PAGE_SIZE });
const pageOf = async (q: string, page = 1) => (await search({ q, page: String(page) })).products.map((p) => p.slug);
const everyPage = async (q: string) => {
  const first = await search({ q });
  const slugs = first.products.map((p) => p.slug);
  for (let page = 2; page <= first.pageCount; page++) slugs.push(...(await pageOf(q, page)));
  return { total: first.total, slugs };
};
const kept = async () =>
  (
    await t.prisma.$queryRaw<{ key: string; ids: string[]; total: number }[]>`
      SELECT "key", "ids", "total" FROM "SearchResults" ORDER BY "key"`
  ).map((r) => ({ ...r, total: Number(r.total) }));
const version = async () =>
  Number((await t.prisma.$queryRaw<{ v: bigint }[]>`SELECT "version" AS v FROM "SearchResultsVersion"`)[0]!.v);
/** What ranking afresh gives: the same search with nothing kept. */
const fresh = async (q: string) => {
  await t.prisma.$executeRaw`DELETE FROM "SearchResults"`;
  return everyPage(q);
};

describe("a word's kept ranking", () => {
  it("is read by the next search of the words, until a product it ranks changes", async () => {
    const products = [];
    for (const n of [1, 2, 3, 4, 5])
      products.push(
        await upsertProduct(t.prisma, { slug: `lc-${n}`, nameZh: `澜沧茶${n}号`, status: "LISTED", stock: 5 }),
      );
    const ids = products.map((p) => p.id);

    expect(await everyPage("澜沧")).toEqual({ total: 5, slugs: ["lc-1", "lc-2", "lc-3", "lc-4", "lc-5"] });
    expect(await kept()).toEqual([{ key: `zh ${PAGE_SIZE} 澜沧`, ids, total: 5 }]);

    // The next search reads the kept order, not a new ranking: one written backwards shows backwards.
    await t.prisma.$executeRaw`UPDATE "SearchResults" SET "ids" = ${[...ids].reverse()}::text[]`;
    expect(await pageOf("澜沧")).toEqual(["lc-5", "lc-4"]);
    expect(await pageOf("澜沧", 3)).toEqual(["lc-1"]);

    // A price or stock change that leaves the product in stock changes no ranking: still kept.
    const before = await version();
    await t.prisma.product.update({ where: { id: ids[2] }, data: { priceFen: 1234, stock: 1 } });
    expect(await version()).toBe(before);
    expect(await pageOf("澜沧")).toEqual(["lc-5", "lc-4"]);

    // Selling out moves the product behind the goods in stock: ranked again, at once.
    await t.prisma.product.update({ where: { id: ids[0] }, data: { stock: 0 } });
    expect(await version()).toBe(before + 1);
    expect(await everyPage("澜沧")).toEqual({ total: 5, slugs: ["lc-2", "lc-3", "lc-4", "lc-5", "lc-1"] });
  });

  it("always equals ranking afresh after goods are listed, renamed, withdrawn or deleted", async () => {
    await upsertProduct(t.prisma, { slug: "mz-a", nameZh: "勐海普洱", status: "LISTED", stock: 3 });
    const b = await upsertProduct(t.prisma, { slug: "mz-b", nameZh: "勐海红茶礼盒", status: "LISTED", stock: 3 });
    await upsertProduct(t.prisma, { slug: "mz-c", nameZh: "云南勐海古树茶", status: "LISTED", stock: 3 });

    const changes: (() => Promise<unknown>)[] = [
      () => upsertProduct(t.prisma, { slug: "mz-d", nameZh: "勐海", status: "LISTED", stock: 1 }),
      () => t.prisma.product.update({ where: { id: b.id }, data: { nameZh: "勐海红" } }),
      () => t.prisma.product.update({ where: { slug: "mz-a" }, data: { status: "DRAFT" } }),
      () => t.prisma.product.delete({ where: { slug: "mz-d" } }),
    ];
    for (const change of changes) {
      await everyPage("勐海"); // kept
      await change();
      const afterChange = await everyPage("勐海");
      expect(afterChange).toEqual(await fresh("勐海"));
    }
    expect((await everyPage("勐海")).slugs).toEqual(["mz-b", "mz-c"]);
  });

  it("is kept only for the relevance order with no filter on the product's own columns", async () => {
    await upsertProduct(t.prisma, { slug: "ws-1", nameZh: "乌苏里鱼干", status: "LISTED", stock: 2, priceFen: 900 });
    await upsertProduct(t.prisma, { slug: "ws-2", nameZh: "乌苏里蜂蜜", status: "LISTED", stock: 2, priceFen: 100 });
    await t.prisma.$executeRaw`DELETE FROM "SearchResults"`;
    expect((await search({ q: "乌苏里", sort: "price-asc" })).products.map((p) => p.slug)).toEqual(["ws-2", "ws-1"]);
    expect((await search({ q: "乌苏里", max: "5" })).products.map((p) => p.slug)).toEqual(["ws-2"]);
    expect(await kept()).toEqual([]);
    await search({ q: "乌苏里" });
    expect((await kept()).map((r) => r.key)).toEqual([`zh ${PAGE_SIZE} 乌苏里`]);
  });

  it("drops rankings made at an older version when it keeps a new one", async () => {
    await upsertProduct(t.prisma, { slug: "dr-1", nameZh: "丹寨蜡染", status: "LISTED", stock: 2 });
    await t.prisma.$executeRaw`DELETE FROM "SearchResults"`;
    await search({ q: "丹寨" });
    await upsertProduct(t.prisma, { slug: "dr-2", nameZh: "丹寨硒锌米", status: "LISTED", stock: 2 });
    await search({ q: "蜡染" });
    expect((await kept()).map((r) => r.key)).toEqual([`zh ${PAGE_SIZE} 蜡染`]);
  });

  // Two sessions at once: only a PostgreSQL server has them (PGlite runs one transaction at a time).
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    "lets two checkouts that each sell out a product and then want the other's row both commit",
    async () => {
      const [x, y, z] = await Promise.all(
        ["dl-x", "dl-y", "dl-z"].map((slug) =>
          upsertProduct(t.prisma, { slug, nameZh: `死锁${slug}`, status: "LISTED", stock: 1 }),
        ),
      );
      await t.prisma.product.update({ where: { id: y!.id }, data: { stock: 5 } });
      const before = await version();
      let soldX!: () => void;
      let heldY!: () => void;
      const xSold = new Promise<void>((resolve) => (soldX = resolve));
      const yHeld = new Promise<void>((resolve) => (heldY = resolve));
      // One sells out X, then wants Y; the other holds Y, then sells out Z. Had selling out taken
      // the version's row at once, each would wait for the other (a deadlock, one checkout failed).
      const first = t.prisma.$transaction(async (tx) => {
        await tx.product.update({ where: { id: x!.id }, data: { stock: 0 } });
        soldX();
        await yHeld;
        await tx.product.update({ where: { id: y!.id }, data: { stock: { decrement: 1 } } });
      });
      const second = t.prisma.$transaction(async (tx) => {
        await xSold;
        await tx.product.update({ where: { id: y!.id }, data: { stock: { decrement: 1 } } });
        heldY();
        await tx.product.update({ where: { id: z!.id }, data: { stock: 0 } });
      });
      await expect(Promise.all([first, second])).resolves.toBeDefined();
      expect((await t.prisma.product.findUniqueOrThrow({ where: { id: y!.id } })).stock).toBe(3);
      expect(await version()).toBe(before + 2);
    },
  );
});
