import { expect, test } from "@playwright/test";
import { signIn } from "./support/accounts";
import { checkoutAndPay } from "./support/cart";

// An organiser refunds part of an order from its console page. Pressing Enter in a quantity field
// submits the form with its first submit button (the browser's implicit submission, with or without
// JavaScript): that must be the part refund, never "refund everything".
test("Enter in a refund quantity refunds that quantity, not the whole order", async ({ page, browser }) => {
  // A purchase, a sign-in and a refund through the test provider: slow on a busy machine.
  test.slow();
  await page.goto("/products/golog-air-dried-yak-jerky");
  const addToCart = page.getByTestId("add-to-cart");
  await addToCart.locator('input[name="js"]').waitFor({ state: "attached" });
  await addToCart.getByLabel("数量").fill("2");
  await page.getByRole("button", { name: "加入购物车" }).click();
  await expect(page.getByText("已加入购物车")).toBeVisible();
  await checkoutAndPay(page, { name: "李退款", phone: "138 0000 5678", total: "¥196.00" });
  const orderNumber = (await page.getByText("订单号").locator("span.font-mono").textContent())!.trim();

  const organiser = await (await browser.newContext()).newPage();
  await signIn(organiser, "organiser@fair.example", "fair-organiser-2026");
  await organiser.goto("/admin");
  await organiser.getByRole("link", { name: orderNumber, exact: true }).click();
  const form = organiser.getByTestId("refund-form");
  await expect(form).toContainText("2/2 × ¥98.00");
  await form.getByLabel("退回原因").fill("买家退回一袋");
  await form.getByLabel("数量").fill("1");
  await form.getByLabel("数量").press("Enter");
  await expect(organiser.getByRole("status")).toContainText("退款已提交");
  await expect(form).toContainText("1/2 × ¥98.00");
});
