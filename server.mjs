// Production server: Express serving the Remix build. Start-up readies the database first and
// stops with one clear line if it cannot.
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import zlib from "node:zlib";
import express from "express";
import {
  guardFormBodies,
  onlyKnownWebhooks,
  rejectControlCharacters,
  rejectForeignOrigin,
  rejectMalformedBodies,
  securityHeaders,
} from "./server/http-security.mjs";

const build = await import("./build/server/index.js");
const { boot, BootError } = build.entry.module;

try {
  const { engine, applied, seeded } = await boot();
  console.log(
    `database: ${engine}${applied.length ? `, applied ${applied.length} migration(s)` : ""}${seeded ? ", seeded the demo fair" : ""}`,
  );
} catch (error) {
  if (error instanceof BootError) {
    console.error(`cannot start: ${error.message}`);
    process.exit(1);
  }
  throw error;
}

const app = express();
app.disable("x-powered-by");
// Brotli at quality 4 with a 256 KB window: the default reserves a 4 MB window per response,
// which halved the throughput of small pages in the benchmark (docs/benchmarks.md).
app.use(
  compression({
    brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4, [zlib.constants.BROTLI_PARAM_LGWIN]: 18 } },
  }),
);
app.use(securityHeaders({ production: process.env.NODE_ENV === "production" }));
app.use(onlyKnownWebhooks());
app.use(rejectForeignOrigin());
app.use(rejectControlCharacters());
app.use(rejectMalformedBodies());
// Fingerprinted assets never change under the same name.
app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
app.use(express.static("build/client", { maxAge: "1h" }));
// Behind a load balancer, set TRUST_PROXY (e.g. "1" or "loopback") so req.ip is the buyer's address.
if (process.env.TRUST_PROXY)
  app.set(
    "trust proxy",
    /^\d+$/.test(process.env.TRUST_PROXY) ? Number(process.env.TRUST_PROXY) : process.env.TRUST_PROXY,
  );
app.all(
  "*",
  createRequestHandler({
    build: guardFormBodies(build),
    getLoadContext: (req, res) => ({ clientAddress: req.ip ?? "unknown", cspNonce: res.locals.cspNonce }),
  }),
);

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const server = app.listen(port, host, () => console.log(`fair storefront on http://localhost:${port}`));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
