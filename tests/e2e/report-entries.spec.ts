import { expect, test, type Page } from "@playwright/test";
import { tapAddToCart } from "./support/cart";

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });

test("the receipt is the ledger, and a report cell drills through to its entries and on to an order", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  // A citizen buys Golog yak jerky (Maqin County) and pays; the order page shows its ledger entries.
  await page.goto("/products/golog-air-dried-yak-jerky");
  await tapAddToCart(page);
  await expect(page.getByText("已加入购物车")).toBeVisible();
  await page.getByTestId("cart-link").click();
  await page.getByRole("link", { name: "去结算" }).click();
  await page.getByLabel("姓名", { exact: true }).fill("王小明");
  await page.getByLabel("手机号码").fill("138 0000 1234");
  await page.getByRole("button", { name: /提交订单并支付 ¥98\.00/ }).click();
  // Unpaid: the receipt says what will be recorded, and that nothing is yet.
  const receipt = page.getByTestId("receipt");
  if (await receipt.isVisible()) {
    await expect(receipt).toHaveAttribute("data-recorded", "false");
    await expect(receipt).toContainText("尚未记账");
  }
  await page.getByRole("button", { name: /确认支付/ }).click();
  await expect(page.getByTestId("order-status")).toHaveText("已支付");
  await expect(receipt).toHaveAttribute("data-recorded", "true");
  await expect(receipt.getByTestId("receipt-event")).toHaveCount(1);
  // Maqin county's entry (the cooperative's name also says 玛沁).
  await expect(
    receipt.locator('[data-testid="receipt-entry"][data-target="COUNTY"]').filter({ hasText: "玛沁" }),
  ).toContainText("¥98.00");
  await receipt.scrollIntoViewIfNeeded();
  await receipt.screenshot({ path: "test-results/screenshots/receipt-phone.png" });
  const orderNumber = (await page.locator("header .font-mono").first().textContent())!.trim();

  // The organiser signs in and opens Golog's counties.
  await page.goto("/login?redirectTo=%2Fadmin%2Freports%3Fregion%3Dqinghai-golog");
  await page.getByLabel("电子邮箱").fill("organiser@fair.example");
  await page.getByLabel("密码").fill("fair-organiser-2026");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/reports\?region=qinghai-golog$/);

  // Click 1: Maqin county's net figure.
  const row = page.getByTestId("table-places").getByRole("row").filter({ hasText: "玛沁县" });
  const cell = row.getByRole("link").nth(1); // the name, then the net figure
  const figure = (await cell.textContent())!.trim();
  await cell.click();
  await expect(page).toHaveURL(/\/admin\/reports\/entries\?.*county=maqin/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("台账明细");
  const total = page.getByTestId("entries-total");
  await expect(total).toContainText(figure);
  const entry = page.getByTestId("entry-row").filter({ hasText: orderNumber });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText("线上下单·展位自提");
  await expect(entry).toContainText("¥98.00");
  await shot(page, "report-entries-phone");

  // Click 2: the order.
  await entry.getByRole("link", { name: orderNumber }).click();
  await expect(page).toHaveURL(/\/admin\/orders\/[0-9a-f-]{36}$/);
  await expect(page.locator("body")).toContainText("¥98.00");
});
