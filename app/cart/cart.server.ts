import type { PrismaClient } from "~/generated/prisma/client";
import { MAX_PER_LINE } from "~/cart/cart-schema";

export type CartProblem = "not-available" | "sold-out" | "limited-by-stock" | "limited-per-line";

export class CartError extends Error {
  constructor(public readonly problem: CartProblem) {
    super(problem);
  }
}

/** Creates an empty cart; its id goes into the signed cookie. */
export async function createCart(prisma: PrismaClient): Promise<string> {
  return (await prisma.cart.create({ data: {}, select: { id: true } })).id;
}

export async function cartExists(prisma: PrismaClient, cartId: string | null): Promise<boolean> {
  return cartId !== null && (await prisma.cart.count({ where: { id: cartId } })) === 1;
}

async function sellable(prisma: PrismaClient, productId: string) {
  const product = await prisma.product.findUnique({ where: { id: productId }, select: { stock: true, status: true } });
  if (!product || product.status !== "LISTED") throw new CartError("not-available");
  if (product.stock <= 0) throw new CartError("sold-out");
  return product;
}

/**
 * Adds units of a product, never beyond the per-line maximum or the stock on hand. Returns the
 * line's new quantity and, if it had to be limited, why. Safe under double clicks: the
 * increment happens in one statement.
 */
export async function addToCart(prisma: PrismaClient, cartId: string, productId: string, quantity: number) {
  const { stock } = await sellable(prisma, productId);
  const cap = Math.min(MAX_PER_LINE, stock);
  const [row] = await prisma.$queryRaw<{ quantity: number }[]>`
    INSERT INTO "CartLine" ("id", "cartId", "productId", "quantity", "updatedAt")
    VALUES (gen_random_uuid()::text, ${cartId}, ${productId}, LEAST(${quantity}::int, ${cap}::int), now())
    ON CONFLICT ("cartId", "productId")
    DO UPDATE SET "quantity" = LEAST("CartLine"."quantity" + EXCLUDED."quantity", ${cap}::int), "updatedAt" = now()
    RETURNING "quantity"`;
  await prisma.cart.update({ where: { id: cartId }, data: { updatedAt: new Date() } });
  return { quantity: row!.quantity, limitedBy: limitReason(row!.quantity, cap, stock, quantity) };
}

function limitReason(result: number, cap: number, stock: number, asked: number): CartProblem | null {
  if (result < cap || asked <= 0) return null;
  return cap === stock && stock < MAX_PER_LINE ? "limited-by-stock" : "limited-per-line";
}

/** Sets a line's quantity (0 removes it), limited to the stock and the per-line maximum. */
export async function setCartQuantity(prisma: PrismaClient, cartId: string, productId: string, quantity: number) {
  if (quantity <= 0) {
    await removeFromCart(prisma, cartId, productId);
    return { quantity: 0, limitedBy: null };
  }
  const { stock } = await sellable(prisma, productId);
  const cap = Math.min(MAX_PER_LINE, stock);
  const next = Math.min(quantity, cap);
  const { count } = await prisma.cartLine.updateMany({ where: { cartId, productId }, data: { quantity: next } });
  if (count === 0) await prisma.cartLine.create({ data: { cartId, productId, quantity: next } });
  return { quantity: next, limitedBy: next < quantity ? limitReason(next, cap, stock, quantity) : null };
}

export async function removeFromCart(prisma: PrismaClient, cartId: string, productId: string) {
  await prisma.cartLine.deleteMany({ where: { cartId, productId } });
}

/**
 * The cart as the buyer sees it, priced from the database. Lines whose product can no longer be
 * sold as asked carry a problem; they stay in the cart so nothing the buyer chose is lost.
 */
export async function getCart(prisma: PrismaClient, cartId: string | null) {
  if (!cartId) return { id: null, lines: [], subtotalFen: 0, count: 0, ready: false };
  const lines = await prisma.cartLine.findMany({
    where: { cartId },
    orderBy: { createdAt: "asc" },
    select: {
      quantity: true,
      product: {
        select: {
          id: true,
          slug: true,
          nameZh: true,
          nameEn: true,
          unitZh: true,
          unitEn: true,
          priceFen: true,
          stock: true,
          status: true,
          images: { select: { url: true, altZh: true, altEn: true }, orderBy: { sortOrder: "asc" }, take: 1 },
          cooperative: { select: { slug: true, nameZh: true, nameEn: true, boothNumber: true } },
        },
      },
    },
  });
  const priced = lines.map(({ quantity, product: { status, ...product } }) => {
    const problem: CartProblem | null =
      status !== "LISTED"
        ? "not-available"
        : product.stock === 0
          ? "sold-out"
          : quantity > product.stock
            ? "limited-by-stock"
            : null;
    return { quantity, product, lineTotalFen: quantity * product.priceFen, problem };
  });
  const payable = priced.filter((l) => l.problem === null);
  return {
    id: cartId,
    lines: priced,
    subtotalFen: payable.reduce((sum, l) => sum + l.lineTotalFen, 0),
    count: priced.reduce((sum, l) => sum + l.quantity, 0),
    ready: payable.length > 0 && payable.length === priced.length,
  };
}

export async function countCartItems(prisma: PrismaClient, cartId: string | null): Promise<number> {
  if (!cartId) return 0;
  const { _sum } = await prisma.cartLine.aggregate({ where: { cartId }, _sum: { quantity: true } });
  return _sum.quantity ?? 0;
}
