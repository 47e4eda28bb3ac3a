import { describe, expect, it } from "vitest";
import { upsertCooperative, upsertProduct } from "../../prisma/factories";
import { checkoutInput } from "../../tests/support/checkout";
import { withTestDatabase } from "../../tests/support/database";
import { addToCart, createCart } from "~/cart/cart.server";
import { placeOrder } from "~/payments/checkout.server";
import { applyPaymentEvent } from "~/payments/payments.server";
import { getReport } from "./reports.server";

const t = withTestDatabase();

describe("households linked in the report", () => {
  it("are the cooperative's figure as of its sales, not today's", async () => {
    const coop = await upsertCooperative(t.prisma, { householdsLinked: 40 });
    const product = await upsertProduct(t.prisma, { cooperativeId: coop.id, priceFen: 500, stock: 10 });
    const cart = await createCart(t.prisma);
    await addToCart(t.prisma, cart, product.id, 1);
    const order = await placeOrder(t.prisma, { cartId: cart, input: checkoutInput(), locale: "zh" });
    await applyPaymentEvent(t.prisma, {
      provider: "test",
      eventId: `p-${order.id}`,
      type: "succeeded",
      orderId: order.id,
      amountFen: 500,
    });
    // The cooperative's profile is edited after the sale.
    await t.prisma.cooperative.update({ where: { id: coop.id }, data: { householdsLinked: 4000 } });
    const result = await getReport(t.prisma, { certified: false, cooperative: coop.slug });
    if (!result.ok) throw new Error(result.errors.join());
    const all = await getReport(t.prisma, { certified: false });
    if (!all.ok) throw new Error(all.errors.join());
    expect(all.report.headline.households).toBe(40);
    expect(all.report.topCooperatives.find((c) => c.id === coop.id)?.households).toBe(40);
  });
});
