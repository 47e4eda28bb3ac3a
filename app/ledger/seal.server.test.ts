import { describe, expect, it } from "vitest";
import { upsertProduct } from "../../prisma/factories";
import { checkoutInput } from "../../tests/support/checkout";
import { withTestDatabase } from "../../tests/support/database";
import { addToCart, createCart } from "~/cart/cart.server";
import { placeOrder } from "~/payments/checkout.server";
import { applyPaymentEvent } from "~/payments/payments.server";
import { confirmRefund, requestRefund } from "~/payments/refunds.server";
import { runLedgerVerify } from "~/reports/ledger-verify.server";
import { dayEntries, listSeals, sealClosedDays, sealOf } from "./seal.server";

const t = withTestDatabase();

async function paidOrder(productId: string, quantity: number, now: Date) {
  const cart = await createCart(t.prisma);
  await addToCart(t.prisma, cart, productId, quantity);
  const order = await placeOrder(t.prisma, { cartId: cart, input: checkoutInput(), locale: "zh", now });
  const { totalFen } = await t.prisma.order.findUniqueOrThrow({ where: { id: order.id } });
  await applyPaymentEvent(t.prisma, {
    provider: "test",
    eventId: `pay-${order.id}`,
    type: "succeeded",
    orderId: order.id,
    amountFen: totalFen,
    now,
  });
  return order.id;
}

const at = (shanghai: string) => new Date(`${shanghai}+08:00`);

describe("sealed days", () => {
  it("seals each closed Shanghai day once, with its totals, and verify names a day tampered with in SQL", async () => {
    const product = await upsertProduct(t.prisma, { priceFen: 1250, stock: 100 });
    // 23:59 Shanghai on the 16th is still the 16th (15:59 UTC); 00:30 on the 17th is the 17th.
    const first = await paidOrder(product.id, 2, at("2026-10-16T23:59:00"));
    await paidOrder(product.id, 1, at("2026-10-17T00:30:00"));
    const line = await t.prisma.orderLine.findFirstOrThrow({ where: { orderId: first } });
    const refund = await requestRefund(t.prisma, { orderId: first, lines: [{ orderLineId: line.id, quantity: 1 }] });
    await confirmRefund(t.prisma, {
      provider: "test",
      eventId: `r-${refund.id}`,
      refundId: refund.id,
      now: at("2026-10-17T09:00:00"),
    });

    // The 17th has not closed (with the grace) at 00:05 on the 18th: only the 16th is sealed.
    expect(await sealClosedDays(t.prisma, at("2026-10-18T00:05:00"))).toEqual(["2026-10-16"]);
    expect(await sealClosedDays(t.prisma, at("2026-10-18T00:20:00"))).toEqual(["2026-10-17"]);
    expect(await sealClosedDays(t.prisma, at("2026-10-19T12:00:00"))).toEqual([]); // idempotent
    const seals = await listSeals(t.prisma);
    expect(seals.map((s) => [s.day, s.saleFen, s.refundFen, s.netFen])).toEqual([
      ["2026-10-17", 1250, 1250, 0],
      ["2026-10-16", 2500, 0, 2500],
    ]);
    expect(seals[1]!.digest).toBe(sealOf("2026-10-16", await dayEntries(t.prisma, "2026-10-16")).digest);
    expect(seals[1]!.digest).toMatch(/^[0-9a-f]{64}$/);
    // A seal is never rewritten.
    await expect(t.prisma.$executeRawUnsafe(`UPDATE "LedgerDaySeal" SET "entries" = 0`)).rejects.toThrow();

    const clean = await runLedgerVerify(t.prisma);
    expect(clean.errors).toEqual([]);
    expect(clean.ok).toBe(true);

    // Someone with superuser rights turns the append-only trigger off and moves a fen on the 16th.
    const victim = await t.prisma.ledgerEntry.findFirstOrThrow({
      where: { orderId: first, kind: "SALE", target: "COUNTY" },
    });
    await t.prisma.$executeRawUnsafe(`ALTER TABLE "LedgerEntry" DISABLE TRIGGER "LedgerEntry_append_only"`);
    await t.prisma.$executeRawUnsafe(
      `UPDATE "LedgerEntry" SET "amountFen" = "amountFen" - 1 WHERE "id" = ${victim.id}`,
    );
    await t.prisma.$executeRawUnsafe(`ALTER TABLE "LedgerEntry" ENABLE TRIGGER "LedgerEntry_append_only"`);

    const tampered = await runLedgerVerify(t.prisma);
    expect(tampered.ok).toBe(false);
    expect(tampered.tamperedDays).toEqual(["2026-10-16"]);
    expect(tampered.errors.join("\n")).toContain("sealed day 2026-10-16 no longer matches its seal");
  });
});
