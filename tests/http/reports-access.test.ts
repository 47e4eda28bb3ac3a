import { describe, expect, it } from "vitest";
import {
  upsertCooperative,
  upsertCounty,
  upsertOrganisation,
  upsertPartnership,
  upsertProduct,
  upsertRegion,
} from "../../prisma/factories";
import { addToCart, createCart } from "~/cart/cart.server";
import { placeOrder } from "~/payments/checkout.server";
import { applyPaymentEvent } from "~/payments/payments.server";
import { signInAs } from "../support/auth";
import { checkoutInput } from "../support/checkout";
import { withTestDatabase } from "../support/database";
import { withHttpApp } from "../support/http-app";

const t = withTestDatabase();
const app = withHttpApp();

const get = (path: string, cookie?: string) =>
  fetch(`${app.baseUrl}${path}`, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });

async function paidOrder(productId: string, quantity: number) {
  const cart = await createCart(t.prisma);
  await addToCart(t.prisma, cart, productId, quantity);
  const order = await placeOrder(t.prisma, { cartId: cart, input: checkoutInput(), locale: "zh" });
  const { totalFen } = await t.prisma.order.findUniqueOrThrow({ where: { id: order.id } });
  await applyPaymentEvent(t.prisma, {
    provider: "test",
    eventId: `pay-${order.id}`,
    type: "succeeded",
    orderId: order.id,
    amountFen: totalFen,
    now: new Date("2026-10-17T03:00:00Z"),
  });
}

describe("the organisers' report over HTTP", () => {
  it("sends a guest to sign in and refuses cooperative staff, on the page and on every export", async () => {
    const staff = await signInAs(t.prisma, "COOPERATIVE_STAFF");
    for (const path of [
      "/admin/reports",
      "/admin/reports?region=x&lang=en",
      "/admin/reports/export.csv?table=places",
    ]) {
      const guest = await get(path);
      expect(guest.status, `guest ${path}`).toBe(302);
      const location = new URL(guest.headers.get("Location")!, app.baseUrl);
      expect(location.pathname).toBe("/login");
      expect(location.searchParams.get("redirectTo")).toBe(path);

      const denied = await get(path, staff.cookie);
      expect(denied.status, `staff ${path}`).toBe(403);
      expect(await denied.text()).not.toContain("帮扶成效报告");
    }
  });

  it("shows an organiser the report in Chinese, and in English with lang=en", async () => {
    const region = await upsertRegion(t.prisma, { nameZh: "青海果洛", nameEn: "Qinghai Golog" });
    const county = await upsertCounty(t.prisma, { regionId: region.id, nameZh: "玛沁县", nameEn: "Maqin County" });
    const coop = await upsertCooperative(t.prisma, { countyId: county.id });
    const org = await upsertOrganisation(t.prisma, {
      nameZh: "上海市慈善基金会",
      nameEn: "Shanghai Charity Foundation",
    });
    await upsertPartnership(t.prisma, { organisationId: org.id, countyId: county.id, weight: 1 });
    const product = await upsertProduct(t.prisma, { cooperativeId: coop.id, priceFen: 9_800 });
    await paidOrder(product.id, 2);
    const { cookie } = await signInAs(t.prisma, "ORGANISER");

    const zh = await get("/admin/reports", cookie);
    expect(zh.status).toBe(200);
    expect(zh.headers.get("Cache-Control")).toBe("private, no-store");
    const zhHtml = await zh.text();
    expect(zhHtml).toContain("帮扶成效报告");
    expect(zhHtml).toContain("青海果洛");
    expect(zhHtml).toContain("¥196.00");

    // The region's link goes one level down: its counties, with the organisations credited there.
    const drill = zhHtml.match(/href="(\/admin\/reports\?region=[^"]+)"/);
    expect(drill?.[1]).toBe(`/admin/reports?region=${region.slug}`);
    const golog = await (await get(drill![1]!, cookie)).text();
    expect(golog).toContain("各县区的帮扶组织");
    expect(golog).toContain("玛沁县");
    expect(golog).toContain("上海市慈善基金会");

    const en = await get(`/admin/reports?lang=en&region=${region.slug}`, cookie);
    expect(en.status).toBe(200);
    const enHtml = await en.text();
    expect(enHtml).toContain("Attribution report");
    expect(enHtml).toContain("Organisations by county");
    expect(enHtml).toContain("Shanghai Charity Foundation");
  });

  it("answers a bad filter with a message in the page's language and a 400, never a 500", async () => {
    const { cookie } = await signInAs(t.prisma, "ORGANISER");
    const cases: [string, string][] = [
      ["/admin/reports?from=2026-13-40", "开始日期无效"],
      ["/admin/reports?from=2026-02-30", "开始日期无效"],
      ["/admin/reports?to=yesterday", "结束日期无效"],
      ["/admin/reports?from=2026-10-19&to=2026-10-15", "开始日期晚于结束日期"],
      ["/admin/reports?channel=FAX", "销售渠道只能是"],
      ["/admin/reports?certified=maybe", "只看认定帮扶产品"],
      ["/admin/reports?region=atlantis", "没有找到这个地区"],
      ["/admin/reports?region=%00%27%3B--", "没有找到这个地区"],
      [`/admin/reports?county=${"x".repeat(5000)}`, "没有找到这个县区"],
      ["/admin/reports?cooperative=ghost", "没有找到这家合作社"],
      ["/admin/reports?lang=en&from=2026-13-40&channel=FAX", "The start date is not valid"],
      ["/admin/reports?lang=en&region=atlantis", "There is no such region"],
      ["/admin/reports/export.csv?table=nope", "没有这张表格"],
      ["/admin/reports/export.csv?table=places&to=2026-99-01", "结束日期无效"],
      ["/admin/reports/export.csv?lang=en&table=places&region=atlantis", "There is no such region"],
    ];
    for (const [path, message] of cases) {
      const response = await get(path, cookie);
      expect(response.status, path).toBe(400);
      expect(await response.text(), path).toContain(message);
    }
    // Values the form sends empty, and ones in another case, are fine.
    const fine = await get("/admin/reports?from=&to=&region=&channel=booth&certified=1", cookie);
    expect(fine.status).toBe(200);
  });

  it("publishes the transparency page without sign-in, in both languages", async () => {
    const zh = await get("/transparency");
    expect(zh.status).toBe(200);
    const zhHtml = await zh.text();
    expect(zhHtml).toContain("帮扶成效公示");
    expect(zhHtml).toContain("销售额如何计算");
    expect(zh.headers.get("Cache-Control")).toBe("public, max-age=0, s-maxage=60, stale-while-revalidate=300");
    // A buyer with a cart gets the same shared page (the cart count is fetched by the page);
    // a signed-in organiser or cooperative gets a private one.
    const withCart = await fetch(`${app.baseUrl}/transparency`, { headers: { Cookie: "fair_cart=abc" } });
    expect(withCart.headers.get("Cache-Control")).toBe("public, max-age=0, s-maxage=60, stale-while-revalidate=300");
    expect(withCart.headers.get("xkey")).toBe("ledger");
    const signedIn = await fetch(`${app.baseUrl}/transparency`, { headers: { Cookie: "fair_session=abc" } });
    expect(signedIn.headers.get("Cache-Control")).toBe("private, no-cache");
    const en = await get("/en/transparency");
    expect(en.status).toBe(200);
    expect(await en.text()).toContain("How the figures are made");
    expect((await get("/fr/transparency")).status).toBe(404);
  });
});
