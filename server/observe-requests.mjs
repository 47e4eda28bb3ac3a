// One structured log line and one histogram sample per request, and the request's context (its
// id, the role that signs it in) for everything the app logs while serving it.
import { randomUUID } from "node:crypto";

// An id from the cache or load balancer in front is kept (one id end to end) if it looks like one.
const INCOMING_ID = /^[\w.:-]{8,64}$/;
// What the cache says about a request it forwards (config/varnish sets X-Cache-Status on the backend request).
const CACHE_STATUSES = new Set(["miss", "pass", "pipe", "hit-for-miss", "hit-for-pass", "bgfetch", "grace"]);

/**
 * @param {object} options
 * @param {import("pino").Logger | (() => import("pino").Logger)} options.logger
 * @param {import("node:async_hooks").AsyncLocalStorage<{ id: string, role: string }>} options.requestContext
 * @param {(pathname: string) => { routeId: string, secrets: string[] }} options.matchRoute
 * @param {{ observe(labels: object, seconds: number): void }} options.histogram
 * @param {(path: string, secrets: string[]) => string} options.scrubPath
 */
export function observeRequests({ logger, requestContext, matchRoute, histogram, scrubPath }) {
  const log = typeof logger === "function" ? logger : () => logger;
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    // The path as the client asked for it, read now: a middleware mounted on a prefix
    // (app.use("/assets", express.static(…))) strips that prefix from req.url, and a file it
    // serves ends the response before Express puts it back, so req.path read at "finish" would
    // log /assets/ErrorReference-….js as /ErrorReference-….js, a file that does not exist.
    const pathname = req.path;
    const incoming = req.get("x-request-id");
    const id = incoming && INCOMING_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader("X-Request-Id", id);
    const context = { id, role: "guest" };
    const cacheHeader = req.get("x-cache-status")?.toLowerCase();
    const cache = cacheHeader && CACHE_STATUSES.has(cacheHeader) ? cacheHeader : req.get("x-varnish") ? "miss" : undefined;

    let done = false;
    const finish = (aborted) => {
      if (done) return;
      done = true;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // Files served by express.static before the app never reach markAppRequest().
      const { routeId, secrets } = res.locals.appRequest ? matchRoute(pathname) : { routeId: "static", secrets: [] };
      const status = aborted && !res.headersSent ? 499 : res.statusCode;
      histogram.observe({ route: routeId, method: req.method, status_class: `${Math.floor(status / 100)}xx` }, seconds);
      const line = {
        requestId: id,
        method: req.method,
        route: routeId,
        path: scrubPath(pathname, secrets),
        status,
        ms: Math.round(seconds * 10_000) / 10,
        role: context.role,
        ...(cache ? { cache } : {}),
        ...(aborted ? { aborted: true } : {}),
      };
      const level = status >= 500 ? "error" : "info";
      log()[level](line, "request");
    };
    res.once("finish", () => finish(false));
    res.once("close", () => finish(!res.writableFinished));
    requestContext.run(context, next);
  };
}

/** Put right before the Remix handler: requests past this point are the app's, named by route. */
export function markAppRequest() {
  return (_req, res, next) => {
    res.locals.appRequest = true;
    next();
  };
}
