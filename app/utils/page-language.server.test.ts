import { describe, expect, it } from "vitest";
import { pick } from "~/utils/i18n";
import { inPageLanguage } from "./page-language.server";

const page = {
  locale: "zh",
  product: {
    slug: "pu-er",
    nameZh: "普洱茶",
    nameEn: "Pu'er tea",
    priceFen: 8800,
    certifiedFrom: new Date("2026-10-01T00:00:00Z"),
    images: [{ url: "/a.jpg", altZh: "茶饼", altEn: "A tea cake" }],
    cooperative: { nameZh: "勐海合作社", nameEn: "Menghai co-op", county: { nameZh: "勐海县", nameEn: "Menghai" } },
  },
  // Not a pair: a lone field with a language suffix is kept in both languages.
  onlyEn: { titleEn: "kept" },
  tags: ["a", "b"],
};

describe("inPageLanguage", () => {
  it("keeps the page's language of every bilingual pair, at any depth", () => {
    const zh = inPageLanguage("zh", page);
    expect(zh.product).not.toHaveProperty("nameEn");
    expect(zh.product.images[0]).toEqual({ url: "/a.jpg", altZh: "茶饼" });
    expect(zh.product.cooperative).toEqual({ nameZh: "勐海合作社", county: { nameZh: "勐海县" } });
    expect(pick("zh", zh.product, "name")).toBe("普洱茶");

    const en = inPageLanguage("en", page);
    expect(en.product).not.toHaveProperty("nameZh");
    expect(en.product.cooperative.county).toEqual({ nameEn: "Menghai" });
    expect(pick("en", en.product, "name")).toBe("Pu'er tea");
  });

  it("passes everything else on unchanged and leaves the input alone", () => {
    const zh = inPageLanguage("zh", page);
    expect(zh.product.priceFen).toBe(8800);
    expect(zh.product.certifiedFrom).toBe(page.product.certifiedFrom);
    expect(zh.onlyEn).toEqual({ titleEn: "kept" });
    expect(zh.tags).toEqual(["a", "b"]);
    expect(page.product.nameEn).toBe("Pu'er tea");
  });
});
