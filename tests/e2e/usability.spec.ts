import { expect, test, type Page } from "@playwright/test";
import { tapAddToCart } from "./support/cart";

// The phone the outside run used: 390×844 (an iPhone 12–15 in portrait).
test.use({ viewport: { width: 390, height: 844 } });
const PHONE_HEIGHT = 844;

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png` });
const PRODUCT = "/products/golog-air-dried-yak-jerky";

async function inFirstScreen(page: Page, testId: string) {
  const box = (await page.getByTestId(testId).first().boundingBox())!;
  expect(box, testId).not.toBeNull();
  return box.y >= 0 && box.y + box.height <= PHONE_HEIGHT;
}

test("item 10: after 加入购物车 the confirmation and 去结算 are where the thumb is", async ({ page }) => {
  await page.goto(PRODUCT);
  await tapAddToCart(page);
  const status = page.getByTestId("add-to-cart-status");
  await expect(status).toContainText("已加入购物车");
  expect(await inFirstScreen(page, "add-to-cart-status")).toBe(true);
  const checkout = status.getByRole("link", { name: "去结算" });
  await expect(checkout).toBeInViewport();
  await shot(page, "usability-10-added-toast-390");
  await checkout.click();
  await expect(page).toHaveURL(/\/checkout$/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  /** Fills the quantity with the most the form allows (the per-line limit, or the stock if lower). */
  async function fillMost(page: Page) {
    const quantity = page.getByLabel("数量");
    await quantity.fill((await quantity.getAttribute("max"))!);
  }

  /** Sends `quantity=abc` whatever the form says: a quantity the form itself would never send. */
  async function tamperQuantity(page: Page) {
    await page.route(
      // A plain post goes to /cart; a fetcher's (single fetch) to /cart.data.
      (url) => url.pathname === "/cart" || url.pathname === "/cart.data",
      (route) =>
        route.continue({
          postData: route
            .request()
            .postData()!
            .replace(/quantity=\d+/, "quantity=abc"),
        }),
    );
  }

  test("item 11: a limited or refused add-to-cart shows the same message as with JavaScript", async ({
    page,
    browser,
  }) => {
    // With JavaScript: an add that reaches the line's cap (the per-line limit, or the stock if lower) is limited.
    const withJs = await browser.newPage({ viewport: { width: 390, height: 844 }, javaScriptEnabled: true });
    await withJs.goto(PRODUCT);
    await fillMost(withJs);
    await tapAddToCart(withJs);
    const jsStatus = withJs.getByTestId("add-to-cart-status");
    await expect(jsStatus).toContainText("已加入购物车");
    // The limit's message is the innermost span under 已加入购物车.
    const limited = jsStatus.locator("span span");
    await expect(limited).toHaveText(/每种商品最多购买|库存只剩/);
    const jsLimited = (await limited.textContent())!.trim();
    // A tampered quantity: the action's 400, in the same bar.
    await withJs.reload();
    await tamperQuantity(withJs);
    await tapAddToCart(withJs);
    await expect(jsStatus).toContainText("请求无效，请重试。");
    const jsRefused = (await jsStatus.textContent())!.trim();
    await withJs.close();

    // Without JavaScript: the same two posts, answered on the cart page with the same words.
    await page.goto(PRODUCT);
    await fillMost(page);
    await page.getByRole("button", { name: "加入购物车" }).click();
    await expect(page.getByTestId("cart-action-message")).toContainText(jsLimited);
    await shot(page, "usability-11-nojs-limited-390");

    await page.goto(PRODUCT);
    await tamperQuantity(page);
    await page.getByRole("button", { name: "加入购物车" }).click();
    await expect(page.getByTestId("cart-action-message")).toContainText(jsRefused);
    await shot(page, "usability-11-nojs-bad-quantity-390");
  });
});

test("item 12: /admin/reports on a phone shows figures first, filters folded, one name for the page", async ({
  page,
}) => {
  await page.goto("/login?redirectTo=%2Fadmin%2Freports");
  await page.getByLabel("电子邮箱").fill("organiser@fair.example");
  await page.getByLabel("密码").fill("fair-organiser-2026");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/reports$/);
  // The URL changes before the new page has rendered: wait for the report's heading itself.
  await expect(page.getByRole("heading", { level: 1 }).first()).toContainText("帮扶成效报告");
  await expect(page.getByRole("link", { name: "帮扶成效报告" }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "帮扶报表" })).toHaveCount(0);
  const firstFigure = page.getByTestId("headline-net");
  const box = (await firstFigure.boundingBox())!;
  expect(box.y).toBeLessThan(PHONE_HEIGHT);
  // The filters come after the figures, folded until asked for.
  const filters = page.getByTestId("filters");
  expect((await filters.boundingBox())!.y).toBeGreaterThan(box.y);
  await expect(filters).not.toHaveAttribute("open", "");
  await expect(page.getByLabel("开始日期")).toBeHidden();
  await shot(page, "usability-12-reports-390");
  await filters.locator("summary").click();
  await expect(page.getByLabel("开始日期")).toBeVisible();
});

test("item 13: the test payment page names the order, what is paid for, and the tab says which order", async ({
  page,
}) => {
  await page.goto(PRODUCT);
  await tapAddToCart(page);
  await page.getByTestId("add-to-cart-status").getByRole("link", { name: "去结算" }).click();
  await page.getByLabel("姓名", { exact: true }).fill("王小明");
  await page.getByLabel("手机号码").fill("138 0000 1234");
  await page.getByRole("button", { name: /提交订单并支付/ }).click();
  await expect(page).toHaveURL(/\/pay\/test\//);
  const number = (await page.getByTestId("pay-order-number").locator("span").textContent())!.trim();
  expect(number).toMatch(/^[0-9A-Z-]{8}$/);
  await expect(page).toHaveTitle(new RegExp(`测试支付 · 订单 ${number}`));
  await expect(page.getByText("本次支付的商品")).toBeVisible();
  await expect(page.getByText(/牦牛肉干/).first()).toBeVisible();
  await shot(page, "usability-13-test-payment-390");
});

test("item 14: the English header's search placeholder fits at 390 px", async ({ page }) => {
  await page.goto("/en");
  const search = page.locator("#site-search");
  const fits = await search.evaluate((input: HTMLInputElement) => {
    const style = getComputedStyle(input);
    const context = document.createElement("canvas").getContext("2d")!;
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return { text: context.measureText(input.placeholder).width, room };
  });
  expect(fits.text).toBeLessThanOrEqual(fits.room);
  await shot(page, "usability-14-en-header-390");
});
