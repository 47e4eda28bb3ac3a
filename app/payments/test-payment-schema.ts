import { z } from "zod";

/** The test provider's payment page: the buyer confirms or cancels (the button pressed is `intent`). */
export const TestPaymentSchema = z.object({
  intent: z.enum(["confirm", "cancel"], "shop.error.badRequest"),
});

/** The message for anything else sent to the test payment page. */
export const TEST_PAYMENT_FALLBACK = "shop.error.badRequest";
