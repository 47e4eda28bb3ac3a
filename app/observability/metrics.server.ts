import client, { type Registry } from "prom-client";
import { openDatabaseStats, type PoolStats } from "~/utils/db.server";

/**
 * The server's Prometheus metrics (README "Watching the fair"), in prom-client's global registry so
 * that, with several workers, the primary's AggregatorRegistry can collect them from every worker
 * (server/metrics-endpoint.mjs). Each counter is incremented where the event is final (after the
 * transaction that made it committed), so a rolled-back attempt is never counted.
 */
export type CheckoutOutcome = "reserved" | "sold_out" | "busy" | "invalid";
export type PaymentEventResult = "applied" | "duplicate" | "rejected";
export type RefundEvent = "requested" | "succeeded" | "failed";
export type CachePurgeResult = "sent" | "failed";

export type { PoolStats };

function createMetrics(registry: Registry) {
  const poolSource: { read: () => PoolStats | undefined } = { read: openDatabaseStats };
  const liveSource: { clients: () => number } = { clients: () => 0 };
  const metrics = {
    registry,
    poolSource,
    liveSource,
    httpDuration: new client.Histogram({
      name: "http_request_duration_seconds",
      help: "Time to answer a request, by Remix route id, method and status class (2xx, 3xx, 4xx, 5xx).",
      labelNames: ["route", "method", "status_class"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    checkoutOutcomes: new client.Counter({
      name: "fair_checkout_outcomes_total",
      help: "Checkout attempts by outcome: reserved (an order holds the stock), sold_out, busy (told to try again), invalid (bad form).",
      labelNames: ["outcome"] as const,
      registers: [registry],
    }),
    paymentEvents: new client.Counter({
      name: "fair_payment_events_total",
      help: "Payment events by provider and result: applied, duplicate (seen before, changed nothing), rejected (bad signature, wrong amount).",
      labelNames: ["provider", "result"] as const,
      registers: [registry],
    }),
    ledgerEntries: new client.Counter({
      name: "fair_ledger_entries_written_total",
      help: "Attribution ledger entries written, by kind (sale, refund).",
      labelNames: ["kind"] as const,
      registers: [registry],
    }),
    refunds: new client.Counter({
      name: "fair_refunds_total",
      help: "Refunds by event: requested by an organiser, succeeded (confirmed by the provider), failed.",
      labelNames: ["event"] as const,
      registers: [registry],
    }),
    cachePurges: new client.Counter({
      name: "fair_cache_purges_total",
      help: "Purge requests sent to the HTTP cache, by result (sent, failed).",
      labelNames: ["result"] as const,
      registers: [registry],
    }),
    rateLimitRefusals: new client.Counter({
      name: "fair_rate_limit_refusals_total",
      help: "Requests refused by a per-address rate limit, by limit name.",
      labelNames: ["limit"] as const,
      registers: [registry],
    }),
    pool: new client.Gauge({
      name: "fair_db_pool_connections",
      help: "Database connections: size (open), in_use (checked out), waiting (requests queued for one). PGlite is one in-process connection: size 1.",
      labelNames: ["state"] as const,
      registers: [registry],
      collect() {
        const stats = poolSource.read();
        if (!stats) return;
        this.set({ state: "size" }, stats.size);
        this.set({ state: "in_use" }, stats.inUse);
        this.set({ state: "waiting" }, stats.waiting);
      },
    }),
    liveClients: new client.Gauge({
      name: "fair_live_clients",
      help: "Fair-wall screens (server-sent event streams) connected to this process.",
      registers: [registry],
      collect() {
        this.set(liveSource.clients());
      },
    }),
    liveQueries: new client.Counter({
      name: "fair_live_queries_total",
      help: "Database queries made by the fair wall's ticker (one per tick, whatever the number of screens).",
      labelNames: ["view"] as const,
      registers: [registry],
    }),
  };
  // Known label values start at 0, so a rate (busy answers / all checkouts) exists from the first scrape.
  for (const outcome of ["reserved", "sold_out", "busy", "invalid"] as const) metrics.checkoutOutcomes.inc({ outcome }, 0);
  for (const result of ["sent", "failed"] as const) metrics.cachePurges.inc({ result }, 0);
  for (const event of ["requested", "succeeded", "failed"] as const) metrics.refunds.inc({ event }, 0);
  client.collectDefaultMetrics({ register: registry });
  return metrics;
}

export type Metrics = ReturnType<typeof createMetrics>;

// On globalThis: the dev server re-evaluates modules, and a metric registered twice is an error.
const holder = globalThis as typeof globalThis & { __fairMetrics?: Metrics };

/** The process's metrics, registered once in prom-client's global registry. */
export function metrics(): Metrics {
  holder.__fairMetrics ??= createMetrics(client.register);
  return holder.__fairMetrics;
}

export const countCheckout = (outcome: CheckoutOutcome) => metrics().checkoutOutcomes.inc({ outcome });
export const countPaymentEvent = (provider: string, result: PaymentEventResult) =>
  metrics().paymentEvents.inc({ provider, result });
export const countLedgerEntries = (kind: "sale" | "refund", count: number) => {
  if (count > 0) metrics().ledgerEntries.inc({ kind }, count);
};
export const countRefund = (event: RefundEvent) => metrics().refunds.inc({ event });
/** Called by whatever sends purges to the cache (one call per purge request). */
export const countCachePurge = (result: CachePurgeResult) => metrics().cachePurges.inc({ result });
export const countRateLimitRefusal = (limit: string) => metrics().rateLimitRefusals.inc({ limit });

/** "2xx" for 204, "5xx" for 503: the status label stays a handful of values. */
export const statusClass = (status: number) => `${Math.floor(status / 100)}xx`;
