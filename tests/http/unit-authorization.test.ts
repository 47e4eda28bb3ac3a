/**
 * /unit's authorization matrix over HTTP: a guest is sent to sign in, citizens' sessions do not
 * exist, organisers and cooperative staff are refused (403), and a unit's buyer gets 404 for
 * another unit's order (page and actions), with the database unchanged.
 */
import { describe, expect, it } from "vitest";
import { upsertOrganisation, upsertProduct } from "../../prisma/factories";
import { signInAs } from "../support/auth";
import { withTestDatabase } from "../support/database";
import { withHttpApp } from "../support/http-app";
import { placeUnitOrder } from "~/payments/unit-checkout.server";

const t = withTestDatabase();
const app = withHttpApp();

function request(cookie: string | null, path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (cookie) headers.set("Cookie", cookie);
  return fetch(`${app.baseUrl}${path}`, { ...init, headers, redirect: "manual" });
}
const post = (cookie: string | null, path: string, fields: Record<string, string>) =>
  request(cookie, path, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });

const PAGES = ["/unit", "/unit/order", "/unit/recipients", "/unit/invoices", "/unit/statement"];

describe("/unit authorization", () => {
  it("sends guests to sign in and refuses organisers and cooperative staff", async () => {
    const organiser = await signInAs(t.prisma, "ORGANISER");
    const staff = await signInAs(t.prisma, "COOPERATIVE_STAFF");
    for (const path of PAGES) {
      const guest = await request(null, path);
      expect(guest.status, path).toBe(302);
      expect(guest.headers.get("Location"), path).toMatch(/^\/login\?redirectTo=/);
      expect((await request(organiser.cookie, path)).status, path).toBe(403);
      expect((await request(staff.cookie, path)).status, path).toBe(403);
    }
    expect((await post(organiser.cookie, "/unit/order", { payment: "transfer" })).status).toBe(403);
    expect(await t.prisma.order.count()).toBe(0);
  });

  it("gives a unit's buyer 404 for another unit's order, and changes nothing", async () => {
    const unitA = await upsertOrganisation(t.prisma, { kind: "STATE_OWNED_ENTERPRISE" });
    const unitB = await upsertOrganisation(t.prisma, { kind: "STATE_OWNED_ENTERPRISE" });
    const buyerA = await signInAs(t.prisma, "UNIT_BUYER", { organisationId: unitA.id });
    const buyerB = await signInAs(t.prisma, "UNIT_BUYER", { organisationId: unitB.id });
    const product = await upsertProduct(t.prisma, { stock: 50 });
    const order = await placeUnitOrder(t.prisma, {
      orderKey: `auth-${Date.now()}-aaaaaaaa`,
      organisationId: unitB.id,
      placedById: buyerB.user.id,
      lines: [{ productId: product.id, quantity: 2 }],
      delivery: {
        contactName: "乙单位",
        contactPhone: "13800138000",
        address: { recipientName: "乙", province: "上海市", city: "上海市", district: "黄浦区", addressLine: "一号" },
        recipients: [],
      },
      payment: "transfer",
      locale: "zh",
    });
    const path = `/unit/orders/${order.id}`;
    expect((await request(buyerB.cookie, path)).status).toBe(200);
    const own = await (await request(buyerB.cookie, "/unit")).text();
    expect(own).toContain(order.transferReference!);

    expect((await request(buyerA.cookie, path)).status).toBe(404);
    expect((await request(buyerA.cookie, "/unit/orders/not-an-id")).status).toBe(404);
    expect((await post(buyerA.cookie, path, { intent: "pay" })).status).toBe(404);
    expect((await post(buyerA.cookie, path, { title: "甲单位", creditCode: "91310000132200821H" })).status).toBe(404);
    const listA = await (await request(buyerA.cookie, "/unit")).text();
    expect(listA).not.toContain(order.transferReference!);
    const invoicesA = await (await request(buyerA.cookie, "/unit/invoices")).text();
    expect(invoicesA).not.toContain(order.id.slice(0, 8).toUpperCase());
    expect(await t.prisma.invoiceRequest.count()).toBe(0);
  });
});
