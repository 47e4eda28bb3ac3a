/**
 * A small fake of Stripe's API on loopback, for the real Stripe SDK to talk to (there is no network
 * here, and stripe-mock cannot be installed). It records what the SDK sent (method, path,
 * form-encoded body, Idempotency-Key) and answers with realistic objects for the calls this app
 * makes. Like Stripe, it replays the stored answer to a repeated idempotency key and refuses a key
 * reused with other parameters. It can be told to fail the next requests (500, or a dropped
 * connection before or after doing the work), and it plays Stripe's side of a payment (pay,
 * expire, refund) and builds the events Stripe would send.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { STRIPE_API_VERSION } from "~/payments/providers/stripe-api.server";

export const TEST_STRIPE_SECRET_KEY = "sk_test_fake_0123456789";
export const TEST_STRIPE_WEBHOOK_SECRET = "whsec_test_fake_0123456789";

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** The form-encoded body as Stripe receives it: flat `line_items[0][price_data][unit_amount]` keys. */
  form: Record<string, string>;
  idempotencyKey: string | null;
  stripeVersion: string | null;
}

export type FailureMode = "500" | "drop" | "drop-after-processing";

type Json = Record<string, unknown>;
type Session = Json & { id: string; status: string; payment_status: string; payment_intent: string | null };

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`;
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** `a[b][0][c]=1` → `{ a: { b: [{ c: "1" }] } }`, the way Stripe reads a form body. */
export function parseForm(form: Record<string, string>): Json {
  const root: Json = {};
  for (const [key, value] of Object.entries(form)) {
    const path = key.split(/\[|\]\[|\]/).filter((part) => part !== "");
    let node: Record<string, unknown> = root;
    path.forEach((part, index) => {
      if (index === path.length - 1) {
        node[part] = value;
        return;
      }
      const nextIsIndex = /^\d+$/.test(path[index + 1]!);
      node[part] ??= nextIsIndex ? [] : {};
      node = node[part] as Record<string, unknown>;
    });
  }
  return root;
}

export interface FakeStripe {
  readonly port: number;
  readonly requests: RecordedRequest[];
  readonly sessions: Map<string, Session>;
  readonly refunds: Map<string, Json>;
  readonly events: Stripe.Event[];
  /** The status new refunds are created with (Stripe: usually "succeeded" for cards, "pending" for wallets). */
  refundStatus: "succeeded" | "pending" | "failed";
  /** Fails the next `count` requests (only those to `path`, when given). */
  failNext(count: number, mode: FailureMode, path?: string | RegExp): void;
  requestsTo(method: string, path: string | RegExp): RecordedRequest[];
  /** The buyer paid on Stripe's page; `async` leaves the payment to settle later. */
  pay(sessionId: string, options?: { async?: boolean; amountTotal?: number }): Session;
  settleAsync(sessionId: string, outcome: "paid" | "failed"): Session;
  expire(sessionId: string): Session;
  /** The refund did not go through after all (a wallet refusing it): its amount goes back on the charge. */
  failRefund(refundId: string): Json;
  /** An event as Stripe would build it, kept for GET /v1/events. */
  event<T extends Stripe.Event["type"]>(type: T, object: Json, options?: { created?: number }): Stripe.Event;
  chargeOf(sessionId: string): Json;
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeStripe(): Promise<FakeStripe> {
  const requests: RecordedRequest[] = [];
  const sessions = new Map<string, Session>();
  const refunds = new Map<string, Json>();
  const charges = new Map<string, Json>(); // by payment intent
  const events: Stripe.Event[] = [];
  const idempotent = new Map<string, { signature: string; status: number; body: Json }>();
  const failures: { mode: FailureMode; path?: string | RegExp }[] = [];

  const error = (status: number, type: string, message: string, extra: Json = {}) => ({
    status,
    body: { error: { type, message, ...extra } },
  });

  function createSession(params: Json): { status: number; body: Json } {
    const lineItems = (params.line_items as Json[] | undefined) ?? [];
    let amount = 0;
    for (const item of lineItems) {
      const price = item.price_data as Json;
      amount += Number(item.quantity) * Number(price.unit_amount);
    }
    const expiresAt = Number(params.expires_at);
    if (expiresAt && expiresAt < nowSeconds() + 30 * 60) {
      return error(400, "invalid_request_error", "The `expires_at` timestamp must be at least 30 minutes from now.");
    }
    const sessionId = id("cs_test");
    const session: Session = {
      id: sessionId,
      object: "checkout.session",
      amount_subtotal: amount,
      amount_total: amount,
      cancel_url: params.cancel_url,
      client_reference_id: params.client_reference_id ?? null,
      created: nowSeconds(),
      currency: (lineItems[0]?.price_data as Json | undefined)?.currency ?? null,
      expires_at: expiresAt || nowSeconds() + 24 * 3600,
      livemode: false,
      locale: params.locale ?? null,
      metadata: params.metadata ?? {},
      mode: params.mode,
      payment_intent: null,
      payment_intent_data_metadata: (params.payment_intent_data as Json | undefined)?.metadata ?? {},
      payment_method_types: params.payment_method_types ?? ["card"],
      payment_status: "unpaid",
      status: "open",
      success_url: params.success_url,
      url: `https://checkout.stripe.com/c/pay/${sessionId}`,
    };
    sessions.set(sessionId, session);
    return { status: 200, body: publicSession(session) };
  }

  function createRefund(params: Json): { status: number; body: Json } {
    const intent = String(params.payment_intent ?? "");
    const charge = charges.get(intent);
    if (!charge)
      return error(400, "invalid_request_error", `No such payment_intent: '${intent}'`, { param: "payment_intent" });
    const amount = params.amount === undefined ? Number(charge.amount) : Number(params.amount);
    if (amount > Number(charge.amount) - Number(charge.amount_refunded)) {
      return error(400, "invalid_request_error", "Refund amount is greater than unrefunded amount on charge", {
        code: "amount_too_large",
      });
    }
    const refund: Json = {
      id: id("re"),
      object: "refund",
      amount,
      charge: charge.id,
      created: nowSeconds(),
      currency: charge.currency,
      metadata: params.metadata ?? {},
      payment_intent: intent,
      reason: params.reason ?? null,
      status: fake.refundStatus,
    };
    refunds.set(refund.id as string, refund);
    if (fake.refundStatus !== "failed") charge.amount_refunded = Number(charge.amount_refunded) + amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    return { status: 200, body: refund };
  }

  function listEvents(query: URLSearchParams): { status: number; body: Json } {
    // The SDK sends arrays indexed: types[0]=…&types[1]=…
    const types = [...query].filter(([key]) => /^types\[\d*\]$/.test(key)).map(([, value]) => value);
    const since = Number(query.get("created[gte]") ?? 0);
    const data = events
      .filter((e) => (types.length === 0 || types.includes(e.type)) && e.created >= since)
      .sort((a, b) => b.created - a.created); // newest first, as Stripe lists them
    return { status: 200, body: { object: "list", data, has_more: false, url: "/v1/events" } };
  }

  function route(method: string, path: string, query: URLSearchParams, params: Json) {
    if (method === "POST" && path === "/v1/checkout/sessions") return createSession(params);
    const sessionMatch = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path);
    if (method === "GET" && sessionMatch) {
      const session = sessions.get(sessionMatch[1]!);
      return session
        ? { status: 200, body: publicSession(session) }
        : error(404, "invalid_request_error", `No such checkout.session: '${sessionMatch[1]}'`, {
            code: "resource_missing",
          });
    }
    if (method === "POST" && path === "/v1/refunds") return createRefund(params);
    if (method === "GET" && path === "/v1/events") return listEvents(query);
    return error(404, "invalid_request_error", `Unrecognized request URL (${method}: ${path})`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://fake");
    const form = Object.fromEntries(new URLSearchParams(raw));
    const idempotencyKey = (req.headers["idempotency-key"] as string | undefined) ?? null;
    requests.push({
      method: req.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      form,
      idempotencyKey,
      stripeVersion: (req.headers["stripe-version"] as string | undefined) ?? null,
    });

    const index = failures.findIndex(
      (f) => !f.path || (typeof f.path === "string" ? f.path === url.pathname : f.path.test(url.pathname)),
    );
    const failure = index === -1 ? undefined : failures.splice(index, 1)[0]!.mode;
    if (failure === "drop") return void req.socket.destroy();
    if (failure === "500") return send(res, 500, { error: { type: "api_error", message: "fake outage" } });

    const signature = `${req.method} ${url.pathname} ${raw}`;
    let answer: { status: number; body: Json; replayed?: boolean };
    const stored = idempotencyKey ? idempotent.get(idempotencyKey) : undefined;
    if (stored && stored.signature !== signature) {
      answer = error(
        400,
        "idempotency_error",
        `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
      );
    } else if (stored) {
      answer = { ...stored, replayed: true };
    } else {
      answer = route(req.method ?? "GET", url.pathname, url.searchParams, parseForm(form));
      if (idempotencyKey && req.method === "POST") idempotent.set(idempotencyKey, { signature, ...answer });
    }
    // The work is done (and stored under its key), but the answer never reaches the SDK.
    if (failure === "drop-after-processing") return void req.socket.destroy();
    send(res, answer.status, answer.body, answer.replayed ? { "Idempotent-Replayed": "true" } : {});
  }

  function send(res: ServerResponse, status: number, body: Json, headers: Record<string, string> = {}) {
    res.writeHead(status, { "Content-Type": "application/json", "Request-Id": id("req"), ...headers });
    res.end(JSON.stringify(body));
  }

  function publicSession(session: Session): Json {
    const { payment_intent_data_metadata: _hidden, ...visible } = session;
    return { ...visible };
  }

  function mustSession(sessionId: string): Session {
    const session = sessions.get(sessionId);
    if (!session) throw new Error(`fake Stripe has no session ${sessionId}`);
    return session;
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: Error) => send(res, 500, { error: { type: "api_error", message: e.message } }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));

  const fake: FakeStripe = {
    port: (server.address() as AddressInfo).port,
    requests,
    sessions,
    refunds,
    events,
    refundStatus: "succeeded",
    failNext(count, mode, path) {
      for (let i = 0; i < count; i++) failures.push({ mode, path });
    },
    requestsTo(method, path) {
      return requests.filter(
        (r) => r.method === method && (typeof path === "string" ? r.path === path : path.test(r.path)),
      );
    },
    pay(sessionId, options = {}) {
      const session = mustSession(sessionId);
      const intent = id("pi");
      session.status = "complete";
      session.payment_status = options.async ? "unpaid" : "paid";
      session.payment_intent = intent;
      if (options.amountTotal !== undefined) session.amount_total = options.amountTotal;
      charges.set(intent, {
        id: id("ch"),
        object: "charge",
        amount: session.amount_total,
        amount_refunded: 0,
        currency: session.currency,
        metadata: session.payment_intent_data_metadata,
        payment_intent: intent,
        refunded: false,
        status: "succeeded",
      });
      return publicSession(session) as Session;
    },
    settleAsync(sessionId, outcome) {
      const session = mustSession(sessionId);
      session.payment_status = outcome === "paid" ? "paid" : "unpaid";
      return publicSession(session) as Session;
    },
    expire(sessionId) {
      const session = mustSession(sessionId);
      session.status = "expired";
      session.url = null;
      return publicSession(session) as Session;
    },
    failRefund(refundId) {
      const refund = refunds.get(refundId);
      if (!refund) throw new Error(`fake Stripe has no refund ${refundId}`);
      const charge = charges.get(String(refund.payment_intent))!;
      if (refund.status !== "failed") charge.amount_refunded = Number(charge.amount_refunded) - Number(refund.amount);
      charge.refunded = false;
      refund.status = "failed";
      return { ...refund };
    },
    event(type, object, options = {}) {
      const event = {
        id: id("evt"),
        object: "event",
        api_version: STRIPE_API_VERSION,
        created: options.created ?? nowSeconds(),
        data: { object: structuredClone(object) },
        livemode: false,
        pending_webhooks: 1,
        request: { id: null, idempotency_key: null },
        type,
      } as unknown as Stripe.Event;
      events.push(event);
      return event;
    },
    chargeOf(sessionId) {
      const intent = mustSession(sessionId).payment_intent;
      const charge = intent ? charges.get(intent) : undefined;
      if (!charge) throw new Error(`session ${sessionId} has not been paid`);
      return { ...charge };
    },
    reset() {
      requests.length = 0;
      failures.length = 0;
      fake.refundStatus = "succeeded";
    },
    close() {
      return new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
  return fake;
}

/**
 * Points this process's environment at the fake. env() reads the environment once and caches it,
 * so call this before anything in the process (or in the app served through Vite) calls env().
 */
export function pointEnvAtFakeStripe(fake: FakeStripe): void {
  process.env.STRIPE_SECRET_KEY = TEST_STRIPE_SECRET_KEY;
  process.env.STRIPE_WEBHOOK_SECRET = TEST_STRIPE_WEBHOOK_SECRET;
  process.env.STRIPE_API_HOST = "127.0.0.1";
  process.env.STRIPE_API_PORT = String(fake.port);
  process.env.STRIPE_API_PROTOCOL = "http";
}

/** A Stripe-Signature header for `payload`, as Stripe computes it. */
export function signatureFor(payload: string, options: { secret?: string; timestamp?: number } = {}): string {
  return Stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? TEST_STRIPE_WEBHOOK_SECRET,
    timestamp: options.timestamp,
  });
}

/** Delivers an event to the app's webhook the way Stripe does: a signed POST of the raw JSON. */
export function deliver(
  baseUrl: string,
  event: Stripe.Event | string,
  options: { signature?: string | null; secret?: string; timestamp?: number } = {},
): Promise<Response> {
  const payload = typeof event === "string" ? event : JSON.stringify(event, null, 2);
  const signature = options.signature === undefined ? signatureFor(payload, options) : options.signature;
  const headers: Record<string, string> = { "Content-Type": "application/json; charset=utf-8" };
  if (signature !== null) headers["Stripe-Signature"] = signature;
  return fetch(`${baseUrl}/webhooks/stripe`, { method: "POST", body: payload, headers });
}
