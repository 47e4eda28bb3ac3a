import type { Page } from "@playwright/test";

/**
 * Taps 加入购物车 the way a buyer with JavaScript does. The form posts through a fetcher (and
 * shows its confirmation bar) only once React has hydrated it, which is when it gains its `js`
 * field; a tap before that is a plain form post, the no-JavaScript path, which is tested apart.
 */
export async function tapAddToCart(page: Page) {
  await page.getByTestId("add-to-cart").locator('input[name="js"]').waitFor({ state: "attached" });
  await page.getByRole("button", { name: "加入购物车" }).click();
}
