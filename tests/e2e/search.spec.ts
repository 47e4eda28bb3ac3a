import { expect, test, type Page } from "@playwright/test";

/** The page's own search form (the site header has another). */
const searchForm = (page: Page, name = "搜索和筛选商品") => page.getByRole("search", { name });

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screenshots/search-${name}.png`, fullPage: true });

test("searching 普洱 from the results page finds the Pu'er teas", async ({ page }) => {
  await page.goto("/search");
  await expect(page.getByRole("heading", { level: 1, name: "搜索商品" })).toBeVisible();
  await expect(page.getByTestId("search-start")).toBeVisible();

  await searchForm(page).getByLabel("商品名、合作社或产地").fill("普洱");
  await searchForm(page).getByRole("button", { name: "搜索", exact: true }).click();

  await expect(page).toHaveURL(/\/search\?q=%E6%99%AE%E6%B4%B1$/);
  await expect(page).toHaveTitle("“普洱”的搜索结果 | 上海消费帮扶展销会");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("“普洱”的搜索结果");
  const names = page.getByTestId("search-results").getByTestId("product-name");
  await expect(names.first()).toBeVisible();
  await expect(names).toContainText(["普洱熟茶"]);
  const all = await names.allTextContents();
  expect(all).toEqual(expect.arrayContaining(["普洱生茶饼", "普洱熟茶"]));
  for (const name of all) expect(name).toContain("普洱");
  await expect(page.getByTestId("search-count")).toContainText(`共 ${all.length} 件商品`);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex, follow");
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/search$/);
  await shot(page, "zh-puer");
});

test("searching coffee in English matches English names, whatever the case", async ({ page }) => {
  await page.goto("/en/search?q=tea");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const form = searchForm(page, "Search and filter products");
  await form.getByLabel("Product, cooperative or place").fill("COFFEE");
  await form.getByRole("button", { name: "Search", exact: true }).click();

  await expect(page).toHaveURL(/\/en\/search\?q=COFFEE$/);
  await expect(page).toHaveTitle(/^Results for “COFFEE”/);
  const names = page.getByTestId("search-results").getByTestId("product-name");
  await expect(names.first()).toBeVisible();
  const all = await names.allTextContents();
  expect(all.length).toBeGreaterThanOrEqual(5);
  for (const name of all) expect(name.toLowerCase()).toContain("coffee");
  await shot(page, "en-coffee");
});

test("a filter narrows the results, shows as a removable chip, and the county list follows the region", async ({
  page,
}) => {
  await page.goto("/search?q=茶");
  const before = Number((await page.getByTestId("search-count").textContent())!.match(/\d+/)![0]);

  await searchForm(page).getByText("筛选", { exact: true }).click();
  await page.getByLabel("对口地区").selectOption("yunnan");
  // Only Yunnan's counties are offered now.
  const counties = page.getByLabel("帮扶县（区）").locator("option");
  await expect(counties.filter({ hasText: "澜沧县" })).toHaveCount(1);
  await expect(counties.filter({ hasText: "正安县" })).toHaveCount(0);
  await page.getByLabel("只看认定帮扶产品").check();
  await page.getByLabel("最高价（元）").fill("200");
  await page.getByRole("button", { name: "应用筛选" }).click();

  await expect(page).toHaveURL(/[?&]region=yunnan/);
  await expect(page).toHaveURL(/[?&]certified=1/);
  await expect(page).toHaveURL(/[?&]max=200/);
  const chips = page.getByTestId("active-filters");
  await expect(chips.getByRole("link", { name: "去掉筛选条件：云南" })).toBeVisible();
  const after = Number((await page.getByTestId("search-count").textContent())!.match(/\d+/)![0]);
  expect(after).toBeGreaterThan(0);
  expect(after).toBeLessThan(before);
  for (const price of await page.getByTestId("product-price").allTextContents()) {
    expect(Number(price.replace(/[¥,]/g, ""))).toBeLessThanOrEqual(200);
  }
  await shot(page, "zh-filtered");

  await chips.getByRole("link", { name: "去掉筛选条件：云南" }).click();
  await expect(page).not.toHaveURL(/region=/);
  await expect(page).toHaveURL(/certified=1/);
});

test("pages through all goods with prev/next links", async ({ page }) => {
  await page.goto("/search?sort=price-asc");
  await expect(page.getByTestId("search-count")).toContainText(/第 1 \/ \d+ 页/);
  await expect(page.getByTestId("search-results").locator("li")).toHaveCount(24);
  const firstPage = await page.getByTestId("product-name").allTextContents();

  await page.getByRole("link", { name: "下一页" }).click();
  await expect(page).toHaveURL(/sort=price-asc&page=2$/);
  await expect(page.getByTestId("search-count")).toContainText(/第 2 \/ \d+ 页/);
  const secondPage = await page.getByTestId("product-name").allTextContents();
  expect(secondPage.filter((name) => firstPage.includes(name))).toEqual([]);
  await shot(page, "zh-page2");

  await page.getByRole("link", { name: "上一页" }).click();
  await expect(page.getByTestId("search-count")).toContainText(/第 1 \/ \d+ 页/);
});

test("an absurd query gets a helpful page, not an error", async ({ page }) => {
  const response = await page.goto(
    `/search?q=${encodeURIComponent("' OR 1=1 -- <script>alert(1)</script> 🍵")}&page=-3&min=abc&region=unknown`,
  );
  expect(response?.status()).toBe(200);
  const notes = page.getByTestId("search-notes");
  await expect(notes).toContainText("页码无效");
  await expect(notes).toContainText("最低价不是有效的金额");
  await expect(notes).toContainText("没有这个对口地区");
  const empty = page.getByTestId("search-empty");
  await expect(empty.getByRole("heading", { level: 2 })).toContainText("没有找到与");
  await expect(empty.getByTestId("suggested-categories").getByRole("link").first()).toBeVisible();
  await expect(page.getByTestId("search-count")).toContainText("共 0 件商品");
  await shot(page, "zh-absurd");

  await empty.getByTestId("suggested-regions").getByRole("link", { name: "云南" }).click();
  await expect(page).toHaveURL(/\/search\?region=yunnan$/);
  await expect(page.getByTestId("search-results").locator("li").first()).toBeVisible();
});

test("an English search that finds nothing explains itself and offers a way out", async ({ page }) => {
  await page.goto(`/en/search?q=${"z".repeat(2000)}&category=tea&max=0`);
  await expect(page.getByTestId("search-notes")).toContainText("only its first 100 characters");
  await expect(page.getByTestId("search-notes")).toContainText("maximum price is not an amount");
  const empty = page.getByTestId("search-empty");
  await expect(empty).toContainText("No products match");
  await expect(empty.getByRole("link", { name: /without filters/ })).toBeVisible();
  await shot(page, "en-empty");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form and the page links still work", async ({ page }) => {
    await page.goto("/search");
    await searchForm(page).getByLabel("商品名、合作社或产地").fill("核桃");
    await searchForm(page).getByRole("button", { name: "搜索", exact: true }).click();
    await expect(page).toHaveURL(/q=%E6%A0%B8%E6%A1%83/);
    await expect(page.getByTestId("search-results").getByTestId("product-name").first()).toContainText("核桃");

    await page.goto("/search");
    await page.getByRole("link", { name: "下一页" }).click();
    await expect(page).toHaveURL(/page=2$/);
    await expect(page.getByTestId("search-count")).toContainText(/第 2 \/ \d+ 页/);
  });
});

test("the search page on a desktop screen", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/search?q=茶&region=yunnan");
  await expect(page.getByTestId("search-results").locator("li").first()).toBeVisible();
  await shot(page, "zh-desktop");
  await page.goto("/en/search?q=yak");
  await expect(page.getByTestId("search-results").locator("li").first()).toBeVisible();
  await shot(page, "en-desktop");
});

test("only 'en' is a language prefix", async ({ request }) => {
  expect((await request.get("/fr/search?q=tea")).status()).toBe(404);
});
