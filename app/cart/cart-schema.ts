import { z } from "zod";

// Kept in a module without zod, so the pages that only need the number do not ship zod.
export { MAX_PER_LINE } from "~/utils/limits";

// Ids are cuids: anything else (control characters included) is refused before it reaches SQL.
const productId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/);
const quantity = z.coerce.number().int().min(0).max(10_000);

/** Every post to /cart, branched on `intent`. Messages are i18n keys, translated at the edge. */
export const CartActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("add"), productId, quantity: quantity.min(1).default(1) }),
  z.object({ intent: z.literal("update"), productId, quantity }),
  z.object({ intent: z.literal("remove"), productId }),
]);
export type CartAction = z.infer<typeof CartActionSchema>;
