/**
 * Each catalogue page is read in a fixed number of database round trips, however many images,
 * partners, places and goods it shows (docs/decisions/009-catalogue-queries.md): the product and
 * category pages in one statement, the region, county and cooperative pages in two (the place,
 * then its page of goods with their cards), the home page in one. Counted as the SQL statements sent, on the embedded
 * engine (or TEST_DATABASE_URL's server).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  upsertCategory,
  upsertCooperative,
  upsertCounty,
  upsertOrganisation,
  upsertPartnership,
  upsertProduct,
  upsertRegion,
} from "../../prisma/factories";
import type { Database } from "~/utils/db.server";
import { countRoundTrips } from "~/utils/round-trips.server";
import { getCategoryPage, getCooperativePage, getCountyPage, getProductPage, getRegionPage } from "./browse.server";
import { getHomePage } from "./catalog.server";
import { openTestDatabase } from "../../tests/support/database";

const ROUND_TRIPS = { product: 1, category: 1, cooperative: 2, county: 2, region: 2, home: 1 } as const;

let opened: { database: Database; dispose(): Promise<void> };
let counted: Database;
const slugs = { region: "", county: "", cooperative: "", category: "", product: "" };

beforeAll(async () => {
  opened = await openTestDatabase({ logQueries: true });
  const prisma = opened.database.prisma;
  // Two counties, three cooperatives, partners at both levels, images and many goods: every
  // relation a page shows has more than one row, so a per-row query would show in the count.
  const region = await upsertRegion(prisma);
  const counties = [
    await upsertCounty(prisma, { regionId: region.id }),
    await upsertCounty(prisma, { regionId: region.id }),
  ];
  const categories = [await upsertCategory(prisma), await upsertCategory(prisma)];
  const cooperatives = [];
  for (const [i, county] of [counties[0]!, counties[0]!, counties[1]!].entries()) {
    const cooperative = await upsertCooperative(prisma, { countyId: county.id, boothNumber: `RT-${i}` });
    cooperatives.push(cooperative);
    for (let j = 0; j < 2; j++) {
      const org = await upsertOrganisation(prisma);
      await upsertPartnership(prisma, { organisationId: org.id, cooperativeId: cooperative.id, weight: 10 + j });
    }
    for (let j = 0; j < 6; j++) {
      await upsertProduct(prisma, { cooperativeId: cooperative.id, categoryId: categories[j % 2]!.id, stock: 10 + j });
    }
  }
  for (const county of counties) {
    const org = await upsertOrganisation(prisma);
    await upsertPartnership(prisma, { organisationId: org.id, countyId: county.id, weight: 50 });
  }
  const product = await prisma.product.findFirstOrThrow({ where: { cooperativeId: cooperatives[0]!.id } });
  await prisma.productImage.createMany({
    data: [0, 1, 2].map((sortOrder) => ({ productId: product.id, url: `/images/rt-${sortOrder}.svg`, sortOrder })),
  });
  Object.assign(slugs, {
    region: region.slug,
    county: counties[0]!.slug,
    cooperative: cooperatives[0]!.slug,
    category: categories[0]!.slug,
    product: product.slug,
  });
  counted = opened.database;
});

afterAll(async () => {
  await opened?.dispose();
});

describe("catalogue pages", () => {
  const pages = {
    product: () => getProductPage(counted.prisma, slugs.product),
    category: () => getCategoryPage(counted.prisma, slugs.category, { pageSize: 4 }),
    cooperative: () => getCooperativePage(counted.prisma, slugs.cooperative, { pageSize: 4 }),
    county: () => getCountyPage(counted.prisma, slugs.county, { pageSize: 4 }),
    region: () => getRegionPage(counted.prisma, slugs.region, { pageSize: 4 }),
    home: () => getHomePage(counted.prisma),
  };

  for (const [name, load] of Object.entries(pages)) {
    const budget = ROUND_TRIPS[name as keyof typeof pages];
    it(`reads the ${name} page in ${budget} round trip(s)`, async () => {
      let page: unknown;
      const trips = await countRoundTrips(counted.prisma, async () => {
        page = await load();
      });
      expect(page).not.toBeNull();
      expect(trips).toBe(budget);
    });
  }
});
