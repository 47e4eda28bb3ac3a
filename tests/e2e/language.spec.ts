import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/accounts";
import { collectHydrationErrors } from "./support/hydration";

// Issue 13, item 9: the header's language button works on every page, console and portal too, and
// there is one per page. Item 14: the search placeholder fits the phone header in both languages.
test.use({ viewport: { width: 390, height: 844 } });

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png` });

const ADMIN_PAGES = [
  "/admin",
  "/admin/reports",
  "/admin/catalogue",
  "/admin/partnerships",
  "/admin/certification",
  "/admin/fair",
  "/admin/invitations",
  "/admin/audit",
  "/admin/security",
];
const PORTAL_PAGES = [
  "/portal",
  "/portal/products",
  "/portal/products/new",
  "/portal/orders",
  "/portal/booth",
  "/portal/sales",
];

/** Follows the one language button to English and back; both land on a 200 page in that language. */
async function switchesBothWays(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole("link", { name: "切换到英文" }), path).toHaveCount(1);
  // Any link that reads "English", whatever its accessible name: one per page.
  await expect(page.locator("a", { hasText: /^\s*English\s*$/ }), path).toHaveCount(1);
  await page.getByRole("link", { name: "切换到英文" }).click();
  await expect(page.locator("html"), path).toHaveAttribute("lang", "en");
  await expect(page.getByRole("link", { name: "Switch to Chinese" }), path).toHaveCount(1);
  expect((await page.request.get(page.url())).status(), page.url()).toBe(200);
  await expect(page.getByText("Page not found")).toHaveCount(0);
  await page.getByRole("link", { name: "Switch to Chinese" }).click();
  await expect(page.locator("html"), path).toHaveAttribute("lang", "zh-CN");
  expect(new URL(page.url()).pathname).toBe(path);
}

test("item 9: every console page switches to English with its one language button", async ({ page }) => {
  await signIn(page, "organiser@fair.example", "fair-organiser-2026");
  for (const path of ADMIN_PAGES) await switchesBothWays(page, path);
  await page.goto("/admin/reports?lang=en");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("report", { ignoreCase: true });
  await shot(page, "language-9-admin-reports-en-390");
});

test("item 9: every portal page switches to English with its one language button", async ({ page }) => {
  await signIn(page, "mengnong-embroidery@coop.fair.example", "fair-cooperative-2026");
  for (const path of PORTAL_PAGES) await switchesBothWays(page, path);
  // Inside the console, English stays on from link to link.
  await page.goto("/portal?lang=en");
  await page
    .getByRole("navigation")
    .getByRole("link", { name: /Products/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/portal\/products\?lang=en$/);
  await shot(page, "language-9-portal-products-en-390");
});

test("item 9: the storefront's switch keeps the page and its query", async ({ page }) => {
  await page.goto("/search?q=%E8%8C%B6");
  await page.getByRole("link", { name: "切换到英文" }).click();
  await expect(page).toHaveURL(/\/en\/search\?q=%E8%8C%B6$/);
  await page.goto("/en/products/golog-air-dried-yak-jerky");
  await expect(page.getByRole("link", { name: "Switch to Chinese" })).toHaveCount(1);
  await shot(page, "language-9-product-en-390");
});

for (const [lang, path] of [
  ["zh", "/"],
  ["en", "/en"],
] as const) {
  test(`item 14: the header's search placeholder fits at 390 px (${lang})`, async ({ page }) => {
    await page.goto(path);
    const search = page.locator("#site-search");
    const fit = await search.evaluate((input: HTMLInputElement) => {
      const style = getComputedStyle(input);
      const context = document.createElement("canvas").getContext("2d")!;
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      // The placeholder typed in as a value: the input's own measure of whether it overflows.
      input.value = input.placeholder;
      const measured = { scrollWidth: input.scrollWidth, clientWidth: input.clientWidth };
      input.value = "";
      return { text: context.measureText(input.placeholder).width, room, ...measured };
    });
    expect(fit.text).toBeLessThanOrEqual(fit.room);
    expect(fit.scrollWidth).toBeLessThanOrEqual(fit.clientWidth);
    await shot(page, `language-14-header-${lang}-390`);
  });
}

test("a page in both languages at once hydrates with both dictionaries, loaded or navigated to", async ({ page }) => {
  // The charts' captions and the fair wall show Chinese and English together. The browser loads
  // only the page's language unless the page says otherwise (utils/i18n-dictionaries.ts): without
  // that, the second language rendered differently from the server's HTML, React threw the page
  // away and drew it again, and a tap in that moment was lost (CI, units.spec.ts, 2026-12-03).
  const errors = collectHydrationErrors(page);
  const regions = page.getByTestId("chart-regions").locator("figcaption");
  await page.goto("/transparency");
  await expect(regions).toHaveText("各对口地区 · Paired regions");
  await page.goto("/en/transparency");
  await expect(regions).toHaveText("Paired regions · 各对口地区");
  // Navigated to in the browser, from a page that loaded only Chinese.
  await page.goto("/");
  await page.getByRole("link", { name: "查看帮扶公示" }).click();
  await expect(page).toHaveURL(/\/transparency$/);
  await expect(regions).toHaveText("各对口地区 · Paired regions");
  await page.goto("/live");
  await expect(page.locator("html")).toHaveAttribute("data-languages", "all");

  await signIn(page, "organiser@fair.example", "fair-organiser-2026");
  await page.goto("/admin/reports");
  await expect(page.getByTestId("chart-mix").locator("figcaption")).toHaveText("销售构成 · How the sales divide");
  await expect(page.getByTestId("chart-places").locator("figcaption")).toHaveText("净销售额分布 · Net sales by place");
  expect(errors).toEqual([]);
});
