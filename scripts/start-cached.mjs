// `npm run start:cached`: the production server on an internal port, with Varnish (the shared
// cache of ADR 007, config/varnish/fair.vcl) in front of it on PORT (default 8080). The app is
// told where to send its purges. Stops both on SIGINT/SIGTERM, and both if either one dies.
//
//   PORT=8080 APP_PORT=8081 DATABASE_URL=… npm run start:cached
//
// A launcher (Varnish, then the app): its own variables (VARNISHD, APP_PORT, CACHE_SIZE,
// VARNISH_WORKDIR) configure the cache; the app it starts checks its environment, CACHE_PURGE_URL
// and TRUST_PROXY included, through the env schema (app/utils/env.server.ts) at boot.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureBuild } from "./ensure-build.mjs";
import { SERVER_NODE_FLAGS } from "../server/node-flags.mjs";

const VARNISHD = process.env.VARNISHD ?? "varnishd";
const probe = spawnSync(VARNISHD, ["-V"], { encoding: "utf8" });
if (probe.error || probe.status !== 0) {
  console.error(
    "cannot start the cache: varnishd is not installed; install it with `sudo apt-get install -y varnish varnish-modules` (or run `npm start` without the cache).",
  );
  process.exit(1);
}

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? "0.0.0.0";
const appPort = Number(process.env.APP_PORT ?? port + 1);
const cacheSize = process.env.CACHE_SIZE ?? "256m";
const purgeUrl = `http://127.0.0.1:${port}/`;

ensureBuild();

// varnishd's working folder (its shared memory log and compiled VCL) and the VCL with the app's port.
const workdir = process.env.VARNISH_WORKDIR ?? path.join(os.tmpdir(), `fair-varnish-${port}`);
rmSync(workdir, { recursive: true, force: true });
mkdirSync(workdir, { recursive: true });
const vcl = readFileSync(new URL("../config/varnish/fair.vcl", import.meta.url), "utf8").replace(
  /\.port = "\d+";/,
  `.port = "${appPort}";`,
);
const vclFile = path.join(workdir, "fair.vcl");
writeFileSync(vclFile, vcl);

const children = [];
let stopping = false;
function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 5_000).unref();
  Promise.all(
    children.map((c) => (c.exitCode === null && c.signalCode === null ? new Promise((r) => c.once("exit", r)) : null)),
  ).then(() => {
    rmSync(workdir, { recursive: true, force: true });
    process.exit(code);
  });
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stopAll(0));

function start(name, file, args, env) {
  const child = spawn(file, args, { env, stdio: "inherit" });
  children.push(child);
  child.once("exit", (code, signal) => {
    if (stopping) return;
    console.error(`${name} stopped (${signal ?? `exit ${code}`}): stopping the rest`);
    stopAll(1);
  });
  return child;
}

start("app", process.execPath, [...SERVER_NODE_FLAGS, new URL("./start.mjs", import.meta.url).pathname], {
  ...process.env,
  PORT: String(appPort),
  HOST: "127.0.0.1",
  // Requests arrive from Varnish on loopback; X-Forwarded-For carries the buyer's address.
  TRUST_PROXY: process.env.TRUST_PROXY ?? "loopback",
  CACHE_PURGE_URL: process.env.CACHE_PURGE_URL ?? purgeUrl,
  // Varnish gzips (config/varnish/fair.vcl, ADR 009): the app spends no CPU compressing.
  COMPRESSION: process.env.COMPRESSION ?? "off",
});

// Varnish only after the app answers, so the first visitors are not told 503.
const deadline = Date.now() + 180_000;
for (;;) {
  try {
    const response = await fetch(`http://127.0.0.1:${appPort}/healthz`, { signal: AbortSignal.timeout(2_000) });
    if (response.ok) break;
  } catch {
    // not up yet
  }
  if (stopping) await new Promise(() => {});
  if (Date.now() > deadline) {
    console.error(`the app did not answer on port ${appPort} within 3 minutes`);
    stopAll(1);
    await new Promise(() => {});
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
}

start(
  "varnishd",
  VARNISHD,
  [
    "-F", // in the foreground, as this script's child
    "-a",
    `${host}:${port}`,
    "-f",
    vclFile,
    "-n",
    workdir,
    "-s",
    `malloc,${cacheSize}`,
    // Keep the default thread pools; the lines below make the shared memory log small.
    "-p",
    "vsl_space=16m",
  ],
  process.env,
);
if (!existsSync(workdir)) mkdirSync(workdir, { recursive: true });
startHitLog();
console.log(`fair storefront behind Varnish on http://localhost:${port} (app on 127.0.0.1:${appPort})`);

/**
 * The request log of cache hits (issue 16). A hit never reaches the app, so the app's own JSON
 * line per request covers misses and passes only; varnishncsa (from Varnish's shared memory log)
 * writes one line in the same shape for each hit, with the request id the cache gave it
 * (config/varnish/fair.vcl) and "cache":"hit". CACHE_ACCESS_LOG=off leaves it out; =all logs every
 * request the cache answered (then misses and passes appear twice: once from Varnish, once from the app).
 */
function startHitLog() {
  const mode = process.env.CACHE_ACCESS_LOG ?? "hits";
  if (mode === "off") return;
  const format =
    '{"level":"info","time":"%{%Y-%m-%dT%H:%M:%SZ}t","source":"varnish","requestId":"%{X-Request-Id}o",' +
    '"method":"%m","path":"%U","status":%s,"ms":%{ms}T,"cache":"%{Varnish:handling}x","msg":"request"}';
  const query = mode === "all" ? [] : ["-q", 'VCL_call eq "HIT"'];
  const file = process.env.VARNISHNCSA ?? "varnishncsa";
  if (spawnSync(file, ["-V"]).status !== 0) {
    console.error("varnishncsa is missing: cache hits are not logged (apt-get install -y varnish)");
    return;
  }
  // -t off: wait for varnishd's log to appear instead of giving up after 5 s. A log that stops is
  // reported, but does not stop the cache or the app.
  const child = spawn(file, ["-n", workdir, "-t", "off", "-j", ...query, "-F", format], {
    env: { ...process.env, TZ: "UTC" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  children.push(child);
  child.once("exit", (code, signal) => {
    if (!stopping) console.error(`varnishncsa stopped (${signal ?? `exit ${code}`}): cache hits are no longer logged`);
  });
}
