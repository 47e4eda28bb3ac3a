import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { MAX_UPLOAD_BYTES } from "~/catalog/uploads.server";
import { parseSubmission } from "~/utils/forms";
import {
  BoothSaleSchema,
  fenToYuanText,
  ImageUploadSchema,
  MAX_IMAGE_BYTES,
  MAX_PRICE_FEN,
  parseYuanToFen,
  PORTAL_FALLBACK,
  ProductEditSchema,
  ProductSchema,
} from "./portal-schema";

/** A form posted with these fields, parsed as the action parses it. */
const post = <Schema extends z.ZodType>(schema: Schema, fields: Record<string, string | File>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return parseSubmission(form, schema, PORTAL_FALLBACK);
};
/** The first message for each field of a refused post (conform's reply, as the page shows it). */
const errorsOf = <Schema extends z.ZodType>(schema: Schema, fields: Record<string, string | File>) => {
  const submission = post(schema, fields);
  expect(submission.status).toBe("error");
  return Object.fromEntries(
    Object.entries(submission.reply().error ?? {}).map(([name, errors]) => [name, errors?.[0]]),
  );
};

describe("prices typed in yuan", () => {
  it("become integer fen without floating point", () => {
    expect(parseYuanToFen("128.00")).toBe(12800);
    expect(parseYuanToFen("128")).toBe(12800);
    expect(parseYuanToFen("0.1")).toBe(10);
    expect(parseYuanToFen("19.9")).toBe(1990);
    expect(parseYuanToFen(" ¥ 1.05 ")).toBe(105);
    expect(parseYuanToFen("￥0.29")).toBe(29); // 0.29 * 100 is 28.999… in floating point
    for (const bad of ["", "1.005", "-1", "1e3", "1,280.00", "12.", ".5", "abc", "NaN", "Infinity"])
      expect(parseYuanToFen(bad)).toBeNull();
  });

  it("round-trip through the form for every amount", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_PRICE_FEN }), (fen) => parseYuanToFen(fenToYuanText(fen)) === fen),
    );
  });

  it("are answered beside the field when wrong", () => {
    const errors = errorsOf(ProductSchema, { price: "12.345", stock: "-1", nameZh: " ", status: "LISTED" });
    expect(errors).toMatchObject({
      price: "portal.error.priceInvalid",
      stock: "portal.error.stockInvalid",
      nameZh: "portal.error.nameZhRequired",
      nameEn: "portal.error.nameEnRequired",
      categoryId: "portal.error.categoryRequired",
    });
    expect(errorsOf(ProductSchema, { price: "0" }).price).toBe("portal.error.pricePositive");
    expect(errorsOf(ProductSchema, { price: "100000.01" }).price).toBe("portal.error.priceTooHigh");
  });
});

describe("the booth form", () => {
  const saleKey = "7b1e6f1a-5a43-4f0e-9a49-2f7f0d4d8c11";
  it("keeps the products with a quantity, and refuses an empty sale or a bad quantity", () => {
    const sale = post(BoothSaleSchema, {
      saleKey,
      payment: "QR",
      "qty.abc": "2",
      "qty.def": "",
      "qty.ghi": "0",
      other: "x",
    });
    expect(sale.status === "success" && sale.value).toEqual({
      saleKey,
      payment: "QR",
      lines: [{ productId: "abc", quantity: 2 }],
    });
    // A sale of nothing is answered at the list of quantities.
    expect(errorsOf(BoothSaleSchema, { saleKey, payment: "CASH" })).toEqual({ qty: "portal.error.pickProducts" });
    expect(errorsOf(BoothSaleSchema, { saleKey: "x", payment: "CARD", "qty.abc": "1.5" })).toEqual({
      saleKey: "portal.error.reload",
      payment: "portal.error.paymentRequired",
      "qty.abc": "portal.error.quantityInvalid",
      qty: "portal.error.pickProducts",
    });
  });
});

describe("text fields", () => {
  it("refuse control characters (PostgreSQL refuses NUL) but keep line breaks", () => {
    const base = {
      nameEn: "x",
      unitZh: "件",
      unitEn: "piece",
      price: "1",
      stock: "1",
      categoryId: "c1",
      status: "DRAFT",
    };
    expect(errorsOf(ProductSchema, { ...base, nameZh: "彝绣\u0000" }).nameZh).toBe("portal.error.invalid");
    expect(ProductSchema.parse({ ...base, nameZh: "彝绣", descriptionZh: "一行\r\n二行\t" }).descriptionZh).toBe(
      "一行\r\n二行",
    );
  });
});

describe("the edit page's posts", () => {
  const product = {
    nameZh: "彝绣杯垫",
    nameEn: "Yi coaster",
    unitZh: "片",
    unitEn: "piece",
    price: "38.50",
    stock: "12",
    categoryId: "c1",
    status: "LISTED",
  };

  it("save the product with the stock the form started from, and refuse a stale page as a whole", () => {
    const saved = post(ProductEditSchema, { intent: "save", stockWas: "10", ...product });
    expect(saved.status === "success" && saved.value).toMatchObject({
      intent: "save",
      stockWas: 10,
      input: { priceFen: 3850, stock: 12, nameZh: "彝绣杯垫" },
    });
    expect(errorsOf(ProductEditSchema, { intent: "save", stockWas: "", ...product })).toEqual({
      stockWas: "portal.error.reload",
    });
    expect(errorsOf(ProductEditSchema, { intent: "save", stockWas: "x", ...product })).toEqual({
      stockWas: "portal.error.reload",
    });
    expect(errorsOf(ProductEditSchema, { intent: "paint", ...product })).toEqual({ intent: "portal.error.reload" });
    expect(errorsOf(ProductEditSchema, {})).toEqual({ intent: "portal.error.reload" });
  });

  it("tell the buttons apart by their intent", () => {
    const removed = post(ProductEditSchema, { intent: "removeImage", imageId: "img1" });
    expect(removed.status === "success" && removed.value).toEqual({ intent: "removeImage", imageId: "img1" });
    const retired = post(ProductEditSchema, { intent: "retire" });
    expect(retired.status === "success" && retired.value).toEqual({ intent: "retire" });
  });

  it("take a picture up to the server's upload limit, and refuse none or a larger one", () => {
    expect(MAX_IMAGE_BYTES).toBe(MAX_UPLOAD_BYTES);
    const picture = new File([new Uint8Array(8)], "coaster.png");
    const added = post(ImageUploadSchema, { image: picture, altZh: " 红金格纹杯垫 " });
    expect(added.status === "success" && added.value).toEqual({ image: picture, altZh: "红金格纹杯垫", altEn: "" });
    expect(errorsOf(ImageUploadSchema, { altZh: "x" })).toEqual({ image: "portal.error.imageRequired" });
    expect(errorsOf(ImageUploadSchema, { image: new File([], "") })).toEqual({ image: "portal.error.imageRequired" });
    expect(errorsOf(ImageUploadSchema, { image: new File([new Uint8Array(MAX_IMAGE_BYTES + 1)], "big.png") })).toEqual({
      image: "portal.error.imageTooLarge",
    });
  });
});
