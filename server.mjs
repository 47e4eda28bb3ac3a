// Production server: Express serving the Remix build. Start-up readies the database first and
// stops with one clear line if it cannot.
import { createRequestHandler } from "@remix-run/express";
import express from "express";
import { compressionMiddleware } from "./server/compression.mjs";
import { rejectControlCharacters, rejectForeignOrigin, securityHeaders } from "./server/http-security.mjs";

const build = await import("./build/server/index.js");
const { boot, BootError, env } = build.entry.module;

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
// Checked by boot() above: PORT, HOST and TRUST_PROXY come from the same zod schema as the app's settings.
const config = env();

const app = express();
app.disable("x-powered-by");
// COMPRESSION=off behind a proxy that compresses (config/varnish); "node" (the default) otherwise.
const compress = compressionMiddleware(process.env.COMPRESSION);
if (compress) app.use(compress);
app.use(securityHeaders({ production: config.NODE_ENV === "production" }));
app.use(rejectForeignOrigin());
app.use(rejectControlCharacters());
// Fingerprinted assets never change under the same name.
app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
app.use(express.static("build/client", { maxAge: "1h" }));
// Behind a load balancer, set TRUST_PROXY (e.g. "1" or "loopback") so req.ip is the buyer's address.
if (config.TRUST_PROXY !== undefined) app.set("trust proxy", config.TRUST_PROXY);
app.all(
  "*",
  createRequestHandler({
    build,
    getLoadContext: (req, res) => ({ clientAddress: req.ip ?? "unknown", cspNonce: res.locals.cspNonce }),
  }),
);

const { PORT: port, HOST: host } = config;
const server = app.listen(port, host, () => console.log(`fair storefront on http://localhost:${port}`));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
