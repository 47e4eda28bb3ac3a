import { once } from "node:events";
import { parentPort, Worker, workerData } from "node:worker_threads";
import { logger } from "~/observability/logger.server";
import { DatabaseStartError, openPglite, openThroughOwner, type Database } from "./db.server";

/**
 * The server's embedded database in a thread of its own (docs/decisions/013, 018).
 *
 * Why: PostgreSQL in WebAssembly runs wherever PGlite is called. In the server's own thread every
 * statement's planning and execution shared one core with routing, rendering and compression,
 * and a burst of queued statements ran back to back with no socket read in between. In a worker
 * thread the database works on the second core while the first renders, as a PostgreSQL server
 * does; the server reaches it over the owner's Unix socket (db-socket.server.ts) with
 * node-postgres and Prisma's pg adapter, the path the scripts and the PostgreSQL engine already
 * take. The folder lock, the socket and the backups live in the thread, unchanged.
 *
 * The thread's code is the server build itself: `entry` is a module that imports the build and
 * calls `serveDatabaseThread()` (server/database-thread.mjs), so nothing is bundled twice.
 */

interface ThreadData {
  dataDir: string;
  role: string;
}

type FromThread = { ready: string } | { failed: string; startError: boolean } | { closed: true };

/** Connections from the server to its database thread: enough that one always waits its turn there. */
const THREAD_POOL_SIZE = 8;

/** Runs in the database thread: holds the folder and serves it on the owner socket until told to close. */
export async function serveDatabaseThread(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error("serveDatabaseThread runs in a worker thread");
  const { dataDir, role } = workerData as ThreadData;
  const tell = (message: FromThread) => port.postMessage(message);
  let db: Database;
  try {
    db = await openPglite(dataDir, { serve: true, role });
  } catch (error) {
    tell({ failed: (error as Error).message, startError: error instanceof DatabaseStartError });
    return;
  }
  port.once("message", () => {
    void db.close().finally(() => {
      tell({ closed: true });
      port.close();
    });
  });
  tell({ ready: db.ownerSocketDir! });
}

/**
 * Opens the embedded database of `dataDir` in a worker thread running `entry`, and connects this
 * thread to it. If the thread dies, the process cannot reach its data any more: it says so and
 * exits, for whatever supervises it to start it again.
 */
export async function openPgliteInThread(dataDir: string, entry: string | URL, role: string): Promise<Database> {
  const worker = new Worker(entry, { workerData: { dataDir, role } satisfies ThreadData });
  let closing = false;
  const socketDir = await new Promise<string>((resolve, reject) => {
    worker.once("message", (message: FromThread) => {
      if ("ready" in message) resolve(message.ready);
      else if ("failed" in message)
        reject(message.startError ? new DatabaseStartError(message.failed) : new Error(message.failed));
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the database thread stopped while starting (exit ${code})`)));
  }).catch(async (error: unknown) => {
    closing = true;
    await worker.terminate();
    throw error;
  });
  worker.on("error", (error) => logger().error({ err: error }, "database: the embedded database's thread failed"));
  worker.on("exit", (code) => {
    if (closing) return;
    logger().fatal(`database: the embedded database's thread stopped (exit ${code}); stopping the server`);
    logger().flush?.();
    process.exit(1);
  });
  let db: Database;
  try {
    db = await openThroughOwner(socketDir, { poolSize: THREAD_POOL_SIZE, server: true });
  } catch (error) {
    closing = true;
    await worker.terminate();
    throw error;
  }
  return {
    ...db,
    async close() {
      closing = true;
      await db.close();
      const closed = once(worker, "message");
      worker.postMessage("close");
      await closed;
      await worker.terminate();
    },
  };
}
