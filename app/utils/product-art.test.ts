import { describe, expect, it } from "vitest";
import { drawProductArt } from "./product-art";

describe("drawProductArt", () => {
  const tea = { slug: "pu-er-raw-cake", nameZh: "普洱生茶饼", nameEn: "Raw Pu'er cake", categorySlug: "tea" };

  it("draws the same picture for the same product and different ones for different products", () => {
    expect(drawProductArt(tea)).toBe(drawProductArt(tea));
    expect(drawProductArt(tea)).not.toBe(drawProductArt({ ...tea, slug: "other" }));
    expect(drawProductArt(tea)).toContain("普洱生茶饼");
  });

  it("escapes names so a product name cannot inject markup", () => {
    const svg = drawProductArt({ ...tea, nameZh: "<script>x</script>", nameEn: `"&'` });
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;");
  });
});
