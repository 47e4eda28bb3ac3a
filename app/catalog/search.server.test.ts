import { beforeAll, describe, expect, it } from "vitest";
import { upsertCategory, upsertCooperative, upsertCounty, upsertProduct, upsertRegion } from "../../prisma/factories";
import { withTestDatabase } from "../../tests/support/database";
import { parseSearchParams, type SearchQuery } from "~/catalog/search-schema";
import { englishStem, literalRegex, searchProducts, searchTerms } from "./search.server";

const t = withTestDatabase();

const TODAY = "2026-11-28";
const cert = (serial: number, validUntil = "2027-12-31") => ({
  number: `TEST-${serial}`,
  body: "测试认定机构",
  validFrom: "2025-01-01",
  validUntil,
});

/** Searches as the route does: from a URL query string. */
async function search(queryString: string, options: { locale?: "zh" | "en"; pageSize?: number } = {}) {
  return searchProducts(t.prisma, parseSearchParams(new URLSearchParams(queryString)), { today: TODAY, ...options });
}
const slugs = (result: { products: { slug: string }[] }) => result.products.map((p) => p.slug);

beforeAll(async () => {
  const yunnan = await upsertRegion(t.prisma, { slug: "yunnan", nameZh: "云南", nameEn: "Yunnan", sortOrder: 0 });
  const kashgar = await upsertRegion(t.prisma, {
    slug: "xinjiang-kashgar",
    nameZh: "新疆喀什",
    nameEn: "Xinjiang Kashgar",
    sortOrder: 1,
  });
  const lancang = await upsertCounty(t.prisma, {
    slug: "lancang",
    regionId: yunnan.id,
    nameZh: "澜沧县",
    nameEn: "Lancang County",
  });
  const longyang = await upsertCounty(t.prisma, {
    slug: "longyang",
    regionId: yunnan.id,
    nameZh: "隆阳区",
    nameEn: "Longyang District",
  });
  const shache = await upsertCounty(t.prisma, {
    slug: "shache",
    regionId: kashgar.id,
    nameZh: "莎车县",
    nameEn: "Shache County",
  });
  const teaCoop = await upsertCooperative(t.prisma, {
    slug: "jingmai-tea",
    countyId: lancang.id,
    nameZh: "景迈山古茶专业合作社",
    nameEn: "Jingmai Mountain Ancient Tea Cooperative",
  });
  const coffeeCoop = await upsertCooperative(t.prisma, {
    slug: "lujiangba-coffee",
    countyId: longyang.id,
    nameZh: "潞江坝咖啡合作社",
    nameEn: "Lujiangba Coffee Cooperative",
  });
  const nutCoop = await upsertCooperative(t.prisma, {
    slug: "shache-nuts",
    countyId: shache.id,
    nameZh: "莎车巴旦木合作社",
    nameEn: "Shache Almond Cooperative",
  });
  const tea = await upsertCategory(t.prisma, { slug: "tea", nameZh: "茶叶", nameEn: "Tea", sortOrder: 0 });
  const coffee = await upsertCategory(t.prisma, { slug: "coffee", nameZh: "咖啡", nameEn: "Coffee", sortOrder: 1 });
  const fruit = await upsertCategory(t.prisma, { slug: "fruit", nameZh: "干果", nameEn: "Dried fruit", sortOrder: 2 });

  // Created one by one, so "newest" is the reverse of this order.
  const products = [
    {
      slug: "puer-raw",
      cooperativeId: teaCoop.id,
      categoryId: tea.id,
      nameZh: "普洱生茶饼",
      nameEn: "Pu'er raw tea cake",
      priceFen: 26800,
      certificate: cert(1),
    },
    {
      slug: "puer-ripe",
      cooperativeId: teaCoop.id,
      categoryId: tea.id,
      nameZh: "普洱熟茶",
      nameEn: "Pu'er ripe tea",
      priceFen: 19800,
      certificate: cert(2),
    },
    {
      slug: "dianhong",
      cooperativeId: teaCoop.id,
      categoryId: tea.id,
      nameZh: "景迈山滇红",
      nameEn: "Jingmai Dianhong black tea",
      priceFen: 15800,
      certificate: cert(3, "2026-06-30"),
    },
    {
      slug: "coffee-beans",
      cooperativeId: coffeeCoop.id,
      categoryId: coffee.id,
      nameZh: "保山小粒咖啡豆",
      nameEn: "Baoshan Arabica COFFEE beans",
      priceFen: 9800,
      certificate: cert(4),
    },
    {
      slug: "drip-coffee",
      cooperativeId: coffeeCoop.id,
      categoryId: coffee.id,
      nameZh: "保山挂耳咖啡",
      nameEn: "Baoshan drip-bag coffee",
      priceFen: 4900,
      certificate: null,
    },
    {
      slug: "almonds",
      cooperativeId: nutCoop.id,
      categoryId: fruit.id,
      nameZh: "莎车巴旦木",
      nameEn: "Shache almonds",
      priceFen: 5800,
      certificate: cert(5),
    },
    {
      slug: "red-dates",
      cooperativeId: nutCoop.id,
      categoryId: fruit.id,
      nameZh: "若羌红枣",
      nameEn: "Red dates",
      priceFen: 3900,
      certificate: null,
    },
    {
      slug: "embroidered-bag",
      cooperativeId: nutCoop.id,
      categoryId: fruit.id,
      nameZh: "刺绣果干袋",
      nameEn: "Embroidered fruit bag",
      priceFen: 1990,
      certificate: null,
    },
    {
      slug: "percent",
      cooperativeId: nutCoop.id,
      categoryId: fruit.id,
      nameZh: "100%纯葡萄干",
      nameEn: "100% pure raisins",
      priceFen: 2500,
      certificate: null,
    },
    {
      slug: "underscore",
      cooperativeId: nutCoop.id,
      categoryId: fruit.id,
      nameZh: "杏干_特级",
      nameEn: "Apricots_grade A",
      priceFen: 3300,
      certificate: null,
    },
  ];
  for (const p of products) await upsertProduct(t.prisma, p);
  await upsertProduct(t.prisma, {
    slug: "puer-draft",
    cooperativeId: teaCoop.id,
    categoryId: tea.id,
    nameZh: "普洱草稿茶",
    status: "DRAFT",
  });
  await upsertProduct(t.prisma, {
    slug: "puer-retired",
    cooperativeId: teaCoop.id,
    categoryId: tea.id,
    nameZh: "普洱旧款茶",
    status: "RETIRED",
  });
});

describe("text search", () => {
  it("finds Chinese names by substring: 普洱 finds 普洱生茶饼 and 普洱熟茶 and nothing else", async () => {
    const result = await search("q=普洱");
    expect(slugs(result).sort()).toEqual(["puer-raw", "puer-ripe"]);
    expect(result.total).toBe(2);
    // Shorter of two names that both start with the text is the closer match.
    expect(slugs(result)).toEqual(["puer-ripe", "puer-raw"]);
    expect(slugs(await search("q=熟茶"))).toEqual(["puer-ripe"]);
  });

  it("never returns draft or retired products", async () => {
    const all = await search("");
    expect(all.total).toBe(10);
    expect(slugs(all)).not.toContain("puer-draft");
    expect(slugs(all)).not.toContain("puer-retired");
  });

  it("finds English names case-insensitively, at word starts", async () => {
    for (const q of ["coffee", "COFFEE", "Coffee", "coff"]) {
      expect(slugs(await search(`q=${q}`, { locale: "en" })).sort()).toEqual(["coffee-beans", "drip-coffee"]);
    }
    // "red" is the start of "Red dates", not the inside of "Embroidered".
    expect(slugs(await search("q=red", { locale: "en" }))).toEqual(["red-dates"]);
    // Apostrophes are optional: puer, pu'er and pu’er all find Pu'er.
    for (const q of ["puer", "pu'er", "PU’ER"]) {
      expect(slugs(await search(`q=${encodeURIComponent(q)}`, { locale: "en" })).sort()).toEqual([
        "puer-raw",
        "puer-ripe",
      ]);
    }
    // Singular and plural find each other.
    for (const q of ["raisin", "raisins", "RAISINS"]) expect(slugs(await search(`q=${q}`))).toEqual(["percent"]);
    expect(slugs(await search("q=apricots"))).toEqual(["underscore"]);
    // Full-width letters typed on a Chinese keyboard count as plain ones.
    expect(slugs(await search("q=ＣＯＦＦＥＥ")).sort()).toEqual(["coffee-beans", "drip-coffee"]);
  });

  it("requires every word, matched in any name", async () => {
    expect(slugs(await search("q=coffee+drip", { locale: "en" }))).toEqual(["drip-coffee"]);
    expect(slugs(await search("q=普洱 生茶"))).toEqual(["puer-raw"]);
    expect((await search("q=coffee+almond")).total).toBe(0);
  });

  it("matches the cooperative, county, region and category names too", async () => {
    expect(slugs(await search("q=景迈山")).sort()).toEqual(["dianhong", "puer-raw", "puer-ripe"]);
    expect(slugs(await search("q=莎车")).length).toBe(5);
    expect(slugs(await search("q=Lancang", { locale: "en" })).sort()).toEqual(["dianhong", "puer-raw", "puer-ripe"]);
    expect((await search("q=新疆")).total).toBe(5);
    expect(slugs(await search("q=茶叶")).sort()).toEqual(["dianhong", "puer-raw", "puer-ripe"]);
    // A product's own name ranks above a match on its cooperative's name.
    const ranked = slugs(await search("q=咖啡"));
    expect(ranked.slice(0, 2).sort()).toEqual(["coffee-beans", "drip-coffee"]);
  });

  it("matches % and _ literally, not as wildcards", async () => {
    expect(slugs(await search("q=%25"))).toEqual(["percent"]);
    expect(slugs(await search("q=100%25"))).toEqual(["percent"]);
    expect(slugs(await search("q=_"))).toEqual(["underscore"]);
    expect(slugs(await search("q=杏干_"))).toEqual(["underscore"]);
    expect((await search("q=%25%25")).total).toBe(0);
    expect((await search("q=普_")).total).toBe(0);
    expect((await search("q=.*")).total).toBe(0);
  });
});

describe("filters", () => {
  it("filters by region and by county", async () => {
    expect((await search("region=xinjiang-kashgar")).total).toBe(5);
    expect(slugs(await search("region=yunnan&county=longyang")).sort()).toEqual(["coffee-beans", "drip-coffee"]);
    expect(slugs(await search("county=lancang")).sort()).toEqual(["dianhong", "puer-raw", "puer-ripe"]);
  });

  it("filters by category", async () => {
    expect(slugs(await search("category=coffee")).sort()).toEqual(["coffee-beans", "drip-coffee"]);
    expect(slugs(await search("q=普洱&category=coffee"))).toEqual([]);
  });

  it("keeps only products whose certificate is valid today when certified=1", async () => {
    const certified = await search("certified=1");
    // The Dianhong certificate ran out on 2026-06-30; uncertified goods are out too.
    expect(slugs(certified).sort()).toEqual(["almonds", "coffee-beans", "puer-raw", "puer-ripe"]);
    expect((await search("certified=0")).total).toBe(10);
    // The cards agree: a lapsed certificate shows no certified badge.
    const dianhong = (await search("q=滇红")).products[0]!;
    expect(dianhong.certificateNumber).toBeNull();
  });

  it("filters a price range given in yuan, compared in fen, bounds included", async () => {
    expect(slugs(await search("min=49&max=98")).sort()).toEqual(["almonds", "coffee-beans", "drip-coffee"]);
    expect(slugs(await search("max=19.90"))).toEqual(["embroidered-bag"]);
    expect(slugs(await search("min=268"))).toEqual(["puer-raw"]);
    expect(slugs(await search("min=¥268.00"))).toEqual(["puer-raw"]);
    expect(slugs(await search("min=268.01"))).toEqual([]);
  });

  it("swaps a minimum above the maximum, with a note", async () => {
    const result = await search("min=98&max=49");
    expect(result.query.notes).toContain("priceSwapped");
    expect(result.query).toMatchObject({ minFen: 4900, maxFen: 9800 });
    expect(result.total).toBe(3);
  });

  it("combines filters with text", async () => {
    expect(slugs(await search("q=茶&region=yunnan&county=lancang&category=tea&certified=1&min=10&max=200"))).toEqual([
      "puer-ripe",
    ]);
  });
});

describe("sorting", () => {
  it("sorts by price both ways", async () => {
    const asc = await search("sort=price-asc");
    const prices = asc.products.map((p) => p.priceFen);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    expect(slugs(await search("sort=price-desc"))[0]).toBe("puer-raw");
  });

  it("sorts newest first by default without text, and by relevance with text", async () => {
    expect(slugs(await search(""))[0]).toBe("underscore");
    expect((await search("")).query.sort).toBe("newest");
    expect((await search("q=茶")).query.sort).toBe("relevance");
  });

  it("sorts by name in the page's language", async () => {
    const en = slugs(await search("sort=name", { locale: "en" }));
    expect(en.slice(0, 3)).toEqual(["percent", "underscore", "coffee-beans"]);
    // Pinyin (sheng before shu) where the server has ICU's zh collation; code points on PGlite.
    const zh = await search("q=普洱&sort=name");
    const expected = t.database.engine === "postgresql" ? ["普洱生茶饼", "普洱熟茶"] : ["普洱熟茶", "普洱生茶饼"];
    expect(zh.products.map((p) => p.nameZh)).toEqual(expected);
  });
});

describe("pagination", () => {
  it("counts everything and pages in the database", async () => {
    const first = await search("sort=price-asc", { pageSize: 4 });
    expect(first).toMatchObject({ total: 10, page: 1, pageCount: 3 });
    expect(first.products).toHaveLength(4);
    const last = await search("sort=price-asc&page=3", { pageSize: 4 });
    expect(last.products).toHaveLength(2);
    const all = [1, 2, 3].map((page) => search(`sort=price-asc&page=${page}`, { pageSize: 4 }));
    const seen = (await Promise.all(all)).flatMap(slugs);
    expect(new Set(seen).size).toBe(10);
  });

  it("clamps a page past the end to the last page, with a note", async () => {
    const result = await search("sort=price-asc&page=99", { pageSize: 4 });
    expect(result).toMatchObject({ page: 3, pageCount: 3 });
    expect(result.products).toHaveLength(2);
    expect(result.query.notes).toContain("pageClamped");
  });
});

describe("absurd input", () => {
  const absurd: [string, string][] = [
    ["negative page", "page=-3"],
    ["letters for a price", "min=abc&max=xyz"],
    ["unknown region", "region=unknown"],
    ["unknown county and category", "county=atlantis&category=spaceships"],
    ["SQL", `q=${encodeURIComponent("' OR 1=1 --")}`],
    ["SQL with a semicolon", `q=${encodeURIComponent(`"; DROP TABLE "Product"; --`)}`],
    ["markup", `q=${encodeURIComponent("<script>alert(1)</script>")}`],
    ["emoji", `q=${encodeURIComponent("🍵☕️👨‍👩‍👧")}`],
    ["only spaces", "q=%20%20%20"],
    ["NUL and control characters", "q=%00%01tea%1F"],
    ["regex syntax", `q=${encodeURIComponent("(((a+)+)+)$ [ \\ ^ | ? * { }")}`],
    ["2,000 characters", `q=${"茶".repeat(2000)}`],
    ["huge numbers", "page=99999999999999999999&min=1e400&max=999999999999"],
    ["unknown sort and certified", "sort=cheapest&certified=maybe"],
    ["repeated keys", "q=普洱&q=咖啡&page=2&page=x"],
    ["invalid percent-encoding", "q=%E4%B8&region=%ZZ"],
  ];
  it.each(absurd)("%s never throws and gives a page", async (_name, queryString) => {
    const result = await search(queryString);
    expect(result.page).toBeGreaterThanOrEqual(1);
    expect(result.pageCount).toBeGreaterThanOrEqual(1);
    expect(Array.isArray(result.products)).toBe(true);
    expect(result.facets.regions.length).toBe(2);
  });

  it("ignores unknown filters with a note each, and still searches", async () => {
    const result = await search("q=普洱&region=atlantis&county=shache&category=nope");
    expect(result.query.notes).toEqual(expect.arrayContaining(["regionUnknown", "categoryUnknown"]));
    expect(result.query).toMatchObject({ region: undefined, county: "shache", category: undefined });
    expect(result.total).toBe(0);
  });

  it("ignores a county outside the chosen region", async () => {
    const result = await search("region=yunnan&county=shache");
    expect(result.query.notes).toContain("countyOutsideRegion");
    expect(result.query.county).toBeUndefined();
    expect(result.total).toBe(5);
  });

  it("treats SQL and markup as text to look for", async () => {
    expect((await search(`q=${encodeURIComponent("' OR 1=1 --")}`)).total).toBe(0);
    expect((await search(`q=${encodeURIComponent("<script>")}`)).total).toBe(0);
    expect(await t.prisma.product.count()).toBe(12);
  });

  it("shortens a 2,000-character query to 100 characters, with a note", async () => {
    const result = await search(`q=${"a".repeat(2000)}`);
    expect(result.query.q).toHaveLength(100);
    expect(result.query.notes).toContain("qTooLong");
  });
});

describe("search helpers", () => {
  it("splits words, drops apostrophes and duplicates", () => {
    expect(searchTerms("Pu'er  tea tea")).toEqual(["Puer", "tea"]);
    expect(searchTerms("")).toEqual([]);
  });

  it("stems English plurals and a final -y, and nothing else", () => {
    expect(
      ["walnuts", "berries", "berry", "boxes", "tomatoes", "embroidery", "oranges", "grass", "tea", "yak", "普洱"].map(
        englishStem,
      ),
    ).toEqual(["walnut", "berr", "berr", "box", "tomato", "embroider", "orange", "grass", "tea", "yak", "普洱"]);
  });

  it("escapes every regex character", () => {
    expect(literalRegex("a.b*c(d)[e]{f}|g^h$i\\j?k+l%m_n")).toBe(
      "a\\.b\\*c\\(d\\)\\[e\\]\\{f\\}\\|g\\^h\\$i\\\\j\\?k\\+l\\%m\\_n",
    );
    expect(literalRegex("普洱🍵")).toBe("普洱🍵");
  });

  it("parses every URL the page can build back to the same query", () => {
    const query: SearchQuery = parseSearchParams(new URLSearchParams("q=茶&region=yunnan&min=10.5&max=200&page=2"));
    expect(query).toMatchObject({ q: "茶", region: "yunnan", minFen: 1050, maxFen: 20000, page: 2, notes: [] });
  });
});
