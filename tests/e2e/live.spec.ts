import { expect, test, type Page } from "@playwright/test";
import { tapAddToCart } from "./support/cart";

// A venue screen: 1080p, no touch, no phone emulation.
test.use({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false });

const number = (text: string | null) => Number((text ?? "").replace(/[^\d.]/g, ""));

/**
 * Where every figure and every row slot of the wall is drawn (rounded to a pixel): identical before
 * and after the figures change means nothing shifted. Row slots are compared by position in their
 * list, so a new sale moving the older ones down a slot is not a shift, but a slot growing is.
 */
async function layout(page: Page) {
  return page.evaluate(() => {
    const box = (element: Element) => {
      const r = element.getBoundingClientRect();
      return [r.left, r.top, r.width, r.height].map(Math.round).join(",");
    };
    const figures = ["live-sales", "live-orders", "live-updated"].map((id) =>
      box(document.querySelector(`[data-testid="${id}"]`)!),
    );
    const rows = ["live-regions", "live-cooperatives", "live-recent"].map((id) =>
      [...document.querySelectorAll(`[data-testid="${id}"] > li`)].map(box),
    );
    // Text wider than its box (a figure or a name spilling over) shows as scrollWidth > clientWidth.
    const spilling = [...document.querySelectorAll('[data-testid="live-wall"] p, [data-testid="live-wall"] li > span')]
      .filter((element) => element.scrollWidth > element.clientWidth + 1 && !element.classList.contains("truncate"))
      .map((element) => element.textContent);
    return { figures, rows, spilling };
  });
}

test("the fair wall shows a sale made in another tab within 5 seconds, without reloading", async ({
  page,
  context,
}) => {
  // Two tabs and a whole purchase on a shared, busy machine: more than the default minute.
  test.slow();
  await page.goto("/live");
  const wall = page.getByTestId("live-wall");
  await expect(wall.getByRole("heading", { level: 1 })).toHaveText("展会实况");
  // The stream is open (the first event arrived) before the sale is made.
  await expect(page.getByTestId("live-updated")).toContainText("更新于");
  const ordersBefore = number(await page.getByTestId("live-orders").textContent());
  const salesBefore = number(await page.getByTestId("live-sales").textContent());
  const regionRows = await page.getByTestId("live-regions").locator("li").count();
  expect(regionRows).toBeGreaterThanOrEqual(7);
  await expect(page.getByTestId("live-recent").locator("li")).toHaveCount(20);

  const before = await layout(page);
  expect(before.spilling).toEqual([]);

  const buyer = await context.newPage();
  await buyer.goto("/products/yi-embroidery-shoulder-bag");
  await tapAddToCart(buyer);
  await expect(buyer.getByText("已加入购物车")).toBeVisible();
  await buyer.getByTestId("cart-link").click();
  await expect(buyer.getByTestId("cart-line")).toHaveCount(1);
  await buyer.getByRole("link", { name: "去结算" }).click();
  await buyer.getByLabel("姓名", { exact: true }).fill("王小明");
  await buyer.getByLabel("手机号码").fill("138 0000 5678");
  await buyer.getByRole("button", { name: /提交订单并支付 ¥368\.00/ }).click();
  await expect(buyer.getByTestId("test-payment-banner")).toContainText("测试支付");
  await buyer.getByRole("button", { name: /确认支付/ }).click();
  await expect(buyer.getByTestId("order-status")).toHaveText("已支付");
  const paidAt = Date.now();

  // No reload: the screen's figures change through the event stream.
  await expect(page.getByTestId("live-orders")).toHaveText(String(ordersBefore + 1), { timeout: 5_000 });
  expect(Date.now() - paidAt).toBeLessThan(5_000);
  expect(number(await page.getByTestId("live-sales").textContent())).toBeCloseTo(salesBefore + 368, 2);
  const newest = page.getByTestId("live-sale").first();
  await expect(newest).toHaveAttribute("aria-label", "云南 · 彝绣手工挎包 · ¥368.00");
  await expect(newest).toContainText("云南 · 彝绣手工挎包");
  await expect(page.getByTestId("live-cooperatives")).toContainText("猛弄民绣合作社");
  // The figures changed, nothing moved: tabular figures in fixed boxes, fixed-height rows.
  const after = await layout(page);
  expect(after).toEqual(before);
  // Nothing about the buyer reaches the wall.
  await expect(wall).not.toContainText("王小明");
  await expect(wall).not.toContainText("5678");

  // Fits the screen exactly: nothing scrolls, nothing spills.
  const overflow = await page.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    height: document.documentElement.scrollHeight,
  }));
  expect(overflow).toEqual({ width: 1920, height: 1080 });
  await page.screenshot({ path: "test-results/screenshots/live-wall-1920x1080.png" });
});

test("the wall's stream is never cached, the page only for a second or two", async ({ request }) => {
  const page = await request.get("/live");
  expect(page.headers()["cache-control"]).toBe("public, max-age=1, s-maxage=2");
  const events = await fetch(new URL("/live/events", test.info().project.use.baseURL).toString());
  expect(events.headers.get("content-type")).toContain("text/event-stream");
  expect(events.headers.get("cache-control")).toBe("no-store, no-transform");
  const reader = events.body!.getReader();
  const first = new TextDecoder().decode((await reader.read()).value);
  expect(first).toContain("retry:");
  await reader.cancel();
});
