// Builds the app when the build is missing or older than the sources (used by `npm start` and
// `npm run start:cached`), so a fresh clone needs only `npm install` first.
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

export function ensureBuild() {
  const stale = !existsSync(BUILD) || SOURCES.some((s) => newest(s) > statSync(BUILD).mtimeMs);
  if (!stale) return;
  console.log("building the app (the build is missing or older than the sources)…");
  const result = spawnSync("npx", ["remix", "vite:build"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
