import type { PrismaClient, Prisma } from "~/generated/prisma/client";
import { cacheKeys, purgeAfterCommit } from "~/utils/cache-purge.server";
import type { ProductInput } from "~/portal/portal-schema";
import { audit } from "~/accounts/accounts.server";
import { isUniqueViolation, PortalConflictError, PortalNotFoundError } from "./portal-common.server";
import { storeImage } from "~/catalog/uploads.server";
import { MAX_STOCK } from "~/catalog/stock";

/*
 * A cooperative's own products. Every read and write names the cooperative IN THE QUERY
 * (`where: { id, cooperativeId }`), so a product of another cooperative is simply not found:
 * 404, and nothing changes. Every write is recorded in the audit log in its own transaction.
 */

/** Where the drawn placeholder picture of a product lives (app/routes/images.products.$file.ts). */
const artUrl = (slug: string) => `/images/products/${slug}.svg`;
const isArt = (url: string) => url.startsWith("/images/products/");

const editableSelect = {
  id: true,
  slug: true,
  nameZh: true,
  nameEn: true,
  descriptionZh: true,
  descriptionEn: true,
  unitZh: true,
  unitEn: true,
  priceFen: true,
  stock: true,
  categoryId: true,
  status: true,
  certificationStatus: true,
  certificationNote: true,
  certificateNumber: true,
  certifyingBody: true,
  certifiedFrom: true,
  certifiedUntil: true,
} as const;

/**
 * What a certificate vouches for: the product as described (names, description, unit, category,
 * pictures). Changing any of these sends an approved product back to review; price and stock do not.
 */
const CERTIFIED_CONTENT = [
  "nameZh",
  "nameEn",
  "descriptionZh",
  "descriptionEn",
  "unitZh",
  "unitEn",
  "categoryId",
] as const;
const BACK_TO_REVIEW = {
  certificationStatus: "PENDING" as const,
  certificationNote: "内容已修改，待重新认定 · Changed since certified: awaiting review",
};

/** An approved product goes back to review (in the caller's transaction) when what it was certified for changed. */
async function reviewAgainIfApproved(tx: Prisma.TransactionClient, id: string, cooperativeId: string) {
  await tx.product.updateMany({ where: { id, cooperativeId, certificationStatus: "APPROVED" }, data: BACK_TO_REVIEW });
}

/** A snapshot for the audit log: what the cooperative controls, plus the review state. */
const snapshot = (p: Record<string, unknown>) => {
  const { certifiedFrom: _f, certifiedUntil: _u, ...rest } = p;
  return rest;
};

export async function listCooperativeProducts(prisma: PrismaClient, cooperativeId: string) {
  return prisma.product.findMany({
    where: { cooperativeId },
    orderBy: [{ status: "asc" }, { updatedAt: "desc" }],
    select: {
      id: true,
      slug: true,
      nameZh: true,
      nameEn: true,
      unitZh: true,
      unitEn: true,
      priceFen: true,
      stock: true,
      status: true,
      certificationStatus: true,
      category: { select: { nameZh: true, nameEn: true } },
      images: { orderBy: { sortOrder: "asc" }, take: 1, select: { url: true, altZh: true, altEn: true } },
    },
  });
}

/** The categories a product may be filed under, in the catalogue's order. */
export async function listCategories(prisma: PrismaClient) {
  return prisma.category.findMany({
    orderBy: [{ sortOrder: "asc" }, { slug: "asc" }],
    select: { id: true, nameZh: true, nameEn: true },
  });
}

/** One of the cooperative's own products with its images, or null (also for another's product). */
export async function getOwnProduct(prisma: PrismaClient, cooperativeId: string, id: string) {
  return prisma.product.findFirst({
    where: { id, cooperativeId },
    select: {
      ...editableSelect,
      images: { orderBy: { sortOrder: "asc" }, select: { id: true, url: true, altZh: true, altEn: true } },
    },
  });
}

/** Throws PortalNotFoundError unless the product is this cooperative's. Cheap: checks ids only. */
export async function assertOwnProduct(
  prisma: PrismaClient | Prisma.TransactionClient,
  cooperativeId: string,
  id: string,
) {
  const found = await prisma.product.findFirst({ where: { id, cooperativeId }, select: { id: true } });
  if (!found) throw new PortalNotFoundError("product");
}

/** A URL slug from the English name, e.g. "Yak butter (500 g)" → "yak-butter-500-g". */
export function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || "product";
}

const randomSuffix = () => Math.random().toString(36).slice(2, 8);

async function assertCategory(tx: Prisma.TransactionClient, categoryId: string) {
  const category = await tx.category.findUnique({ where: { id: categoryId }, select: { id: true } });
  if (!category) throw new PortalConflictError("categoryId", "portal.error.categoryRequired");
}

const productData = (input: ProductInput) => ({
  nameZh: input.nameZh,
  nameEn: input.nameEn,
  descriptionZh: input.descriptionZh,
  descriptionEn: input.descriptionEn,
  unitZh: input.unitZh,
  unitEn: input.unitEn,
  priceFen: input.priceFen,
  categoryId: input.categoryId,
  status: input.status,
});

/**
 * Creates a product of the cooperative, with the drawn placeholder picture until a photo is
 * uploaded. The slug comes from the English name (a suffix when it is taken) and never changes.
 */
export async function createProduct(
  prisma: PrismaClient,
  args: { cooperativeId: string; actorId: string; input: ProductInput },
): Promise<{ id: string; slug: string }> {
  const { cooperativeId, actorId, input } = args;
  const base = slugify(input.nameEn);
  for (let attempt = 0; ; attempt++) {
    const slug = attempt === 0 ? base : `${base}-${randomSuffix()}`;
    try {
      return await prisma
        .$transaction(async (tx) => {
          await assertCategory(tx, input.categoryId);
          const product = await tx.product.create({
            data: { ...productData(input), stock: input.stock, slug, cooperativeId },
            select: editableSelect,
          });
          await tx.productImage.create({
            data: { productId: product.id, url: artUrl(slug), altZh: input.nameZh, altEn: input.nameEn, sortOrder: 0 },
          });
          await audit(tx, {
            actorId,
            action: "product.create",
            entity: "Product",
            entityId: product.id,
            after: snapshot(product),
          });
          return { id: product.id, slug };
        })
        .then((created) => {
          purgeAfterCommit([cacheKeys.listings]); // a listed product appears on listing pages
          return created;
        });
    } catch (error) {
      if (isUniqueViolation(error) && attempt < 4) continue;
      throw error;
    }
  }
}

const isStockCount = (n: number) => Number.isSafeInteger(n) && n >= 0 && n <= MAX_STOCK;

/**
 * Saves the edit form. Stock is applied as the difference from what the form showed
 * (`stockWas`), so units reserved by buyers meanwhile stay reserved; if that would take the
 * stock below zero or above MAX_STOCK the save is refused and nothing changes.
 */
export async function updateProduct(
  prisma: PrismaClient,
  args: { cooperativeId: string; actorId: string; id: string; input: ProductInput; stockWas: number },
) {
  const { cooperativeId, actorId, id, input, stockWas } = args;
  await prisma.$transaction(async (tx) => {
    const before = await tx.product.findFirst({ where: { id, cooperativeId }, select: editableSelect });
    if (!before) throw new PortalNotFoundError("product");
    await assertCategory(tx, input.categoryId);
    if (!isStockCount(input.stock) || !isStockCount(stockWas))
      throw new PortalConflictError("stock", "portal.error.stockInvalid");
    const delta = input.stock - stockWas;
    // The result must stay within 0..MAX_STOCK whatever the form claimed it showed: a lowered
    // stock needs the units to be there, a raised one room under the ceiling.
    const bound = delta < 0 ? { gte: -delta } : delta > 0 ? { lte: MAX_STOCK - delta } : undefined;
    const contentChanged = CERTIFIED_CONTENT.some(
      (key) => (productData(input) as Record<string, unknown>)[key] !== (before as Record<string, unknown>)[key],
    );
    const { count } = await tx.product.updateMany({
      where: { id, cooperativeId, ...(bound ? { stock: bound } : {}) },
      data: {
        ...productData(input),
        stock: { increment: delta },
        ...(contentChanged && before.certificationStatus === "APPROVED" ? BACK_TO_REVIEW : {}),
      },
    });
    if (count === 0)
      throw new PortalConflictError("stock", delta > 0 ? "portal.error.stockInvalid" : "portal.error.stockChanged");
    const after = await tx.product.findFirstOrThrow({ where: { id, cooperativeId }, select: editableSelect });
    // The placeholder picture's description follows the product's name.
    await tx.productImage.updateMany({
      where: { productId: id, product: { cooperativeId }, url: artUrl(before.slug) },
      data: { altZh: input.nameZh, altEn: input.nameEn },
    });
    await audit(tx, {
      actorId,
      action: "product.update",
      entity: "Product",
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
    });
  });
  // Price, name, listing and stock show on the product's page and its cards; listing status
  // also changes which cards the listing pages show.
  purgeAfterCommit([cacheKeys.product(id), cacheKeys.listings]);
}

/** Takes a product off sale (it stays in orders and reports). Idempotent. */
export async function retireProduct(
  prisma: PrismaClient,
  args: { cooperativeId: string; actorId: string; id: string },
) {
  const { cooperativeId, actorId, id } = args;
  await prisma.$transaction(async (tx) => {
    const before = await tx.product.findFirst({ where: { id, cooperativeId }, select: { status: true } });
    if (!before) throw new PortalNotFoundError("product");
    if (before.status === "RETIRED") return;
    await tx.product.updateMany({ where: { id, cooperativeId }, data: { status: "RETIRED" } });
    await audit(tx, {
      actorId,
      action: "product.retire",
      entity: "Product",
      entityId: id,
      before: { status: before.status },
      after: { status: "RETIRED" },
    });
  });
  purgeAfterCommit([cacheKeys.product(id), cacheKeys.listings]);
}

/**
 * Asks the organisers to certify the product (认定). Only from NONE or REJECTED; the certificate
 * number, body and validity are the organisers' to set, never the cooperative's.
 */
export async function requestCertification(
  prisma: PrismaClient,
  args: { cooperativeId: string; actorId: string; id: string },
) {
  const { cooperativeId, actorId, id } = args;
  await prisma.$transaction(async (tx) => {
    const before = await tx.product.findFirst({
      where: { id, cooperativeId },
      select: { certificationStatus: true, certificationNote: true },
    });
    if (!before) throw new PortalNotFoundError("product");
    const { count } = await tx.product.updateMany({
      where: { id, cooperativeId, certificationStatus: { in: ["NONE", "REJECTED"] } },
      data: { certificationStatus: "PENDING" },
    });
    if (count === 0) throw new PortalConflictError("certification", "portal.error.certificationNotNow");
    await audit(tx, {
      actorId,
      action: "product.requestCertification",
      entity: "Product",
      entityId: id,
      before,
      after: { certificationStatus: "PENDING", certificationNote: before.certificationNote },
    });
  });
}

/**
 * Adds an uploaded photo to a product (after the photos it has). The first photo replaces the
 * drawn placeholder. The bytes are checked (uploads.server.ts) before anything is written.
 */
export async function addProductImage(
  prisma: PrismaClient,
  args: {
    cooperativeId: string;
    actorId: string;
    productId: string;
    bytes: Uint8Array;
    altZh: string;
    altEn: string;
  },
) {
  const { cooperativeId, actorId, productId } = args;
  return prisma.$transaction(async (tx) => {
    const product = await tx.product.findFirst({
      where: { id: productId, cooperativeId },
      select: { nameZh: true, nameEn: true, images: { select: { url: true, sortOrder: true } } },
    });
    if (!product) throw new PortalNotFoundError("product");
    const upload = await storeImage(tx, { bytes: args.bytes, uploadedById: actorId });
    await reviewAgainIfApproved(tx, productId, cooperativeId);
    const photos = product.images.filter((i) => !isArt(i.url));
    const image = await tx.productImage.create({
      data: {
        productId,
        url: upload.url,
        altZh: args.altZh || product.nameZh,
        altEn: args.altEn || product.nameEn,
        sortOrder: photos.length === 0 ? 0 : Math.max(...photos.map((p) => p.sortOrder)) + 1,
      },
      select: { id: true, url: true, altZh: true, altEn: true, sortOrder: true },
    });
    if (photos.length === 0)
      await tx.productImage.deleteMany({
        where: { productId, product: { cooperativeId }, url: { startsWith: "/images/products/" } },
      });
    await audit(tx, {
      actorId,
      action: "product.image.add",
      entity: "Product",
      entityId: productId,
      after: { ...image, contentType: upload.contentType, sizeBytes: args.bytes.length },
    });
    return image;
  });
}

/** Removes a photo (and its stored file); the placeholder comes back when no photo is left. */
export async function removeProductImage(
  prisma: PrismaClient,
  args: { cooperativeId: string; actorId: string; productId: string; imageId: string },
) {
  const { cooperativeId, actorId, productId, imageId } = args;
  await prisma.$transaction(async (tx) => {
    const product = await tx.product.findFirst({
      where: { id: productId, cooperativeId },
      select: { slug: true, nameZh: true, nameEn: true },
    });
    if (!product) throw new PortalNotFoundError("product");
    const image = await tx.productImage.findFirst({
      where: { id: imageId, productId, product: { cooperativeId } },
      select: { id: true, url: true, altZh: true, altEn: true, sortOrder: true },
    });
    if (!image || isArt(image.url)) throw new PortalNotFoundError("image");
    await tx.productImage.deleteMany({ where: { id: imageId, productId, product: { cooperativeId } } });
    await reviewAgainIfApproved(tx, productId, cooperativeId);
    const uploadId = image.url.startsWith("/media/") ? image.url.slice("/media/".length) : null;
    // Another product never shares an upload, but check rather than assume before deleting bytes.
    if (uploadId && (await tx.productImage.count({ where: { url: image.url } })) === 0)
      await tx.upload.deleteMany({ where: { id: uploadId } });
    if ((await tx.productImage.count({ where: { productId } })) === 0)
      await tx.productImage.create({
        data: { productId, url: artUrl(product.slug), altZh: product.nameZh, altEn: product.nameEn, sortOrder: 0 },
      });
    await audit(tx, {
      actorId,
      action: "product.image.remove",
      entity: "Product",
      entityId: productId,
      before: image,
    });
  });
}
