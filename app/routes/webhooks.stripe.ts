import type { ActionFunctionArgs } from "@remix-run/node";
import { applyProviderReport } from "~/payments/payment-events.server";
import { WebhookSignatureError } from "~/payments/provider";
import { webhookProvider } from "~/payments/provider.server";
import { db } from "~/utils/db.server";
import { logger } from "~/observability/logger.server";
import { countPaymentEvent } from "~/observability/metrics.server";

/**
 * Stripe's webhook. The signature is checked against the raw body before anything is read from
 * it; the event's effect and its id are committed together by the model, so Stripe's retries and
 * duplicates change nothing twice. 2xx tells Stripe to stop delivering; anything else makes it
 * try again later, which is what a database failure needs.
 */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
  const provider = webhookProvider("stripe");
  if (!provider?.verifyWebhook) return new Response("Stripe is not configured", { status: 404 });

  const payload = await request.text(); // raw: re-serialised JSON would not match the signature
  let delivery;
  try {
    delivery = provider.verifyWebhook(payload, request.headers);
  } catch (error) {
    if (!(error instanceof WebhookSignatureError)) throw error;
    countPaymentEvent(provider.id, "rejected");
    return new Response(`Bad signature: ${error.message}`, { status: 400 });
  }

  try {
    const outcome = await applyProviderReport(await db(), provider.id, delivery.report);
    return Response.json({ received: true, id: delivery.id, type: delivery.type, ...outcome });
  } catch (error) {
    logger().error({ eventType: delivery.type, eventId: delivery.id, err: error }, "stripe webhook not applied, Stripe will retry");
    return Response.json({ received: false, id: delivery.id }, { status: 500 });
  }
}
