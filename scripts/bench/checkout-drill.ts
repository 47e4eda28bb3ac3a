/**
 * The oversell drill over HTTP: many buyers, each with a cookie jar of their own (a phone of
 * their own), put one unit of the same product in their carts, then all post the checkout form
 * at once. Those who got a reservation then confirm the test payment.
 */
import { randomUUID } from "node:crypto";
import { BROWSER_HEADERS, nextClientAddress } from "./load";

const REQUEST_TIMEOUT_MS = 120_000;

/** A buyer with their own cookies and address, like a separate phone. */
export class Buyer {
  private cookies = new Map<string, string>();
  private readonly address = nextClientAddress();
  constructor(private readonly baseUrl: string) {}

  /** The Cookie header this buyer sends. */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set("user-agent", BROWSER_HEADERS["user-agent"]);
    headers.set("x-forwarded-for", this.address);
    if (this.cookies.size) headers.set("cookie", this.cookieHeader());
    const response = await fetch(`${this.baseUrl}${path}`, {
      ...init,
      headers,
      redirect: "manual",
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const index = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, index), pair!.slice(index + 1));
    }
    return response;
  }

  /** A form post, as a browser sends it from one of our pages (same Origin). */
  post(path: string, fields: Record<string, string>): Promise<Response> {
    return this.request(path, {
      method: "POST",
      body: new URLSearchParams(fields),
      headers: { "content-type": "application/x-www-form-urlencoded", origin: this.baseUrl },
    });
  }
}

export function percentile(samples: number[], q: number): number {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Runs `fn` over the items, at most `limit` at a time. */
export async function inBatches<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export interface DrillResult {
  buyers: number;
  addedToCart: number;
  addMs: number;
  /** Status (and where it redirected) → how many checkouts got it. */
  checkoutTally: Record<string, number>;
  reserved: number;
  soldOut: number;
  /** 503 "busy, please try again" answers (with Retry-After). */
  busy: number;
  /** Any other answer: a 5xx other than 503, another status, a socket error or timeout. */
  other: number;
  /** How many of the busy answers carried a Retry-After header. */
  busyWithRetryAfter: number;
  checkoutMs: number;
  checkoutsPerSecond: number;
  checkoutP50: number;
  checkoutP99: number;
  confirmed: number;
  confirmTally: Record<string, number>;
  confirmMs: number;
  confirmP99: number;
  /** Filled in by the runner: server CPU per checkout answer, cores it and other programs used. */
  serverCpuMsPerAnswer?: number;
  serverCores?: number;
  otherCores?: number;
}

const tallyOf = (labels: string[]) =>
  labels.reduce<Record<string, number>>((tally, label) => ({ ...tally, [label]: (tally[label] ?? 0) + 1 }), {});

/** Status and, for a redirect, where to with tokens elided: "302 /pay/test/…". */
function label(response: Response | Error): string {
  if (response instanceof Error) return `error ${response.name}`;
  const location = response.headers.get("location");
  return location
    ? `${response.status} ${location.replace(/(\/(pay\/test|orders)\/)[^/?#]+/, "$1…")}`
    : `${response.status}`;
}

export async function oversellDrill(baseUrl: string, productId: string, buyerCount: number): Promise<DrillResult> {
  const buyers = Array.from({ length: buyerCount }, () => new Buyer(baseUrl));

  // Every buyer puts one unit in a cart of their own (50 at a time: this part is not the rush).
  const t0 = performance.now();
  const added = await inBatches(buyers, 50, async (buyer) => {
    const response = await buyer.post("/cart", { intent: "add", productId, quantity: "1" });
    await response.arrayBuffer();
    return response.status === 302 && buyer.cookieHeader().includes("fair_cart=");
  });
  const addMs = performance.now() - t0;

  // The rush: every checkout posted at once.
  const latencies: number[] = [];
  const t1 = performance.now();
  const responses = await Promise.all(
    buyers.map(async (buyer) => {
      const started = performance.now();
      try {
        const response = await buyer.post("/checkout", {
          checkoutKey: randomUUID(),
          contactName: "压测买家",
          contactPhone: "13800001234",
          fulfilment: "BOOTH_PICKUP",
        });
        await response.arrayBuffer();
        return response;
      } catch (error) {
        return error as Error;
      } finally {
        latencies.push(performance.now() - started);
      }
    }),
  );
  const checkoutMs = performance.now() - t1;
  const reservedBy = responses.flatMap((response, i) => {
    if (response instanceof Error || response.status !== 302) return [];
    const location = response.headers.get("location") ?? "";
    const path = location.startsWith("http") ? new URL(location).pathname : location;
    return path.includes("/pay/test/") ? [{ buyer: buyers[i]!, path }] : [];
  });

  // Each buyer with a reservation pays (the test provider's confirm), all at once as well.
  const confirmLatencies: number[] = [];
  const t2 = performance.now();
  const confirms = await Promise.all(
    reservedBy.map(async ({ buyer, path }) => {
      const started = performance.now();
      try {
        const response = await buyer.post(path, { intent: "confirm" });
        await response.arrayBuffer();
        return response;
      } catch (error) {
        return error as Error;
      } finally {
        confirmLatencies.push(performance.now() - started);
      }
    }),
  );
  const confirmMs = performance.now() - t2;

  return {
    buyers: buyerCount,
    addedToCart: added.filter(Boolean).length,
    addMs,
    checkoutTally: tallyOf(responses.map(label)),
    reserved: reservedBy.length,
    soldOut: responses.filter((r) => !(r instanceof Error) && r.status === 409).length,
    busy: responses.filter((r) => !(r instanceof Error) && r.status === 503).length,
    busyWithRetryAfter: responses.filter(
      (r) => !(r instanceof Error) && r.status === 503 && Number(r.headers.get("retry-after")) > 0,
    ).length,
    other:
      responses.length -
      reservedBy.length -
      responses.filter((r) => !(r instanceof Error) && (r.status === 409 || r.status === 503)).length,
    checkoutMs,
    checkoutsPerSecond: buyerCount / (checkoutMs / 1000),
    checkoutP50: percentile(latencies, 0.5),
    checkoutP99: percentile(latencies, 0.99),
    confirmed: confirms.filter(
      (r) => !(r instanceof Error) && r.status === 302 && (r.headers.get("location") ?? "").includes("/orders/"),
    ).length,
    confirmTally: tallyOf(confirms.map(label)),
    confirmMs,
    confirmP99: percentile(confirmLatencies, 0.99),
  };
}
