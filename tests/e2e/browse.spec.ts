import { expect, test, type Page } from "@playwright/test";
import { collectHydrationErrors } from "./support/hydration";

const PRODUCT = "yi-embroidery-shoulder-bag";

/** Every JSON-LD block on the page, parsed. */
async function jsonLd(page: Page): Promise<Record<string, unknown>[]> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.map((text) => JSON.parse(text) as Record<string, unknown>);
}

/** The page links to itself as canonical and to both languages, Chinese being the default. */
async function expectAlternates(page: Page, path: string, locale: "zh" | "en") {
  const zh = new RegExp(`^https?://[^/]+${path === "/" ? "/?" : path}$`);
  const en = new RegExp(`^https?://[^/]+/en${path === "/" ? "" : path}$`);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", locale === "zh" ? zh : en);
  await expect(page.locator('link[rel="alternate"][hreflang="zh-CN"]')).toHaveAttribute("href", zh);
  await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute("href", en);
  await expect(page.locator('link[rel="alternate"][hreflang="x-default"]')).toHaveAttribute("href", zh);
}

test("Chinese: home → region → county → cooperative → product", async ({ page }) => {
  const errors = collectHydrationErrors(page);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("上海消费帮扶展销会");
  await expect(page.getByTestId("fair-name")).toHaveText("2026上海市对口帮扶地区特色商品展销会");
  await expect(page.getByTestId("fair")).toContainText("专业采购日");
  await expect(page.getByTestId("fair")).toContainText("公众开放日");
  await expect(page.getByTestId("fair")).toContainText("上海展览中心");
  await expect(page.getByTestId("featured-cooperatives").getByTestId("cooperative").first()).toBeVisible();
  await expect(page.getByTestId("categories").getByRole("link", { name: /茶叶/ })).toBeVisible();
  await expectAlternates(page, "/", "zh");

  await page.getByTestId("regions").getByRole("link", { name: "云南", exact: true }).click();
  await expect(page).toHaveURL(/\/regions\/yunnan$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("云南");
  await expect(page.getByTestId("partners").getByTestId("partner").first()).toBeVisible();
  await expectAlternates(page, "/regions/yunnan", "zh");
  await page.screenshot({ path: "test-results/screenshots/region-zh.png", fullPage: true });

  await page.getByTestId("counties").getByRole("link", { name: "元阳县", exact: true }).click();
  await expect(page).toHaveURL(/\/counties\/yuanyang$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("元阳县");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("重点帮扶县");
  await expect(page.getByTestId("breadcrumbs").getByRole("link", { name: "云南" })).toHaveAttribute(
    "href",
    "/regions/yunnan",
  );
  await expectAlternates(page, "/counties/yuanyang", "zh");
  await page.screenshot({ path: "test-results/screenshots/county-zh.png", fullPage: true });

  await page.getByTestId("cooperatives").getByRole("link", { name: "猛弄民绣合作社" }).click();
  await expect(page).toHaveURL(/\/cooperatives\/mengnong-embroidery$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("猛弄民绣合作社");
  await expect(page.getByTestId("linkage")).toHaveText("工资性");
  await expect(page.getByTestId("households")).toHaveText("156 户");
  await expect(page.getByTestId("booth")).toHaveText("展位 A-101");
  await expect(page.getByTestId("partners")).toContainText("华恩");
  await expectAlternates(page, "/cooperatives/mengnong-embroidery", "zh");
  await page.screenshot({ path: "test-results/screenshots/cooperative-zh.png", fullPage: true });

  await page
    .getByTestId("products")
    .getByRole("link", { name: /彝绣手工挎包/ })
    .click();
  await expect(page).toHaveURL(new RegExp(`/products/${PRODUCT}$`));
  await expect(page).toHaveTitle(/^彝绣手工挎包 · 猛弄民绣合作社 \| 上海消费帮扶展销会$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("彝绣手工挎包");
  // The first price is the product's own; "more from this cooperative" cards follow.
  await expect(page.getByTestId("product-price").first()).toHaveText("¥368.00");
  await expect(page.getByTestId("stock-state")).toHaveText("有货");
  await expect(page.getByTestId("certification-badge")).toHaveText(/认定帮扶产品/);
  await expect(page.getByTestId("certificate-number")).toHaveText("SH-FP-2025-00101");
  const provenance = page.getByTestId("provenance");
  await expect(provenance.getByRole("link", { name: /云南/ })).toHaveAttribute("href", "/regions/yunnan");
  await expect(provenance.getByRole("link", { name: /元阳县/ })).toHaveAttribute("href", "/counties/yuanyang");
  await expect(provenance.getByRole("link", { name: /猛弄民绣合作社/ })).toHaveAttribute(
    "href",
    "/cooperatives/mengnong-embroidery",
  );
  await expect(page.getByTestId("attribution")).toContainText("猛弄民绣合作社、元阳县和云南");
  await expect(page.getByTestId("partner")).toHaveCount(2);
  await expect(page.getByLabel("数量")).toBeVisible();
  await expect(page.getByTestId("product-image")).toHaveAttribute("alt", /彝绣手工挎包/);
  await expectAlternates(page, `/products/${PRODUCT}`, "zh");
  const ld = await jsonLd(page);
  const product = ld.find((block) => block["@type"] === "Product");
  expect(product).toMatchObject({
    name: "彝绣手工挎包",
    offers: { "@type": "Offer", price: "368.00", priceCurrency: "CNY", availability: "https://schema.org/InStock" },
  });
  expect(ld.find((block) => block["@type"] === "BreadcrumbList")).toBeTruthy();
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute("content", "product");
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", /^https?:\/\/.+\.svg$/);
  await page.screenshot({ path: "test-results/screenshots/product-zh.png", fullPage: true });
  expect(errors).toEqual([]);
});

test("English: the same walk under /en, one tap from Chinese", async ({ page }) => {
  const errors = collectHydrationErrors(page);
  await page.goto(`/products/${PRODUCT}`);
  await page.getByRole("link", { name: "切换到英文" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/products/${PRODUCT}$`));
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Handmade Yi embroidery shoulder bag");
  await expect(page.getByTestId("certification-badge")).toHaveText(/Certified assistance product/);
  await expect(page.getByTestId("stock-state")).toHaveText("In stock");
  await expect(page.getByTestId("provenance").getByRole("link", { name: /Yuanyang County/ })).toHaveAttribute(
    "href",
    "/en/counties/yuanyang",
  );
  await expectAlternates(page, `/products/${PRODUCT}`, "en");
  const product = (await jsonLd(page)).find((block) => block["@type"] === "Product");
  expect(product).toMatchObject({ name: "Handmade Yi embroidery shoulder bag", offers: { price: "368.00" } });
  await page.screenshot({ path: "test-results/screenshots/product-en.png", fullPage: true });

  await page.goto("/en");
  await expect(page.getByTestId("fair")).toContainText("Trade days");
  await page.getByTestId("regions").getByRole("link", { name: "Yunnan", exact: true }).click();
  await expect(page).toHaveURL(/\/en\/regions\/yunnan$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Yunnan");
  await expectAlternates(page, "/regions/yunnan", "en");
  await page.screenshot({ path: "test-results/screenshots/region-en.png", fullPage: true });

  await page.getByTestId("counties").getByRole("link", { name: "Yuanyang County", exact: true }).click();
  await expect(page).toHaveURL(/\/en\/counties\/yuanyang$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Key assisted county");
  await page.screenshot({ path: "test-results/screenshots/county-en.png", fullPage: true });

  await page.getByTestId("cooperatives").getByRole("link", { name: "Mengnong Folk Embroidery Cooperative" }).click();
  await expect(page).toHaveURL(/\/en\/cooperatives\/mengnong-embroidery$/);
  await expect(page.getByTestId("linkage")).toHaveText("Wages");
  await expect(page.getByTestId("households")).toHaveText("156 households");
  await expect(page.getByTestId("booth")).toHaveText("Booth A-101");
  await expectAlternates(page, "/cooperatives/mengnong-embroidery", "en");
  await page.screenshot({ path: "test-results/screenshots/cooperative-en.png", fullPage: true });

  await page
    .getByTestId("products")
    .getByRole("link", { name: /Handmade Yi embroidery shoulder bag/ })
    .click();
  await expect(page).toHaveURL(new RegExp(`/en/products/${PRODUCT}$`));
  expect(errors).toEqual([]);
});

test("a lapsed certificate says so, and a sold-out product cannot be added", async ({ page }) => {
  await page.goto("/products/puer-tea-gift-set");
  await expect(page.getByTestId("certification-badge")).toHaveText(/认定已过期/);
  await expect(page.getByText(/证书已于 2026年6月19日 到期/)).toBeVisible();

  await page.goto("/en/products/meitan-cuiya-gift");
  await expect(page.getByTestId("stock-state")).toHaveText("Sold out");
  await expect(page.getByTestId("sold-out")).toBeVisible();
  const product = (await jsonLd(page)).find((block) => block["@type"] === "Product");
  expect(product).toMatchObject({ offers: { availability: "https://schema.org/OutOfStock" } });
});

test("a category lists its goods and the other categories", async ({ page }) => {
  await page.goto("/categories/tea");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("茶叶");
  await expect(page.getByRole("link", { name: "茶叶", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("products").getByRole("listitem").first()).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/category-zh.png", fullPage: true });
  await page.goto("/en/categories/tea");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tea");
  await expectAlternates(page, "/categories/tea", "en");
  await page.screenshot({ path: "test-results/screenshots/category-en.png", fullPage: true });
});

test("unknown pages and languages are 404", async ({ request }) => {
  expect((await request.get("/products/no-such-product")).status()).toBe(404);
  expect((await request.get(`/fr/products/${PRODUCT}`)).status()).toBe(404);
  expect((await request.get("/regions/atlantis")).status()).toBe(404);
  expect((await request.get("/categories/tea?page=999")).status()).toBe(404);
});

test("sitemap.xml lists both languages and robots.txt points to it", async ({ request }) => {
  const sitemap = await request.get("/sitemap.xml");
  expect(sitemap.status()).toBe(200);
  expect(sitemap.headers()["content-type"]).toContain("application/xml");
  const xml = await sitemap.text();
  expect(xml).toMatch(new RegExp(`<loc>https?://[^<]+/products/${PRODUCT}</loc>`));
  expect(xml).toMatch(new RegExp(`<loc>https?://[^<]+/en/products/${PRODUCT}</loc>`));
  expect(xml).toMatch(/<loc>https?:\/\/[^<]+\/en\/regions\/yunnan<\/loc>/);

  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toContain("Disallow: /checkout");
  expect(robots).toMatch(/Sitemap: https?:\/\/.+\/sitemap\.xml/);
});

test("the product page on a desktop screen", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/products/${PRODUCT}`);
  await expect(page.getByTestId("provenance")).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/product-zh-desktop.png", fullPage: true });
});
