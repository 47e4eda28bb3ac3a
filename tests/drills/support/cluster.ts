/**
 * A throwaway PostgreSQL 15 cluster for one drill: initdb into a temporary folder, trust
 * authentication, listening on 127.0.0.1 only at a free port and on a unix socket inside that
 * folder. It can be restarted like a production server would be, and is stopped and removed at
 * the end (also when the test process exits early). The system cluster is never touched.
 */
import { execFile, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, chownSync, writeFileSync, appendFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Debian's postgresql-15; PG_BIN overrides it. */
export const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

const asRoot = typeof process.getuid === "function" && process.getuid() === 0;

/** PostgreSQL refuses to run as root: run its tools as the postgres user when we are root. */
function command(tool: string, args: string[]): [string, string[]] {
  const binary = path.join(PG_BIN, tool);
  return asRoot ? ["runuser", ["-u", "postgres", "--", binary, ...args]] : [binary, args];
}

async function pgTool(tool: string, args: string[], timeoutMs = 30_000) {
  const [file, argv] = command(tool, args);
  try {
    return await run(file, argv, { timeout: timeoutMs, cwd: tmpdir() });
  } catch (error) {
    const e = error as Error & { stdout?: string; stderr?: string };
    throw new Error(`${tool} ${args.join(" ")} failed: ${e.message}\n${e.stdout ?? ""}\n${e.stderr ?? ""}`);
  }
}

/** A loopback port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

export interface Cluster {
  readonly dir: string;
  readonly port: number;
  /** postgresql://postgres@127.0.0.1:<port>/<database> */
  url(database?: string): string;
  createDatabase(name: string): Promise<string>;
  /** `pg_ctl restart -m fast`, waiting until the server accepts connections again. */
  restart(): Promise<void>;
  stop(): Promise<void>;
  /** Stops the server (immediate) and removes the folder. Safe to call twice. */
  destroy(): Promise<void>;
  log(): string;
}

const live = new Set<{ dir: string; stopped: boolean }>();
// Last resort when the test process ends without its afterAll (a crash): stop and remove synchronously.
process.once("exit", () => {
  for (const cluster of live) {
    if (!cluster.stopped) {
      const [file, argv] = command("pg_ctl", ["-D", path.join(cluster.dir, "data"), "-m", "immediate", "-w", "stop"]);
      spawnSync(file, argv, { timeout: 10_000, stdio: "ignore" });
    }
    rmSync(cluster.dir, { recursive: true, force: true });
  }
});

export async function startCluster(): Promise<Cluster> {
  const dir = mkdtempSync(path.join(tmpdir(), "fair-drill-pg-"));
  const entry = { dir, stopped: true };
  live.add(entry);
  const data = path.join(dir, "data");
  const logFile = path.join(dir, "postgres.log");
  if (asRoot) {
    // Owned by postgres, so initdb (run as postgres) can write into it.
    const { uid, gid } = postgresIds();
    chownSync(dir, uid, gid);
  }
  await pgTool("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"]);

  let port = 0;
  for (let attempt = 0; attempt < 20 && !port; attempt++) {
    const candidate = 55432 + Math.floor(Math.random() * 2000);
    if (await portIsFree(candidate)) port = candidate;
  }
  if (!port) throw new Error("no free port for the drill's PostgreSQL");

  appendFileSync(
    path.join(data, "postgresql.conf"),
    [
      "",
      "# throwaway drill cluster",
      `port = ${port}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${dir}'`,
      "max_connections = 60",
      "shared_buffers = 32MB",
      // A drill's data is thrown away: no need to wait for the disk. Commits still go through
      // the WAL as usual (synchronous_commit stays on), so a restart loses nothing committed.
      "fsync = off",
      "full_page_writes = off",
      "logging_collector = off",
      "log_min_messages = warning",
      "",
    ].join("\n"),
  );
  if (asRoot) {
    const { uid, gid } = postgresIds();
    writeFileSync(logFile, "");
    chownSync(logFile, uid, gid);
  }
  const start = () => pgTool("pg_ctl", ["-D", data, "-l", logFile, "-w", "-t", "30", "start"]);
  await start();
  entry.stopped = false;

  const url = (database = "postgres") => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  return {
    dir,
    port,
    url,
    async createDatabase(name) {
      await pgTool("createdb", ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", name]);
      return url(name);
    },
    async restart() {
      await pgTool("pg_ctl", ["-D", data, "-l", logFile, "-m", "fast", "-w", "-t", "30", "restart"]);
    },
    async stop() {
      await pgTool("pg_ctl", ["-D", data, "-m", "fast", "-w", "-t", "30", "stop"]);
      entry.stopped = true;
    },
    async destroy() {
      if (!entry.stopped && existsSync(data)) {
        await pgTool("pg_ctl", ["-D", data, "-m", "immediate", "-w", "-t", "30", "stop"]).catch((error: Error) =>
          console.error(`drill: stopping the throwaway cluster failed: ${error.message}`),
        );
        entry.stopped = true;
      }
      rmSync(dir, { recursive: true, force: true });
      live.delete(entry);
    },
    log() {
      try {
        return spawnSync("tail", ["-n", "40", logFile], { encoding: "utf8" }).stdout;
      } catch {
        return "";
      }
    },
  };
}

function postgresIds(): { uid: number; gid: number } {
  const result = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  const groups = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
  const uid = Number(result.stdout.trim());
  const gid = Number(groups.stdout.trim());
  if (!Number.isInteger(uid) || !Number.isInteger(gid) || result.status !== 0) {
    throw new Error("the drills run PostgreSQL as the postgres OS user, which does not exist here");
  }
  return { uid, gid };
}
