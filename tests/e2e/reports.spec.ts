import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { checkoutAndPay, tapAddToCart } from "./support/cart";
import { collectHydrationErrors } from "./support/hydration";

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });

test("an organiser sees what the fair brought to Golog's counties, and through whom, in two clicks, and exports it", async ({
  page,
}) => {
  // A purchase, a sign-in, a drill-through and back, a download: more than a minute on a busy machine.
  test.slow();
  // A citizen buys Golog yak jerky (Maqin County; its cooperative is paired with a retail alliance).
  await page.goto("/products/golog-air-dried-yak-jerky");
  await tapAddToCart(page);
  await expect(page.getByText("已加入购物车")).toBeVisible();
  await checkoutAndPay(page, { name: "王小明", phone: "138 0000 1234", total: "¥98.00" });

  // The organiser signs in and lands on the report.
  const errors = collectHydrationErrors(page);
  await page.goto("/login?redirectTo=%2Fadmin%2Freports");
  await page.getByLabel("电子邮箱").fill("organiser@fair.example");
  await page.getByLabel("密码").fill("fair-organiser-2026");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/reports$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("帮扶成效报告");
  await expect(page.getByTestId("headline-net").locator("dd").first()).not.toHaveText("¥0.00");
  // Orders and buyers say they are net of full refunds, with the gross beside them.
  await expect(page.getByTestId("headline-orders")).toContainText("已支付订单（扣除全额退款）");
  await expect(page.getByTestId("headline-orders")).toContainText(/共支付 [\d,]+ 单，其中 [\d,]+ 单已全额退款/);
  await expect(page.getByTestId("headline-buyers")).toContainText("购买人数（扣除全额退款）");
  // The order just paid (online, picked up at the booth) is named so, not counted as a booth sale.
  const channels = page.getByTestId("headline-channels");
  await expect(channels.getByTestId("headline-channel-onlinePickup")).toContainText("线上下单·展位自提");
  await expect(channels.getByTestId("headline-channel-booth")).toContainText("展位现场销售");
  await expect(channels).toContainText("不计入展位现场销售");
  const pickup = channels.getByTestId("headline-channel-onlinePickup-entries");
  await expect(pickup).not.toHaveText("¥0.00");
  await page.locator('section[aria-labelledby="headline-heading"]').screenshot({
    path: "test-results/screenshots/reports-headline-channels.png",
  });
  // Its figure drills through to online pickups only.
  const pickupFigure = (await pickup.textContent())!.trim();
  await pickup.click();
  await expect(page).toHaveURL(/\/admin\/reports\/entries\?(?=.*channel=ONLINE)(?=.*fulfilment=pickup)/);
  await expect(page.getByTestId("entries-total")).toContainText(pickupFigure);
  const rows = page.getByTestId("entry-row");
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allTextContents()) expect(text).toContain("线上下单·展位自提");
  await page.goBack();
  await expect(page).toHaveURL(/\/admin\/reports$/);

  // Click 1: the region.
  await page.getByTestId("table-places").getByRole("link", { name: "青海果洛", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/reports\?region=qinghai-golog$/);
  await expect(page.getByTestId("scope-trail")).toContainText("青海果洛");
  const pairs = page.getByTestId("table-placeOrganisations");
  await expect(pairs.getByRole("heading")).toHaveText("各县区的帮扶组织");
  const maqin = pairs.getByRole("row").filter({ hasText: "玛沁县" }).filter({ hasText: "沪上民营商超消费帮扶联盟" });
  await expect(maqin).toHaveCount(1);
  await shot(page, "reports-e2e-golog-phone");

  // Click 2: the export of that very table.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    pairs.getByRole("link", { name: /导出 CSV/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("帮扶成效-各县区的帮扶组织-青海果洛.csv");
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString("utf8");
  expect(text.split("\r\n")[0]).toBe("县区,帮扶组织,类型,帮助销售,直接采购");
  const assisted = (await maqin.getByRole("cell").nth(2).textContent())!.replace(/[¥,]/g, "");
  expect(text).toContain(`玛沁县,沪上民营商超消费帮扶联盟,民营企业,${assisted},0.00\r\n`);

  // The same view in English keeps the filters.
  await page.getByTestId("language-switch").click(); // the header's, the one language button of the page
  await expect(page).toHaveURL(/\/admin\/reports\?lang=en&region=qinghai-golog$/);
  await expect(pairs.getByRole("heading")).toHaveText("Organisations by county");
  expect(errors).toEqual([]);
});

test("the public transparency page needs no sign-in and shows every region", async ({ page }) => {
  await page.goto("/transparency");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("帮扶成效公示");
  await expect(page.getByTestId("regions-table").getByRole("row")).toHaveCount(1 + 7 + 1);
  await expect(page.getByText("销售额如何计算")).toBeVisible();
  await shot(page, "transparency-e2e-zh-phone");
  await page.goto("/en/transparency");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Transparency: what the fair brought");
});
