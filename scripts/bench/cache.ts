/**
 * The shared cache for the benchmark's "through the cache" rows: Debian's varnishd with the
 * repository's VCL (config/varnish/fair.vcl), in front of the app server on a free port.
 */
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, type Server } from "./processes";

/** The pids of a process and everything it started (varnishd's manager forks its cache worker). */
export function withDescendants(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...(parents.get(all[i]!) ?? []));
  return all;
}

export function varnishInstalled(): boolean {
  return spawnSync("varnishd", ["-V"]).status === 0;
}

/** Starts varnishd in front of `appBaseUrl`; resolves once a request through it reaches the app. */
export async function startCache(appBaseUrl: string): Promise<Server> {
  const appPort = new URL(appBaseUrl).port;
  const port = await freePort();
  const workdir = mkdtempSync(path.join(os.tmpdir(), "fair-bench-varnish-"));
  // varnishd drops to its own user to compile the VCL: it must be able to read the folder.
  chmodSync(workdir, 0o755);
  const vcl = readFileSync(path.join(process.cwd(), "config/varnish/fair.vcl"), "utf8").replace(
    /\.port = "\d+";/,
    `.port = "${appPort}";`,
  );
  writeFileSync(path.join(workdir, "fair.vcl"), vcl);
  const child = spawn(
    "varnishd",
    [
      "-F",
      "-a",
      `127.0.0.1:${port}`,
      "-f",
      path.join(workdir, "fair.vcl"),
      "-n",
      workdir,
      "-s",
      "malloc,256m",
      "-p",
      "vsl_space=16m",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`varnishd exited:\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`varnishd did not answer within 30 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    name: "varnish",
    pid: child.pid!,
    baseUrl,
    output: () => output,
    errors: () => new Map(),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      rmSync(workdir, { recursive: true, force: true });
    },
  };
}
