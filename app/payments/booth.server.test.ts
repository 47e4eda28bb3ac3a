import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { upsertCooperative, upsertOrganisation, upsertPartnership, upsertProduct } from "../../prisma/factories";
import { createUser } from "../../tests/support/auth";
import { withTestDatabase } from "../../tests/support/database";
import type { BoothSaleInput } from "~/portal/portal-schema";
import {
  BOOTH_CONTACT_NAME,
  BOOTH_PLACEHOLDER_PHONE,
  BoothSoldOutError,
  getBoothScreen,
  recordBoothSale,
} from "./booth.server";
import { verifyLedger } from "~/ledger/ledger.server";
import { PortalConflictError } from "~/portal/portal-common.server";

const t = withTestDatabase();
const stockOf = async (id: string) => (await t.prisma.product.findUniqueOrThrow({ where: { id } })).stock;

async function booth(opts: { contactPhone?: string; boothNumber?: string | null } = {}) {
  const cooperative = await upsertCooperative(t.prisma, {
    contactPhone: opts.contactPhone ?? "138 0000 1021",
    boothNumber: opts.boothNumber === undefined ? `A-${Math.floor(Math.random() * 1e6)}` : opts.boothNumber,
  });
  const user = await createUser(t.prisma, "COOPERATIVE_STAFF", { cooperativeId: cooperative.id });
  return { cooperative, scope: { cooperativeId: cooperative.id, actorId: user.id } };
}

const sale = (lines: BoothSaleInput["lines"], payment: BoothSaleInput["payment"] = "CASH"): BoothSaleInput => ({
  saleKey: randomUUID(),
  payment,
  lines,
});

describe("booth sales", () => {
  it("take the stock, record a paid BOOTH order handed over on the spot, and write BOOTH ledger entries that reconcile", async () => {
    const { cooperative, scope } = await booth();
    const organisation = await upsertOrganisation(t.prisma);
    await upsertPartnership(t.prisma, { organisationId: organisation.id, cooperativeId: cooperative.id, weight: 1 });
    const bag = await upsertProduct(t.prisma, {
      cooperativeId: cooperative.id,
      priceFen: 36800,
      stock: 5,
      certificate: { number: `SH-B-${randomUUID()}`, body: "b", validFrom: "2020-01-01", validUntil: "2099-12-31" },
    });
    const tea = await upsertProduct(t.prisma, { cooperativeId: cooperative.id, priceFen: 9900, stock: 10 });
    const now = new Date("2026-10-17T03:00:00Z");

    const result = await recordBoothSale(t.prisma, {
      ...scope,
      input: sale(
        [
          { productId: bag.id, quantity: 2 },
          { productId: tea.id, quantity: 1 },
        ],
        "QR",
      ),
      now,
    });
    expect(result).toMatchObject({ totalFen: 2 * 36800 + 9900, duplicate: false });
    expect(await stockOf(bag.id)).toBe(3);
    expect(await stockOf(tea.id)).toBe(9);

    const order = await t.prisma.order.findUniqueOrThrow({
      where: { id: result.orderId },
      include: { lines: true, orderFulfilments: true, paymentEvents: true },
    });
    expect(order).toMatchObject({
      channel: "BOOTH",
      status: "PAID",
      holdsStock: false,
      paymentProvider: "booth",
      paymentReference: "qr",
      contactName: `${BOOTH_CONTACT_NAME} ${cooperative.boothNumber}`,
      contactPhone: "13800001021",
      fulfilment: "BOOTH_PICKUP",
      paidAt: now,
    });
    expect(order.lines.find((l) => l.productId === bag.id)).toMatchObject({ certified: true, lineTotalFen: 73600 });
    expect(order.lines.find((l) => l.productId === tea.id)).toMatchObject({ certified: false });
    expect(order.orderFulfilments).toMatchObject([{ cooperativeId: cooperative.id, status: "PICKED_UP" }]);
    expect(order.paymentEvents).toMatchObject([
      { provider: "booth", eventId: `booth:${order.id}`, type: "succeeded", amountFen: order.totalFen },
    ]);

    const entries = await t.prisma.ledgerEntry.findMany({ where: { orderId: order.id } });
    expect(entries.every((e) => e.channel === "BOOTH" && e.kind === "SALE")).toBe(true);
    const sumOf = (target: string) => entries.filter((e) => e.target === target).reduce((s, e) => s + e.amountFen, 0);
    expect(sumOf("COOPERATIVE")).toBe(order.totalFen);
    expect(sumOf("ORGANISATION_ASSISTED")).toBe(order.totalFen);
    expect((await verifyLedger(t.prisma)).mismatches).toEqual([]);

    const screen = await getBoothScreen(t.prisma, cooperative.id, now);
    expect(screen.boothTodayFen).toBe(order.totalFen);
    expect(screen.recent.map((o) => o.id)).toEqual([order.id]);
    expect(await t.prisma.auditLog.count({ where: { action: "booth.sale", entityId: order.id } })).toBe(1);
  });

  it("record one sale for a double tap, even when both taps arrive at once", async () => {
    const { cooperative, scope } = await booth();
    const product = await upsertProduct(t.prisma, { cooperativeId: cooperative.id, priceFen: 5000, stock: 10 });
    const input = sale([{ productId: product.id, quantity: 2 }]);

    const [first, second] = await Promise.all([
      recordBoothSale(t.prisma, { ...scope, input }),
      recordBoothSale(t.prisma, { ...scope, input }),
    ]);
    const third = await recordBoothSale(t.prisma, { ...scope, input });
    expect(second.orderId).toBe(first.orderId);
    expect(third).toMatchObject({ orderId: first.orderId, duplicate: true });
    expect(await t.prisma.order.count({ where: { lines: { some: { productId: product.id } } } })).toBe(1);
    expect(await stockOf(product.id)).toBe(8);
    expect(await t.prisma.ledgerEntry.count({ where: { orderId: first.orderId, target: "COOPERATIVE" } })).toBe(1);
    expect((await verifyLedger(t.prisma)).mismatches).toEqual([]);
  });

  it("sell all or nothing: one line short of stock leaves every product and the ledger as they were", async () => {
    const { cooperative, scope } = await booth({ contactPhone: "", boothNumber: null });
    const plenty = await upsertProduct(t.prisma, { cooperativeId: cooperative.id, stock: 10 });
    const scarce = await upsertProduct(t.prisma, { cooperativeId: cooperative.id, stock: 1 });
    const ledger = await t.prisma.ledgerEntry.count();
    const attempt = recordBoothSale(t.prisma, {
      ...scope,
      input: sale([
        { productId: plenty.id, quantity: 3 },
        { productId: scarce.id, quantity: 2 },
      ]),
    });
    await expect(attempt).rejects.toBeInstanceOf(BoothSoldOutError);
    await expect(attempt).rejects.toMatchObject({ items: [{ productId: scarce.id, available: 1 }] });
    expect(await stockOf(plenty.id)).toBe(10);
    expect(await stockOf(scarce.id)).toBe(1);
    expect(await t.prisma.ledgerEntry.count()).toBe(ledger);

    // Without a phone or booth on file, the order carries the placeholder and the plain booth name.
    const { orderId } = await recordBoothSale(t.prisma, {
      ...scope,
      input: sale([{ productId: scarce.id, quantity: 1 }]),
    });
    expect(await t.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({
      contactName: BOOTH_CONTACT_NAME,
      contactPhone: BOOTH_PLACEHOLDER_PHONE,
    });
  });

  it("never sells another cooperative's goods, or an unlisted product", async () => {
    const a = await booth();
    const b = await booth();
    const theirs = await upsertProduct(t.prisma, { cooperativeId: b.cooperative.id, stock: 10 });
    const draft = await upsertProduct(t.prisma, { cooperativeId: a.cooperative.id, stock: 10, status: "DRAFT" });
    for (const productId of [theirs.id, draft.id]) {
      await expect(
        recordBoothSale(t.prisma, { ...a.scope, input: sale([{ productId, quantity: 1 }]) }),
      ).rejects.toMatchObject({ items: [{ productId, available: 0 }] });
      expect(await stockOf(productId)).toBe(10);
    }

    // A sale key another cooperative's booth already used is refused, not answered with its order.
    const mine = await upsertProduct(t.prisma, { cooperativeId: b.cooperative.id, stock: 10 });
    const input = sale([{ productId: mine.id, quantity: 1 }]);
    await recordBoothSale(t.prisma, { ...b.scope, input });
    await expect(recordBoothSale(t.prisma, { ...a.scope, input })).rejects.toBeInstanceOf(PortalConflictError);
    expect(await stockOf(mine.id)).toBe(9);
  });
});
