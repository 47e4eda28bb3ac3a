import { createCookie } from "@remix-run/node";
import { env } from "./env.server";

/**
 * The cart cookie holds only a signed cart id; the cart itself is in the database, so any copy
 * of the server behind the load balancer sees the same cart.
 */
let cartCookie: ReturnType<typeof createCookie> | undefined;
export function getCartCookie() {
  cartCookie ??= createCookie("fair_cart", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: env().PUBLIC_BASE_URL.startsWith("https:"),
    secrets: [env().SESSION_SECRET],
    maxAge: 60 * 60 * 24 * 30,
  });
  return cartCookie;
}

export async function readCartId(request: Request): Promise<string | null> {
  const value: unknown = await getCartCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && /^[0-9a-f-]{36}$/.test(value) ? value : null;
}

export async function cartCookieHeader(cartId: string): Promise<string> {
  return getCartCookie().serialize(cartId);
}
