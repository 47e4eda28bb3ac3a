import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BoothSaleSchema,
  fenToYuanText,
  MAX_PRICE_FEN,
  parseYuanToFen,
  portalErrors,
  ProductSchema,
} from "./portal-schema";

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
    const result = ProductSchema.safeParse({ price: "12.345", stock: "-1", nameZh: " ", status: "LISTED" });
    expect(result.success).toBe(false);
    const errors = portalErrors(result.error!);
    expect(errors).toMatchObject({
      price: "portal.error.priceInvalid",
      stock: "portal.error.stockInvalid",
      nameZh: "portal.error.nameZhRequired",
      nameEn: "portal.error.nameEnRequired",
      categoryId: "portal.error.categoryRequired",
    });
    expect(portalErrors(ProductSchema.safeParse({ price: "0" }).error!).price).toBe("portal.error.pricePositive");
    expect(portalErrors(ProductSchema.safeParse({ price: "100000.01" }).error!).price).toBe(
      "portal.error.priceTooHigh",
    );
  });
});

describe("the booth form", () => {
  const saleKey = "7b1e6f1a-5a43-4f0e-9a49-2f7f0d4d8c11";
  it("keeps the products with a quantity, and refuses an empty sale or a bad quantity", () => {
    expect(
      BoothSaleSchema.parse({ saleKey, payment: "QR", "qty.abc": "2", "qty.def": "", "qty.ghi": "0", other: "x" }),
    ).toEqual({ saleKey, payment: "QR", lines: [{ productId: "abc", quantity: 2 }] });
    expect(portalErrors(BoothSaleSchema.safeParse({ saleKey, payment: "CASH" }).error!)).toEqual({
      lines: "portal.error.pickProducts",
    });
    expect(portalErrors(BoothSaleSchema.safeParse({ saleKey: "x", payment: "CARD", "qty.abc": "1.5" }).error!)).toEqual(
      {
        saleKey: "portal.error.reload",
        payment: "portal.error.paymentRequired",
        "qty.abc": "portal.error.quantityInvalid",
        lines: "portal.error.pickProducts",
      },
    );
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
    expect(portalErrors(ProductSchema.safeParse({ ...base, nameZh: "彝绣\u0000" }).error!).nameZh).toBe(
      "portal.error.invalid",
    );
    expect(ProductSchema.parse({ ...base, nameZh: "彝绣", descriptionZh: "一行\r\n二行\t" }).descriptionZh).toBe(
      "一行\r\n二行",
    );
  });
});
