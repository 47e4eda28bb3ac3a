// Graceful stop. On SIGTERM (or SIGINT) the process turns not-ready (/readyz answers 503), stops
// accepting requests (each new one gets a quick 503 with Retry-After and Connection: close, so a
// load balancer or the cache retries it elsewhere), lets the requests in flight finish for at most
// DRAIN_TIMEOUT_MS, then closes its port and exits. The port stays open while draining on
// purpose: a refused connection tells a client nothing, a 503 tells it to come back.

/**
 * @param {object} options
 * @param {import("node:http").Server} options.server
 * @param {() => string} options.phase          the readiness phase ("draining" once started)
 * @param {() => void} options.startDraining    turns the process not-ready, ends event streams
 * @param {number} options.timeoutMs
 * @param {() => import("pino").Logger} options.logger
 * @param {(code: number) => void} [options.exit]
 */
export function gracefulShutdown({ phase, startDraining, timeoutMs, logger, exit = (code) => process.exit(code) }) {
  let inFlight = 0;
  let server;
  let idle;
  const whenIdle = () =>
    inFlight === 0 ? Promise.resolve() : new Promise((resolve) => (idle = resolve));

  /** First middleware: counts requests in flight, refuses new ones once draining. */
  const middleware = (req, res, next) => {
    if (phase() === "draining") {
      res.setHeader("Connection", "close");
      res.setHeader("Retry-After", "5");
      res.setHeader("Cache-Control", "no-store");
      res.status(503).type("text/plain; charset=utf-8").send("Server restarting, please retry. 服务器正在重启，请重试。\n");
      return;
    }
    inFlight++;
    res.once("close", () => {
      inFlight--;
      if (inFlight === 0 && idle) idle();
    });
    next();
  };

  let stopping = false;
  async function drain(signal) {
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    logger().info({ signal, inFlight }, "draining: not ready, finishing requests in flight");
    startDraining();
    const timedOut = await Promise.race([
      whenIdle().then(() => false),
      new Promise((resolve) => setTimeout(() => resolve(true), timeoutMs).unref()),
    ]);
    if (timedOut) logger().warn({ inFlight, timeoutMs }, "draining: timed out, closing the requests still in flight");
    server?.close();
    server?.closeAllConnections?.();
    logger().info({ ms: Date.now() - started }, "drained, exiting");
    // Let the logger's buffered lines reach stdout before the process goes.
    logger().flush?.();
    setTimeout(() => exit(0), 50).unref();
  }

  return {
    middleware,
    /** Starts handling SIGTERM and SIGINT for this server. */
    attach(httpServer) {
      server = httpServer;
      for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => void drain(signal));
      return this;
    },
    drain,
    inFlight: () => inFlight,
  };
}
