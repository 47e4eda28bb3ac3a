// /metrics is never public: on its own port bound to loopback (METRICS_PORT), or on the app's
// port for a bearer token from configuration (METRICS_TOKEN). Anything else gets a 404, as if
// there were no such page.
import { createHash, timingSafeEqual } from "node:crypto";
import http from "node:http";
import client from "prom-client";

const digest = (value) => createHash("sha256").update(value).digest();

function bearerMatches(header, token) {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  // Compared as fixed-length digests, so the time taken says nothing about the token.
  return Boolean(token && match && timingSafeEqual(digest(match[1]), digest(token)));
}

async function send(res, registry) {
  try {
    const body = await registry.metrics();
    res.writeHead(200, { "Content-Type": registry.contentType, "Cache-Control": "no-store" });
    res.end(body);
  } catch (error) {
    res.writeHead(500, { "Content-Type": "text/plain" });
    res.end(`metrics unavailable: ${error.message}\n`);
  }
}

function notFound(res) {
  res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" });
  res.end("Not Found\n");
}

/** Express middleware for the app's port: /metrics answers only the bearer of `token`. */
export function metricsOnAppPort({ token, registry }) {
  return (req, res, next) => {
    if (req.path !== "/metrics") return next();
    if (req.method !== "GET" || !bearerMatches(req.get("authorization"), token)) return notFound(res);
    return send(res, registry);
  };
}

/**
 * A server of its own for /metrics, listening on `host:port` (loopback by default, see the env
 * schema). `registry` is this process's registry, or the primary's AggregatorRegistry in cluster
 * mode (startClusterMetricsServer).
 */
export function startMetricsServer({ host, port, registry, token, logger }) {
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://metrics").pathname;
    if (req.method !== "GET" || path !== "/metrics") return notFound(res);
    if (token && !bearerMatches(req.headers.authorization, token)) return notFound(res);
    return send(res, registry);
  });
  server.listen(port, host, () => logger?.info({ host, port }, `metrics on http://${host}:${port}/metrics`));
  server.on("error", (error) => logger?.error({ err: error }, "metrics server failed"));
  return server;
}

/**
 * In a cluster's primary: one /metrics for every worker, summed by prom-client's
 * AggregatorRegistry (counters and histograms add up; gauges such as pool connections too; each
 * worker answers from prom-client's global registry over the cluster IPC channel).
 */
export function startClusterMetricsServer({ host, port, token, logger }) {
  const aggregator = new client.AggregatorRegistry();
  const registry = { contentType: aggregator.contentType, metrics: () => aggregator.clusterMetrics() };
  return startMetricsServer({ host, port, token, logger, registry });
}

/**
 * In a cluster worker: answer the primary's requests for this worker's metrics. prom-client adds
 * that listener only when an AggregatorRegistry is made, so each worker makes one (and uses
 * nothing else of it).
 */
export function answerClusterMetrics() {
  return new client.AggregatorRegistry();
}
