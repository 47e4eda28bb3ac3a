// `npm start`: builds the app when the build is missing or older than the sources, then serves it
// in production mode. On a fresh clone this is the whole of "npm install && npm start".
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const BUILD = "build/server/index.js";
const SOURCES = ["app", "prisma", "public", "vite.config.ts", "package.json"];

function newest(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const child of readdirSync(entry)) {
    if (child === "generated") continue;
    latest = Math.max(latest, newest(path.join(entry, child)));
  }
  return latest;
}

const stale = !existsSync(BUILD) || SOURCES.some((s) => newest(s) > statSync(BUILD).mtimeMs);
if (stale) {
  console.log("building the app (the build is missing or older than the sources)…");
  const result = spawnSync("npx", ["remix", "vite:build"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

process.env.NODE_ENV ??= "production";
await import("../server.mjs");
