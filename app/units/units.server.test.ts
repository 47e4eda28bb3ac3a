import { describe, expect, it } from "vitest";
import { upsertCooperative, upsertOrganisation, upsertProduct } from "../../prisma/factories";
import { createUser } from "../../tests/support/auth";
import { withTestDatabase } from "../../tests/support/database";
import { verifyLedger } from "~/ledger/ledger.server";
import { parseEnv } from "~/utils/env.server";
import { SoldOutError } from "~/payments/reservation.server";
import {
  changeTransferHold,
  placeUnitOrder,
  recordTransfer,
  UnitOrderError,
  type UnitDelivery,
} from "~/payments/unit-checkout.server";
import {
  markInvoiceIssued,
  recordPledge,
  requestInvoices,
  unitStatement,
  unitsOverview,
  UnitError,
} from "./units.server";
import { placeOrderForUnit, receivingAccount } from "./unit-buyer.server";

const t = withTestDatabase();
let keys = 0;
const key = () => `unit-order-${process.pid}-${keys++}`;
const stockOf = async (id: string) => (await t.prisma.product.findUniqueOrThrow({ where: { id } })).stock;

const oneAddress: UnitDelivery = {
  contactName: "工会 李老师",
  contactPhone: "13800138000",
  address: {
    recipientName: "李老师",
    province: "上海市",
    city: "上海市",
    district: "黄浦区",
    addressLine: "人民大道 200 号",
  },
  recipients: [],
};

async function fair() {
  const unit = await upsertOrganisation(t.prisma, { kind: "STATE_OWNED_ENTERPRISE" });
  await t.prisma.organisation.update({
    where: { id: unit.id },
    data: { buyerKind: "UNION", invoiceTitle: "上海某某集团有限公司工会委员会", creditCode: "91310000132200821H" },
  });
  const buyer = await createUser(t.prisma, "UNIT_BUYER", { organisationId: unit.id });
  const organiser = await createUser(t.prisma, "ORGANISER");
  const coopA = await upsertCooperative(t.prisma);
  const coopB = await upsertCooperative(t.prisma);
  const bag = await upsertProduct(t.prisma, {
    cooperativeId: coopA.id,
    priceFen: 36800,
    stock: 100,
    certificate: {
      number: `C-${keys}-${Date.now()}`,
      body: "上海市对口支援办",
      validFrom: "2020-01-01",
      validUntil: "2099-01-01",
    },
  });
  const tea = await upsertProduct(t.prisma, {
    cooperativeId: coopB.id,
    priceFen: 12800,
    stock: 300,
    certificate: null,
  });
  return { unit, buyer, organiser, coopA, coopB, bag, tea };
}

async function transferOrder(
  f: Awaited<ReturnType<typeof fair>>,
  lines = [
    { productId: f.bag.id, quantity: 10 },
    { productId: f.tea.id, quantity: 50 },
  ],
) {
  return placeUnitOrder(t.prisma, {
    orderKey: key(),
    organisationId: f.unit.id,
    placedById: f.buyer.id,
    lines,
    delivery: oneAddress,
    payment: "transfer",
    locale: "zh",
  });
}

describe("unit orders", () => {
  it("reserve every line through the shared path, held for 7 days, with a transfer reference; a retried post finds the same order", async () => {
    const f = await fair();
    const now = new Date();
    const args = {
      orderKey: key(),
      organisationId: f.unit.id,
      placedById: f.buyer.id,
      lines: [{ productId: f.bag.id, quantity: 10 }],
      delivery: oneAddress,
      payment: "transfer" as const,
      locale: "zh" as const,
      now,
    };
    const order = await placeUnitOrder(t.prisma, args);
    expect(order.transferReference).toMatch(/^XF-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(await placeUnitOrder(t.prisma, args)).toEqual(order);
    const row = await t.prisma.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(row).toMatchObject({
      channel: "UNIT",
      status: "PENDING",
      onBehalfOfId: f.unit.id,
      placedById: f.buyer.id,
      paymentProvider: "transfer",
      totalFen: 368000,
    });
    expect(row.reservedUntil.getTime() - now.getTime()).toBe(7 * 86_400_000);
    expect(await stockOf(f.bag.id)).toBe(90);
  });

  it("paid online where no payment provider is configured: refused (the page says to pay by transfer), nothing reserved", async () => {
    const f = await fair();
    // Production on a real database without Stripe keys or ALLOW_TEST_PAYMENTS: no provider at all.
    const noProvider = parseEnv({
      NODE_ENV: "production",
      DATABASE_URL: "postgresql://u@db:5432/fair",
      SESSION_SECRET: "s".repeat(40),
    });
    const outcome = await placeOrderForUnit(
      t.prisma,
      {
        orderKey: key(),
        organisationId: f.unit.id,
        placedById: f.buyer.id,
        lines: [{ productId: f.tea.id, quantity: 2 }],
        delivery: oneAddress,
        payment: "online",
        locale: "zh",
      },
      noProvider,
    );
    expect(outcome).toEqual({ ok: false, problem: "online-unavailable" });
    expect(await t.prisma.order.count({ where: { onBehalfOfId: f.unit.id } })).toBe(0);
    expect(await stockOf(f.tea.id)).toBe(300);
  });

  it("show no receiving account in production until FAIR_BANK_* is configured (the order page then says whom to ask)", () => {
    const production = { NODE_ENV: "production", SESSION_SECRET: "s".repeat(40) };
    expect(receivingAccount(parseEnv(production))).toBeNull();
    expect(
      receivingAccount(
        parseEnv({
          ...production,
          FAIR_BANK_ACCOUNT_NAME: "上海消费帮扶博览会组委会",
          FAIR_BANK_NAME: "某银行上海分行",
          FAIR_BANK_ACCOUNT_NUMBER: "3100 1234 5678",
        }),
      ),
    ).toMatchObject({ accountName: "上海消费帮扶博览会组委会", demo: false });
    expect(receivingAccount(parseEnv({ NODE_ENV: "test" }))).toMatchObject({ demo: true });
  });

  it("posted twice at once make one order and reserve once", async () => {
    const f = await fair();
    const args = {
      orderKey: key(),
      organisationId: f.unit.id,
      placedById: f.buyer.id,
      lines: [{ productId: f.bag.id, quantity: 4 }],
      delivery: oneAddress,
      payment: "transfer" as const,
      locale: "zh" as const,
    };
    const [a, b] = await Promise.all([placeUnitOrder(t.prisma, args), placeUnitOrder(t.prisma, args)]);
    expect(a).toEqual(b);
    expect(await t.prisma.order.count({ where: { checkoutKey: args.orderKey } })).toBe(1);
    expect(await stockOf(f.bag.id)).toBe(96);
  });

  it("are all or nothing: one short line reserves nothing", async () => {
    const f = await fair();
    await expect(
      transferOrder(f, [
        { productId: f.bag.id, quantity: 10 },
        { productId: f.tea.id, quantity: 301 },
      ]),
    ).rejects.toBeInstanceOf(SoldOutError);
    expect(await stockOf(f.bag.id)).toBe(100);
    expect(await stockOf(f.tea.id)).toBe(300);
    expect(await t.prisma.order.count({ where: { onBehalfOfId: f.unit.id } })).toBe(0);
  });

  it("keep their recipient list, which must add up to the order's quantities", async () => {
    const f = await fair();
    const recipient = (line: number, quantity: number) => ({
      line,
      recipient: `收件人${line}`,
      mobile: "13900139000",
      province: "上海市",
      city: "上海市",
      district: "徐汇区",
      address: `漕溪北路 ${line} 号`,
      productId: f.bag.id,
      quantity,
    });
    const base = {
      organisationId: f.unit.id,
      placedById: f.buyer.id,
      lines: [{ productId: f.bag.id, quantity: 3 }],
      payment: "transfer" as const,
      locale: "zh" as const,
    };
    await expect(
      placeUnitOrder(t.prisma, {
        ...base,
        orderKey: key(),
        delivery: { ...oneAddress, address: null, recipients: [recipient(2, 1)] },
      }),
    ).rejects.toEqual(new UnitOrderError("recipients-mismatch"));
    const order = await placeUnitOrder(t.prisma, {
      ...base,
      orderKey: key(),
      delivery: { ...oneAddress, address: null, recipients: [recipient(2, 1), recipient(3, 2)] },
    });
    expect(await t.prisma.orderRecipient.count({ where: { orderId: order.id } })).toBe(2);
  });

  it("an organiser may extend the hold or release it early, which returns the stock", async () => {
    const f = await fair();
    const order = await transferOrder(f);
    const before = (await t.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).reservedUntil;
    const until = await changeTransferHold(t.prisma, order.id, 3);
    expect(until!.getTime() - before.getTime()).toBe(3 * 86_400_000);
    await changeTransferHold(t.prisma, order.id, 0);
    expect(await t.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      status: "EXPIRED",
      holdsStock: false,
    });
    expect(await stockOf(f.bag.id)).toBe(100);
    await expect(changeTransferHold(t.prisma, order.id, 3)).rejects.toEqual(new UnitOrderError("not-pending"));
  });
});

describe("bank transfers", () => {
  it("a matching transfer pays the order through the payment path, once, into the ledger as the unit's direct purchase", async () => {
    const f = await fair();
    const order = await transferOrder(f);
    const transfer = {
      reference: order.transferReference!.toLowerCase(),
      amountFen: 1008000,
      receivedOn: new Date("2026-10-16"),
      payerName: "上海某某集团有限公司工会委员会",
      recordedById: f.organiser.id,
    };
    expect(await recordTransfer(t.prisma, transfer)).toEqual({
      status: "applied",
      orderStatus: "PAID",
      duplicate: false,
    });
    expect(await recordTransfer(t.prisma, transfer)).toMatchObject({ status: "applied", duplicate: true });
    expect(await t.prisma.bankTransfer.count({ where: { orderId: order.id } })).toBe(1);
    const direct = await t.prisma.ledgerEntry.aggregate({
      where: { orderId: order.id, target: "ORGANISATION_DIRECT", organisationId: f.unit.id, channel: "UNIT" },
      _sum: { amountFen: true },
    });
    expect(direct._sum.amountFen).toBe(1008000);
    expect((await verifyLedger(t.prisma)).mismatches).toEqual([]);
  });

  it("a transfer whose amount does not match is held for review and applies nothing", async () => {
    const f = await fair();
    const order = await transferOrder(f);
    expect(
      await recordTransfer(t.prisma, {
        reference: order.transferReference!,
        amountFen: 1000000,
        receivedOn: new Date(),
        payerName: "x",
        recordedById: f.organiser.id,
      }),
    ).toEqual({ status: "held", expectedFen: 1008000 });
    expect(await t.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "PENDING" });
    expect(await t.prisma.ledgerEntry.count({ where: { orderId: order.id } })).toBe(0);
    expect(await t.prisma.bankTransfer.findFirstOrThrow({ where: { orderId: order.id } })).toMatchObject({
      status: "HELD",
    });
    expect(
      await recordTransfer(t.prisma, {
        reference: "XF-NOPE-NOPE",
        amountFen: 1,
        receivedOn: new Date(),
        payerName: "x",
        recordedById: f.organiser.id,
      }),
    ).toEqual({ status: "unknown-reference" });
  });
});

describe("invoices, pledges and statements", () => {
  it("split an invoice request per cooperative; each cooperative issues only its own", async () => {
    const f = await fair();
    const order = await transferOrder(f);
    await expect(
      requestInvoices(t.prisma, {
        orderId: order.id,
        organisationId: f.unit.id,
        title: "某工会",
        creditCode: "91310000132200821H",
      }),
    ).rejects.toEqual(new UnitError("nothing-to-invoice")); // not paid yet
    await recordTransfer(t.prisma, {
      reference: order.transferReference!,
      amountFen: 1008000,
      receivedOn: new Date(),
      payerName: "x",
      recordedById: f.organiser.id,
    });
    await expect(
      requestInvoices(t.prisma, {
        orderId: order.id,
        organisationId: f.unit.id,
        title: "某工会",
        creditCode: "91310000132200821A",
      }),
    ).rejects.toEqual(new UnitError("bad-credit-code"));
    const other = await upsertOrganisation(t.prisma);
    await expect(
      requestInvoices(t.prisma, {
        orderId: order.id,
        organisationId: other.id,
        title: "x",
        creditCode: "91310000132200821H",
      }),
    ).rejects.toEqual(new UnitError("nothing-to-invoice"));
    const invoices = await requestInvoices(t.prisma, {
      orderId: order.id,
      organisationId: f.unit.id,
      title: "上海某某集团有限公司工会委员会",
      creditCode: "91310000132200821h",
    });
    expect(invoices.map((i) => [i.cooperativeId, i.amountFen, i.creditCode]).sort()).toEqual(
      [
        [f.coopA.id, 368000, "91310000132200821H"],
        [f.coopB.id, 640000, "91310000132200821H"],
      ].sort(),
    );
    const forA = invoices.find((i) => i.cooperativeId === f.coopA.id)!;
    await expect(
      markInvoiceIssued(t.prisma, {
        invoiceId: forA.id,
        cooperativeId: f.coopB.id,
        invoiceNumber: "044031900111",
        issuedOn: new Date("2026-10-20"),
      }),
    ).rejects.toEqual(new UnitError("unknown-invoice"));
    await markInvoiceIssued(t.prisma, {
      invoiceId: forA.id,
      cooperativeId: f.coopA.id,
      invoiceNumber: "044031900111",
      issuedOn: new Date("2026-10-20"),
    });
    expect(await t.prisma.invoiceRequest.findUniqueOrThrow({ where: { id: forA.id } })).toMatchObject({
      status: "ISSUED",
      invoiceNumber: "044031900111",
    });
  });

  it("the unit's statement equals its direct-purchase ledger entries, certified goods apart; the units view sums pledges and orders", async () => {
    const f = await fair();
    const paidAt = new Date("2026-10-16T02:00:00Z");
    const order = await transferOrder(f);
    await recordTransfer(t.prisma, {
      reference: order.transferReference!,
      amountFen: 1008000,
      receivedOn: paidAt,
      payerName: "x",
      recordedById: f.organiser.id,
      now: paidAt,
    });
    await transferOrder(f, [{ productId: f.tea.id, quantity: 1 }]); // pending: not in the statement
    await recordPledge(t.prisma, {
      organisationId: f.unit.id,
      amountFen: 5_000_000,
      signedOn: new Date("2026-10-15"),
      notes: " 中秋礼盒 ",
      recordedById: f.organiser.id,
    });

    const statement = await unitStatement(t.prisma, {
      organisationId: f.unit.id,
      from: "2026-10-01",
      to: "2026-10-31",
    });
    expect(statement).toMatchObject({ certifiedFen: 368000, uncertifiedFen: 640000, totalFen: 1008000 });
    const ledger = await t.prisma.ledgerEntry.aggregate({
      where: { target: "ORGANISATION_DIRECT", organisationId: f.unit.id },
      _sum: { amountFen: true },
    });
    expect(statement.totalFen).toBe(ledger._sum.amountFen);
    expect(statement.rows.map((r) => [r.cooperativeId, r.certified, r.netFen])).toEqual(
      expect.arrayContaining([
        [f.coopA.id, true, 368000],
        [f.coopB.id, false, 640000],
      ]),
    );
    expect(
      (await unitStatement(t.prisma, { organisationId: f.unit.id, from: "2026-10-17", to: "2026-10-31" })).totalFen,
    ).toBe(0);

    const overview = await unitsOverview(t.prisma);
    expect(overview.find((r) => r.organisationId === f.unit.id)).toMatchObject({
      pledgedFen: 5_000_000,
      orderedFen: 1008000 + 12800,
      paidFen: 1008000,
      refundedFen: 0,
    });
  });
});
