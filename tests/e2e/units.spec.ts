import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect as baseExpect, test, type Browser, type Page } from "@playwright/test";

/*
 * Issue 17's "done when" journey, end to end on the production build and the demo fair, every step
 * done through the pages: an organiser invites a unit; its buyer uploads a 50-row recipient list
 * with one bad row, fixes it and orders, paying by bank transfer; the organiser records the
 * transfer (a mismatched one, on a demo order, is held first); the unit requests its invoices,
 * split per cooperative; each cooperative sees its own lines and its invoice request and issues
 * it; the unit's statement and the organisers' units view show the amount, and `ledger:verify`
 * passes against this server's own database (the script reaches it through the server's socket).
 */
const port = Number(process.env.E2E_PORT ?? 3100);
// A long journey of sign-ins (each a deliberately slow password hash) on a shared machine: each
// step may wait longer than the default for its page, though nothing here asserts how long.
const expect = baseExpect.configure({ timeout: 20_000 });
const run = promisify(execFile);

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });

async function signIn(browser: Browser, email: string, password: string, to: string) {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`/login?redirectTo=${encodeURIComponent(to)}`);
  await page.getByLabel("电子邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${to.replace(/[?]/g, "\\?")}$`));
  return page;
}

async function ledgerVerify() {
  const { stdout } = await run("npx", ["tsx", "scripts/ledger-verify.ts"], {
    env: { ...process.env, PGLITE_DATA_DIR: `.data/e2e-${port}`, DATABASE_URL: "" },
  });
  return stdout;
}

test("a unit is invited, orders for 50 recipients, pays by transfer and requests invoices; cooperatives see their lines and invoices; its statement and the units view show the money and the ledger reconciles", async ({
  browser,
}) => {
  test.setTimeout(420_000);
  const organiser = await signIn(browser, "organiser@fair.example", "fair-organiser-2026", "/admin/units");

  // 1. The organiser registers a unit and invites its buyer through the invitation flow.
  await organiser.getByLabel("单位名称（中文）").fill("上海市长宁区机关事务管理局");
  await organiser.getByLabel("单位名称（英文）").fill("Changning District Government Offices Administration");
  await organiser.getByLabel("网址标识").fill("changning-offices");
  await organiser.getByLabel("单位类型").selectOption("AGENCY");
  await organiser.getByLabel("统一社会信用代码").fill("91310000132200821A");
  await organiser.getByRole("button", { name: "登记", exact: true }).click();
  await expect(organiser.getByText("统一社会信用代码校验位不符，请核对营业执照")).toBeVisible();
  await organiser.getByLabel("统一社会信用代码").fill("91310000132200821H");
  await organiser.getByRole("button", { name: "登记", exact: true }).click();
  await expect(organiser.getByTestId("unit-created")).toBeVisible();
  await organiser.getByTestId("unit-created").getByRole("link", { name: "邀请采购人员" }).click();
  await expect(organiser.getByLabel(/采购单位/)).toHaveValue(/.+/);
  await organiser.getByLabel("被邀请人邮箱").fill("buyer@changning.example");
  await organiser.getByRole("button", { name: "发送邀请" }).click();
  const link = await organiser.getByTestId("invitation-link").getByRole("link").getAttribute("href");
  const buyer = await (await browser.newContext()).newPage();
  await buyer.goto(new URL(link!).pathname); // the link names PUBLIC_BASE_URL, not this test server
  await expect(buyer.getByText("上海市长宁区机关事务管理局（单位采购人员）")).toBeVisible();
  await buyer.getByLabel("你的名字").fill("长宁采购员");
  await buyer.getByLabel(/新密码/).fill("changning-buyer-2026");
  await buyer.getByRole("button", { name: "创建账户" }).click();
  await expect(buyer).toHaveURL(/\/unit$/);
  // The unit's buyer reaches neither the console nor the portal.
  expect((await buyer.goto("/admin/units"))!.status()).toBe(403);
  expect((await buyer.goto("/portal/invoices"))!.status()).toBe(403);

  // 2. The unit uploads a 50-row recipient list with one bad row, is told which, fixes it and
  // uploads again; the preview totals each product; it confirms, choosing bank transfer.
  const rows = (badLine: boolean) =>
    [
      "收件人,手机,省,市,区,详细地址,商品,数量",
      ...Array.from({ length: 50 }, (_, i) => {
        const mobile = badLine && i === 17 ? "1380013" : `1380013${String(1000 + i)}`;
        const product = i < 25 ? "yuanyang-red-rice" : "shache-raisins";
        return `职工${i + 1},${mobile},上海市,上海市,长宁区,延安西路 ${100 + i} 号,${product},1`;
      }),
    ].join("\r\n");
  await buyer.goto("/unit/recipients");
  const upload = async (text: string) => {
    await buyer
      .getByLabel("选择 CSV 文件")
      .setInputFiles({ name: "职工名单.csv", mimeType: "text/csv", buffer: Buffer.from(text) });
    await buyer.getByTestId("csv-upload").click();
  };
  await upload(rows(true));
  await expect(buyer.getByTestId("csv-problem")).toHaveCount(1);
  await expect(buyer.getByTestId("csv-problem")).toHaveAttribute("data-line", "19");
  await upload(rows(false));
  await expect(buyer.getByTestId("preview-total")).toHaveCount(2);
  await expect(buyer.getByTestId("preview-total-fen")).toContainText("2,400.00");
  await buyer.getByLabel("联系人", { exact: true }).fill("长宁采购员");
  await buyer.getByLabel("联系人手机").fill("13800138000");
  await buyer.getByTestId("preview-confirm").click();
  await expect(buyer).toHaveURL(/\/unit\/orders\/[0-9a-f-]{36}\?placed=1$/);
  const orderPage = new URL(buyer.url()).pathname;

  // 3. The order page says how to pay by transfer: the amount, a unique reference and the deadline.
  // This production server has no FAIR_BANK_* account configured, so the page says whom to ask.
  const details = buyer.getByTestId("transfer-details");
  await expect(details.getByTestId("transfer-amount")).toHaveText("¥2,400.00");
  await expect(details.getByTestId("transfer-deadline")).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  if (!process.env.FAIR_BANK_ACCOUNT_NAME) {
    await expect(details.getByTestId("transfer-account-missing")).toHaveText("收款账户请向展会组织方索取");
  }
  const unitReference = (await details.getByTestId("transfer-reference").textContent())!.trim();
  expect(unitReference).toMatch(/^XF-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  await expect(buyer.getByTestId("unit-order-state")).toHaveAttribute("data-state", "awaiting-transfer");
  // Invoices are issued for paid orders: the unit asks for them once its transfer is in.
  await expect(buyer.getByTestId("invoice-form")).toHaveCount(0);
  await shot(buyer, "units-unit-order");

  // 4. The organiser records that transfer: it matches and pays the order.
  await organiser.goto("/admin/transfers");
  await organiser.getByLabel("转账附言（订单转账码）").fill(unitReference);
  await organiser.getByLabel("到账金额（元）").fill("2400.00");
  await organiser.getByLabel("付款单位名称").fill("上海市长宁区机关事务管理局");
  await organiser.getByRole("button", { name: "登记转账" }).click();
  await expect(organiser.getByTestId("transfer-outcome")).toContainText("订单已确认支付");

  // The unit, its order now paid, requests its invoices: a mistyped credit code is refused in
  // Chinese, the corrected request is split per cooperative (the rice's and the raisins').
  await buyer.goto(orderPage);
  await expect(buyer.getByTestId("unit-order-state")).toHaveAttribute("data-state", "paid");
  const invoiceForm = buyer.getByTestId("invoice-form");
  await expect(invoiceForm.getByLabel("发票抬头")).toHaveValue("上海市长宁区机关事务管理局");
  await invoiceForm.getByLabel("统一社会信用代码").fill("91310000132200821A");
  await invoiceForm.getByTestId("invoice-submit").click();
  await expect(invoiceForm).toContainText("统一社会信用代码校验位不符");
  await invoiceForm.getByLabel("统一社会信用代码").fill("91310000132200821H");
  await invoiceForm.getByTestId("invoice-submit").click();
  await expect(buyer.getByTestId("unit-notice")).toContainText("已按 2 家合作社拆分");
  await expect(buyer.getByTestId("unit-invoice")).toHaveCount(2);
  await expect(buyer.getByTestId("unit-invoice").filter({ hasText: "¥1,700.00" })).toContainText("已申请");
  await expect(buyer.getByTestId("unit-invoice").filter({ hasText: "¥700.00" })).toContainText("已申请");

  // 5. Each cooperative sees its own lines of the order, and its own invoice request, which it issues.
  const rice = await signIn(
    browser,
    "yuanyang-terrace-red-rice@coop.fair.example",
    "fair-cooperative-2026",
    "/portal/orders",
  );
  const riceCard = rice.getByTestId("order-card").filter({ hasText: "收件人清单" }).filter({ hasText: "职工1 " });
  await expect(riceCard).toContainText("单位采购");
  await expect(riceCard.getByTestId("recipient-row")).toHaveCount(25);
  await expect(riceCard).not.toContainText("职工26");
  await rice.goto("/portal/invoices");
  const riceInvoice = rice.getByTestId("invoice-request").filter({ hasText: "上海市长宁区机关事务管理局" });
  await expect(riceInvoice).toContainText("元阳梯田红米 × 25");
  await expect(riceInvoice).toContainText("¥1,700.00");
  await expect(riceInvoice).not.toContainText("莎车葡萄干");
  const raisins = await signIn(browser, "shache-badam@coop.fair.example", "fair-cooperative-2026", "/portal/orders");
  const raisinsCard = raisins.getByTestId("order-card").filter({ hasText: "收件人清单" }).filter({ hasText: "职工26" });
  await expect(raisinsCard.getByTestId("recipient-row")).toHaveCount(25);
  await expect(raisinsCard).not.toContainText("职工1 ");
  await raisins.goto("/portal/invoices");
  const raisinsInvoice = raisins.getByTestId("invoice-request").filter({ hasText: "上海市长宁区机关事务管理局" });
  await expect(raisinsInvoice).toContainText("莎车葡萄干 × 25");
  await expect(raisinsInvoice).not.toContainText("元阳梯田红米");
  await raisinsInvoice.getByLabel("发票号码").fill("25312000000087654321");
  await raisinsInvoice.getByRole("button", { name: "标记为已开具" }).click();
  await expect(raisins.getByTestId("invoice-issued")).toBeVisible();
  await expect(raisins.getByTestId("invoice-request").filter({ hasText: "25312000000087654321" })).toContainText(
    "已开具",
  );
  await shot(raisins, "units-portal-invoices");
  // The unit sees the state of each of its invoices.
  await buyer.goto("/unit/invoices");
  await expect(buyer.getByTestId("unit-invoice").filter({ hasText: "25312000000087654321" })).toContainText("已开具");
  await expect(buyer.getByTestId("unit-invoice").filter({ hasText: "¥1,700.00" })).toContainText("已申请");

  // A transfer whose amount does not match (the demo union's order) is held, nothing applied…
  await organiser.goto("/admin/transfers");
  const awaiting = organiser.getByTestId("awaiting-order").filter({ hasText: "上海市徐汇区总工会" });
  const reference = (await awaiting.locator("td").first().textContent())!.trim();
  const amount = (await awaiting.locator("td").nth(2).textContent())!.replace(/[¥,]/g, "").trim();
  await organiser.getByLabel("转账附言（订单转账码）").fill(reference);
  await organiser.getByLabel("到账金额（元）").fill("100");
  await organiser.getByLabel("付款单位名称").fill("上海市徐汇区总工会");
  await organiser.getByRole("button", { name: "登记转账" }).click();
  await expect(organiser.getByTestId("transfer-outcome")).toContainText(
    `金额不符：订单应付 ¥${Number(amount).toLocaleString("en-US", { minimumFractionDigits: 2 })}`,
  );
  await shot(organiser, "units-transfer-held");
  // …then corrected in the review, which applies it once.
  const held = organiser.getByTestId("held-transfer").filter({ hasText: reference });
  await held.getByLabel("核对后的金额（元）").fill(amount);
  await held.getByLabel("说明").fill("录入金额有误，按银行回单更正");
  await held.getByRole("button", { name: "更正后确认入账" }).click();
  await expect(organiser.getByTestId("transfer-outcome")).toContainText("已更正并确认入账");
  await expect(organiser.getByTestId("recent-transfers")).toContainText(reference);

  // 6. The unit's own statement (消费帮扶采购情况, this year so far) shows what it paid, all of it
  // certified goods; the organisers' units view shows the same, and the ledger reconciles.
  await buyer.goto("/unit/statement");
  await expect(buyer.getByRole("heading", { name: "消费帮扶采购情况" })).toBeVisible();
  await expect(buyer.getByTestId("statement-total")).toHaveText("¥2,400.00");
  await expect(buyer.getByTestId("statement-certified-subtotal")).toHaveText("¥2,400.00");
  await expect(buyer.getByTestId("statement-row")).toHaveCount(2);
  await shot(buyer, "units-unit-statement");

  await organiser.goto("/admin/reports");
  await organiser.getByTestId("units-report-link").click();
  const changning = organiser.getByTestId("units-report-row").filter({ hasText: "上海市长宁区机关事务管理局" });
  await expect(changning.locator('[data-figure="paidFen"]')).toHaveText("¥2,400.00");
  await expect(changning.locator('[data-figure="orderedFen"]')).toHaveText("¥2,400.00");
  const row = organiser.getByTestId("units-report-row").filter({ hasText: "上海市徐汇区总工会" });
  await expect(row.locator('[data-figure="orderedFen"]')).toHaveText(
    (await row.locator('[data-figure="paidFen"]').textContent()) ?? "",
  );
  await row.getByRole("link").click();
  await expect(organiser.getByTestId("unit-drill")).toContainText(reference);
  await shot(organiser, "units-report");
  expect(await ledgerVerify()).toContain("ledger reconciles: OK");
});
