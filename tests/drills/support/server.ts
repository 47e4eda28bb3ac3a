/**
 * The production server (`node server.mjs`, serving the production build) as a child process on a
 * loopback port, the way it runs at the fair: NODE_ENV=production, a real PostgreSQL, secrets
 * set. Killed at the end of each drill, and on the test process's exit as a last resort.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe } from "vitest";
import { freePort } from "./cluster";

/**
 * Where server.mjs and its build are: the repository, or DRILL_APP_DIR (a copy of the build,
 * server.mjs, server/, prisma/migrations and package.json beside a node_modules link), so the
 * drills can run while someone rebuilds the working tree.
 */
export const ROOT = process.env.DRILL_APP_DIR ?? fileURLToPath(new URL("../../..", import.meta.url));
export const SESSION_SECRET = "drill-session-secret-0123456789-abcdefghij";

export interface AppServer {
  readonly port: number;
  readonly baseUrl: string;
  readonly pid: number;
  /** Everything the server printed so far. */
  output(): string;
  /** SIGKILL: the process dies at once, mid-request and mid-transaction. */
  kill(): Promise<void>;
  /** SIGTERM, then SIGKILL after a few seconds. Safe to call twice. */
  stop(): Promise<void>;
}

const SETPRIV = "/usr/bin/setpriv";
const children = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

/** The variables the server gets; nothing else of the test runner's environment leaks in. */
export function serverEnv(port: number, extra: Record<string, string>): Record<string, string> {
  const base: Record<string, string> = {};
  for (const key of ["PATH", "HOME", "LANG", "TZ", "TMPDIR"]) {
    const value = process.env[key];
    if (value !== undefined) base[key] = value;
  }
  return {
    ...base,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    SESSION_SECRET,
    SEED_DEMO: "never",
    RATE_LIMITS: "off",
    ...extra,
  };
}

export async function startServer(options: {
  env: Record<string, string>;
  port?: number;
  /** How long start-up may take (30 s); the embedded database's first open and recovery take longer on a busy machine. */
  startTimeoutMs?: number;
}): Promise<AppServer> {
  if (!existsSync(path.join(ROOT, "build/server/index.js"))) {
    throw new Error("the drills run the production build: run `npm run build` first");
  }
  const port = options.port ?? (await freePort());
  // With setpriv (util-linux), the server is SIGKILLed by the kernel if this process dies without
  // its cleanup; setpriv execs node, so the child's pid is the server's own.
  const [file, args] = existsSync(SETPRIV)
    ? [SETPRIV, ["--pdeathsig", "KILL", "--", process.execPath, "server.mjs"]]
    : [process.execPath, ["server.mjs"]];
  const child = spawn(file, args, {
    cwd: ROOT,
    env: serverEnv(port, options.env) as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      children.delete(child);
      resolve();
    }),
  );
  const running = () => child.exitCode === null && child.signalCode === null;

  const baseUrl = `http://127.0.0.1:${port}`;
  const startTimeoutMs = options.startTimeoutMs ?? 30_000;
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (!running()) throw new Error(`the server exited before listening:\n${output}`);
    if (output.includes("fair storefront on")) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the server did not listen within ${startTimeoutMs / 1000} s:\n${output}`);
    }
    await sleep(50);
  }

  return {
    port,
    baseUrl,
    pid: child.pid!,
    output: () => output,
    async kill() {
      if (running()) child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (!running()) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => running() && child.kill("SIGKILL"), 3_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A buyer with their own cookie jar, like a separate phone. Requests give up after `timeoutMs`. */
export class Buyer {
  private cookies = new Map<string, string>();
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 15_000,
  ) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("Cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const response = await fetch(`${this.baseUrl}${path}`, {
      ...init,
      headers,
      redirect: "manual",
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const index = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, index), pair!.slice(index + 1));
    }
    return response;
  }

  get(path: string): Promise<Response> {
    return this.request(path);
  }

  /** The Cookie header this buyer sends. */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  post(path: string, fields: Record<string, string>): Promise<Response> {
    return this.request(path, {
      method: "POST",
      body: new URLSearchParams(fields),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
  }
}

/** A valid checkout form for booth pickup. */
export const checkoutForm = (checkoutKey: string): Record<string, string> => ({
  checkoutKey,
  contactName: "演练买家",
  contactPhone: "13800001234",
  fulfilment: "BOOTH_PICKUP",
});

/**
 * A drill's suite: run by `npm run test:drills` (vitest.drills.config.ts sets FAIR_DRILLS), skipped
 * with its hooks when another Vitest run happens to collect the file.
 */
export const describeDrill = describe.skipIf(!process.env.FAIR_DRILLS);
