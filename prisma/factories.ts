/**
 * Builders of catalogue records, shared by the demo seed and the tests. Each `upsert*` is
 * idempotent on the record's slug, so seeding twice changes nothing.
 */
import type { PrismaClient } from "../app/generated/prisma/client";
import type { LinkageType, OrganisationKind } from "./demo-data";

let sequence = 0;
const next = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(sequence++).toString(36)}`;

export interface RegionInput {
  slug?: string;
  nameZh?: string;
  nameEn?: string;
  descriptionZh?: string;
  descriptionEn?: string;
  sortOrder?: number;
}
export async function upsertRegion(prisma: PrismaClient, input: RegionInput = {}) {
  const slug = input.slug ?? next("region");
  const data = {
    nameZh: input.nameZh ?? `测试地区${slug}`,
    nameEn: input.nameEn ?? `Region ${slug}`,
    descriptionZh: input.descriptionZh ?? "",
    descriptionEn: input.descriptionEn ?? "",
    sortOrder: input.sortOrder ?? 0,
  };
  return prisma.pairedRegion.upsert({ where: { slug }, create: { slug, ...data }, update: data });
}

export interface CountyInput {
  slug?: string;
  regionId?: string;
  nameZh?: string;
  nameEn?: string;
  isKeyCounty?: boolean;
  descriptionZh?: string;
  descriptionEn?: string;
}
export async function upsertCounty(prisma: PrismaClient, input: CountyInput = {}) {
  const slug = input.slug ?? next("county");
  const regionId = input.regionId ?? (await upsertRegion(prisma)).id;
  const data = {
    regionId,
    nameZh: input.nameZh ?? `测试县${slug}`,
    nameEn: input.nameEn ?? `County ${slug}`,
    isKeyCounty: input.isKeyCounty ?? false,
    descriptionZh: input.descriptionZh ?? "",
    descriptionEn: input.descriptionEn ?? "",
  };
  return prisma.county.upsert({ where: { slug }, create: { slug, ...data }, update: data });
}

export interface CooperativeInput {
  slug?: string;
  countyId?: string;
  nameZh?: string;
  nameEn?: string;
  storyZh?: string;
  storyEn?: string;
  linkageType?: LinkageType;
  householdsLinked?: number;
  boothNumber?: string | null;
  contactName?: string;
  contactPhone?: string;
}
export async function upsertCooperative(prisma: PrismaClient, input: CooperativeInput = {}) {
  const slug = input.slug ?? next("coop");
  const countyId = input.countyId ?? (await upsertCounty(prisma)).id;
  const data = {
    countyId,
    nameZh: input.nameZh ?? `测试合作社${slug}`,
    nameEn: input.nameEn ?? `Cooperative ${slug}`,
    storyZh: input.storyZh ?? "",
    storyEn: input.storyEn ?? "",
    linkageType: input.linkageType ?? "OPERATING",
    householdsLinked: input.householdsLinked ?? 50,
    boothNumber: input.boothNumber ?? null,
    contactName: input.contactName ?? "",
    contactPhone: input.contactPhone ?? "",
  };
  return prisma.cooperative.upsert({ where: { slug }, create: { slug, ...data }, update: data });
}

export interface OrganisationInput {
  slug?: string;
  nameZh?: string;
  nameEn?: string;
  kind?: OrganisationKind;
  descriptionZh?: string;
  descriptionEn?: string;
}
export async function upsertOrganisation(prisma: PrismaClient, input: OrganisationInput = {}) {
  const slug = input.slug ?? next("org");
  const data = {
    nameZh: input.nameZh ?? `测试组织${slug}`,
    nameEn: input.nameEn ?? `Organisation ${slug}`,
    kind: input.kind ?? "SOCIAL_ORGANISATION",
    descriptionZh: input.descriptionZh ?? "",
    descriptionEn: input.descriptionEn ?? "",
  };
  return prisma.organisation.upsert({ where: { slug }, create: { slug, ...data }, update: data });
}

/** Pairs an organisation with exactly one cooperative or one county. */
export async function upsertPartnership(
  prisma: PrismaClient,
  input: { organisationId: string; cooperativeId?: string; countyId?: string; weight: number },
) {
  const { organisationId, cooperativeId, countyId, weight } = input;
  const existing = await prisma.partnership.findFirst({
    where: { organisationId, cooperativeId: cooperativeId ?? null, countyId: countyId ?? null },
  });
  if (existing) return prisma.partnership.update({ where: { id: existing.id }, data: { weight } });
  return prisma.partnership.create({ data: { organisationId, cooperativeId, countyId, weight } });
}

export interface CategoryInput {
  slug?: string;
  nameZh?: string;
  nameEn?: string;
  descriptionZh?: string;
  descriptionEn?: string;
  sortOrder?: number;
}
export async function upsertCategory(prisma: PrismaClient, input: CategoryInput = {}) {
  const slug = input.slug ?? next("category");
  const data = {
    nameZh: input.nameZh ?? `测试分类${slug}`,
    nameEn: input.nameEn ?? `Category ${slug}`,
    descriptionZh: input.descriptionZh ?? "",
    descriptionEn: input.descriptionEn ?? "",
    sortOrder: input.sortOrder ?? 0,
  };
  return prisma.category.upsert({ where: { slug }, create: { slug, ...data }, update: data });
}

export interface ProductInput {
  slug?: string;
  cooperativeId?: string;
  categoryId?: string;
  nameZh?: string;
  nameEn?: string;
  descriptionZh?: string;
  descriptionEn?: string;
  unitZh?: string;
  unitEn?: string;
  priceFen?: number;
  stock?: number;
  status?: "DRAFT" | "LISTED" | "RETIRED";
  certificate?: { number: string; body: string; validFrom: string; validUntil: string } | null;
}

/** The image every product gets until a cooperative uploads one: drawn by code (app/utils/product-art.ts). */
export const generatedImageUrl = (slug: string) => `/images/products/${slug}.svg`;

export async function upsertProduct(prisma: PrismaClient, input: ProductInput = {}) {
  const slug = input.slug ?? next("product");
  const cooperativeId = input.cooperativeId ?? (await upsertCooperative(prisma)).id;
  const categoryId = input.categoryId ?? (await upsertCategory(prisma)).id;
  const certificate = input.certificate === undefined ? null : input.certificate;
  const nameZh = input.nameZh ?? `测试商品${slug}`;
  const nameEn = input.nameEn ?? `Product ${slug}`;
  const data = {
    cooperativeId,
    categoryId,
    nameZh,
    nameEn,
    descriptionZh: input.descriptionZh ?? "",
    descriptionEn: input.descriptionEn ?? "",
    unitZh: input.unitZh ?? "件",
    unitEn: input.unitEn ?? "piece",
    priceFen: input.priceFen ?? 12800,
    stock: input.stock ?? 100,
    status: input.status ?? "LISTED",
    certificationStatus: certificate ? ("APPROVED" as const) : ("NONE" as const),
    certificateNumber: certificate?.number ?? null,
    certifyingBody: certificate?.body ?? null,
    certifiedFrom: certificate ? new Date(`${certificate.validFrom}T00:00:00Z`) : null,
    certifiedUntil: certificate ? new Date(`${certificate.validUntil}T00:00:00Z`) : null,
  };
  const product = await prisma.product.upsert({ where: { slug }, create: { slug, ...data }, update: data });
  const url = generatedImageUrl(slug);
  const image = { url, altZh: nameZh, altEn: nameEn, sortOrder: 0 };
  const existing = await prisma.productImage.findFirst({ where: { productId: product.id, url } });
  if (existing) await prisma.productImage.update({ where: { id: existing.id }, data: image });
  else await prisma.productImage.create({ data: { productId: product.id, ...image } });
  return product;
}

export interface FairInput {
  nameZh: string;
  nameEn: string;
  venueZh: string;
  venueEn: string;
  tradeDays: [string, string];
  publicDays: [string, string];
}
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
/** The one fair row ("current"). */
export async function upsertFair(prisma: PrismaClient, input: FairInput) {
  const data = {
    nameZh: input.nameZh,
    nameEn: input.nameEn,
    venueZh: input.venueZh,
    venueEn: input.venueEn,
    tradeDaysStart: day(input.tradeDays[0]),
    tradeDaysEnd: day(input.tradeDays[1]),
    publicDaysStart: day(input.publicDays[0]),
    publicDaysEnd: day(input.publicDays[1]),
  };
  return prisma.fair.upsert({ where: { id: "current" }, create: { id: "current", ...data }, update: data });
}
