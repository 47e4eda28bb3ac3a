import { describe, expect, it } from "vitest";
import { upsertCooperative, upsertProduct } from "../../prisma/factories";
import { createUser } from "../../tests/support/auth";
import { checkoutInput } from "../../tests/support/checkout";
import { withTestDatabase } from "../../tests/support/database";
import { FulfilmentSchema } from "~/portal/portal-schema";
import { addToCart, createCart } from "~/cart/cart.server";
import { placeOrder } from "~/payments/checkout.server";
import { applyPaymentEvent } from "~/payments/payments.server";
import { PortalConflictError, PortalNotFoundError } from "./portal-common.server";
import { listCooperativeOrders, setFulfilment } from "./portal-orders.server";

const t = withTestDatabase();

async function staff() {
  const cooperative = await upsertCooperative(t.prisma);
  const user = await createUser(t.prisma, "COOPERATIVE_STAFF", { cooperativeId: cooperative.id });
  return { cooperativeId: cooperative.id, actorId: user.id };
}

async function order(items: [string, number][], opts: { paid?: boolean; delivery?: boolean } = {}) {
  const cart = await createCart(t.prisma);
  for (const [productId, quantity] of items) await addToCart(t.prisma, cart, productId, quantity);
  const input = opts.delivery
    ? checkoutInput({
        fulfilment: "DELIVERY",
        recipientName: "王小明",
        province: "上海市",
        city: "上海市",
        district: "静安区",
        addressLine: "延安中路1000号",
        postalCode: "200040",
      })
    : checkoutInput();
  const { id } = await placeOrder(t.prisma, { cartId: cart, input, locale: "zh" });
  if (opts.paid !== false) {
    const { totalFen } = await t.prisma.order.findUniqueOrThrow({ where: { id } });
    await applyPaymentEvent(t.prisma, {
      provider: "test",
      eventId: `paid:${id}`,
      type: "succeeded",
      orderId: id,
      amountFen: totalFen,
    });
  }
  return id;
}

const step = (orderId: string, status: string, trackingNumber?: string) =>
  FulfilmentSchema.parse({ orderId, status, trackingNumber });

describe("a cooperative's orders", () => {
  it("lists the paid orders holding its goods, showing only its own lines", async () => {
    const a = await staff();
    const b = await staff();
    const ours = await upsertProduct(t.prisma, { cooperativeId: a.cooperativeId });
    const theirs = await upsertProduct(t.prisma, { cooperativeId: b.cooperativeId });
    const mixed = await order([
      [ours.id, 1],
      [theirs.id, 2],
    ]);
    const onlyTheirs = await order([[theirs.id, 1]]);
    const unpaid = await order([[ours.id, 1]], { paid: false });

    const listed = await listCooperativeOrders(t.prisma, a.cooperativeId);
    expect(listed.map((o) => o.id)).toEqual([mixed]);
    expect(listed[0]!.lines.map((l) => l.nameZh)).toEqual([ours.nameZh]);
    expect(listed.map((o) => o.id)).not.toContain(onlyTheirs);
    expect(listed.map((o) => o.id)).not.toContain(unpaid);
  });

  it("marks packed, then shipped with a tracking number; the order moves to handed over", async () => {
    const a = await staff();
    const product = await upsertProduct(t.prisma, { cooperativeId: a.cooperativeId });
    const id = await order([[product.id, 1]], { delivery: true });

    expect(FulfilmentSchema.safeParse({ orderId: id, status: "SHIPPED" }).success).toBe(false);
    await setFulfilment(t.prisma, { ...a, input: step(id, "PACKED") });
    await expect(setFulfilment(t.prisma, { ...a, input: step(id, "PICKED_UP") })).rejects.toMatchObject({
      message: "portal.error.notAPickup",
    });
    await setFulfilment(t.prisma, { ...a, input: step(id, "SHIPPED", "SF1234567890") });
    // Correcting the tracking number is allowed; going back to "packed" is not.
    await setFulfilment(t.prisma, { ...a, input: step(id, "SHIPPED", "SF1234567891") });
    await expect(setFulfilment(t.prisma, { ...a, input: step(id, "PACKED") })).rejects.toBeInstanceOf(
      PortalConflictError,
    );
    expect(
      await t.prisma.orderFulfilment.findUniqueOrThrow({
        where: { orderId_cooperativeId: { orderId: id, cooperativeId: a.cooperativeId } },
      }),
    ).toMatchObject({ status: "SHIPPED", trackingNumber: "SF1234567891", updatedById: a.actorId });
    expect((await listCooperativeOrders(t.prisma, a.cooperativeId, "open")).map((o) => o.id)).not.toContain(id);
    expect((await listCooperativeOrders(t.prisma, a.cooperativeId, "done")).map((o) => o.id)).toContain(id);
    const actions = await t.prisma.auditLog.findMany({ where: { entityId: `${id}:${a.cooperativeId}` } });
    expect(actions).toHaveLength(3);
  });

  it("lets one cooperative record only its own part of a shared order", async () => {
    const a = await staff();
    const b = await staff();
    const c = await staff();
    const ours = await upsertProduct(t.prisma, { cooperativeId: a.cooperativeId });
    const theirs = await upsertProduct(t.prisma, { cooperativeId: b.cooperativeId });
    const shared = await order([
      [ours.id, 1],
      [theirs.id, 1],
    ]);
    await setFulfilment(t.prisma, { ...a, input: step(shared, "PICKED_UP") });
    expect(await t.prisma.orderFulfilment.findMany({ where: { orderId: shared } })).toMatchObject([
      { cooperativeId: a.cooperativeId, status: "PICKED_UP" },
    ]);
    // b's part is still to do; a handed-over part is final.
    expect((await listCooperativeOrders(t.prisma, b.cooperativeId)).map((o) => o.id)).toContain(shared);
    await expect(setFulfilment(t.prisma, { ...a, input: step(shared, "PACKED") })).rejects.toMatchObject({
      message: "portal.error.alreadyDone",
    });

    // A cooperative with no goods in the order cannot touch it.
    const before = await t.prisma.orderFulfilment.findMany({ where: { orderId: shared } });
    await expect(setFulfilment(t.prisma, { ...c, input: step(shared, "PICKED_UP") })).rejects.toBeInstanceOf(
      PortalNotFoundError,
    );
    expect(await t.prisma.orderFulfilment.findMany({ where: { orderId: shared } })).toEqual(before);
  });
});
