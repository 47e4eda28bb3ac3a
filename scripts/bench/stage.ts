/**
 * The app the benchmark serves, in a folder of its own: a copy of the production build (and of
 * server.mjs, server/, package.json and the migrations), with node_modules linked. Others may
 * rebuild build/ in the working tree while the benchmark runs; the copy keeps the server's
 * HTML and the assets it names from the same build.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { cp, mkdir, rm, symlink } from "node:fs/promises";
import path from "node:path";

export const STAGE_DIR = process.env.BENCH_STAGE_DIR ?? "/tmp/fair-bench-app";
const BUILD = "build/server/index.js";
const SOURCES = ["app", "prisma", "public", "vite.config.ts", "package.json"];

function newest(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const child of readdirSync(entry))
    if (child !== "generated") latest = Math.max(latest, newest(`${entry}/${child}`));
  return latest;
}

/** Whether build/ is missing, older than the sources, or lacks the benchmark's fixed route. */
export function buildIsStale(root = "."): boolean {
  const server = path.join(root, BUILD);
  if (!existsSync(server)) return true;
  if (!readFileSync(server, "utf8").includes("routes/bench.fixed")) return true;
  const built = statSync(server).mtimeMs;
  return SOURCES.some((s) => newest(path.join(root, s)) > built);
}

export function build(): void {
  const result = spawnSync("npm", ["run", "build"], {
    encoding: "utf8",
    timeout: 10 * 60_000,
    maxBuffer: 64 * 2 ** 20,
  });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ""}\n${result.stderr ?? ""}`.trim().split("\n").slice(-40).join("\n");
    throw new Error(`npm run build failed (${result.status ?? result.signal}):\n${output}`);
  }
}

/**
 * Every /assets/… file the server build names for the browser exists in the client build beside
 * it. `./assets/…` are the server build's own chunks (the per-language dictionaries), not the client's.
 */
function consistent(dir: string): boolean {
  const server = path.join(dir, BUILD);
  if (!existsSync(server)) return false;
  const named = new Set(readFileSync(server, "utf8").match(/(?<![.\w])\/assets\/[\w.()[\]$-]+\.(?:js|css)/g) ?? []);
  return named.size > 0 && [...named].every((asset) => existsSync(path.join(dir, "build/client", asset)));
}

/**
 * Builds if needed, then copies the build into STAGE_DIR; tries again (rebuilding) when the copy
 * is torn because someone rebuilt meanwhile. Returns the folder to run `node server.mjs` in.
 */
export async function stageApp(log: (message: string) => void, force = false): Promise<string> {
  const root = process.cwd();
  for (let attempt = 1; attempt <= 3; attempt++) {
    if (force || attempt > 1 || buildIsStale(root)) {
      log("building the app (npm run build)…");
      build();
      log("built");
    } else {
      log("the production build is up to date");
    }
    await rm(STAGE_DIR, { recursive: true, force: true });
    await mkdir(path.join(STAGE_DIR, "prisma"), { recursive: true });
    await cp(path.join(root, "build"), path.join(STAGE_DIR, "build"), { recursive: true });
    for (const file of ["server.mjs", "package.json"]) await cp(path.join(root, file), path.join(STAGE_DIR, file));
    if (existsSync(path.join(root, "server"))) {
      await cp(path.join(root, "server"), path.join(STAGE_DIR, "server"), { recursive: true });
    }
    await cp(path.join(root, "prisma/migrations"), path.join(STAGE_DIR, "prisma/migrations"), { recursive: true });
    await symlink(path.join(root, "node_modules"), path.join(STAGE_DIR, "node_modules"), "dir");
    if (consistent(STAGE_DIR) && readFileSync(path.join(STAGE_DIR, BUILD), "utf8").includes("routes/bench.fixed")) {
      log(`serving a copy of the build from ${STAGE_DIR}`);
      return STAGE_DIR;
    }
    log("the build changed while it was copied (someone else is building): building again");
  }
  throw new Error("could not get a consistent copy of the build after 3 tries");
}

/** Builds the bare Remix page the fixed route is compared with (a few seconds; its own folder). */
export function buildBareRemix(): void {
  const result = spawnSync("npx", ["remix", "vite:build", "scripts/bench/bare-remix"], {
    encoding: "utf8",
    timeout: 5 * 60_000,
    maxBuffer: 64 * 2 ** 20,
  });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ""}\n${result.stderr ?? ""}`.trim().split("\n").slice(-20).join("\n");
    throw new Error(`building the bare Remix page failed (${result.status ?? result.signal}):\n${output}`);
  }
}

export async function unstage(): Promise<void> {
  await rm(STAGE_DIR, { recursive: true, force: true });
}
