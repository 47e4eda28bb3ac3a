/** Seeds the demo fair from prisma/demo-data.ts through the shared factories. Idempotent. */
import type { PrismaClient } from "../app/generated/prisma/client";
import * as demo from "./demo-data";
import {
  upsertCategory,
  upsertFair,
  upsertCooperative,
  upsertCounty,
  upsertOrganisation,
  upsertPartnership,
  upsertProduct,
  upsertRegion,
} from "./factories";

function lookup<T extends { slug: string; id: string }>(rows: T[], kind: string) {
  const bySlug = new Map(rows.map((r) => [r.slug, r.id]));
  return (slug: string) => {
    const id = bySlug.get(slug);
    if (!id) throw new Error(`demo data: unknown ${kind} "${slug}"`);
    return id;
  };
}

export async function seedDemoFair(prisma: PrismaClient) {
  await upsertFair(prisma, demo.fair);
  const regions = [];
  for (const [index, r] of demo.regions.entries()) regions.push(await upsertRegion(prisma, { ...r, sortOrder: index }));
  const regionId = lookup(regions, "region");

  const counties = [];
  for (const { regionSlug, ...c } of demo.counties)
    counties.push(await upsertCounty(prisma, { ...c, regionId: regionId(regionSlug) }));
  const countyId = lookup(counties, "county");

  const cooperatives = [];
  for (const { countySlug, ...c } of demo.cooperatives)
    cooperatives.push(await upsertCooperative(prisma, { ...c, countyId: countyId(countySlug) }));
  const cooperativeId = lookup(cooperatives, "cooperative");

  const organisations = [];
  for (const o of demo.organisations) organisations.push(await upsertOrganisation(prisma, o));
  const organisationId = lookup(organisations, "organisation");

  for (const p of demo.partnerships) {
    await upsertPartnership(prisma, {
      organisationId: organisationId(p.organisationSlug),
      cooperativeId: p.cooperativeSlug ? cooperativeId(p.cooperativeSlug) : undefined,
      countyId: p.countySlug ? countyId(p.countySlug) : undefined,
      weight: p.weight,
    });
  }

  const categories = [];
  for (const [index, c] of demo.categories.entries())
    categories.push(await upsertCategory(prisma, { ...c, sortOrder: index }));
  const categoryId = lookup(categories, "category");

  for (const { cooperativeSlug, categorySlug, ...p } of demo.products) {
    await upsertProduct(prisma, {
      ...p,
      cooperativeId: cooperativeId(cooperativeSlug),
      categoryId: categoryId(categorySlug),
      status: "LISTED",
    });
  }
  return {
    regions: regions.length,
    counties: counties.length,
    cooperatives: cooperatives.length,
    organisations: organisations.length,
    partnerships: demo.partnerships.length,
    categories: categories.length,
    products: demo.products.length,
  };
}
