import type { LoaderFunctionArgs } from "@remix-run/node";
import { countCartItems } from "~/cart/cart.server";
import { readCartId } from "~/utils/cookies.server";
import { db } from "~/utils/db.server";

/**
 * GET /cart/count: the number in the header's cart link. Fetched by the page after it loads, so
 * the page itself stays the same for everyone and a shared cache may keep it (ADR 007). Never
 * stored anywhere: it is this buyer's own. No cart cookie, no database.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const cartId = await readCartId(request);
  const count = cartId ? await countCartItems(await db(), cartId).catch(() => 0) : 0;
  // A Response, not data(): a resource route fetched by the page itself (single fetch).
  return Response.json({ count }, { headers: { "Cache-Control": "private, no-store" } });
}
