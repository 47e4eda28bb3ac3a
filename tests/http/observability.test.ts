/**
 * Logs and metrics of a real purchase and sign-in through the app over HTTP: every request gets a
 * request id and one JSON log line, nothing personal or secret reaches the log, and the metrics
 * move with the checkout while /metrics stays invisible to anyone without the token.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertProduct } from "../../prisma/factories";
import { createUser, TEST_PASSWORD } from "../support/auth";
import { withTestDatabase } from "../support/database";
import { Buyer, withHttpApp } from "../support/http-app";
import { createLogger, installLogger } from "~/observability/logger.server";

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
  let orderToken = "";
  let sessionCookie = "";
  let checkoutKey = "";
  let organiserEmail = "";

  it("counts the checkout, the payment and its ledger entries, and gives every response a request id", async () => {
    const before = await scrape();
    const product = await upsertProduct(t.prisma, { stock: 10, priceFen: 36800 });
    const buyer = new Buyer(app.baseUrl);
    const added = await buyer.post("/cart", { intent: "add", productId: product.id, quantity: "2" });
    expect(added.status).toBe(302);
    expect(added.headers.get("X-Request-Id")).toMatch(/^[0-9a-f-]{36}$/);

    const invalid = await buyer.post("/checkout", { checkoutKey: randomUUID(), contactName: "", fulfilment: "BOOTH_PICKUP" });
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
    const payPage = checkout.headers.get("Location")!;
    expect(payPage).toMatch(/^\/pay\/test\//);
    orderToken = payPage.split("/").pop()!;
    expect((await buyer.request(payPage)).status).toBe(200);
    const paid = await buyer.post(payPage, { intent: "confirm" });
    expect(paid.status).toBe(302);
    expect((await buyer.request(paid.headers.get("Location")!)).status).toBe(200);

    const after = await scrape();
    const moved = (series: string) => sample(after, series) - sample(before, series);
    expect(moved('fair_checkout_outcomes_total{outcome="reserved"}')).toBe(1);
    expect(moved('fair_checkout_outcomes_total{outcome="invalid"}')).toBe(1);
    expect(moved('fair_payment_events_total{provider="test",result="applied"}')).toBe(1);
    expect(moved('fair_ledger_entries_written_total{kind="sale"}')).toBeGreaterThanOrEqual(1);
    expect(
      moved('http_request_duration_seconds_count{route="routes/($lang).checkout",method="POST",status_class="3xx"}'),
    ).toBe(1);
    expect(after).toMatch(/^fair_db_pool_connections\{state="size"\} [1-9]/m);
    expect(after).toMatch(/^process_cpu_user_seconds_total /m);
    expect(after).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it("logs a sign-in and a console visit with the organiser's role", async () => {
    const organiser = await createUser(t.prisma, "ORGANISER");
    organiserEmail = organiser.email;
    const browser = new Buyer(app.baseUrl);
    const signedIn = await browser.post("/login", { email: organiser.email, password: TEST_PASSWORD });
    expect(signedIn.status).toBe(302);
    sessionCookie = signedIn.headers.getSetCookie().find((c) => c.startsWith("fair_session="))!.split(";")[0]!;
    const consolePage = await browser.request("/admin");
    expect(consolePage.status).toBe(200);
    const id = consolePage.headers.get("X-Request-Id");
    const line = logged().find((l) => l.requestId === id && l.msg === "request");
    expect(line).toMatchObject({ method: "GET", route: "routes/admin._index", status: 200, role: "organiser" });
    // A password reset sends mail: without SMTP the log says so, without the address or the link.
    expect((await new Buyer(app.baseUrl).post("/forgot-password", { email: organiser.email })).status).toBeLessThan(500);
  });

  it("wrote one JSON line per request, and none holds a phone, e-mail, password, token or session", async () => {
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
    expect(requests.some((l) => l.route === "routes/($lang).pay.test.$token" && l.path === "/pay/test/:token")).toBe(
      true,
    );
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
    ]) {
      expect(secret.length).toBeGreaterThan(5);
      expect(all, `the log holds ${secret}`).not.toContain(secret);
    }
  });

  it("hides /metrics from anyone without the token: 404, as if there were no such page", async () => {
    expect((await fetch(`${app.baseUrl}/metrics`)).status).toBe(404);
    const wrong = await fetch(`${app.baseUrl}/metrics`, { headers: { Authorization: "Bearer not-the-token-at-all-000000" } });
    expect(wrong.status).toBe(404);
    expect(await wrong.text()).not.toContain("fair_");
  });
});
