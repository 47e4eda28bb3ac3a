import { expect, type Page } from "@playwright/test";

/**
 * Taps 加入购物车 the way a buyer with JavaScript does. The form posts through a fetcher (and
 * shows its confirmation bar) only once React has hydrated it, which is when it gains its `js`
 * field; a tap before that is a plain form post, the no-JavaScript path, which is tested apart.
 */
export async function tapAddToCart(page: Page) {
  await page.getByTestId("add-to-cart").locator('input[name="js"]').waitFor({ state: "attached" });
  await page.getByRole("button", { name: "加入购物车" }).click();
}

/**
 * From a page with the goods in the cart: the cart, the checkout as a guest collecting at the
 * booth, and the test provider's payment, until the order page says it is paid.
 */
export async function checkoutAndPay(page: Page, buyer: { name: string; phone: string; total: string }) {
  await page.getByTestId("cart-link").click();
  await page.getByRole("link", { name: "去结算" }).click();
  await page.getByLabel("姓名", { exact: true }).fill(buyer.name);
  await page.getByLabel("手机号码").fill(buyer.phone);
  await page.getByRole("button", { name: `提交订单并支付 ${buyer.total}` }).click();
  await page.getByRole("button", { name: /确认支付/ }).click();
  await expect(page.getByTestId("order-status")).toHaveText("已支付");
}
