import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { upsertCooperative, upsertCounty, upsertOrganisation, upsertProduct } from "../../prisma/factories";
import { addToCart, createCart } from "~/cart/cart.server";
import { placeOrder } from "~/payments/checkout.server";
import { applyPaymentEvent } from "~/payments/payments.server";
import { signInAs } from "../support/auth";
import { checkoutInput } from "../support/checkout";
import { withTestDatabase } from "../support/database";
import { withHttpApp } from "../support/http-app";

/*
 * The refused path of each console form on the one form pipeline (and the test payment page): a
 * post the schema refuses answers 400 with the message beside its field (the same page a browser
 * without JavaScript gets), keeps what was typed, and changes nothing.
 */
const t = withTestDatabase();
const app = withHttpApp();

const post = (cookie: string | null, path: string, fields: Record<string, string>) =>
  fetch(`${app.baseUrl}${path}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
    redirect: "manual",
  });

/** The text of the error shown for one field (ErrorList's data-testid), or null. */
function fieldError(html: string, name: string): string | null {
  const match = new RegExp(`data-testid="error-${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*>([^<]*)<`).exec(
    html,
  );
  return match ? match[1]! : null;
}

const snapshot = async () => ({
  audit: await t.prisma.auditLog.count(),
  partnerships: await t.prisma.partnership.count(),
  pledges: await t.prisma.pledge.count(),
  transfers: await t.prisma.bankTransfer.count(),
  organisations: await t.prisma.organisation.count(),
  refunds: await t.prisma.refund.count(),
  products: await t.prisma.product.findMany({
    orderBy: { id: "asc" },
    select: { id: true, certificationStatus: true, certificateNumber: true },
  }),
  orders: await t.prisma.order.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true } }),
  users: await t.prisma.user.findMany({ orderBy: { id: "asc" }, select: { id: true, totpEnabled: true } }),
});

async function paidOrder() {
  const product = await upsertProduct(t.prisma, { stock: 10, priceFen: 4200 });
  const cart = await createCart(t.prisma);
  await addToCart(t.prisma, cart, product.id, 2);
  const order = await placeOrder(t.prisma, { cartId: cart, input: checkoutInput(), locale: "zh" });
  await applyPaymentEvent(t.prisma, {
    provider: "test",
    eventId: `pay-${order.id}`,
    type: "succeeded",
    orderId: order.id,
    amountFen: 8400,
  });
  return order;
}

describe("the console's forms refuse bad input beside the field and change nothing", () => {
  it("partnerships, certification, refunds, two-step sign-in", async () => {
    const organiser = await signInAs(t.prisma, "ORGANISER");
    const org = await upsertOrganisation(t.prisma);
    const coop = await upsertCooperative(t.prisma, { countyId: (await upsertCounty(t.prisma)).id });
    const product = await upsertProduct(t.prisma);
    await t.prisma.product.update({ where: { id: product.id }, data: { certificationStatus: "PENDING" } });
    const order = await paidOrder();
    const line = await t.prisma.orderLine.findFirstOrThrow({ where: { orderId: order.id } });
    // Two-step sign-in started (a secret proposed), so the refused code below is the only thing tried.
    await post(organiser.cookie, "/admin/security", { intent: "propose" });
    const before = await snapshot();

    const pairing = await post(organiser.cookie, "/admin/partnerships", {
      intent: "save",
      organisationId: org.id,
      target: `cooperative:${coop.id}`,
      weight: "0",
    });
    expect(pairing.status).toBe(400);
    const pairingHtml = await pairing.text();
    expect(fieldError(pairingHtml, "weight")).toBe("权重是1到1000的整数。");
    expect(pairingHtml).toContain(`value="cooperative:${coop.id}" selected=""`);
    const gone = await post(organiser.cookie, "/admin/partnerships", { intent: "delete", id: "no-such-pairing" });
    expect(gone.status).toBe(404);
    expect(await gone.text()).toContain("找不到这条记录。");

    const approve = await post(organiser.cookie, "/admin/certification", {
      intent: "approve",
      productId: product.id,
      certificateNumber: "SH-FP-2026-1",
      certifyingBody: "",
      certifiedFrom: "2026-12-01",
      certifiedUntil: "2026-01-01",
    });
    expect(approve.status).toBe(400);
    const approveHtml = await approve.text();
    expect(fieldError(approveHtml, "certifyingBody")).toBe("请填写此项。");
    expect(fieldError(approveHtml, "certifiedUntil")).toBe("结束日期不能早于开始日期。");
    expect(approveHtml).toContain('value="SH-FP-2026-1"');
    const reject = await post(organiser.cookie, "/admin/certification", {
      intent: "reject",
      productId: product.id,
      reason: " ",
    });
    expect(reject.status).toBe(400);
    expect(fieldError(await reject.text(), "reason")).toBe("请填写此项。");

    const refund = await post(organiser.cookie, `/admin/orders/${order.id}`, {
      scope: "lines",
      reason: "",
      [`qty:${line.id}`]: "x",
    });
    expect(refund.status).toBe(400);
    const refundHtml = await refund.text();
    expect(fieldError(refundHtml, "reason")).toBe("请填写此项。");
    expect(fieldError(refundHtml, `qty:${line.id}`)).toBe("请填写有效的数字。");
    // Nothing to refund: refused as a whole, in words.
    const nothing = await post(organiser.cookie, `/admin/orders/${order.id}`, { scope: "lines", reason: "破损" });
    expect(nothing.status).toBe(409);
    expect(await nothing.text()).toContain("无法退款：请填写要退的数量");

    const code = await post(organiser.cookie, "/admin/security", { intent: "enable", code: "12ab" });
    expect(code.status).toBe(400);
    expect(fieldError(await code.text(), "code")).toBeTruthy();
    const unknown = await post(organiser.cookie, "/admin/security", { intent: "nope" });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('data-testid="form-error"');

    expect(await snapshot()).toEqual(before);
  });

  it("units, pledges, transfers and holds", async () => {
    const organiser = await signInAs(t.prisma, "ORGANISER");
    const before = await snapshot();

    const unit = await post(organiser.cookie, "/admin/units", {
      slug: "ok-slug",
      nameZh: "",
      nameEn: "Unit",
      buyerKind: "UNION",
    });
    expect(unit.status).toBe(400);
    const unitHtml = await unit.text();
    expect(fieldError(unitHtml, "nameZh")).toBe("请填写此项");
    expect(unitHtml).toContain('value="ok-slug"');

    const pledge = await post(organiser.cookie, "/admin/pledges", {
      organisationId: "x",
      amount: "-5",
      signedOn: "2026-02-30",
    });
    expect(pledge.status).toBe(400);
    const pledgeHtml = await pledge.text();
    expect(fieldError(pledgeHtml, "amount")).toBe("请输入金额（元），最多两位小数，如 12800.00");
    expect(fieldError(pledgeHtml, "signedOn")).toBe("请输入有效日期（年-月-日）");

    const record = await post(organiser.cookie, "/admin/transfers", {
      intent: "record",
      reference: "??",
      amount: "10",
      receivedOn: "2026-10-16",
      payerName: "某公司",
    });
    expect(record.status).toBe(400);
    const recordHtml = await record.text();
    expect(fieldError(recordHtml, "reference")).toBe("转账附言格式不对，如 XF-7K4M-9QZ2");
    expect(recordHtml).toContain('value="某公司"');

    const hold = await post(organiser.cookie, "/admin/transfers", {
      intent: "hold",
      orderId: randomUUID(),
      days: "99",
    });
    expect(hold.status).toBe(400);
    const intent = await post(organiser.cookie, "/admin/transfers", { intent: "something" });
    expect(intent.status).toBe(400);

    expect(await snapshot()).toEqual(before);
  });
});

describe("the test payment page", () => {
  it("refuses a post that is neither confirm nor cancel, and leaves the order pending", async () => {
    const product = await upsertProduct(t.prisma, { stock: 3 });
    const cart = await createCart(t.prisma);
    await addToCart(t.prisma, cart, product.id, 1);
    const order = await placeOrder(t.prisma, { cartId: cart, input: checkoutInput(), locale: "zh" });
    const page = await post(null, `/pay/test/${order.token}`, { intent: "steal" });
    expect(page.status).toBe(400);
    expect(await page.text()).toContain("请求无效，请重试。");
    expect(await t.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "PENDING" });
    const confirmed = await post(null, `/pay/test/${order.token}`, { intent: "confirm" });
    expect(confirmed.status).toBe(302);
    expect(await t.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "PAID" });
  });
});
