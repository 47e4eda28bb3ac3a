import { expect, test, type Page } from "@playwright/test";
import { tapAddToCart } from "./support/cart";

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });

async function fillBoothPickup(page: Page, labels: { name: string; phone: string }) {
  await page.getByLabel(labels.name, { exact: true }).fill("王小明");
  await page.getByLabel(labels.phone).fill("138 0000 1234");
}

test("a first-time buyer finds a Yi embroidery bag by searching in Chinese and buys it on a phone", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByRole("searchbox", { name: "搜索商品" }).fill("彝绣");
  await page.getByRole("button", { name: "搜索", exact: true }).click();
  await expect(page).toHaveURL(/\/search\?q=/);
  await shot(page, "flow-zh-1-search");
  await page
    .getByRole("link", { name: /彝绣手工挎包/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/products\/yi-embroidery-shoulder-bag$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("彝绣手工挎包");
  await shot(page, "flow-zh-2-product");
  await page.screenshot({ path: "test-results/screenshots/readme-product-zh-phone.png" });

  await tapAddToCart(page);
  await expect(page.getByText("已加入购物车")).toBeVisible();
  await expect(page.getByTestId("cart-link")).toContainText("1");
  await page.getByTestId("cart-link").click();
  await expect(page.getByTestId("cart-line")).toHaveCount(1);
  await expect(page.getByTestId("cart-subtotal")).toHaveText("¥368.00");
  await shot(page, "flow-zh-3-cart");

  await page.getByRole("link", { name: "去结算" }).click();
  await fillBoothPickup(page, { name: "姓名", phone: "手机号码" });
  await shot(page, "flow-zh-4-checkout");
  await page.getByRole("button", { name: /提交订单并支付 ¥368\.00/ }).click();

  await expect(page.getByTestId("test-payment-banner")).toContainText("测试支付");
  await shot(page, "flow-zh-5-test-payment");
  await page.getByRole("button", { name: /确认支付/ }).click();

  await expect(page).toHaveURL(/\/orders\/[A-Za-z0-9_-]{32}$/);
  await expect(page.getByTestId("order-status")).toHaveText("已支付");
  await expect(page.getByTestId("order-total")).toHaveText("¥368.00");
  const receipt = page.getByTestId("receipt");
  await expect(receipt).toContainText("猛弄民绣合作社");
  await expect(receipt).toContainText("上海华阳社区华恩爱心志愿服务社");
  await expect(page.getByTestId("cart-link")).toHaveText("购物车");
  await shot(page, "flow-zh-6-order");
  await page.getByTestId("receipt").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screenshots/readme-order-zh-phone.png" });
});

test("the same purchase in English, choosing delivery and buying on behalf of an organisation", async ({ page }) => {
  await page.goto("/en/search?q=embroidery");
  await page
    .getByRole("link", { name: /Handmade Yi embroidery shoulder bag/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/en\/products\/yi-embroidery-shoulder-bag$/);
  await page.getByLabel("Quantity").fill("2");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByText("Added to your cart")).toBeVisible();
  await page.getByTestId("cart-link").click();
  await expect(page).toHaveURL(/\/en\/cart$/);
  await expect(page.getByTestId("cart-subtotal")).toHaveText("¥736.00");
  await page.getByRole("link", { name: "Check out" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Li Hua");
  await page.getByLabel("Email").fill("li.hua@example.cn");
  await page.getByLabel("Delivery to an address in mainland China").check();
  await page.getByLabel("Recipient").fill("Li Hua");
  await page.getByLabel("Province").selectOption("上海市");
  await page.getByLabel("City").fill("上海市");
  await page.getByLabel("Street address").fill("1000 Yan'an Road (M), Jing'an");
  await page.getByLabel("Buying on behalf of (optional)").selectOption("huaen-volunteers");
  await shot(page, "flow-en-4-checkout");
  await page.getByRole("button", { name: /Place order and pay ¥736\.00/ }).click();
  await expect(page.getByTestId("test-payment-banner")).toContainText("No real money moves");
  await page.getByRole("button", { name: /Confirm payment/ }).click();
  await expect(page).toHaveURL(/\/en\/orders\//);
  await expect(page.getByTestId("order-status")).toHaveText("Paid");
  // The receipt is the ledger: the direct purchase is one of the order's recorded entries.
  await expect(
    page.getByTestId("receipt").locator('[data-testid="receipt-entry"][data-target="ORGANISATION_DIRECT"]'),
  ).toContainText("¥736.00");
  await shot(page, "flow-en-6-order");
});

test("two buyers race for the last unit: one gets it, the other is told and keeps the rest of the cart", async ({
  browser,
}) => {
  const [alice, bob] = await Promise.all([browser.newPage(), browser.newPage()]);
  for (const page of [alice, bob]) {
    await page.goto("/products/malipo-yi-embroidered-phone-lanyard");
    await tapAddToCart(page);
    await expect(page.getByText("已加入购物车")).toBeVisible();
  }
  await bob.goto("/products/puer-raw-cake");
  await tapAddToCart(bob);
  await expect(bob.getByText("已加入购物车")).toBeVisible();

  for (const page of [alice, bob]) {
    await page.goto("/checkout");
    await fillBoothPickup(page, { name: "姓名", phone: "手机号码" });
  }
  await alice.getByRole("button", { name: /提交订单并支付/ }).click();
  await expect(alice.getByTestId("test-payment-banner")).toBeVisible();
  await bob.getByRole("button", { name: /提交订单并支付/ }).click();
  const alert = bob.getByTestId("sold-out-alert");
  await expect(alert).toContainText("库存不足");
  await expect(alert).toContainText("彝绣手机挂绳");
  await shot(bob, "flow-sold-out");
  await bob.getByRole("link", { name: "返回购物车修改" }).click();
  await expect(bob.getByTestId("cart-line")).toHaveCount(2);
  await expect(bob.getByText("已售罄，请移除。")).toBeVisible();
  await bob.getByTestId("cart-line").filter({ hasText: "彝绣手机挂绳" }).getByRole("button", { name: "移除" }).click();
  await expect(bob.getByTestId("cart-line")).toHaveCount(1);
  await expect(bob.getByRole("link", { name: "去结算" })).toBeVisible();
});

test("checkout with invalid fields shows each error beside its field and keeps what was typed", async ({ page }) => {
  await page.goto("/products/puer-raw-cake");
  await tapAddToCart(page);
  await expect(page.getByText("已加入购物车")).toBeVisible();
  await page.goto("/checkout");
  await page.getByLabel("姓名", { exact: true }).fill("张三");
  await page.getByLabel("手机号码").fill("12345");
  await page.getByLabel("快递到中国大陆地址").check();
  await page.getByRole("button", { name: /提交订单并支付/ }).click();
  await expect(page.getByTestId("error-contactPhone")).toHaveText(/11位中国大陆手机号码/);
  await expect(page.getByTestId("error-province")).toHaveText("请选择省份。");
  await expect(page.getByLabel("姓名", { exact: true })).toHaveValue("张三");
  await expect(page.getByLabel("手机号码")).toHaveValue("12345");
  await expect(page).toHaveURL(/\/checkout$/);
  await shot(page, "flow-checkout-errors");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the cart and checkout still work with plain form posts", async ({ page }) => {
    await page.goto("/products/puer-raw-cake");
    await page.getByRole("button", { name: "加入购物车" }).click();
    await expect(page).toHaveURL(/\/products\/puer-raw-cake$/);
    // The header's count is filled in by the page's script (pages are shared by the cache, ADR 007):
    // without JavaScript the link has no number, and the cart itself shows what is in it.
    await expect(page.getByTestId("cart-link")).toHaveText("购物车");
    await page.getByTestId("cart-link").click();
    await expect(page.getByTestId("cart-line")).toHaveCount(1);
    await page.goto("/checkout");
    await page.getByLabel("姓名", { exact: true }).fill("赵六");
    await page.getByLabel("手机号码").fill("abc");
    await page.getByRole("button", { name: /提交订单并支付/ }).click();
    await expect(page.getByTestId("error-contactPhone")).toBeVisible();
    await expect(page.getByLabel("姓名", { exact: true })).toHaveValue("赵六");
    await page.getByLabel("手机号码").fill("13900001111");
    await page.getByRole("button", { name: /提交订单并支付/ }).click();
    await page.getByRole("button", { name: /确认支付/ }).click();
    await expect(page.getByTestId("order-status")).toHaveText("已支付");
  });
});
