// Production server: Express serving the Remix build. Start-up readies the database first and
// stops with one clear line if it cannot. Logs, metrics, readiness and the graceful stop are
// wired here from server/ (README "Watching the fair").
import { createRequestHandler } from "@remix-run/express";
import cluster from "node:cluster";
import { compressionMiddleware } from "./server/compression.mjs";
import express from "express";
import {
  guardFormBodies,
  onlyKnownWebhooks,
  rejectControlCharacters,
  rejectForeignOrigin,
  rejectMalformedBodies,
  securityHeaders,
} from "./server/http-security.mjs";
import { markAppRequest, observeRequests } from "./server/observe-requests.mjs";
import { answerClusterMetrics, metricsOnAppPort, startMetricsServer } from "./server/metrics-endpoint.mjs";
import { gracefulShutdown } from "./server/drain.mjs";
import { acceptMany } from "./server/accept-many.mjs";
import { matcher } from "./server/route-ids.mjs";

const build = await import("./build/server/index.js");
const { boot, BootError, shutdown: closeDatabase, observability } = build.entry.module;
const { logger } = observability;

let config;
try {
  // The embedded database works in a thread of its own (app/utils/db-thread.server.ts).
  const { engine, applied, seeded, env } = await boot({
    databaseThread: new URL("./server/database-thread.mjs", import.meta.url),
  });
  config = env;
  logger().info(
    { engine, applied: applied.length, seeded },
    `database: ${engine}${applied.length ? `, applied ${applied.length} migration(s)` : ""}${seeded ? ", seeded the demo fair" : ""}`,
  );
} catch (error) {
  if (error instanceof BootError) {
    logger().fatal(`cannot start: ${error.message}`);
    logger().flush?.();
    process.exit(1);
  }
  throw error;
}
// config is boot()'s checked environment: PORT, HOST and TRUST_PROXY come from the same zod schema as the app's settings.

const registry = observability.metrics().registry;
const shutdown = gracefulShutdown({
  phase: observability.phase,
  startDraining: observability.startDraining,
  timeoutMs: config.DRAIN_TIMEOUT_MS,
  logger,
  // Close the database before going: the embedded one hands its folder (and its lock) back.
  exit: (code) =>
    closeDatabase()
      .catch((error) => logger().error({ err: error }, "shutdown: closing the database failed"))
      .finally(() => process.exit(code)),
});

const app = express();
app.disable("x-powered-by");
app.use(shutdown.middleware);
app.use(
  observeRequests({
    logger,
    requestContext: observability.requestContext,
    matchRoute: matcher(build.routes),
    histogram: observability.metrics().httpDuration,
    scrubPath: observability.scrubPath,
  }),
);
app.use(metricsOnAppPort({ token: config.METRICS_TOKEN, registry }));
// COMPRESSION=off behind a proxy that compresses (config/varnish); "node" (the default) otherwise.
const compress = compressionMiddleware(config.COMPRESSION);
if (compress) app.use(compress);
app.use(securityHeaders({ production: config.NODE_ENV === "production" }));
app.use(onlyKnownWebhooks());
app.use(rejectForeignOrigin({ trustProxy: config.TRUST_PROXY !== undefined }));
app.use(rejectControlCharacters());
app.use(rejectMalformedBodies());
// Fingerprinted assets never change under the same name.
app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
app.use(express.static("build/client", { maxAge: "1h" }));
// Behind a load balancer, set TRUST_PROXY (e.g. "1" or "loopback") so req.ip is the buyer's address.
if (config.TRUST_PROXY !== undefined) app.set("trust proxy", config.TRUST_PROXY);
app.use(markAppRequest());
app.all(
  "*",
  createRequestHandler({
    build: guardFormBodies(build),
    getLoadContext: (req, res) => ({ clientAddress: req.ip ?? "unknown", cspNonce: res.locals.cspNonce }),
  }),
);

// In a cluster the primary serves METRICS_PORT for every worker (scripts/start.mjs); a worker answers it.
if (cluster.isWorker) answerClusterMetrics();
else if (config.METRICS_PORT)
  startMetricsServer({
    host: config.METRICS_HOST,
    port: config.METRICS_PORT,
    registry,
    token: config.METRICS_TOKEN,
    logger: logger(),
  });

const server = app.listen(config.PORT, config.HOST, async () => {
  // A rush of new connections is accepted in a turn or two, not one per turn (server/accept-many.mjs).
  const listeners = await acceptMany(server, { listeners: config.ACCEPT_LISTENERS, logger: logger() });
  observability.markReady();
  logger().info({ port: config.PORT, listeners }, `fair storefront on http://localhost:${config.PORT}`);
});
shutdown.attach(server);
