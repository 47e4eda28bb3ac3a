import { describe, expect, it } from "vitest";
import { upsertOrganisation, upsertProduct } from "../../prisma/factories";
import { withTestDatabase } from "../../tests/support/database";
import { checkoutInput, reservedUnits } from "../../tests/support/checkout";
import { addToCart, createCart, getCart } from "~/cart/cart.server";
import { isCertified } from "~/catalog/certification";
import {
  EmptyCartError,
  placeOrder,
  RESERVATION_MINUTES,
  SoldOutError,
  UnknownOrganisationError,
} from "./checkout.server";
import { releaseExpiredReservations } from "./payments.server";

const t = withTestDatabase();
const stockOf = async (id: string) => (await t.prisma.product.findUniqueOrThrow({ where: { id } })).stock;

async function cartWith(...items: [string, number][]) {
  const cart = await createCart(t.prisma);
  for (const [productId, quantity] of items) await addToCart(t.prisma, cart, productId, quantity);
  return cart;
}

describe("placing an order", () => {
  it("prices from the database, reserves the stock, snapshots the lines and empties the cart", async () => {
    const bag = await upsertProduct(t.prisma, {
      priceFen: 26800,
      stock: 10,
      certificate: { number: "SH-O-1", body: "b", validFrom: "2025-01-01", validUntil: "2099-01-01" },
    });
    const tea = await upsertProduct(t.prisma, { priceFen: 9900, stock: 10 });
    const cart = await cartWith([bag.id, 2], [tea.id, 1]);
    const now = new Date("2026-10-17T02:00:00Z");
    const { id } = await placeOrder(t.prisma, { cartId: cart, input: checkoutInput(), locale: "zh", now });
    const order = await t.prisma.order.findUniqueOrThrow({
      where: { id },
      include: { lines: { orderBy: { unitPriceFen: "desc" } } },
    });
    expect(order).toMatchObject({ status: "PENDING", holdsStock: true, totalFen: 2 * 26800 + 9900 });
    expect(order.reservedUntil.getTime() - now.getTime()).toBe(RESERVATION_MINUTES * 60_000);
    expect(order.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(order.lines.map((l) => [l.quantity, l.unitPriceFen, l.lineTotalFen, l.certified])).toEqual([
      [2, 26800, 53600, true],
      [1, 9900, 9900, false],
    ]);
    expect(await stockOf(bag.id)).toBe(8);
    expect(await reservedUnits(t.prisma, bag.id)).toBe(2);
    expect((await getCart(t.prisma, cart)).lines).toEqual([]);
    // A later price change does not rewrite the order.
    await t.prisma.product.update({ where: { id: bag.id }, data: { priceFen: 1 } });
    expect((await t.prisma.order.findUniqueOrThrow({ where: { id } })).totalFen).toBe(63500);
  });

  it("is idempotent on the checkout key: a double submit makes one order and reserves once", async () => {
    const product = await upsertProduct(t.prisma, { stock: 10 });
    const cart = await cartWith([product.id, 3]);
    const input = checkoutInput();
    const [a, b] = await Promise.all([
      placeOrder(t.prisma, { cartId: cart, input, locale: "zh" }),
      placeOrder(t.prisma, { cartId: cart, input, locale: "zh" }),
    ]);
    expect(a.id).toBe(b.id);
    expect(await t.prisma.order.count({ where: { checkoutKey: input.checkoutKey } })).toBe(1);
    expect(await stockOf(product.id)).toBe(7);
  });

  it("reserves all lines or none: one short line leaves stock and cart untouched", async () => {
    const plenty = await upsertProduct(t.prisma, { stock: 10 });
    const scarce = await upsertProduct(t.prisma, { stock: 5 });
    const cart = await cartWith([plenty.id, 2], [scarce.id, 3]);
    await t.prisma.product.update({ where: { id: scarce.id }, data: { stock: 1 } });
    const error = await placeOrder(t.prisma, { cartId: cart, input: checkoutInput(), locale: "zh" }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SoldOutError);
    expect((error as SoldOutError).items).toEqual([expect.objectContaining({ productId: scarce.id, available: 1 })]);
    expect(await stockOf(plenty.id)).toBe(10);
    expect(await stockOf(scarce.id)).toBe(1);
    expect((await getCart(t.prisma, cart)).lines).toHaveLength(2);
    expect(await t.prisma.order.count({ where: { lines: { some: { productId: plenty.id } } } })).toBe(0);
  });

  it("lets exactly one of two buyers take the last unit; the other keeps the rest of the cart", async () => {
    const last = await upsertProduct(t.prisma, { stock: 1 });
    const other = await upsertProduct(t.prisma, { stock: 10 });
    const alice = await cartWith([last.id, 1]);
    const bob = await cartWith([last.id, 1], [other.id, 2]);
    const results = await Promise.allSettled([
      placeOrder(t.prisma, { cartId: alice, input: checkoutInput(), locale: "zh" }),
      placeOrder(t.prisma, { cartId: bob, input: checkoutInput(), locale: "zh" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const loser = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(loser.reason).toBeInstanceOf(SoldOutError);
    expect(await stockOf(last.id)).toBe(0);
    const remaining = (await getCart(t.prisma, results[0]!.status === "rejected" ? alice : bob)).lines.length;
    expect(remaining).toBeGreaterThan(0);
  });

  it("refuses an empty cart and an unknown organisation without reserving anything", async () => {
    const empty = await createCart(t.prisma);
    await expect(placeOrder(t.prisma, { cartId: empty, input: checkoutInput(), locale: "zh" })).rejects.toBeInstanceOf(
      EmptyCartError,
    );
    const product = await upsertProduct(t.prisma, { stock: 4 });
    const cart = await cartWith([product.id, 1]);
    await expect(
      placeOrder(t.prisma, { cartId: cart, input: checkoutInput({ onBehalfOf: "nobody" }), locale: "zh" }),
    ).rejects.toBeInstanceOf(UnknownOrganisationError);
    expect(await stockOf(product.id)).toBe(4);
  });

  it("records the organisation a buyer bought on behalf of", async () => {
    const union = await upsertOrganisation(t.prisma, { slug: "a-union", kind: "STATE_OWNED_ENTERPRISE" });
    const product = await upsertProduct(t.prisma, { stock: 4 });
    const cart = await cartWith([product.id, 1]);
    const { id } = await placeOrder(t.prisma, {
      cartId: cart,
      input: checkoutInput({ onBehalfOf: "a-union" }),
      locale: "en",
    });
    expect(await t.prisma.order.findUniqueOrThrow({ where: { id } })).toMatchObject({
      onBehalfOfId: union.id,
      locale: "en",
    });
  });
});

describe("reservations", () => {
  it("are released when they expire, once, however many sweepers run", async () => {
    const product = await upsertProduct(t.prisma, { stock: 5 });
    const cart = await cartWith([product.id, 2]);
    const placedAt = new Date("2026-10-17T02:00:00Z");
    const { id } = await placeOrder(t.prisma, { cartId: cart, input: checkoutInput(), locale: "zh", now: placedAt });
    expect(await releaseExpiredReservations(t.prisma, new Date(placedAt.getTime() + 29 * 60_000))).toBe(0);
    expect(await stockOf(product.id)).toBe(3);
    const later = new Date(placedAt.getTime() + 31 * 60_000);
    const released = await Promise.all([
      releaseExpiredReservations(t.prisma, later),
      releaseExpiredReservations(t.prisma, later),
    ]);
    expect(released.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await stockOf(product.id)).toBe(5);
    expect(await t.prisma.order.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "EXPIRED",
      holdsStock: false,
    });
  });
});

describe("certification on the day of sale", () => {
  const cert = {
    certificateNumber: "X",
    certifiedFrom: new Date("2025-01-01"),
    certifiedUntil: new Date("2026-06-30"),
  };
  it("counts only a certificate valid that day, in Shanghai time", () => {
    expect(isCertified(cert, new Date("2026-06-30T16:30:00Z"))).toBe(false); // already 1 July in Shanghai
    expect(isCertified(cert, new Date("2026-06-30T12:00:00Z"))).toBe(true);
    expect(isCertified({ ...cert, certificateNumber: null }, new Date("2026-01-01"))).toBe(false);
  });
});
