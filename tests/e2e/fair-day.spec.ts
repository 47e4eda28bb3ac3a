import { expect, test, type Browser, type Page } from "@playwright/test";
import { tapAddToCart } from "./support/cart";

/**
 * The whole fair in one run: an organiser invites a cooperative's staff member, who lists a
 * product; the organiser certifies it; a citizen buys it online and another buys it at the
 * booth; both sales show in the cooperative's figures and in the organiser's.
 */
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });

async function signIn(browser: Browser, email: string, password: string) {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/login");
  await page.getByLabel("电子邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  return page;
}

test("invite, list, certify, sell online and at the booth, and see both sales everywhere", async ({ browser }) => {
  test.setTimeout(180_000);
  const organiser = await signIn(browser, "organiser@fair.example", "fair-organiser-2026");
  await expect(organiser).toHaveURL(/\/admin$/);

  // 1. The organiser invites a new staff member of the Xichou cooperative.
  await organiser.goto("/admin/invitations");
  await organiser.getByLabel("被邀请人邮箱").fill("xichou.new@coop.example");
  await organiser.getByLabel("选择合作社").selectOption({ index: 1 });
  const cooperativeName = (await organiser.getByLabel("选择合作社").locator("option:checked").textContent())!.trim();
  await organiser.getByRole("button", { name: "发送邀请" }).click();
  const link = await organiser.getByTestId("invitation-link").locator("a").getAttribute("href");
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{40,}$/);

  // 2. The invitation becomes an account; the new staff member lists a product and asks for certification.
  const staff = await (await browser.newContext()).newPage();
  await staff.goto(new URL(link!).pathname);
  await staff.getByLabel("你的名字").fill("新同事");
  await staff.getByLabel("新密码（至少12个字符）").fill("a long enough password");
  await staff.getByRole("button", { name: "创建账户" }).click();
  await expect(staff).toHaveURL(/\/portal$/);
  await expect(staff.getByText(cooperativeName)).toBeVisible();
  await staff.getByRole("link", { name: "商品", exact: true }).click();
  await staff.getByRole("link", { name: "新增商品" }).click();
  await staff.getByLabel("中文名称").fill("展会特供山核桃");
  await staff.getByLabel("英文名称").fill("Fair special hickory nuts");
  await staff.getByLabel("中文单位").fill("袋");
  await staff.getByLabel("英文单位").fill("bag");
  await staff.getByLabel("价格（元）").fill("45.00");
  await staff.getByLabel("库存", { exact: true }).fill("20");
  await staff.getByLabel("分类").selectOption({ label: "水果" });
  await staff.getByLabel("状态").selectOption("LISTED");
  await staff.getByRole("button", { name: "创建商品" }).click();
  await expect(staff.getByTestId("portal-notice")).toContainText("商品已创建");
  await staff.getByRole("button", { name: "申请认定" }).click();
  await expect(staff.getByTestId("portal-notice")).toContainText("已提交认定申请");

  // 3. The organiser certifies it.
  await organiser.goto("/admin/certification");
  const request = organiser.getByTestId("certification-request").filter({ hasText: "展会特供山核桃" });
  await request.getByLabel("证书编号").fill("SH-FP-2026-77777");
  await request.getByLabel("认定机构").fill("上海市对口支援地区扶贫产品认定工作组");
  await request.getByLabel("有效期起").fill("2026-01-01");
  await request.getByLabel("有效期至").fill("2027-12-31");
  await request.getByRole("button", { name: "认定通过" }).click();
  await expect(organiser.getByTestId("certification-request").filter({ hasText: "展会特供山核桃" })).toHaveCount(0);

  // 4. A citizen finds it and buys one online.
  const citizen = await (await browser.newContext()).newPage();
  await citizen.goto("/search?q=山核桃");
  await citizen
    .getByRole("link", { name: /展会特供山核桃/ })
    .first()
    .click();
  await expect(citizen.getByText("SH-FP-2026-77777")).toBeVisible();
  await tapAddToCart(citizen);
  await expect(citizen.getByText("已加入购物车")).toBeVisible();
  await citizen.goto("/checkout");
  await citizen.getByLabel("姓名", { exact: true }).fill("市民甲");
  await citizen.getByLabel("手机号码").fill("13900002222");
  await citizen.getByRole("button", { name: /提交订单并支付 ¥45\.00/ }).click();
  await citizen.getByRole("button", { name: /确认支付/ }).click();
  await expect(citizen.getByTestId("order-status")).toHaveText("已支付");

  // 5. Another buys one at the booth.
  await staff.getByRole("link", { name: "展位收银" }).click();
  await staff.getByRole("button", { name: "增加 展会特供山核桃" }).click();
  await staff.getByText("现金").click();
  await staff.getByTestId("record-sale").click();
  await expect(staff.getByTestId("booth-recorded")).toContainText("¥45.00");

  // 6. Both sales in the cooperative's figures…
  await staff.getByRole("link", { name: "销售统计" }).click();
  const byProduct = staff.getByTestId("sales-by-product");
  await expect(byProduct).toContainText("展会特供山核桃");
  await expect(byProduct).toContainText("¥90.00");
  await shot(staff, "fair-day-cooperative-sales");

  // …and in the organiser's.
  await organiser.goto("/admin/reports");
  await expect(organiser.getByRole("heading", { level: 1 })).toBeVisible();
  await organiser
    .getByRole("link", { name: cooperativeName })
    .first()
    .click()
    .catch(() => undefined);
  await expect(organiser.locator("body")).toContainText("展会特供山核桃");
  await expect(organiser.locator("body")).toContainText("¥90.00");
  await shot(organiser, "fair-day-organiser-report");
});
