/**
 * The unit buyer's pages over HTTP, with JavaScript off (plain form posts): a bulk order to one
 * address paid by transfer, a short product named with nothing reserved, a GBK recipient file with
 * a bad row refused per row and then accepted, previewed and confirmed from the server-side draft,
 * invoices split per cooperative with the credit code checked, and the statement equal to the ledger.
 */
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { upsertCooperative, upsertOrganisation, upsertProduct } from "../../prisma/factories";
import { createUser, signInAs } from "../support/auth";
import { withTestDatabase } from "../support/database";
import { withHttpApp } from "../support/http-app";
import { recordTransfer } from "~/payments/unit-checkout.server";
import { shanghaiDay } from "~/units/unit-buyer";
import { formatFen } from "~/utils/money";

const t = withTestDatabase();
const app = withHttpApp();

function request(cookie: string | null, path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (cookie) headers.set("Cookie", cookie);
  return fetch(`${app.baseUrl}${path}`, { ...init, headers, redirect: "manual" });
}
const post = (cookie: string, path: string, fields: Record<string, string>) =>
  request(cookie, path, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
function upload(cookie: string, bytes: Uint8Array) {
  const form = new FormData();
  form.append("file", new Blob([Buffer.from(bytes)], { type: "text/csv" }), "收件人.csv");
  return request(cookie, "/unit/recipients", { method: "POST", body: form });
}
const html = async (response: Response) => (await response.text()).replace(/<!-- -->/g, "");
/** The text of the page's error alert (role="alert", data-testid="unit-error"). */
const alertText = (page: string) => /data-testid="unit-error"[^>]*>(.*?)<\/div>/s.exec(page)?.[1] ?? "";

let keys = 0;
const orderKey = () => `unit-http-${process.pid}-${Date.now()}-${keys++}`.padEnd(20, "x");

const address = {
  contactName: "工会 李老师",
  contactPhone: "138 0013 8000",
  recipientName: "李老师",
  province: "上海市",
  city: "上海市",
  district: "黄浦区",
  addressLine: "人民大道 200 号",
};

async function world() {
  const unit = await upsertOrganisation(t.prisma, { kind: "STATE_OWNED_ENTERPRISE" });
  await t.prisma.organisation.update({ where: { id: unit.id }, data: { buyerKind: "UNION" } });
  const buyer = await signInAs(t.prisma, "UNIT_BUYER", { organisationId: unit.id });
  const organiser = await createUser(t.prisma, "ORGANISER");
  const coopA = await upsertCooperative(t.prisma);
  const coopB = await upsertCooperative(t.prisma);
  const rice = await upsertProduct(t.prisma, {
    cooperativeId: coopA.id,
    nameZh: `高原大米${keys}`,
    nameEn: "Highland rice",
    priceFen: 5000,
    stock: 500,
    certificate: {
      number: `C-${Date.now()}-${keys++}`,
      body: "上海市对口支援办",
      validFrom: "2020-01-01",
      validUntil: "2099-01-01",
    },
  });
  const tea = await upsertProduct(t.prisma, {
    cooperativeId: coopB.id,
    nameZh: `普洱茶${keys++}`,
    nameEn: "Pu'er tea",
    priceFen: 12800,
    stock: 20,
  });
  return { unit, buyer, organiser, coopA, coopB, rice, tea };
}

describe("bulk order builder", () => {
  it("places a transfer order for one address and shows the account, reference and deadline", async () => {
    const w = await world();
    const response = await post(w.buyer.cookie, "/unit/order", {
      orderKey: orderKey(),
      ...address,
      payment: "transfer",
      "lines[0].productId": w.rice.id,
      "lines[0].quantity": "300",
      "lines[1].productId": w.tea.id,
      "lines[1].quantity": "",
    });
    expect(response.status).toBe(302);
    const location = response.headers.get("Location")!;
    expect(location).toMatch(/^\/unit\/orders\/[0-9a-f-]{36}\?placed=1$/);
    const order = await t.prisma.order.findFirstOrThrow({ where: { onBehalfOfId: w.unit.id } });
    expect(order).toMatchObject({
      channel: "UNIT",
      totalFen: 300 * 5000,
      paymentProvider: "transfer",
      contactPhone: "13800138000",
    });
    expect((await t.prisma.product.findUniqueOrThrow({ where: { id: w.rice.id } })).stock).toBe(200);

    const page = await html(await request(w.buyer.cookie, location));
    expect(page).toContain('data-testid="transfer-details"');
    expect(page).toContain(order.transferReference!);
    expect(page).toContain("上海消费帮扶博览会组委会（演示）");
    expect(page).toContain("待转账");
    const home = await html(await request(w.buyer.cookie, "/unit"));
    expect(home).toContain(order.transferReference!);
  });

  it("names the short product and reserves nothing", async () => {
    const w = await world();
    const response = await post(w.buyer.cookie, "/unit/order", {
      orderKey: orderKey(),
      ...address,
      payment: "transfer",
      "lines[0].productId": w.rice.id,
      "lines[0].quantity": "10",
      "lines[1].productId": w.tea.id,
      "lines[1].quantity": "21",
    });
    expect(response.status).toBe(409);
    // Said on the page itself (in the alert), not only in the data the page was rendered from.
    expect(alertText(await html(response))).toContain(`「${w.tea.nameZh}」库存不足：只剩 20 件`);
    expect(await t.prisma.order.count({ where: { onBehalfOfId: w.unit.id } })).toBe(0);
    expect((await t.prisma.product.findUniqueOrThrow({ where: { id: w.rice.id } })).stock).toBe(500);
  });

  it("refuses online payment above the limit, and a form without quantities, changing nothing", async () => {
    const w = await world();
    const tooLarge = await post(w.buyer.cookie, "/unit/order", {
      orderKey: orderKey(),
      ...address,
      payment: "online",
      "lines[0].productId": w.rice.id,
      "lines[0].quantity": "101",
    });
    expect(tooLarge.status).toBe(409);
    expect(alertText(await html(tooLarge))).toContain("超过在线支付上限");
    const fraction = await post(w.buyer.cookie, "/unit/order", {
      orderKey: orderKey(),
      ...address,
      payment: "transfer",
      "lines[0].productId": w.rice.id,
      "lines[0].quantity": "2.5",
    });
    expect(fraction.status).toBe(400);
    expect(await html(fraction)).toContain("数量应为 0–10000 的整数");
    const empty = await post(w.buyer.cookie, "/unit/order", { orderKey: orderKey(), ...address, payment: "transfer" });
    expect(empty.status).toBe(400);
    expect(await html(empty)).toContain("请至少填写一种商品的数量");
    expect(await t.prisma.order.count({ where: { onBehalfOfId: w.unit.id } })).toBe(0);
  });
});

describe("recipient list", () => {
  const header = "收件人,手机,省,市,区,详细地址,商品,数量";
  const rows = (w: { rice: { nameZh: string }; tea: { nameZh: string } }, n: number, bad = -1) =>
    Array.from({ length: n }, (_, i) =>
      i === bad
        ? `王五,1234,上海市,上海市,徐汇区,漕溪北路 ${i} 号,${w.rice.nameZh},2`
        : `收件人${i},1390000${String(i).padStart(4, "0")},上海市,上海市,徐汇区,漕溪北路 ${i} 号,${i % 2 ? w.tea.nameZh : w.rice.nameZh},${i % 2 ? 1 : 2}`,
    );

  it("refuses a GBK file with a bad row per row, saves nothing, then previews and orders the fixed file", async () => {
    const w = await world();
    const bad = iconv.encode([header, ...rows(w, 10, 3)].join("\r\n") + "\r\n", "gbk");
    const refused = await upload(w.buyer.cookie, bad);
    expect(refused.status).toBe(422);
    const page = await html(refused);
    expect(page).toContain("第 5 行");
    expect(page).toContain("手机号应为 11 位中国大陆手机号");
    expect(await t.prisma.unitOrderDraft.count({ where: { organisationId: w.unit.id } })).toBe(0);

    const good = iconv.encode([header, ...rows(w, 10)].join("\r\n") + "\r\n", "gbk");
    const accepted = await upload(w.buyer.cookie, good);
    expect(accepted.status).toBe(302);
    const preview = accepted.headers.get("Location")!;
    expect(preview).toMatch(/^\/unit\/recipients\/[0-9a-f-]{36}$/);
    const previewPage = await html(await request(w.buyer.cookie, preview));
    // 5 rows of 2 bags of rice, 5 rows of 1 tea: totals per product before confirming.
    expect(previewPage).toContain("10 件");
    expect(previewPage).toContain(formatFen(10 * 5000 + 5 * 12800));

    const confirmed = await post(w.buyer.cookie, preview, {
      orderKey: orderKey(),
      contactName: "李老师",
      contactPhone: "13800138000",
      payment: "transfer",
    });
    expect(confirmed.status).toBe(302);
    const order = await t.prisma.order.findFirstOrThrow({
      where: { onBehalfOfId: w.unit.id },
      include: { recipients: true },
    });
    expect(order.recipients).toHaveLength(10);
    expect(order.recipients.find((r) => r.line === 2)?.recipient).toBe("收件人0");
    expect(order.totalFen).toBe(10 * 5000 + 5 * 12800);
    expect(await t.prisma.unitOrderDraft.count({ where: { organisationId: w.unit.id } })).toBe(0);
    expect((await request(w.buyer.cookie, preview)).status).toBe(404);
  });

  it("accepts an Excel UTF-8 file (BOM, CRLF) and validates 2,000 rows", async () => {
    const w = await world();
    await t.prisma.product.update({ where: { id: w.tea.id }, data: { stock: 5000 } });
    await t.prisma.product.update({ where: { id: w.rice.id }, data: { stock: 5000 } });
    const bytes = new TextEncoder().encode("\uFEFF" + [header, ...rows(w, 2000)].join("\r\n") + "\r\n");
    const started = performance.now();
    const response = await upload(w.buyer.cookie, bytes);
    console.log(`2,000-row recipient upload checked in ${Math.round(performance.now() - started)} ms (over HTTP)`);
    expect(response.status).toBe(302);
    const draft = await t.prisma.unitOrderDraft.findFirstOrThrow({ where: { organisationId: w.unit.id } });
    expect((draft.rows as unknown[]).length).toBe(2000);
  });

  it("a draft belongs to its unit: another unit's buyer gets 404 and cannot confirm it", async () => {
    const w = await world();
    const accepted = await upload(w.buyer.cookie, new TextEncoder().encode([header, ...rows(w, 2)].join("\n")));
    const preview = accepted.headers.get("Location")!;
    const other = await signInAs(t.prisma, "UNIT_BUYER");
    expect((await request(other.cookie, preview)).status).toBe(404);
    const attempt = await post(other.cookie, preview, {
      orderKey: orderKey(),
      contactName: "外人",
      contactPhone: "13800138000",
      payment: "transfer",
    });
    expect(attempt.status).toBe(404);
    expect(await t.prisma.order.count({ where: { onBehalfOfId: w.unit.id } })).toBe(0);
  });
});

describe("invoices and the statement", () => {
  async function paidOrder(w: Awaited<ReturnType<typeof world>>) {
    const response = await post(w.buyer.cookie, "/unit/order", {
      orderKey: orderKey(),
      ...address,
      payment: "transfer",
      "lines[0].productId": w.rice.id,
      "lines[0].quantity": "7",
      "lines[1].productId": w.tea.id,
      "lines[1].quantity": "3",
    });
    const path = response.headers.get("Location")!.split("?")[0]!;
    const order = await t.prisma.order.findFirstOrThrow({ where: { onBehalfOfId: w.unit.id } });
    const outcome = await recordTransfer(t.prisma, {
      reference: order.transferReference!,
      amountFen: order.totalFen,
      receivedOn: new Date(),
      payerName: "上海某某集团有限公司工会委员会",
      recordedById: w.organiser.id,
    });
    expect(outcome.status).toBe("applied");
    return { path, order };
  }

  it("checks the credit code in Chinese, then splits the request per cooperative and shows its state", async () => {
    const w = await world();
    const { path, order } = await paidOrder(w);
    const bad = await post(w.buyer.cookie, path, {
      intent: "invoice",
      title: "上海某某集团有限公司工会委员会",
      creditCode: "91310000132200821X",
    });
    expect(bad.status).toBe(400);
    expect(await html(bad)).toContain("统一社会信用代码校验位不符");
    expect(await t.prisma.invoiceRequest.count()).toBe(0);

    const good = await post(w.buyer.cookie, path, {
      intent: "invoice",
      title: "上海某某集团有限公司工会委员会",
      creditCode: "91310000132200821h",
    });
    expect(good.status).toBe(302);
    const invoices = await t.prisma.invoiceRequest.findMany({
      where: { orderId: order.id },
      orderBy: { amountFen: "asc" },
    });
    expect(invoices.map((i) => i.amountFen)).toEqual([7 * 5000, 3 * 12800].sort((a, b) => a - b));
    expect(invoices.every((i) => i.creditCode === "91310000132200821H")).toBe(true);

    await t.prisma.invoiceRequest.update({
      where: { id: invoices[0]!.id },
      data: { status: "ISSUED", invoiceNumber: "No.31002400", issuedOn: new Date("2026-12-05T00:00:00Z") },
    });
    const list = await html(await request(w.buyer.cookie, "/unit/invoices"));
    expect(list).toContain("已开具 · 发票号码 No.31002400 · 2026-12-05");
    expect(list).toContain("已申请");
  });

  it("the statement's figures equal the ledger to the fen, certified and uncertified apart", async () => {
    const w = await world();
    await paidOrder(w);
    const entries = await t.prisma.ledgerEntry.findMany({
      where: { organisationId: w.unit.id, target: "ORGANISATION_DIRECT" },
    });
    const sum = (list: typeof entries) => list.reduce((s, e) => s + e.amountFen, 0);
    expect(entries.length).toBeGreaterThan(0);
    const today = shanghaiDay();
    const page = await html(await request(w.buyer.cookie, `/unit/statement?from=${today}&to=${today}`));
    expect(page).toContain("消费帮扶采购情况");
    const figure = (id: string) => new RegExp(`data-testid="${id}">([^<]+)<`).exec(page)?.[1];
    expect(figure("statement-total")).toBe(formatFen(sum(entries)));
    expect(figure("statement-certified-subtotal")).toBe(formatFen(sum(entries.filter((e) => e.certified))));
    expect(figure("statement-uncertified-subtotal")).toBe(formatFen(sum(entries.filter((e) => !e.certified))));
    expect(sum(entries)).toBe(7 * 5000 + 3 * 12800);
    const bad = await html(await request(w.buyer.cookie, `/unit/statement?from=${today}&to=2000-01-01`));
    expect(bad).toContain("结束日期不能早于开始日期");
  });
});
