import { describe, expect, it } from "vitest";
import { upsertCategory, upsertCooperative, upsertProduct } from "../../prisma/factories";
import { createUser } from "../../tests/support/auth";
import { withTestDatabase } from "../../tests/support/database";
import { MAX_PRICE_FEN, ProductSchema, type ProductInput } from "~/portal/portal-schema";
import { addToCart, createCart } from "~/cart/cart.server";
import { placeOrder } from "~/payments/checkout.server";
import { PortalConflictError, PortalNotFoundError } from "./portal-common.server";
import {
  addProductImage,
  createProduct,
  getOwnProduct,
  listCooperativeProducts,
  removeProductImage,
  requestCertification,
  retireProduct,
  slugify,
  updateProduct,
} from "./portal-products.server";
import { MAX_UPLOAD_BYTES, UploadError } from "~/catalog/uploads.server";
import { checkoutInput } from "../../tests/support/checkout";

const t = withTestDatabase();

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

async function staffOfNewCooperative() {
  const cooperative = await upsertCooperative(t.prisma);
  const user = await createUser(t.prisma, "COOPERATIVE_STAFF", { cooperativeId: cooperative.id });
  return { cooperativeId: cooperative.id, actorId: user.id };
}

async function input(overrides: Record<string, string> = {}): Promise<ProductInput> {
  const category = await upsertCategory(t.prisma);
  return ProductSchema.parse({
    nameZh: "果洛牦牛肉干",
    nameEn: "Golog yak jerky (250 g)",
    descriptionZh: "**高原**放养",
    descriptionEn: "",
    unitZh: "袋",
    unitEn: "bag",
    price: "88.50",
    stock: "40",
    categoryId: category.id,
    status: "LISTED",
    ...overrides,
  });
}

/** Everything about a product that a write could change, to compare before and after. */
async function productState(id: string) {
  const product = await t.prisma.product.findUniqueOrThrow({ where: { id }, include: { images: true } });
  const { updatedAt: _u, ...rest } = product;
  return rest;
}

describe("a cooperative's products", () => {
  it("creates a product priced in fen, with a stable slug, the drawn placeholder and an audit record", async () => {
    const staff = await staffOfNewCooperative();
    const { id, slug } = await createProduct(t.prisma, { ...staff, input: await input() });
    expect(slug).toBe("golog-yak-jerky-250-g");
    const product = await t.prisma.product.findUniqueOrThrow({ where: { id }, include: { images: true } });
    expect(product).toMatchObject({
      cooperativeId: staff.cooperativeId,
      priceFen: 8850,
      stock: 40,
      status: "LISTED",
      certificationStatus: "NONE",
      certificateNumber: null,
    });
    expect(product.images.map((i) => i.url)).toEqual([`/images/products/${slug}.svg`]);
    const log = await t.prisma.auditLog.findFirstOrThrow({ where: { entityId: id } });
    expect(log).toMatchObject({ actorId: staff.actorId, action: "product.create", entity: "Product" });
    expect(log.after).toMatchObject({ priceFen: 8850, nameZh: "果洛牦牛肉干" });

    // The same English name again gets a slug of its own.
    const second = await createProduct(t.prisma, { ...staff, input: await input() });
    expect(second.slug).toMatch(/^golog-yak-jerky-250-g-[a-z0-9]+$/);
    expect(slugify("青稞饼")).toBe("product");
  });

  it("never lets the form set a certificate: those fields are not part of it", async () => {
    const parsed = ProductSchema.parse({
      ...(await input()),
      price: "10",
      stock: "1",
      certificateNumber: "FAKE-1",
      certificationStatus: "APPROVED",
    });
    expect(parsed).not.toHaveProperty("certificateNumber");
    expect(parsed).not.toHaveProperty("certificationStatus");
  });

  it("edits only its own products; another cooperative's edit, retire, certification and pictures are not found and change nothing", async () => {
    const a = await staffOfNewCooperative();
    const b = await staffOfNewCooperative();
    const product = await upsertProduct(t.prisma, { cooperativeId: a.cooperativeId, stock: 7 });
    const before = await productState(product.id);
    const auditBefore = await t.prisma.auditLog.count();

    expect(await getOwnProduct(t.prisma, b.cooperativeId, product.id)).toBeNull();
    expect((await listCooperativeProducts(t.prisma, b.cooperativeId)).map((p) => p.id)).not.toContain(product.id);
    const edit = await input({ price: "1.00" });
    // Thunks, not promises: each attempt starts only once its rejection is being awaited.
    const attempts = [
      () => updateProduct(t.prisma, { ...b, id: product.id, input: edit, stockWas: 7 }),
      () => retireProduct(t.prisma, { ...b, id: product.id }),
      () => requestCertification(t.prisma, { ...b, id: product.id }),
      () => addProductImage(t.prisma, { ...b, productId: product.id, bytes: PNG, altZh: "", altEn: "" }),
      () =>
        removeProductImage(t.prisma, {
          ...b,
          productId: product.id,
          imageId: before.images[0]!.id,
        }),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toBeInstanceOf(PortalNotFoundError);
    expect(await productState(product.id)).toEqual(before);
    expect(await t.prisma.auditLog.count()).toBe(auditBefore);
    expect(await t.prisma.upload.count({ where: { uploadedById: b.actorId } })).toBe(0);
  });

  it("saves an edit as a change of stock, so units buyers reserved meanwhile stay reserved", async () => {
    const staff = await staffOfNewCooperative();
    const { id } = await createProduct(t.prisma, { ...staff, input: await input({ stock: "10" }) });
    // The form shows 10; meanwhile a buyer reserves 3.
    const cart = await createCart(t.prisma);
    await addToCart(t.prisma, cart, id, 3);
    await placeOrder(t.prisma, { cartId: cart, input: checkoutInput(), locale: "zh" });
    // The cooperative counted 2 more units and typed 12.
    await updateProduct(t.prisma, { ...staff, id, input: await input({ stock: "12", price: "99" }), stockWas: 10 });
    expect(await t.prisma.product.findUniqueOrThrow({ where: { id } })).toMatchObject({ stock: 9, priceFen: 9900 });

    // Taking away more than is left is refused, and nothing changes.
    const before = await productState(id);
    await expect(
      updateProduct(t.prisma, { ...staff, id, input: await input({ stock: "0", nameZh: "改名" }), stockWas: 20 }),
    ).rejects.toBeInstanceOf(PortalConflictError);
    expect(await productState(id)).toEqual(before);
    const log = await t.prisma.auditLog.findFirstOrThrow({ where: { entityId: id, action: "product.update" } });
    expect(log.before).toMatchObject({ stock: 7, priceFen: 8850 });
    expect(log.after).toMatchObject({ stock: 9, priceFen: 9900 });
  });

  it("never lets a claimed earlier stock (stockWas) lift the stock past the form's ceiling", async () => {
    const staff = await staffOfNewCooperative();
    const { id } = await createProduct(t.prisma, { ...staff, input: await input({ stock: "140" }) });
    const before = await productState(id);
    // The outside probe: stock=100000 with stockWas=0 while the stock is 140 would give 100140.
    await expect(
      updateProduct(t.prisma, { ...staff, id, input: await input({ stock: "100000" }), stockWas: 0 }),
    ).rejects.toMatchObject({ field: "stock", message: "portal.error.stockInvalid" });
    // Out-of-range claims are refused before any arithmetic, whatever the route let through.
    for (const stockWas of [-1, 100_001, 2 ** 31, Number.NaN, 0.5])
      await expect(
        updateProduct(t.prisma, { ...staff, id, input: await input({ stock: "10" }), stockWas }),
      ).rejects.toBeInstanceOf(PortalConflictError);
    expect(await productState(id)).toEqual(before);
    // Up to the ceiling exactly is fine.
    await updateProduct(t.prisma, { ...staff, id, input: await input({ stock: "100000" }), stockWas: 140 });
    expect((await t.prisma.product.findUniqueOrThrow({ where: { id } })).stock).toBe(100_000);
  });

  it("has the database refuse a stock or price past the ceiling, whoever writes it", async () => {
    const product = await upsertProduct(t.prisma, { stock: 100_000 });
    await expect(
      t.prisma.product.update({ where: { id: product.id }, data: { stock: { increment: 1 } } }),
    ).rejects.toThrow();
    await expect(
      t.prisma.product.update({ where: { id: product.id }, data: { priceFen: MAX_PRICE_FEN + 1 } }),
    ).rejects.toThrow();
    expect(await t.prisma.product.findUniqueOrThrow({ where: { id: product.id } })).toMatchObject({
      stock: 100_000,
      priceFen: product.priceFen,
    });
  });

  it("retires a product and asks for certification once", async () => {
    const staff = await staffOfNewCooperative();
    const { id } = await createProduct(t.prisma, { ...staff, input: await input() });
    await requestCertification(t.prisma, { ...staff, id });
    await expect(requestCertification(t.prisma, { ...staff, id })).rejects.toBeInstanceOf(PortalConflictError);
    await retireProduct(t.prisma, { ...staff, id });
    await retireProduct(t.prisma, { ...staff, id }); // idempotent
    expect(await t.prisma.product.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "RETIRED",
      certificationStatus: "PENDING",
    });
    const actions = await t.prisma.auditLog.findMany({ where: { entityId: id }, orderBy: { id: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["product.create", "product.requestCertification", "product.retire"]);
  });

  it("adds a photo that replaces the placeholder, and brings the placeholder back when the last photo goes", async () => {
    const staff = await staffOfNewCooperative();
    const { id, slug } = await createProduct(t.prisma, { ...staff, input: await input() });
    const image = await addProductImage(t.prisma, { ...staff, productId: id, bytes: PNG, altZh: "", altEn: "牛肉干" });
    expect(image.url).toMatch(/^\/media\/[0-9a-f-]{36}$/);
    const upload = await t.prisma.upload.findUniqueOrThrow({ where: { id: image.url.slice(7) } });
    expect(upload).toMatchObject({ contentType: "image/png", sizeBytes: PNG.length, uploadedById: staff.actorId });
    const images = await t.prisma.productImage.findMany({ where: { productId: id } });
    expect(images).toHaveLength(1);
    expect(images[0]).toMatchObject({ altZh: "果洛牦牛肉干", altEn: "牛肉干" });

    await removeProductImage(t.prisma, { ...staff, productId: id, imageId: image.id });
    expect((await t.prisma.productImage.findMany({ where: { productId: id } })).map((i) => i.url)).toEqual([
      `/images/products/${slug}.svg`,
    ]);
    expect(await t.prisma.upload.count({ where: { id: upload.id } })).toBe(0);
  });

  it("refuses a file that is not an image, or too large, and changes nothing", async () => {
    const staff = await staffOfNewCooperative();
    const { id } = await createProduct(t.prisma, { ...staff, input: await input() });
    const before = await productState(id);
    const uploads = await t.prisma.upload.count();
    const text = new TextEncoder().encode("this is a text file named photo.png");
    const huge = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    huge.set(PNG);
    for (const [bytes, problem] of [
      [text, "not-an-image"],
      [huge, "too-large"],
    ] as const) {
      const attempt = addProductImage(t.prisma, { ...staff, productId: id, bytes, altZh: "", altEn: "" });
      await expect(attempt).rejects.toMatchObject({ problem });
      await expect(attempt).rejects.toBeInstanceOf(UploadError);
    }
    expect(await productState(id)).toEqual(before);
    expect(await t.prisma.upload.count()).toBe(uploads);
  });
});
