import type { ActionFunctionArgs } from "@remix-run/node";
import { handleStripeEvent } from "~/payments/stripe-events.server";
import { isSignatureError, stripeConfigured, verifyStripeWebhook } from "~/payments/stripe.server";
import { logger } from "~/observability/logger.server";
import { countPaymentEvent } from "~/observability/metrics.server";
import { db } from "~/utils/db.server";

/**
 * Stripe's webhook. The signature is checked against the raw body before anything is read from
 * it; the event's effect and its id are committed together by the model, so Stripe's retries and
 * duplicates change nothing twice. 2xx tells Stripe to stop delivering; anything else makes it
 * try again later, which is what a database failure needs.
 */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
  if (!stripeConfigured()) return new Response("Stripe is not configured", { status: 404 });

  const payload = await request.text(); // raw: re-serialised JSON would not match the signature
  let event;
  try {
    event = verifyStripeWebhook(payload, request.headers.get("Stripe-Signature"));
  } catch (error) {
    if (!isSignatureError(error)) throw error;
    countPaymentEvent("stripe", "rejected");
    return new Response(`Bad signature: ${(error as Error).message}`, { status: 400 });
  }

  try {
    const outcome = await handleStripeEvent(await db(), event);
    return Response.json({ received: true, id: event.id, type: event.type, ...outcome });
  } catch (error) {
    logger().error({ eventType: event.type, eventId: event.id, err: error }, "stripe webhook not applied, Stripe will retry");
    return Response.json({ received: false, id: event.id }, { status: 500 });
  }
}
