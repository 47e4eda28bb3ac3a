// `npm start`: builds the app when the build is missing or older than the sources, then serves it
// in production mode. On a fresh clone this is the whole of "npm install && npm start".
//
// On PostgreSQL (DATABASE_URL) it runs one server process per available core (WEB_CONCURRENCY
// overrides), through node:cluster: the workers share the port, a worker that dies is replaced,
// and SIGTERM lets every worker finish its requests before the whole stops. The embedded
// database (PGlite) lives inside one process, so without DATABASE_URL there is one process.
// See docs/decisions/013-process-model.md.
//
// A launcher: it runs before the app's build (and so the env schema, app/utils/env.server.ts) is
// loaded, and reads only what it needs to fork. Each server process checks the whole environment,
// these variables included, through the schema at boot.
import cluster from "node:cluster";
import os from "node:os";
import { ensureBuild } from "./ensure-build.mjs";

process.env.NODE_ENV ??= "production";
const requested = Number.parseInt(process.env.WEB_CONCURRENCY ?? "", 10);
const workers = Number.isInteger(requested) && requested > 0 ? requested : os.availableParallelism();

if (cluster.isWorker) {
  await import("../server.mjs");
} else if (!process.env.DATABASE_URL) {
  ensureBuild();
  // Said every time: whoever expected one worker per core learns why there is one process.
  console.log(
    `embedded database (PGlite): one server process, since the database lives inside it${process.env.WEB_CONCURRENCY ? " (WEB_CONCURRENCY ignored)" : ""}; set DATABASE_URL to use every core`,
  );
  await import("../server.mjs");
} else {
  ensureBuild();
  // Each worker takes its share of the site's database connections (app/utils/db-capacity.server.ts).
  process.env.WEB_CONCURRENCY = String(workers);
  console.log(`PostgreSQL: starting ${workers} worker process(es) (WEB_CONCURRENCY=${workers})`);
  let stopping = false;
  const listening = new Set();
  const recentDeaths = [];

  const fork = () => {
    const worker = cluster.fork();
    worker.once("listening", () => listening.add(worker.id));
  };
  for (let i = 0; i < workers; i++) fork();
  // One /metrics for all workers, summed by prom-client's AggregatorRegistry (docs/observability.md).
  if (process.env.METRICS_PORT) {
    const { startClusterMetricsServer } = await import("../server/metrics-endpoint.mjs");
    startClusterMetricsServer({
      host: process.env.METRICS_HOST || "127.0.0.1",
      port: Number(process.env.METRICS_PORT),
      token: process.env.METRICS_TOKEN || undefined,
    });
  }

  cluster.on("exit", (worker, code, signal) => {
    const wasListening = listening.delete(worker.id);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    if (!wasListening && code !== 0) {
      // It never started (bad configuration, migrations missing): restarting cannot help.
      console.error(`worker ${worker.process.pid} could not start (exit ${code}); stopping`);
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill("SIGTERM");
      setTimeout(() => process.exit(1), 10_000).unref();
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(1);
      return;
    }
    const now = Date.now();
    recentDeaths.push(now);
    while (recentDeaths.length && recentDeaths[0] < now - 60_000) recentDeaths.shift();
    // A worker that keeps dying is replaced more slowly, so a crash loop cannot eat the machine.
    const delay = recentDeaths.length > workers * 3 ? 5_000 : 0;
    console.error(
      `worker ${worker.process.pid} died (${signal ?? `exit ${code}`}); starting a new one${delay ? ` in ${delay / 1000} s` : ""}`,
    );
    setTimeout(fork, delay);
  });

  for (const name of ["SIGINT", "SIGTERM"]) {
    process.on(name, () => {
      if (stopping) return;
      stopping = true;
      console.log(`${name}: letting ${Object.keys(cluster.workers ?? {}).length} worker(s) finish their requests`);
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
      // Requests still running after 10 s are cut off.
      setTimeout(() => {
        for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGKILL");
        process.exit(0);
      }, 10_000).unref();
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  }
}
