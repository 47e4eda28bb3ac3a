import { describe, expect, it } from "vitest";
import {
  upsertCategory,
  upsertCooperative,
  upsertCounty,
  upsertOrganisation,
  upsertPartnership,
  upsertProduct,
  upsertRegion,
} from "../../prisma/factories";
import { withTestDatabase } from "../../tests/support/database";
import { productJsonLd, sitemapXml } from "~/utils/seo";
import {
  getCategoryPage,
  getCooperativePage,
  getCountyPage,
  getProductPage,
  getRegionPage,
  getSitemapEntries,
} from "./browse.server";
import { certificationOf, stockState } from "./catalog.server";
import { shanghaiToday } from "~/utils/shanghai-time";

const t = withTestDatabase();

const certificate = {
  number: "",
  body: "上海市对口支援地区扶贫产品认定工作组",
  validFrom: "2025-04-01",
  validUntil: "2027-03-31",
};
let serial = 0;
const certificateFor = (validFrom: string, validUntil: string) => ({
  ...certificate,
  number: `SH-FP-TEST-${serial++}`,
  validFrom,
  validUntil,
});

/** A region → county → cooperative chain to hang products and partners on. */
async function place({ countyPartners = 0, cooperativePartners = 0 } = {}) {
  const region = await upsertRegion(t.prisma);
  const county = await upsertCounty(t.prisma, { regionId: region.id, isKeyCounty: true });
  const cooperative = await upsertCooperative(t.prisma, {
    countyId: county.id,
    linkageType: "WAGE",
    householdsLinked: 156,
    boothNumber: `B-${serial++}`,
  });
  const countyOrgs = [];
  for (let i = 0; i < countyPartners; i++) {
    const org = await upsertOrganisation(t.prisma, { kind: "DISTRICT_GOVERNMENT" });
    await upsertPartnership(t.prisma, { organisationId: org.id, countyId: county.id, weight: 100 });
    countyOrgs.push(org);
  }
  const cooperativeOrgs = [];
  for (let i = 0; i < cooperativePartners; i++) {
    const org = await upsertOrganisation(t.prisma, { kind: "VOLUNTEER_GROUP" });
    await upsertPartnership(t.prisma, {
      organisationId: org.id,
      cooperativeId: cooperative.id,
      weight: i === 0 ? 60 : 40,
    });
    cooperativeOrgs.push(org);
  }
  return { region, county, cooperative, countyOrgs, cooperativeOrgs };
}

describe("stock state", () => {
  it("is sold out at 0, few left from 1 to 5, in stock from 6", () => {
    expect(stockState(0)).toBe("SOLD_OUT");
    expect(stockState(1)).toBe("FEW_LEFT");
    expect(stockState(5)).toBe("FEW_LEFT");
    expect(stockState(6)).toBe("IN_STOCK");
  });
});

describe("certification", () => {
  const row = (from: string, until: string) => ({
    certificateNumber: "SH-FP-2025-00101",
    certifyingBody: "认定机构",
    certifiedFrom: new Date(`${from}T00:00:00Z`),
    certifiedUntil: new Date(`${until}T00:00:00Z`),
  });

  it("is valid from its first to its last day inclusive, then expired; pending before it starts", () => {
    const cert = row("2025-04-01", "2027-03-31");
    expect(certificationOf(cert, "2025-03-31").status).toBe("pending");
    expect(certificationOf(cert, "2025-04-01").status).toBe("valid");
    expect(certificationOf(cert, "2027-03-31")).toEqual({
      status: "valid",
      number: "SH-FP-2025-00101",
      body: "认定机构",
      validFrom: "2025-04-01",
      validUntil: "2027-03-31",
    });
    expect(certificationOf(cert, "2027-04-01").status).toBe("expired");
    expect(
      certificationOf({ certificateNumber: null, certifiedFrom: null, certifiedUntil: null }, "2026-01-01"),
    ).toEqual({ status: "none" });
  });

  it("judges the day by Shanghai's calendar, not UTC's", () => {
    // 16:30 UTC on 31 March is already 1 April in Shanghai.
    expect(shanghaiToday(new Date("2027-03-31T16:30:00Z"))).toBe("2027-04-01");
    expect(shanghaiToday(new Date("2027-03-31T15:59:00Z"))).toBe("2027-03-31");
  });
});

describe("product page", () => {
  it("shows a listed product with its provenance, and hides drafts and retired goods", async () => {
    const { region, county, cooperative } = await place();
    const category = await upsertCategory(t.prisma);
    const listed = await upsertProduct(t.prisma, {
      cooperativeId: cooperative.id,
      categoryId: category.id,
      priceFen: 36800,
      stock: 42,
      certificate: certificateFor("2025-04-01", "2027-03-31"),
    });
    const draft = await upsertProduct(t.prisma, { cooperativeId: cooperative.id, status: "DRAFT" });
    const retired = await upsertProduct(t.prisma, { cooperativeId: cooperative.id, status: "RETIRED" });

    expect(await getProductPage(t.prisma, draft.slug)).toBeNull();
    expect(await getProductPage(t.prisma, retired.slug)).toBeNull();
    expect(await getProductPage(t.prisma, "no-such-product")).toBeNull();

    const page = await getProductPage(t.prisma, listed.slug, { now: new Date("2026-11-28T08:00:00Z") });
    expect(page).not.toBeNull();
    expect(page!.product).toMatchObject({
      id: listed.id,
      priceFen: 36800,
      stockState: "IN_STOCK",
      certification: { status: "valid", validFrom: "2025-04-01", validUntil: "2027-03-31" },
      category: { slug: category.slug },
      cooperative: {
        slug: cooperative.slug,
        linkageType: "WAGE",
        householdsLinked: 156,
        county: { slug: county.slug, isKeyCounty: true, region: { slug: region.slug } },
      },
    });
    expect(page!.product.images[0]!.url).toBe(`/images/products/${listed.slug}.svg`);
    // Neither drafts nor retired goods are suggested as "more from this cooperative".
    expect(page!.moreFromCooperative).toEqual([]);
  });

  it("says an expired certificate has expired, and the few-left and sold-out states", async () => {
    const { cooperative } = await place();
    const expired = await upsertProduct(t.prisma, {
      cooperativeId: cooperative.id,
      stock: 5,
      certificate: certificateFor("2024-06-20", "2026-06-19"),
    });
    const soldOut = await upsertProduct(t.prisma, { cooperativeId: cooperative.id, stock: 0 });
    const now = { now: new Date("2026-11-28T08:00:00Z") };

    const page = await getProductPage(t.prisma, expired.slug, now);
    expect(page!.product.certification).toMatchObject({ status: "expired", validUntil: "2026-06-19" });
    expect(page!.product.stockState).toBe("FEW_LEFT");
    // Its sibling's card does not claim a certificate it does not have.
    const sibling = (await getProductPage(t.prisma, soldOut.slug, now))!;
    expect(sibling.product.stockState).toBe("SOLD_OUT");
    expect(sibling.product.certification).toEqual({ status: "none" });
    expect(sibling.moreFromCooperative.map((p) => [p.slug, p.certificateNumber])).toEqual([[expired.slug, null]]);
  });

  it("credits the cooperative's own partners, by weight", async () => {
    const { cooperative, cooperativeOrgs } = await place({ countyPartners: 1, cooperativePartners: 2 });
    const product = await upsertProduct(t.prisma, { cooperativeId: cooperative.id });
    const { partners } = (await getProductPage(t.prisma, product.slug))!;
    expect(partners.from).toBe("cooperative");
    expect(partners.list.map((p) => [p.slug, p.weight, p.share])).toEqual([
      [cooperativeOrgs[0]!.slug, 60, 0.6],
      [cooperativeOrgs[1]!.slug, 40, 0.4],
    ]);
  });

  it("falls back to the county's partners when the cooperative has none", async () => {
    const { cooperative, countyOrgs } = await place({ countyPartners: 1 });
    const product = await upsertProduct(t.prisma, { cooperativeId: cooperative.id });
    const { partners } = (await getProductPage(t.prisma, product.slug))!;
    expect(partners).toEqual({
      from: "county",
      list: [expect.objectContaining({ slug: countyOrgs[0]!.slug, kind: "DISTRICT_GOVERNMENT", share: 1 })],
    });

    const lonely = await place();
    const orphan = await upsertProduct(t.prisma, { cooperativeId: lonely.cooperative.id });
    expect((await getProductPage(t.prisma, orphan.slug))!.partners).toEqual({ from: "none", list: [] });
  });

  it("feeds JSON-LD an Offer whose availability follows the stock", async () => {
    const { cooperative } = await place();
    const inStock = await upsertProduct(t.prisma, { cooperativeId: cooperative.id, priceFen: 12800, stock: 3 });
    const soldOut = await upsertProduct(t.prisma, { cooperativeId: cooperative.id, priceFen: 5, stock: 0 });
    const ld = async (slug: string) => {
      const { product } = (await getProductPage(t.prisma, slug))!;
      return productJsonLd({
        url: `https://fair.example/products/${slug}`,
        name: product.nameZh,
        description: product.descriptionZh,
        images: [],
        sku: product.slug,
        category: product.category.nameZh,
        priceFen: product.priceFen,
        stock: product.stock,
        seller: { name: product.cooperative.nameZh, url: "https://fair.example/cooperatives/x" },
      }).offers;
    };
    expect(await ld(inStock.slug)).toMatchObject({
      price: "128.00",
      priceCurrency: "CNY",
      availability: "https://schema.org/InStock",
    });
    expect(await ld(soldOut.slug)).toMatchObject({ price: "0.05", availability: "https://schema.org/OutOfStock" });
  });
});

describe("cooperative page", () => {
  it("shows its linkage, households and booth, falls back to its county's partners, and lists only listed goods", async () => {
    const { cooperative, county, countyOrgs } = await place({ countyPartners: 2 });
    const listed = await upsertProduct(t.prisma, { cooperativeId: cooperative.id });
    await upsertProduct(t.prisma, { cooperativeId: cooperative.id, status: "DRAFT" });

    const page = (await getCooperativePage(t.prisma, cooperative.slug))!;
    expect(page.cooperative).toMatchObject({
      linkageType: "WAGE",
      householdsLinked: 156,
      boothNumber: cooperative.boothNumber,
      county: { slug: county.slug },
    });
    expect(page.partners.from).toBe("county");
    expect(page.partners.list.map((p) => p.slug).sort()).toEqual(countyOrgs.map((o) => o.slug).sort());
    expect(page.partners.list.map((p) => p.share)).toEqual([0.5, 0.5]);
    expect(page.products).toMatchObject({ total: 1, page: 1, pageCount: 1 });
    expect(page.products.items.map((p) => p.slug)).toEqual([listed.slug]);
    expect(await getCooperativePage(t.prisma, "no-such-cooperative")).toBeNull();
  });
});

describe("region and county pages", () => {
  it("list the counties, cooperatives, organisations paired there and listed goods", async () => {
    const { region, county, cooperative, countyOrgs, cooperativeOrgs } = await place({
      countyPartners: 1,
      cooperativePartners: 1,
    });
    const quiet = await upsertCounty(t.prisma, { regionId: region.id, isKeyCounty: false });
    const listed = await upsertProduct(t.prisma, { cooperativeId: cooperative.id });
    await upsertProduct(t.prisma, { cooperativeId: cooperative.id, status: "RETIRED" });
    // An organisation paired elsewhere does not show up here.
    const elsewhere = await place({ cooperativePartners: 1 });

    const regionPage = (await getRegionPage(t.prisma, region.slug))!;
    expect(regionPage.region.counties.map((c) => [c.slug, c.cooperatives.map((x) => x.slug)])).toEqual([
      [county.slug, [cooperative.slug]], // key counties first
      [quiet.slug, []],
    ]);
    expect(regionPage.products.items.map((p) => p.slug)).toEqual([listed.slug]);
    const organisations = regionPage.organisations.map((o) => [o.slug, o.pairedWith.map((w) => [w.kind, w.slug])]);
    expect(organisations).toEqual(
      expect.arrayContaining([
        [countyOrgs[0]!.slug, [["county", county.slug]]],
        [cooperativeOrgs[0]!.slug, [["cooperative", cooperative.slug]]],
      ]),
    );
    expect(organisations).toHaveLength(2);
    expect(organisations.flat(3)).not.toContain(elsewhere.cooperativeOrgs[0]!.slug);

    const countyPage = (await getCountyPage(t.prisma, county.slug))!;
    expect(countyPage.county).toMatchObject({ isKeyCounty: true, region: { slug: region.slug } });
    expect(countyPage.county.cooperatives).toEqual([
      expect.objectContaining({ slug: cooperative.slug, linkageType: "WAGE", _count: { products: 1 } }),
    ]);
    expect(countyPage.organisations).toHaveLength(2);
    expect(countyPage.products.total).toBe(1);

    expect(await getRegionPage(t.prisma, "no-such-region")).toBeNull();
    expect(await getCountyPage(t.prisma, "no-such-county")).toBeNull();
  });
});

describe("category page", () => {
  it("pages through a category's listed goods", async () => {
    const category = await upsertCategory(t.prisma);
    const { cooperative } = await place();
    for (let i = 0; i < 5; i++)
      await upsertProduct(t.prisma, { cooperativeId: cooperative.id, categoryId: category.id });
    await upsertProduct(t.prisma, { cooperativeId: cooperative.id, categoryId: category.id, status: "DRAFT" });

    const first = (await getCategoryPage(t.prisma, category.slug, { pageSize: 2 }))!;
    expect(first.products).toMatchObject({ total: 5, page: 1, pageCount: 3 });
    expect(first.products.items).toHaveLength(2);
    expect(first.categories.map((c) => c.slug)).toContain(category.slug);
    const last = (await getCategoryPage(t.prisma, category.slug, { page: 3, pageSize: 2 }))!;
    expect(last.products.items).toHaveLength(1);
    const seen = new Set(
      [
        ...first.products.items,
        ...(await getCategoryPage(t.prisma, category.slug, { page: 2, pageSize: 2 }))!.products.items,
        ...last.products.items,
      ].map((p) => p.slug),
    );
    expect(seen.size).toBe(5);
    expect(await getCategoryPage(t.prisma, "no-such-category")).toBeNull();
  });
});

describe("sitemap", () => {
  it("lists every public page, in both languages, and no unlisted product", async () => {
    const { region, county, cooperative } = await place();
    const category = await upsertCategory(t.prisma);
    const listed = await upsertProduct(t.prisma, { cooperativeId: cooperative.id, categoryId: category.id });
    const draft = await upsertProduct(t.prisma, { cooperativeId: cooperative.id, status: "DRAFT" });

    const entries = await getSitemapEntries(t.prisma);
    const paths = entries.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "/",
        `/regions/${region.slug}`,
        `/counties/${county.slug}`,
        `/cooperatives/${cooperative.slug}`,
        `/categories/${category.slug}`,
        `/products/${listed.slug}`,
      ]),
    );
    expect(paths).not.toContain(`/products/${draft.slug}`);
    expect(new Set(paths).size).toBe(paths.length);

    const xml = sitemapXml("https://fair.example", entries);
    expect(xml).toContain(`<loc>https://fair.example/products/${listed.slug}</loc>`);
    expect(xml).toContain(`<loc>https://fair.example/en/products/${listed.slug}</loc>`);
    expect(xml).toContain(`<loc>https://fair.example/en</loc>`);
    expect(xml.match(/<url>/g)).toHaveLength(entries.length * 2);
    expect(xml).not.toContain(draft.slug);
  });
});
