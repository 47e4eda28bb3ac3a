// Serves the bare Remix app (see vite.config.ts) through @remix-run/express, compressing as the
// app's own server does when COMPRESSION is on (the same setting, the same module).
import { createRequestHandler } from "@remix-run/express";
import express from "express";
import { compressionMiddleware } from "../../../server/compression.mjs";

const build = await import("./build/server/index.js");
const app = express();
app.disable("x-powered-by");
const compress = compressionMiddleware(process.env.COMPRESSION);
if (compress) app.use(compress);
app.use("/assets", express.static(new URL("./build/client/assets", import.meta.url).pathname, { immutable: true, maxAge: "1y" }));
app.all("*", createRequestHandler({ build }));
const port = Number(process.env.PORT ?? 0);
const server = app.listen(port, "127.0.0.1", () => console.log(`bare Remix page on http://127.0.0.1:${server.address().port}`));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
