/** Child processes of the benchmark (the app server, the bare server) and their memory. */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import net from "node:net";

export interface Server {
  name: string;
  pid: number;
  baseUrl: string;
  /** The last lines the process printed. */
  output(): string;
  /** Lines that look like errors, each with how often it was printed (numbers and ids blanked out). */
  errors(): Map<string, number>;
  stop(): Promise<void>;
}

/** A free loopback port (asked of the kernel, then released for the child to take). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once("exit", () => resolve()));
}

/**
 * Whether a line the server printed reports an error. The app's own lines are pino JSON and say
 * how bad they are by their level: error and fatal always count, a warning when its words say
 * error or time-out, info and debug never. Words alone took the request line of a file named
 * /assets/ErrorReference-….js (level info, status 200) for an error; a build file that is not
 * there (an /assets/ path answered 4xx) is one. Other lines (a crash, a stack) by their words,
 * stack frames left out.
 */
const ERROR_WORDS = /error|exception|timed? ?out|unable/i;
const LEVELS: Record<string, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 };
export function looksLikeError(line: string): boolean {
  if (line.startsWith("{")) {
    try {
      const entry = JSON.parse(line) as { level?: unknown; msg?: unknown; path?: unknown; status?: unknown };
      const level = typeof entry.level === "number" ? entry.level : LEVELS[String(entry.level)];
      if (level !== undefined)
        return (
          level >= 50 ||
          (level >= 40 && ERROR_WORDS.test(String(entry.msg ?? ""))) ||
          (String(entry.path).startsWith("/assets/") && Number(entry.status) >= 400)
        );
    } catch {
      // not JSON after all: judged by its words
    }
  }
  return ERROR_WORDS.test(line) && !/^\s+at /.test(line);
}

/**
 * Starts `node <script>` with the given environment on a loopback port and waits until
 * `readyPath` answers 200 (at most `timeoutMs`). Throws with the process's output if it dies or
 * never gets ready.
 */
/** server/node-flags.mjs of the checkout at `cwd`; none for a checkout from before it existed. */
export async function serverNodeFlags(cwd: string): Promise<string[]> {
  const file = path.join(cwd, "server/node-flags.mjs");
  if (!existsSync(file)) return [];
  const { SERVER_NODE_FLAGS } = (await import(pathToFileURL(file).href)) as { SERVER_NODE_FLAGS: string[] };
  return SERVER_NODE_FLAGS;
}

export async function startNode(
  name: string,
  script: string,
  env: Record<string, string | undefined>,
  {
    readyPath = "/",
    timeoutMs = 60_000,
    cwd = process.cwd(),
    nodeArgs = [],
  }: { readyPath?: string; timeoutMs?: number; cwd?: string; nodeArgs?: string[] } = {},
): Promise<Server> {
  const port = await freePort();
  // The app's server runs with the Node flags `npm start` gives it, from its own checkout
  // (bench:compare's "before" may have others, or none).
  const flags = script === "server.mjs" ? await serverNodeFlags(cwd) : [];
  const child = spawn(process.execPath, [...flags, ...nodeArgs, script], {
    cwd,
    env: { ...env, PORT: String(port), HOST: "127.0.0.1" } as unknown as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const errors = new Map<string, number>();
  const keep = (chunk: Buffer) => {
    const fresh = chunk.toString("utf8").split("\n").filter(Boolean);
    lines.push(...fresh);
    if (lines.length > 200) lines.splice(0, lines.length - 200);
    for (const line of fresh) {
      if (!looksLikeError(line)) continue;
      const key = line.replace(/\d+/g, "#").slice(0, 240);
      if (errors.size < 100 || errors.has(key)) errors.set(key, (errors.get(key) ?? 0) + 1);
    }
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  const server: Server = {
    name,
    pid: child.pid!,
    baseUrl,
    output: () => lines.join("\n"),
    errors: () => errors,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const done = await Promise.race([exited(child).then(() => true), sleep(10_000).then(() => false)]);
      if (!done) {
        child.kill("SIGKILL");
        await exited(child);
      }
    },
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `${name} exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${server.output()}`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}${readyPath}`, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (response.status === 200) return server;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  await server.stop();
  throw new Error(`${name} was not ready after ${timeoutMs / 1000} s:\n${server.output()}`);
}

/** Resident memory of a process in MiB (now, and the peak since it started), from /proc. */
export function memoryOf(pid: number): { rssMb: number; hwmMb: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
    return { rssMb: kb("VmRSS") / 1024, hwmMb: kb("VmHWM") / 1024 };
  } catch {
    return { rssMb: 0, hwmMb: 0 };
  }
}

/** Samples a process's resident memory every 100 ms; stop() gives the peak seen in MiB. */
export function sampleMemory(pid: number): { stop(): number } {
  let peak = memoryOf(pid).rssMb;
  const timer = setInterval(() => {
    peak = Math.max(peak, memoryOf(pid).rssMb);
  }, 100);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, memoryOf(pid).rssMb);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// CPU: what the server used, and what other programs on the machine took meanwhile
// ---------------------------------------------------------------------------------------------

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU time (user + system) a process has used, in ticks; 0 if it is gone. */
export function cpuTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of the line)
  } catch {
    return 0;
  }
}

/** Busy ticks of the whole machine (everything but idle and iowait; steal counts as taken). */
function machineBusyTicks(): number {
  const [, ...values] = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = values.map(Number);
  return user! + nice! + system! + irq! + softirq! + (steal ?? 0);
}

/** The PostgreSQL backends serving a database (their process title names it). */
export function backendsOf(database: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(` ${database} `)) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

export interface CpuUse {
  /** Cores the watched processes used on average (1.0 = one core all the time). */
  ours: number;
  /** Cores everything else on the machine used meanwhile (other programs, the hypervisor's steal). */
  others: number;
}

/** Measures CPU use from now until stop(); `ours` lists the processes that belong to the run. */
export function cpuMeter(ours: () => number[]): { stop(): CpuUse } {
  const t0 = performance.now();
  const machine0 = machineBusyTicks();
  const pids = ours();
  const own0 = new Map(pids.map((pid) => [pid, cpuTicks(pid)]));
  return {
    stop() {
      const seconds = (performance.now() - t0) / 1000;
      const machine = machineBusyTicks() - machine0;
      let own = 0;
      for (const [pid, before] of own0) own += Math.max(0, cpuTicks(pid) - before);
      const cores = (ticks: number) => ticks / TICKS_PER_SECOND / Math.max(seconds, 0.001);
      return { ours: cores(own), others: Math.max(0, cores(machine - own)) };
    },
  };
}

/**
 * Waits until the processes are idle (under 5% of a core over half a second) and, when a probe
 * URL is given, it answers within 250 ms (a request queued behind the backlog would not), at most
 * maxMs: requests a load run left queued must not be counted against the next run. Returns the
 * wait in ms.
 */
export async function waitIdle(pids: () => number[], probeUrl?: string, maxMs = 180_000): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < maxMs) {
    const meter = cpuMeter(pids);
    await sleep(500);
    if (meter.stop().ours >= 0.05) continue;
    if (!probeUrl) break;
    const asked = performance.now();
    try {
      const response = await fetch(probeUrl, { signal: AbortSignal.timeout(maxMs) });
      await response.arrayBuffer();
      if (performance.now() - asked < 250) break;
    } catch {
      // not answering yet
    }
  }
  return performance.now() - t0;
}
