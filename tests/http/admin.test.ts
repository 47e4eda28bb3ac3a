import { describe, expect, it } from "vitest";
import {
  upsertCooperative,
  upsertCounty,
  upsertOrganisation,
  upsertProduct,
  upsertRegion,
} from "../../prisma/factories";
import { addToCart, createCart } from "~/cart/cart.server";
import { verifyLedger } from "~/ledger/ledger.server";
import { placeOrder } from "~/payments/checkout.server";
import { applyPaymentEvent } from "~/payments/payments.server";
import { signInAs } from "../support/auth";
import { checkoutInput } from "../support/checkout";
import { withTestDatabase } from "../support/database";
import { withHttpApp } from "../support/http-app";

const t = withTestDatabase();
const app = withHttpApp();

const ADMIN_PAGES = [
  "/admin",
  "/admin/catalogue",
  "/admin/catalogue/region/new",
  "/admin/partnerships",
  "/admin/certification",
  "/admin/fair",
  "/admin/invitations",
  "/admin/audit",
];

function as(cookie: string | null) {
  const headers = (extra: Record<string, string> = {}) => ({ ...(cookie ? { Cookie: cookie } : {}), ...extra });
  return {
    get: (path: string) => fetch(`${app.baseUrl}${path}`, { headers: headers(), redirect: "manual" }),
    post: (path: string, fields: Record<string, string>) =>
      fetch(`${app.baseUrl}${path}`, {
        method: "POST",
        body: new URLSearchParams(fields),
        headers: headers({ "Content-Type": "application/x-www-form-urlencoded" }),
        redirect: "manual",
      }),
  };
}

describe("the organisers' console", () => {
  it("is for organisers only: guests are sent to sign in, cooperative staff get 403 on every page and every write", async () => {
    const staff = await signInAs(t.prisma, "COOPERATIVE_STAFF");
    const organiser = await signInAs(t.prisma, "ORGANISER");
    for (const path of ADMIN_PAGES) {
      expect((await as(null).get(path)).status, `guest ${path}`).toBe(302);
      expect((await as(staff.cookie).get(path)).status, `staff ${path}`).toBe(403);
      expect((await as(organiser.cookie).get(path)).status, `organiser ${path}`).toBe(200);
    }
    const regions = await t.prisma.pairedRegion.count();
    const response = await as(staff.cookie).post("/admin/catalogue/region/new", {
      slug: "sneaky",
      nameZh: "偷偷",
      nameEn: "Sneaky",
    });
    expect(response.status).toBe(403);
    const fair = await as(staff.cookie).post("/admin/fair", { nameZh: "x" });
    expect(fair.status).toBe(403);
    expect(await t.prisma.pairedRegion.count()).toBe(regions);
    expect(await t.prisma.auditLog.count({ where: { actorId: staff.user.id } })).toBe(0);
  });

  it("shows a console page's error inside the console, not the shop's error page", async () => {
    const staff = await signInAs(t.prisma, "COOPERATIVE_STAFF");
    const organiser = await signInAs(t.prisma, "ORGANISER");
    const missing = await as(organiser.cookie).get("/admin/catalogue/region/no-such-region");
    expect(missing.status).toBe(404);
    const html = await missing.text();
    expect(html).toContain('data-testid="console-error"');
    expect(html).toContain("控制台中没有这个页面或记录。");
    // The console's frame and navigation stay; the shop's "back to the home page" is not offered.
    expect(html).toContain("组织方控制台");
    expect(html).toContain('href="/admin/catalogue"');
    expect(html).toContain("返回控制台概览");
    expect(html).not.toContain("返回首页");
    const english = await (await as(organiser.cookie).get("/admin/catalogue/region/no-such-region?lang=en")).text();
    expect(english).toContain("There is no such page or record in the console.");
    // Someone who is not an organiser gets the refusal, without the console's navigation.
    const refused = await as(staff.cookie).get("/admin/catalogue");
    expect(refused.status).toBe(403);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toContain("此页面仅限组织方使用。");
    expect(refusedHtml).not.toContain('href="/admin/catalogue"');
  });

  it("creates and edits a region, logging who changed what, before and after", async () => {
    const organiser = await signInAs(t.prisma, "ORGANISER");
    const created = await as(organiser.cookie).post("/admin/catalogue/region/new", {
      slug: "test-region",
      nameZh: "测试地区",
      nameEn: "Test region",
      sortOrder: "9",
    });
    expect(created.status).toBe(302);
    const region = await t.prisma.pairedRegion.findUniqueOrThrow({ where: { slug: "test-region" } });
    const edited = await as(organiser.cookie).post(`/admin/catalogue/region/${region.id}`, {
      slug: "test-region",
      nameZh: "测试地区二",
      nameEn: "Test region 2",
      sortOrder: "9",
    });
    expect(edited.status).toBe(302);
    const log = await t.prisma.auditLog.findMany({ where: { entityId: region.id }, orderBy: { id: "asc" } });
    expect(log.map((l) => [l.action, l.actorId])).toEqual([
      ["create", organiser.user.id],
      ["update", organiser.user.id],
    ]);
    expect(log[1]!.before).toMatchObject({ nameZh: "测试地区" });
    expect(log[1]!.after).toMatchObject({ nameZh: "测试地区二" });
    await expect(t.prisma.auditLog.deleteMany({})).rejects.toThrow(/append-only/);
  });

  it("answers bad input with messages beside the fields, keeps what was typed, and changes nothing", async () => {
    const organiser = await signInAs(t.prisma, "ORGANISER");
    await upsertRegion(t.prisma, { slug: "taken" });
    const before = await t.prisma.pairedRegion.count();
    const bad = await as(organiser.cookie).post("/admin/catalogue/region/new", {
      slug: "Not A Slug!",
      nameZh: "",
      nameEn: "<script>x</script>",
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("只能用小写字母");
    expect(html).toContain("请填写此项");
    expect(html).toContain("&lt;script&gt;x&lt;/script&gt;");
    const taken = await as(organiser.cookie).post("/admin/catalogue/region/new", {
      slug: "taken",
      nameZh: "重复",
      nameEn: "Dup",
    });
    expect(taken.status).toBe(409);
    expect(await t.prisma.pairedRegion.count()).toBe(before);
    const unknown = await as(organiser.cookie).post("/admin/catalogue/region/no-such-id", {
      slug: "x",
      nameZh: "x",
      nameEn: "x",
    });
    expect(unknown.status).toBe(404);
  });

  it("pairs an organisation with a cooperative at a weight, and changes the weight on a second save", async () => {
    const organiser = await signInAs(t.prisma, "ORGANISER");
    const org = await upsertOrganisation(t.prisma);
    const coop = await upsertCooperative(t.prisma, { countyId: (await upsertCounty(t.prisma)).id });
    const save = (weight: string) =>
      as(organiser.cookie).post("/admin/partnerships", {
        intent: "save",
        organisationId: org.id,
        target: `cooperative:${coop.id}`,
        weight,
      });
    expect((await save("60")).status).toBe(200);
    expect((await save("0")).status).toBe(400);
    expect((await save("40")).status).toBe(200);
    expect(await t.prisma.partnership.findMany({ where: { organisationId: org.id } })).toEqual([
      expect.objectContaining({ cooperativeId: coop.id, weight: 40 }),
    ]);
  });

  it("approves a certification request with its certificate, or rejects it with a reason", async () => {
    const organiser = await signInAs(t.prisma, "ORGANISER");
    const product = await upsertProduct(t.prisma);
    await t.prisma.product.update({ where: { id: product.id }, data: { certificationStatus: "PENDING" } });
    const badDates = await as(organiser.cookie).post("/admin/certification", {
      intent: "approve",
      productId: product.id,
      certificateNumber: "SH-FP-2026-9",
      certifyingBody: "工作组",
      certifiedFrom: "2026-12-01",
      certifiedUntil: "2026-01-01",
    });
    expect(badDates.status).toBe(400);
    const ok = await as(organiser.cookie).post("/admin/certification", {
      intent: "approve",
      productId: product.id,
      certificateNumber: "SH-FP-2026-9",
      certifyingBody: "工作组",
      certifiedFrom: "2026-01-01",
      certifiedUntil: "2027-12-31",
    });
    expect(ok.status).toBe(200);
    expect(await t.prisma.product.findUniqueOrThrow({ where: { id: product.id } })).toMatchObject({
      certificationStatus: "APPROVED",
      certificateNumber: "SH-FP-2026-9",
    });

    const other = await upsertProduct(t.prisma);
    await t.prisma.product.update({ where: { id: other.id }, data: { certificationStatus: "PENDING" } });
    await as(organiser.cookie).post("/admin/certification", {
      intent: "reject",
      productId: other.id,
      reason: "缺少产地证明",
    });
    expect(await t.prisma.product.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({
      certificationStatus: "REJECTED",
      certificationNote: "缺少产地证明",
    });
  });

  it("sets the fair's dates only in a sensible order", async () => {
    const organiser = await signInAs(t.prisma, "ORGANISER");
    const fields = {
      nameZh: "展销会",
      nameEn: "Fair",
      venueZh: "上海",
      venueEn: "Shanghai",
      tradeDaysStart: "2027-10-14",
      tradeDaysEnd: "2027-10-15",
      publicDaysStart: "2027-10-16",
      publicDaysEnd: "2027-10-18",
    };
    expect((await as(organiser.cookie).post("/admin/fair", { ...fields, publicDaysStart: "2027-10-13" })).status).toBe(
      400,
    );
    expect((await as(organiser.cookie).post("/admin/fair", fields)).status).toBe(200);
    expect((await t.prisma.fair.findUniqueOrThrow({ where: { id: "current" } })).publicDaysEnd.toISOString()).toBe(
      "2027-10-18T00:00:00.000Z",
    );
  });

  it("invites cooperative staff with a single-use link", async () => {
    const organiser = await signInAs(t.prisma, "ORGANISER");
    const coop = await upsertCooperative(t.prisma);
    const response = await as(organiser.cookie).post("/admin/invitations", {
      email: "new@coop.example",
      role: "COOPERATIVE_STAFF",
      cooperativeId: coop.id,
    });
    expect(response.status).toBe(200);
    const link = /\/invite\/([A-Za-z0-9_-]+)/.exec(await response.text())![0];
    const accept = await as(null).post(link, { displayName: "新同事", password: "a long enough password" });
    expect(accept.status).toBe(302);
    expect(accept.headers.get("Location")).toBe("/portal");
    expect((await as(null).post(link, { displayName: "again", password: "a long enough password" })).status).toBe(410);
  });

  it("refunds some lines of a paid order, reversing exactly their share of the ledger; staff cannot", async () => {
    const organiser = await signInAs(t.prisma, "ORGANISER");
    const staff = await signInAs(t.prisma, "COOPERATIVE_STAFF");
    const product = await upsertProduct(t.prisma, { stock: 10, priceFen: 4200 });
    const cart = await createCart(t.prisma);
    await addToCart(t.prisma, cart, product.id, 3);
    const order = await placeOrder(t.prisma, { cartId: cart, input: checkoutInput(), locale: "zh" });
    await applyPaymentEvent(t.prisma, {
      provider: "test",
      eventId: `pay-${order.id}`,
      type: "succeeded",
      orderId: order.id,
      amountFen: 12600,
    });
    const line = await t.prisma.orderLine.findFirstOrThrow({ where: { orderId: order.id } });

    expect((await as(staff.cookie).post(`/admin/orders/${order.id}`, { scope: "all", reason: "x" })).status).toBe(403);
    expect((await as(organiser.cookie).post(`/admin/orders/${order.id}`, { scope: "lines", reason: "" })).status).toBe(
      400,
    );
    const response = await as(organiser.cookie).post(`/admin/orders/${order.id}`, {
      scope: "lines",
      reason: "破损",
      [`qty:${line.id}`]: "1",
    });
    expect(response.status).toBe(200);
    expect(await t.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      status: "PARTLY_REFUNDED",
      refundedFen: 4200,
    });
    const net = await t.prisma.ledgerEntry.aggregate({
      where: { orderId: order.id, target: "COOPERATIVE" },
      _sum: { amountFen: true },
    });
    expect(net._sum.amountFen).toBe(8400);
    expect((await verifyLedger(t.prisma)).mismatches).toEqual([]);
    expect(await t.prisma.auditLog.count({ where: { entityId: order.id, action: "refund" } })).toBe(1);
  });
});
