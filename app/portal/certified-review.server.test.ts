import { describe, expect, it } from "vitest";
import { upsertCategory, upsertCooperative } from "../../prisma/factories";
import { createUser } from "../../tests/support/auth";
import { withTestDatabase } from "../../tests/support/database";
import { ProductSchema, type ProductInput } from "~/portal/portal-schema";
import { addProductImage, createProduct, removeProductImage, updateProduct } from "./portal-products.server";

/**
 * The rule a certificate rests on (issue 15): a certified product whose name, description,
 * unit, category or pictures change goes back to review; a change of price or stock does not.
 * What the certificate vouched for is the product as described, not what it costs or how many
 * are left.
 */

const t = withTestDatabase();

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

type Form = Record<string, string>;

/** The edit form as the cooperative sends it (raw strings, as the page posts them). */
const FORM: Form = {
  nameZh: "果洛牦牛肉干",
  nameEn: "Golog yak jerky (250 g)",
  descriptionZh: "高原放养",
  descriptionEn: "Free-range on the plateau",
  unitZh: "袋",
  unitEn: "bag",
  price: "88.50",
  stock: "40",
  status: "LISTED",
};
const parse = (form: Form): ProductInput => ProductSchema.parse(form);

/** A product of a new cooperative, approved by the organisers with a certificate (as admin approval writes it). */
async function certifiedProduct() {
  const cooperative = await upsertCooperative(t.prisma);
  const staff = {
    cooperativeId: cooperative.id,
    actorId: (await createUser(t.prisma, "COOPERATIVE_STAFF", { cooperativeId: cooperative.id })).id,
  };
  const category = await upsertCategory(t.prisma);
  const form: Form = { ...FORM, categoryId: category.id };
  const { id } = await createProduct(t.prisma, { ...staff, input: parse(form) });
  const certificate = {
    certificationStatus: "APPROVED" as const,
    certificationNote: "",
    certificateNumber: `SH-RZ-${id.slice(0, 8)}`,
    certifyingBody: "上海市消费帮扶认定中心",
    certifiedFrom: new Date("2026-01-01T00:00:00Z"),
    certifiedUntil: new Date("2027-12-31T00:00:00Z"),
  };
  await t.prisma.product.update({ where: { id }, data: certificate });
  /** Saves the edit form with some fields changed, from the stock the form showed (the current one). */
  const save = async (changes: Form) => {
    const { stock } = await t.prisma.product.findUniqueOrThrow({ where: { id }, select: { stock: true } });
    await updateProduct(t.prisma, { ...staff, id, input: parse({ ...form, ...changes }), stockWas: stock });
  };
  const review = () =>
    t.prisma.product.findUniqueOrThrow({
      where: { id },
      select: { certificationStatus: true, certificationNote: true },
    });
  return { id, staff, form, certificate, save, review };
}

describe("a certified product edited by its cooperative", () => {
  it("stays certified when saved unchanged, or with a new price, stock or listing", async () => {
    const p = await certifiedProduct();
    await p.save({});
    expect((await p.review()).certificationStatus).toBe("APPROVED");
    await p.save({ price: "99.00" });
    expect((await p.review()).certificationStatus).toBe("APPROVED");
    await p.save({ stock: "12" });
    expect((await p.review()).certificationStatus).toBe("APPROVED");
    await p.save({ stock: "12", price: "77.70", status: "DRAFT" });
    const after = await t.prisma.product.findUniqueOrThrow({ where: { id: p.id } });
    expect(after).toMatchObject({ priceFen: 7770, stock: 12, status: "DRAFT", ...p.certificate });
  });

  for (const field of ["nameZh", "nameEn", "descriptionZh", "descriptionEn", "unitZh", "unitEn"] as const)
    it(`goes back to review when its ${field} changes, and the audit log says so`, async () => {
      const p = await certifiedProduct();
      await p.save({ [field]: `${FORM[field]}（新）` });
      expect(await p.review()).toEqual({
        certificationStatus: "PENDING",
        certificationNote: "内容已修改，待重新认定 · Changed since certified: awaiting review",
      });
      const log = await t.prisma.auditLog.findFirstOrThrow({
        where: { entityId: p.id, action: "product.update" },
        orderBy: { createdAt: "desc" },
      });
      expect(log.before).toMatchObject({ certificationStatus: "APPROVED" });
      expect(log.after).toMatchObject({ certificationStatus: "PENDING", [field]: `${FORM[field]}（新）` });
    });

  it("goes back to review when its category changes, even with a price change in the same save", async () => {
    const p = await certifiedProduct();
    const other = await upsertCategory(t.prisma);
    await p.save({ categoryId: other.id, price: "90.00" });
    expect((await p.review()).certificationStatus).toBe("PENDING");
  });

  it("goes back to review when a picture is added, and again when one is removed", async () => {
    const p = await certifiedProduct();
    const image = await addProductImage(t.prisma, {
      ...p.staff,
      productId: p.id,
      bytes: PNG,
      altZh: "",
      altEn: "",
    });
    expect((await p.review()).certificationStatus).toBe("PENDING");

    // Approved again, then a picture taken away.
    await t.prisma.product.update({ where: { id: p.id }, data: p.certificate });
    await removeProductImage(t.prisma, { ...p.staff, productId: p.id, imageId: image.id });
    expect((await p.review()).certificationStatus).toBe("PENDING");
  });

  it("leaves a product that is not approved where it was: an edit is not a request for certification", async () => {
    const p = await certifiedProduct();
    for (const status of ["NONE", "REJECTED"] as const) {
      await t.prisma.product.update({
        where: { id: p.id },
        data: { certificationStatus: status, certificationNote: status === "REJECTED" ? "照片不清晰" : "" },
      });
      await p.save({ nameZh: `果洛牦牛肉干（${status}）` });
      expect((await p.review()).certificationStatus).toBe(status);
    }
  });
});
