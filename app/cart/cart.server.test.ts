import { describe, expect, it } from "vitest";
import { upsertProduct } from "../../prisma/factories";
import { withTestDatabase } from "../../tests/support/database";
import { MAX_PER_LINE } from "~/cart/cart-schema";
import {
  addToCart,
  CartError,
  countCartItems,
  createCart,
  getCart,
  removeFromCart,
  setCartQuantity,
} from "./cart.server";

const t = withTestDatabase();

describe("cart", () => {
  it("adds, changes and removes lines, priced from the database", async () => {
    const tea = await upsertProduct(t.prisma, { priceFen: 12800, stock: 50 });
    const dates = await upsertProduct(t.prisma, { priceFen: 3990, stock: 50 });
    const cart = await createCart(t.prisma);
    await addToCart(t.prisma, cart, tea.id, 2);
    await addToCart(t.prisma, cart, dates.id, 1);
    await addToCart(t.prisma, cart, tea.id, 1);
    let view = await getCart(t.prisma, cart);
    expect(view.lines.map((l) => [l.product.id, l.quantity])).toEqual([
      [tea.id, 3],
      [dates.id, 1],
    ]);
    expect(view.subtotalFen).toBe(3 * 12800 + 3990);
    expect(view.ready).toBe(true);

    await setCartQuantity(t.prisma, cart, tea.id, 5);
    await removeFromCart(t.prisma, cart, dates.id);
    view = await getCart(t.prisma, cart);
    expect(view.subtotalFen).toBe(5 * 12800);
    expect(await countCartItems(t.prisma, cart)).toBe(5);
    await setCartQuantity(t.prisma, cart, tea.id, 0);
    expect((await getCart(t.prisma, cart)).lines).toEqual([]);
  });

  it("limits a line to the stock and to the per-line maximum, and says which", async () => {
    const scarce = await upsertProduct(t.prisma, { stock: 3 });
    const plenty = await upsertProduct(t.prisma, { stock: 500 });
    const cart = await createCart(t.prisma);
    expect(await addToCart(t.prisma, cart, scarce.id, 5)).toEqual({ quantity: 3, limitedBy: "limited-by-stock" });
    expect(await addToCart(t.prisma, cart, plenty.id, 15)).toEqual({ quantity: 15, limitedBy: null });
    expect(await addToCart(t.prisma, cart, plenty.id, 15)).toEqual({
      quantity: MAX_PER_LINE,
      limitedBy: "limited-per-line",
    });
    expect(await setCartQuantity(t.prisma, cart, plenty.id, 999)).toEqual({
      quantity: MAX_PER_LINE,
      limitedBy: "limited-per-line",
    });
  });

  it("survives a double click: two adds at once make one line", async () => {
    const product = await upsertProduct(t.prisma, { stock: 50 });
    const cart = await createCart(t.prisma);
    await Promise.all([addToCart(t.prisma, cart, product.id, 1), addToCart(t.prisma, cart, product.id, 1)]);
    const view = await getCart(t.prisma, cart);
    expect(view.lines).toHaveLength(1);
    expect(view.lines[0]!.quantity).toBe(2);
  });

  it("refuses products that are sold out or not listed, and changes nothing", async () => {
    const soldOut = await upsertProduct(t.prisma, { stock: 0 });
    const draft = await upsertProduct(t.prisma, { status: "DRAFT" });
    const cart = await createCart(t.prisma);
    await expect(addToCart(t.prisma, cart, soldOut.id, 1)).rejects.toEqual(new CartError("sold-out"));
    await expect(addToCart(t.prisma, cart, draft.id, 1)).rejects.toEqual(new CartError("not-available"));
    await expect(addToCart(t.prisma, cart, "no-such-product", 1)).rejects.toEqual(new CartError("not-available"));
    expect(await countCartItems(t.prisma, cart)).toBe(0);
  });

  it("keeps a line whose product sold out meanwhile, flagged, and is then not ready for checkout", async () => {
    const product = await upsertProduct(t.prisma, { stock: 10 });
    const other = await upsertProduct(t.prisma, { stock: 10 });
    const cart = await createCart(t.prisma);
    await addToCart(t.prisma, cart, product.id, 4);
    await addToCart(t.prisma, cart, other.id, 1);
    await t.prisma.product.update({ where: { id: product.id }, data: { stock: 2 } });
    let view = await getCart(t.prisma, cart);
    expect(view.lines[0]!.problem).toBe("limited-by-stock");
    expect(view.ready).toBe(false);
    await t.prisma.product.update({ where: { id: product.id }, data: { stock: 0 } });
    view = await getCart(t.prisma, cart);
    expect(view.lines[0]!.problem).toBe("sold-out");
    expect(view.subtotalFen).toBe(view.lines[1]!.lineTotalFen);
  });
});
