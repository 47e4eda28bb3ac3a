import { expect, test } from "@playwright/test";

test("the home page shows the paired regions and goods in Chinese", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle("上海消费帮扶展销会");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  const regions = page.getByTestId("region");
  await expect(regions).toHaveCount(7);
  await expect(regions.first()).toContainText("云南");
  await expect(page.getByTestId("regions").getByText("猛弄民绣合作社")).toBeVisible();
  const prices = page.getByTestId("product-price");
  expect(await prices.count()).toBeGreaterThanOrEqual(12);
  await expect(prices.first()).toHaveText(/^¥\d{1,3}(,\d{3})*\.\d{2}$/);
  await page.screenshot({ path: "test-results/screenshots/home-zh.png" });
  // Every product picture is drawn by the app and actually loads.
  const image = page.locator('[data-testid="products"] img').first();
  await image.scrollIntoViewIfNeeded();
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
});

test("the same page in English is one tap away", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "切换到英文" }).click();
  await expect(page).toHaveURL(/\/en$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { name: "Paired regions" })).toBeVisible();
  await expect(page.getByTestId("region").first()).toContainText("Yunnan");
  await page.screenshot({ path: "test-results/screenshots/home-en.png" });
});

test("reports database health", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: { engine: "pglite", reachable: true } });
});

test("the home page on a desktop screen", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/");
  await expect(page.getByTestId("region")).toHaveCount(7);
  await page.screenshot({ path: "test-results/screenshots/home-zh-desktop.png" });
});
