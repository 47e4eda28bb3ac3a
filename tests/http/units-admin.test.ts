/**
 * The organisers' and cooperatives' unit pages over HTTP: the authorization matrix (a guest signs
 * in, a unit buyer reaches neither console nor portal, staff see only their own invoice requests)
 * and the flows behind the forms (invite a unit's buyer, record a transfer that matches or is held
 * for review, resolve it, change a hold, record a pledge, mark an invoice issued), the ledger
 * reconciling throughout.
 */
import { describe, expect, it, vi } from "vitest";
import { upsertCooperative, upsertOrganisation, upsertProduct } from "../../prisma/factories";
import { createUser, signInAs } from "../support/auth";
import { withTestDatabase } from "../support/database";
import { withHttpApp } from "../support/http-app";
import { verifyLedger } from "~/ledger/ledger.server";
import { placeUnitOrder, recordTransfer } from "~/payments/unit-checkout.server";
import { requestInvoices } from "~/units/units.server";
import { parseCsv } from "~/utils/csv";

process.env.RATE_LIMITS = "off";
// The first request compiles every route through Vite; on a shared machine that takes a while.
vi.setConfig({ testTimeout: 180_000 });
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

let keys = 0;
async function world() {
  const unit = await upsertOrganisation(t.prisma, { kind: "STATE_OWNED_ENTERPRISE", nameZh: "测试集团工会" });
  await t.prisma.organisation.update({
    where: { id: unit.id },
    data: { buyerKind: "UNION", invoiceTitle: "测试集团有限公司工会委员会", creditCode: "91310000132200821H" },
  });
  const buyer = await createUser(t.prisma, "UNIT_BUYER", { organisationId: unit.id });
  const coopA = await upsertCooperative(t.prisma);
  const coopB = await upsertCooperative(t.prisma);
  const rice = await upsertProduct(t.prisma, {
    cooperativeId: coopA.id,
    priceFen: 16800,
    stock: 100,
    nameZh: "甲社红米礼盒",
  });
  const dates = await upsertProduct(t.prisma, {
    cooperativeId: coopB.id,
    priceFen: 5800,
    stock: 100,
    nameZh: "乙社骏枣",
  });
  const order = await placeUnitOrder(t.prisma, {
    orderKey: `http-unit-${process.pid}-${keys++}`,
    organisationId: unit.id,
    placedById: buyer.id,
    lines: [
      { productId: rice.id, quantity: 2 },
      { productId: dates.id, quantity: 3 },
    ],
    delivery: {
      contactName: "李老师",
      contactPhone: "13800138000",
      address: null,
      recipients: [
        {
          line: 2,
          recipient: "收件人甲",
          mobile: "13900139001",
          province: "上海市",
          city: "上海市",
          district: "徐汇区",
          address: "漕溪北路 1 号",
          productId: rice.id,
          quantity: 2,
        },
        {
          line: 3,
          recipient: "收件人乙",
          mobile: "13900139002",
          province: "上海市",
          city: "上海市",
          district: "黄浦区",
          address: "人民大道 2 号",
          productId: dates.id,
          quantity: 3,
        },
      ],
    },
    payment: "transfer",
    locale: "zh",
  });
  return { unit, buyer, coopA, coopB, rice, dates, order, totalFen: 2 * 16800 + 3 * 5800 };
}

async function snapshot() {
  const [orders, transfers, pledges, invoices, ledger, organisations, invitations, stock] = await Promise.all([
    t.prisma.order.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, reservedUntil: true } }),
    t.prisma.bankTransfer.findMany({ orderBy: { id: "asc" } }),
    t.prisma.pledge.count(),
    t.prisma.invoiceRequest.findMany({ orderBy: { id: "asc" } }),
    t.prisma.ledgerEntry.count(),
    t.prisma.organisation.count(),
    t.prisma.invitation.count(),
    t.prisma.product.aggregate({ _sum: { stock: true } }),
  ]);
  return { orders, transfers, pledges, invoices, ledger, organisations, invitations, stock };
}

const ADMIN_PAGES = [
  "/admin/units",
  "/admin/transfers",
  "/admin/pledges",
  "/admin/reports/units",
  "/admin/reports/units.csv",
];
const PORTAL_PAGES = ["/portal/invoices", "/portal/orders"];

describe("the unit pages' authorization matrix", () => {
  it("sends a guest to sign in and refuses a unit buyer every console and portal page and form, changing nothing", async () => {
    const { unit, order } = await world();
    const unitBuyer = await signInAs(t.prisma, "UNIT_BUYER", { organisationId: unit.id });
    const staff = await signInAs(t.prisma, "COOPERATIVE_STAFF");
    const before = await snapshot();
    const forms: [string, Record<string, string>][] = [
      ["/admin/units", { slug: "x-unit", nameZh: "某单位", nameEn: "A unit", buyerKind: "UNION" }],
      [
        "/admin/transfers",
        {
          intent: "record",
          reference: order.transferReference!,
          amount: "1",
          receivedOn: "2026-10-16",
          payerName: "x",
        },
      ],
      ["/admin/transfers", { intent: "hold", orderId: order.id, days: "0" }],
      ["/admin/pledges", { organisationId: unit.id, amount: "1000", signedOn: "2026-10-16" }],
      ["/admin/invitations", { email: "a@b.example", role: "UNIT_BUYER", organisationId: unit.id }],
      ["/portal/invoices", { invoiceId: "x", invoiceNumber: "12345678", issuedOn: "2026-10-16" }],
    ];
    for (const path of [...ADMIN_PAGES, ...PORTAL_PAGES]) {
      const guest = await request(null, path);
      expect(guest.status, path).toBe(302);
      expect(guest.headers.get("Location"), path).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
      expect((await request(unitBuyer.cookie, path)).status, `unit buyer ${path}`).toBe(403);
    }
    for (const [path, fields] of forms) {
      expect((await post(null, path, fields)).status, path).toBe(302);
      expect((await post(unitBuyer.cookie, path, fields)).status, `unit buyer ${path}`).toBe(403);
    }
    for (const path of ADMIN_PAGES) expect((await request(staff.cookie, path)).status, `staff ${path}`).toBe(403);
    for (const [path, fields] of forms.filter(([p]) => p.startsWith("/admin")))
      expect((await post(staff.cookie, path, fields)).status, `staff ${path}`).toBe(403);
    const organiser = await signInAs(t.prisma, "ORGANISER");
    expect((await request(organiser.cookie, "/portal/invoices")).status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it("shows each cooperative only its own invoice requests and lines; another's invoice cannot be marked issued", async () => {
    const f = await world();
    await recordTransfer(t.prisma, {
      reference: f.order.transferReference!,
      amountFen: f.totalFen,
      receivedOn: new Date("2026-10-16"),
      payerName: "测试集团有限公司工会委员会",
      recordedById: (await createUser(t.prisma, "ORGANISER")).id,
    });
    const invoices = await requestInvoices(t.prisma, {
      orderId: f.order.id,
      organisationId: f.unit.id,
      title: "测试集团有限公司工会委员会",
      creditCode: "91310000132200821H",
    });
    const forB = invoices.find((i) => i.cooperativeId === f.coopB.id)!;
    const forA = invoices.find((i) => i.cooperativeId === f.coopA.id)!;
    const staffA = await signInAs(t.prisma, "COOPERATIVE_STAFF", { cooperativeId: f.coopA.id });

    const page = await (await request(staffA.cookie, "/portal/invoices")).text();
    expect(page).toContain("甲社红米礼盒");
    expect(page).toContain("¥336.00");
    expect(page).not.toContain("乙社骏枣");
    expect(page).not.toContain("¥174.00");
    const orders = await (await request(staffA.cookie, "/portal/orders")).text();
    expect(orders).toContain("收件人甲");
    expect(orders).not.toContain("收件人乙");

    const before = await snapshot();
    const attempt = await post(staffA.cookie, "/portal/invoices", {
      invoiceId: forB.id,
      invoiceNumber: "044031900111",
      issuedOn: "2026-10-20",
    });
    expect(attempt.status).toBe(404);
    expect(await snapshot()).toEqual(before);

    const bad = await post(staffA.cookie, "/portal/invoices", {
      invoiceId: forA.id,
      invoiceNumber: "<b>",
      issuedOn: "2026-02-30",
    });
    expect(bad.status).toBe(400);
    const text = await bad.text();
    expect(text).toContain("发票号码为 8–24 位数字或字母");
    expect(text).toContain("请输入有效日期");

    const ok = await post(staffA.cookie, "/portal/invoices", {
      invoiceId: forA.id,
      invoiceNumber: "044031900111",
      issuedOn: "2026-10-20",
    });
    expect(ok.status).toBe(200);
    expect(await t.prisma.invoiceRequest.findUniqueOrThrow({ where: { id: forA.id } })).toMatchObject({
      status: "ISSUED",
      invoiceNumber: "044031900111",
    });
    expect(await t.prisma.invoiceRequest.findUniqueOrThrow({ where: { id: forB.id } })).toMatchObject({
      status: "REQUESTED",
    });
  });
});

describe("the organisers' unit forms", () => {
  it("register a unit and invite its buyer through the invitation flow, who lands scoped to it", async () => {
    const organiser = await signInAs(t.prisma, "ORGANISER");
    const bad = await post(organiser.cookie, "/admin/units", {
      slug: "Bad Slug",
      nameZh: "",
      nameEn: "x",
      buyerKind: "NOPE",
      creditCode: "91310000132200821A",
    });
    expect(bad.status).toBe(400);
    const badText = await bad.text();
    expect(badText).toContain("统一社会信用代码校验位不符");
    expect(badText).toContain("只能用小写字母、数字和连字符");
    const created = await post(organiser.cookie, "/admin/units", {
      slug: "minhang-tax-union",
      nameZh: "闵行区税务局工会",
      nameEn: "Minhang Tax Bureau Union",
      buyerKind: "UNION",
      creditCode: "91310000132200821h",
    });
    expect(created.status).toBe(200);
    const unit = await t.prisma.organisation.findUniqueOrThrow({ where: { slug: "minhang-tax-union" } });
    expect(unit).toMatchObject({
      buyerKind: "UNION",
      creditCode: "91310000132200821H",
      invoiceTitle: "闵行区税务局工会",
    });
    expect(
      (
        await post(organiser.cookie, "/admin/units", {
          slug: "minhang-tax-union",
          nameZh: "x",
          nameEn: "x",
          buyerKind: "UNION",
        })
      ).status,
    ).toBe(409);

    const notAUnit = await upsertOrganisation(t.prisma);
    expect(
      (
        await post(organiser.cookie, "/admin/invitations", {
          email: "b@unit.example",
          role: "UNIT_BUYER",
          organisationId: notAUnit.id,
        })
      ).status,
    ).toBe(400);
    expect(
      (await post(organiser.cookie, "/admin/invitations", { email: "b@unit.example", role: "UNIT_BUYER" })).status,
    ).toBe(400);
    const invited = await post(organiser.cookie, "/admin/invitations", {
      email: "buyer@unit.example",
      role: "UNIT_BUYER",
      organisationId: unit.id,
    });
    expect(invited.status).toBe(200);
    const link = /\/invite\/([A-Za-z0-9_-]+)/.exec(await invited.text())![1]!;
    const invitePage = await (await request(null, `/invite/${link}`)).text();
    expect(invitePage).toContain("闵行区税务局工会（单位采购人员）");
    const accepted = await post(null, `/invite/${link}`, { displayName: "采购员", password: "a-long-enough-password" });
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("Location")).toBe("/unit");
    expect(await t.prisma.user.findUniqueOrThrow({ where: { email: "buyer@unit.example" } })).toMatchObject({
      role: "UNIT_BUYER",
      organisationId: unit.id,
    });
    const units = await (await request(organiser.cookie, "/admin/units")).text();
    expect(units).toContain("闵行区税务局工会");
    expect(units).toContain("buyer@unit.example");
  });

  it("record a transfer: a mismatch is held and applies nothing; the review refuses a still-wrong amount, applies a corrected one once; the ledger reconciles", async () => {
    const f = await world();
    const organiser = await signInAs(t.prisma, "ORGANISER");
    const record = (amount: string) =>
      post(organiser.cookie, "/admin/transfers", {
        intent: "record",
        reference: f.order.transferReference!.toLowerCase(),
        amount,
        receivedOn: "2026-10-16",
        payerName: "测试集团有限公司工会委员会",
      });
    const invalid = await post(organiser.cookie, "/admin/transfers", {
      intent: "record",
      reference: "??",
      amount: "-3",
      receivedOn: "yesterday",
      payerName: "",
    });
    expect(invalid.status).toBe(400);
    const unknown = await post(organiser.cookie, "/admin/transfers", {
      intent: "record",
      reference: "XF-AAAA-BBBB",
      amount: "10",
      receivedOn: "2026-10-16",
      payerName: "x",
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("没有订单使用这个转账附言");

    const held = await record("500.00");
    expect(held.status).toBe(202);
    expect(await held.text()).toContain("金额不符：订单应付 ¥510.00，实收 ¥500.00");
    expect(await t.prisma.order.findUniqueOrThrow({ where: { id: f.order.id } })).toMatchObject({ status: "PENDING" });
    expect(await t.prisma.ledgerEntry.count({ where: { orderId: f.order.id } })).toBe(0);
    const transfer = await t.prisma.bankTransfer.findFirstOrThrow({ where: { orderId: f.order.id } });
    expect(transfer.status).toBe("HELD");
    const page = await (await request(organiser.cookie, "/admin/transfers")).text();
    expect(page).toContain("待核对的转账");
    expect(page).toContain(f.order.transferReference!);

    const stillWrong = await post(organiser.cookie, "/admin/transfers", {
      intent: "apply",
      transferId: transfer.id,
      amount: "501",
    });
    expect(stillWrong.status).toBe(409);
    expect(await t.prisma.ledgerEntry.count({ where: { orderId: f.order.id } })).toBe(0);
    expect(
      (await post(organiser.cookie, "/admin/transfers", { intent: "reject", transferId: transfer.id, note: "" }))
        .status,
    ).toBe(400);

    const applied = await post(organiser.cookie, "/admin/transfers", {
      intent: "apply",
      transferId: transfer.id,
      amount: "510.00",
      note: "银行回单金额录入有误",
    });
    expect(applied.status).toBe(200);
    expect(await t.prisma.order.findUniqueOrThrow({ where: { id: f.order.id } })).toMatchObject({ status: "PAID" });
    expect(await t.prisma.bankTransfer.findUniqueOrThrow({ where: { id: transfer.id } })).toMatchObject({
      status: "APPLIED",
      amountFen: 51000,
    });
    const again = await post(organiser.cookie, "/admin/transfers", {
      intent: "apply",
      transferId: transfer.id,
      amount: "510.00",
    });
    expect(again.status).toBe(409);
    // The same transfer read off the statement again pays nothing twice.
    const duplicate = await record("510");
    expect(duplicate.status).toBe(200);
    expect(await duplicate.text()).toContain("这笔转账已登记过");
    const direct = await t.prisma.ledgerEntry.aggregate({
      where: { orderId: f.order.id, target: "ORGANISATION_DIRECT", organisationId: f.unit.id },
      _sum: { amountFen: true },
    });
    expect(direct._sum.amountFen).toBe(f.totalFen);
    expect((await verifyLedger(t.prisma)).mismatches).toEqual([]);

    const report = await (await request(organiser.cookie, `/admin/reports/units?unit=${f.unit.id}`)).text();
    expect(report).toContain("测试集团工会");
    expect(report).toContain("¥510.00");
    const csv = await request(organiser.cookie, "/admin/reports/units.csv");
    expect(csv.headers.get("Content-Type")).toContain("text/csv");
    const rows = parseCsv(await csv.text());
    const row = rows.find((r) => r[1] === f.unit.nameEn)!;
    expect(row.slice(2)).toEqual(["0.00", "510.00", "510.00", "0.00", "0.00"]);
  });

  it("reject a held transfer, extend and release a hold, and record pledges shown against payments on /transparency", async () => {
    const f = await world();
    const organiser = await signInAs(t.prisma, "ORGANISER");
    await post(organiser.cookie, "/admin/transfers", {
      intent: "record",
      reference: f.order.transferReference!,
      amount: "1",
      receivedOn: "2026-10-16",
      payerName: "某公司",
    });
    const transfer = await t.prisma.bankTransfer.findFirstOrThrow({ where: { orderId: f.order.id } });
    expect(
      (
        await post(organiser.cookie, "/admin/transfers", {
          intent: "reject",
          transferId: transfer.id,
          note: "非本订单款项，已退回",
        })
      ).status,
    ).toBe(200);
    expect(await t.prisma.bankTransfer.findUniqueOrThrow({ where: { id: transfer.id } })).toMatchObject({
      status: "REJECTED",
      resolution: "非本订单款项，已退回",
    });

    const before = (await t.prisma.order.findUniqueOrThrow({ where: { id: f.order.id } })).reservedUntil;
    expect(
      (await post(organiser.cookie, "/admin/transfers", { intent: "hold", orderId: f.order.id, days: "99" })).status,
    ).toBe(400);
    expect(
      (await post(organiser.cookie, "/admin/transfers", { intent: "hold", orderId: f.order.id, days: "3" })).status,
    ).toBe(200);
    const after = (await t.prisma.order.findUniqueOrThrow({ where: { id: f.order.id } })).reservedUntil;
    expect(after.getTime() - before.getTime()).toBe(3 * 86_400_000);
    expect(
      (await post(organiser.cookie, "/admin/transfers", { intent: "hold", orderId: f.order.id, days: "0" })).status,
    ).toBe(200);
    expect(await t.prisma.order.findUniqueOrThrow({ where: { id: f.order.id } })).toMatchObject({
      status: "EXPIRED",
      holdsStock: false,
    });
    expect((await t.prisma.product.findUniqueOrThrow({ where: { id: f.rice.id } })).stock).toBe(100);
    expect(
      (await post(organiser.cookie, "/admin/transfers", { intent: "hold", orderId: f.order.id, days: "3" })).status,
    ).toBe(409);

    expect(
      (
        await post(organiser.cookie, "/admin/pledges", {
          organisationId: f.unit.id,
          amount: "abc",
          signedOn: "2026-10-15",
        })
      ).status,
    ).toBe(400);
    const notAUnit = await upsertOrganisation(t.prisma);
    expect(
      (
        await post(organiser.cookie, "/admin/pledges", {
          organisationId: notAUnit.id,
          amount: "100",
          signedOn: "2026-10-15",
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await post(organiser.cookie, "/admin/pledges", {
          organisationId: f.unit.id,
          amount: "¥80,000.00",
          signedOn: "2026-10-15",
          notes: "中秋礼盒",
        })
      ).status,
    ).toBe(200);
    expect(await t.prisma.pledge.findFirstOrThrow({ where: { organisationId: f.unit.id } })).toMatchObject({
      amountFen: 8_000_000,
      notes: "中秋礼盒",
    });
    const transparency = await (await request(null, "/transparency")).text();
    expect(transparency).toContain("单位认购与实际支付");
    expect(transparency).toContain("¥80,000.00");
  });
});
