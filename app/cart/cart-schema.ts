import { z } from "zod";

// Kept in a module without zod, so the pages that only need the number do not ship zod.
export { MAX_PER_LINE } from "~/utils/limits";

// Ids are cuids: anything else (control characters included) is refused before it reaches SQL.
const productId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/);
const quantity = z.coerce.number().int().min(0).max(10_000);

/**
 * Where to go back to (checked by the action), and "1" when the page posting had JavaScript (then
 * the answer is data for the page's own message, not a redirect).
 */
const common = { redirectTo: z.string().optional(), js: z.string().optional() };

/** Every post to /cart, branched on `intent`. A refusal is one message: CART_FALLBACK. */
export const CartActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("add"), productId, quantity: quantity.min(1).default(1), ...common }),
  z.object({ intent: z.literal("update"), productId, quantity, ...common }),
  z.object({ intent: z.literal("remove"), productId, ...common }),
]);
export const CART_FALLBACK = "shop.error.badRequest";
export type CartAction = z.infer<typeof CartActionSchema>;
