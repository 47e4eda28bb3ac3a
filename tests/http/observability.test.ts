/**
 * Logs and metrics of a real purchase and sign-in through the app over HTTP: every request gets a
 * request id and one JSON log line, nothing personal or secret reaches the log, the order's id does
 * (intact, on the payment's line), and the metrics move with the checkout while /metrics stays
 * invisible to anyone without the token. The purchase is the production one: Stripe's Checkout (the
 * real SDK against a fake Stripe on loopback) and its signed webhook.
 */
import { randomUUID } from "node:crypto";
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertProduct } from "../../prisma/factories";
import { createUser, TEST_PASSWORD } from "../support/auth";
import { withTestDatabase } from "../support/database";
import {
  deliver,
  pointEnvAtFakeStripe,
  signatureFor,
  startFakeStripe,
  TEST_STRIPE_SECRET_KEY,
  TEST_STRIPE_WEBHOOK_SECRET,
} from "../support/fake-stripe";
import { Buyer, withHttpApp } from "../support/http-app";
import { createLogger, installLogger } from "~/observability/logger.server";

// Before anything reads the environment (env() caches it, here and in the app served by Vite).
const fake = await startFakeStripe();
pointEnvAtFakeStripe(fake);
afterAll(() => fake.close());

const METRICS_TOKEN = "metrics-token-for-tests-0123456789";
const lines: string[] = [];

beforeAll(() => {
  installLogger(createLogger({ level: "debug", destination: { write: (line: string) => void lines.push(line) } }));
});
afterAll(() => installLogger(undefined));

const t = withTestDatabase();
const app = withHttpApp({ metricsToken: METRICS_TOKEN });

const logged = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

async function scrape(): Promise<string> {
  const response = await fetch(`${app.baseUrl}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(response.status).toBe(200);
  return response.text();
}

/** The value of one sample (0 when absent), e.g. sample(text, 'fair_checkout_outcomes_total{outcome="reserved"}'). */
function sample(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe("a purchase and a sign-in, as the logs and metrics see them", () => {
  const phone = "13912345678";
  const email = `buyer.${randomUUID().slice(0, 8)}@example.cn`;
  // A buyer pastes a card number where the phone goes; Stripe's secrets travel with every call.
  const card = "4242 4242 4242 4242";
  const clientSecret = `cs_test_${randomUUID().replaceAll("-", "")}_secret_${randomUUID().replaceAll("-", "")}`;
  let orderId = "";
  let orderToken = "";
  let sessionCookie = "";
  let checkoutKey = "";
  let organiserEmail = "";
  let stripeSignature = "";
  let webhookRequestId = "";
  const wrongPassword = `wrong-${randomUUID().slice(0, 12)}`;

  it("counts the checkout, the payment and its ledger entries, and gives every response a request id", async () => {
    const before = await scrape();
    const product = await upsertProduct(t.prisma, { stock: 10, priceFen: 36800 });
    const buyer = new Buyer(app.baseUrl);
    const added = await buyer.post("/cart", { intent: "add", productId: product.id, quantity: "2" });
    expect(added.status).toBe(302);
    expect(added.headers.get("X-Request-Id")).toMatch(/^[0-9a-f-]{36}$/);

    const invalid = await buyer.post("/checkout", {
      checkoutKey: randomUUID(),
      contactName: "王小明",
      contactPhone: card,
      fulfilment: "BOOTH_PICKUP",
    });
    expect(invalid.status).toBe(400);

    checkoutKey = randomUUID();
    const checkout = await buyer.post("/checkout", {
      checkoutKey,
      contactName: "王小明",
      contactPhone: phone,
      contactEmail: email,
      fulfilment: "BOOTH_PICKUP",
    });
    expect(checkout.status).toBe(302);
    const order = await t.prisma.order.findFirstOrThrow({ where: { lines: { some: { productId: product.id } } } });
    expect(order.paymentProvider).toBe("stripe");
    [orderId, orderToken] = [order.id, order.token];
    const session = [...fake.sessions.values()].find((s) => s.client_reference_id === order.id)!;
    expect(checkout.headers.get("Location")).toBe(session.url);

    // The buyer pays on Stripe's page; Stripe tells the webhook, signed with the webhook secret.
    const paidSession = { ...fake.pay(session.id), client_secret: clientSecret };
    const payload = JSON.stringify(fake.event("checkout.session.completed", paidSession) as Stripe.Event, null, 2);
    stripeSignature = signatureFor(payload);
    const delivered = await deliver(app.baseUrl, payload, { signature: stripeSignature });
    expect(delivered.status).toBe(200);
    expect(await delivered.json()).toMatchObject({ action: "payment-succeeded", status: "PAID" });
    webhookRequestId = delivered.headers.get("X-Request-Id")!;
    // Back from Stripe: the order page (its success_url).
    expect((await buyer.request(`/orders/${orderToken}`)).status).toBe(200);

    const after = await scrape();
    const moved = (series: string) => sample(after, series) - sample(before, series);
    expect(moved('fair_checkout_outcomes_total{outcome="reserved"}')).toBe(1);
    expect(moved('fair_checkout_outcomes_total{outcome="invalid"}')).toBe(1);
    expect(moved('fair_payment_events_total{provider="stripe",result="applied"}')).toBe(1);
    expect(moved('fair_ledger_entries_written_total{kind="sale"}')).toBeGreaterThanOrEqual(1);
    expect(
      moved('http_request_duration_seconds_count{route="routes/($lang).checkout",method="POST",status_class="3xx"}'),
    ).toBe(1);
    expect(after).toMatch(/^fair_db_pool_connections\{state="size"\} [1-9]/m);
    expect(after).toMatch(/^process_cpu_user_seconds_total /m);
    expect(after).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it("logs the payment with the order's id intact (support finds an order by it) and the webhook's request id", () => {
    // An order id is a UUID: its digits are not a card number, its hex not a secret.
    expect(orderId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const payment = logged().find((l) => l.msg === "payment event" && l.orderId === orderId);
    expect(payment).toMatchObject({
      level: "info",
      provider: "stripe",
      type: "succeeded",
      outcome: "applied",
      status: "PAID",
      requestId: webhookRequestId,
    });
    const webhook = logged().find((l) => l.msg === "request" && l.requestId === webhookRequestId);
    expect(webhook).toMatchObject({ route: "routes/webhooks.stripe", method: "POST", status: 200 });
  });

  it("logs a sign-in and a console visit with the organiser's role", async () => {
    const organiser = await createUser(t.prisma, "ORGANISER");
    organiserEmail = organiser.email;
    const browser = new Buyer(app.baseUrl);
    const signedIn = await browser.post("/login", { email: organiser.email, password: TEST_PASSWORD });
    expect(signedIn.status).toBe(302);
    sessionCookie = signedIn.headers
      .getSetCookie()
      .find((c) => c.startsWith("fair_session="))!
      .split(";")[0]!;
    // A mistyped password too (the refusal is logged as a request, never with what was typed).
    const refused = await new Buyer(app.baseUrl).post("/login", { email: organiser.email, password: wrongPassword });
    expect(refused.status).toBe(401);
    const consolePage = await browser.request("/admin");
    expect(consolePage.status).toBe(200);
    const id = consolePage.headers.get("X-Request-Id");
    const line = logged().find((l) => l.requestId === id && l.msg === "request");
    expect(line).toMatchObject({ method: "GET", route: "routes/admin._index", status: 200, role: "organiser" });
    // A password reset sends mail: without SMTP the log says so, without the address or the link.
    expect((await new Buyer(app.baseUrl).post("/forgot-password", { email: organiser.email })).status).toBeLessThan(
      500,
    );
  });

  it("wrote one JSON line per request, and none holds a phone, e-mail, password, token, session, card or payment secret", async () => {
    const requests = logged().filter((l) => l.msg === "request");
    expect(requests.length).toBeGreaterThanOrEqual(8);
    for (const line of requests) {
      expect(line).toEqual(
        expect.objectContaining({
          requestId: expect.any(String),
          method: expect.any(String),
          route: expect.any(String),
          status: expect.any(Number),
          ms: expect.any(Number),
          role: expect.stringMatching(/^(guest|cooperative|organiser|unit)$/),
        }),
      );
    }
    expect(requests.some((l) => l.route === "routes/($lang).orders.$token" && l.path === "/orders/:token")).toBe(true);
    const all = lines.join("\n");
    const sessionValue = decodeURIComponent(sessionCookie.split("=")[1]!);
    for (const secret of [
      phone,
      "1391234",
      email,
      organiserEmail,
      TEST_PASSWORD,
      orderToken,
      checkoutKey,
      sessionCookie.split("=")[1]!,
      sessionValue.slice(0, 20),
      METRICS_TOKEN,
      wrongPassword,
      card,
      card.replaceAll(" ", ""),
      TEST_STRIPE_SECRET_KEY,
      TEST_STRIPE_WEBHOOK_SECRET,
      stripeSignature,
      /v1=(\w+)/.exec(stripeSignature)![1]!,
      clientSecret,
    ]) {
      expect(secret.length).toBeGreaterThan(5);
      expect(all, `the log holds ${secret}`).not.toContain(secret);
    }
  });

  it("logs a failing page once with its request id and stack; the visitor sees only the id", async () => {
    // A real failure: the home page's table is gone (as after a botched migration).
    await t.prisma.$executeRawUnsafe(`ALTER TABLE "Fair" RENAME TO "FairGone"`);
    let response: Response;
    let body: string;
    try {
      response = await new Buyer(app.baseUrl).request("/");
      body = await response.text();
    } finally {
      await t.prisma.$executeRawUnsafe(`ALTER TABLE "FairGone" RENAME TO "Fair"`);
    }
    expect(response.status).toBe(500);
    const id = response.headers.get("X-Request-Id")!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    // The page names the id for support, and nothing of the failure.
    expect(body).toContain(`data-request-id="${id}"`);
    expect(body).toMatch(/错误编号/);
    expect(body).not.toContain("FairGone");
    expect(body).not.toContain('"Fair"');
    expect(body).not.toMatch(/\bat [\w.<>]+ \(/); // no stack frame
    // The log has the error once, under the same id, with its stack.
    const errors = logged().filter((l) => l.requestId === id && l.level === "error" && l.msg !== "request");
    expect(errors).toHaveLength(1);
    const err = errors[0]!.err as { type: string; message: string; stack: string };
    // Prisma names the missing table for a model query; for a raw statement through the driver
    // adapter it says only that the raw query failed (the home page's reads are plain SQL).
    expect(err.message, err.message).toMatch(/Fair|Raw query failed/);
    expect(err.stack).toMatch(/\n\s+at /);
    expect(logged().find((l) => l.requestId === id && l.msg === "request")).toMatchObject({
      status: 500,
      level: "error",
    });
  });

  it("hides /metrics from anyone without the token: 404, as if there were no such page", async () => {
    expect((await fetch(`${app.baseUrl}/metrics`)).status).toBe(404);
    const wrong = await fetch(`${app.baseUrl}/metrics`, {
      headers: { Authorization: "Bearer not-the-token-at-all-000000" },
    });
    expect(wrong.status).toBe(404);
    expect(await wrong.text()).not.toContain("fair_");
  });
});
