import Stripe from "stripe";
import { describe, expect, it, vi } from "vitest";
import { parseEnv } from "~/utils/env.server";
import {
  paymentProvider,
  PaymentsUnavailableError,
  providerForOrder,
  stripePaymentProvider,
  testPaymentProvider,
  testPaymentsAllowed,
} from "~/payments/provider.server";
import {
  checkoutIdempotencyKey,
  checkoutSessionParams,
  isTransientStripeError,
  verifyStripeWebhook,
  type CheckoutOrder,
} from "./stripe-api.server";

const SECRET = "whsec_unit_test_secret";
vi.hoisted(() => {
  // Before anything calls env(), which reads the environment once.
  process.env.STRIPE_SECRET_KEY = "sk_test_unit";
  process.env.STRIPE_WEBHOOK_SECRET = "whsec_unit_test_secret";
});

const order: CheckoutOrder = {
  id: "order-1",
  token: "tok_abcdefghijklmnopqrstu",
  locale: "zh",
  currency: "cny",
  totalFen: 2 * 1234 + 500,
  lines: [
    { nameZh: "苦荞茶", nameEn: "Tartary buckwheat tea", quantity: 2, unitPriceFen: 1234 },
    { nameZh: "核桃", nameEn: "Walnuts", quantity: 1, unitPriceFen: 500 },
  ],
};
const expiresAt = new Date("2026-10-17T02:34:56.000Z");

describe("the Checkout Session for an order", () => {
  it("charges the stored lines in fen, in CNY, by card, Alipay or WeChat Pay, until the reservation ends", () => {
    const params = checkoutSessionParams(order, expiresAt, "https://fair.example.cn");
    expect(params).toMatchObject({
      mode: "payment",
      client_reference_id: "order-1",
      metadata: { orderId: "order-1" },
      payment_method_types: ["card", "alipay", "wechat_pay"],
      payment_method_options: { wechat_pay: { client: "web" } },
      locale: "zh",
      expires_at: expiresAt.getTime() / 1000,
      success_url: "https://fair.example.cn/orders/tok_abcdefghijklmnopqrstu",
      cancel_url: "https://fair.example.cn/orders/tok_abcdefghijklmnopqrstu",
    });
    expect(params.line_items).toEqual([
      { quantity: 2, price_data: { currency: "cny", unit_amount: 1234, product_data: { name: "苦荞茶" } } },
      { quantity: 1, price_data: { currency: "cny", unit_amount: 500, product_data: { name: "核桃" } } },
    ]);
  });

  it("follows the buyer's language", () => {
    const params = checkoutSessionParams({ ...order, locale: "en" }, expiresAt, "https://fair.example.cn");
    expect(params.locale).toBe("en");
    expect(params.line_items?.map((l) => l.price_data?.product_data?.name)).toEqual([
      "Tartary buckwheat tea",
      "Walnuts",
    ]);
    expect(params.success_url).toBe("https://fair.example.cn/en/orders/tok_abcdefghijklmnopqrstu");
  });

  it("refuses to charge anything but the order's total", () => {
    expect(() => checkoutSessionParams({ ...order, totalFen: 1 }, expiresAt, "https://fair.example.cn")).toThrow(
      /lines add up to 2968, total is 1/,
    );
  });

  it("keys each order and expiry once, so a retry gets the same session", () => {
    expect(checkoutIdempotencyKey("order-1", expiresAt)).toBe(`checkout:order-1:${expiresAt.getTime() / 1000}`);
    expect(checkoutIdempotencyKey("order-1", new Date(expiresAt.getTime() + 1000))).not.toBe(
      checkoutIdempotencyKey("order-1", expiresAt),
    );
  });
});

describe("Stripe errors", () => {
  it("tells outages (try again) from refusals", () => {
    expect(
      isTransientStripeError(new Stripe.errors.StripeConnectionError({ type: "api_error", message: "reset" })),
    ).toBe(true);
    expect(isTransientStripeError(new Stripe.errors.StripeAPIError({ type: "api_error", message: "oops" }))).toBe(true);
    expect(
      isTransientStripeError(
        new Stripe.errors.StripeRateLimitError({ type: "invalid_request_error", message: "slow down" }),
      ),
    ).toBe(true);
    expect(
      isTransientStripeError(
        new Stripe.errors.StripeInvalidRequestError({ type: "invalid_request_error", message: "bad" }),
      ),
    ).toBe(false);
    expect(
      isTransientStripeError(
        new Stripe.errors.StripeAuthenticationError({ type: "invalid_request_error", message: "bad key" }),
      ),
    ).toBe(false);
    expect(isTransientStripeError(new Error("not Stripe"))).toBe(false);
  });
});

describe("webhook signatures", () => {
  const payload = JSON.stringify({ id: "evt_1", object: "event", type: "checkout.session.completed", data: {} });

  it("accepts Stripe's signature of the raw body", () => {
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
    expect(verifyStripeWebhook(payload, header).id).toBe("evt_1");
  });

  it("refuses a changed body, another secret, no header and an old timestamp", () => {
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
    expect(() => verifyStripeWebhook(payload.replace("evt_1", "evt_2"), header)).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
    const other = Stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_other" });
    expect(() => verifyStripeWebhook(payload, other)).toThrow(Stripe.errors.StripeSignatureVerificationError);
    expect(() => verifyStripeWebhook(payload, null)).toThrow(Stripe.errors.StripeSignatureVerificationError);
    const old = Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: SECRET,
      timestamp: Math.floor(Date.now() / 1000) - 301,
    });
    expect(() => verifyStripeWebhook(payload, old)).toThrow(/tolerance/);
  });
});

describe("choosing the payment provider", () => {
  const production = {
    NODE_ENV: "production",
    DATABASE_URL: "postgresql://u@db:5432/fair",
    SESSION_SECRET: "s".repeat(40),
  };
  const keys = { STRIPE_SECRET_KEY: "sk_test_x", STRIPE_WEBHOOK_SECRET: "whsec_x" };

  it("uses the embedded test provider without keys, and Stripe with them", () => {
    expect(paymentProvider(parseEnv({ NODE_ENV: "test" }))).toBe(testPaymentProvider);
    expect(paymentProvider(parseEnv({ NODE_ENV: "test", ...keys }))).toBe(stripePaymentProvider);
    expect(paymentProvider(parseEnv({ ...production, ...keys }))).toBe(stripePaymentProvider);
  });

  it("refuses test payments in production on a real database unless ALLOW_TEST_PAYMENTS=true", () => {
    expect(() => paymentProvider(parseEnv(production))).toThrow(PaymentsUnavailableError);
    expect(testPaymentsAllowed(parseEnv(production))).toBe(false);
    expect(testPaymentsAllowed(parseEnv({ ...production, ALLOW_TEST_PAYMENTS: "true" }))).toBe(true);
    expect(paymentProvider(parseEnv({ ...production, ALLOW_TEST_PAYMENTS: "true" }))).toBe(testPaymentProvider);
    // The embedded demo (no DATABASE_URL) keeps working with `npm start`.
    expect(testPaymentsAllowed(parseEnv({ NODE_ENV: "production" }))).toBe(true);
  });

  it("pays (and refunds) an order through the provider it was placed with", () => {
    expect(providerForOrder("stripe", parseEnv({ NODE_ENV: "test", ...keys }))).toBe(stripePaymentProvider);
    expect(() => providerForOrder("stripe", parseEnv({ NODE_ENV: "test" }))).toThrow(PaymentsUnavailableError);
    expect(providerForOrder("test", parseEnv({ NODE_ENV: "test", ...keys }))).toBe(testPaymentProvider);
    expect(() => providerForOrder("test", parseEnv(production))).toThrow(PaymentsUnavailableError);
  });
});
