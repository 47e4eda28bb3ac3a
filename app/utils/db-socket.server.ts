import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";

/**
 * The embedded database's owner serves its PGlite to the project's scripts over PostgreSQL's wire
 * protocol on a Unix socket (`<dir>/.s.PGSQL.5432`, in a fresh 0700 folder under the system's temp
 * folder, named in the owner's lock file), so `ledger:verify`, `payments:reconcile` and
 * `refund-order` work on live data while the server runs (docs/decisions/010).
 *
 * Why not `@electric-sql/pglite-socket`'s server: it runs each protocol message on its own under
 * PGlite's query mutex, so the server's own queries and transactions interleave with a client's,
 * message by message: a script's BEGIN would wrap the server's next payment, and the server's
 * Parse could land between a script's Parse and Bind. PGlite is one PostgreSQL session; whoever
 * uses it must have it to themselves from the first message of a request until PostgreSQL is
 * idle again (ReadyForQuery 'I'), transactions included. This relay takes PGlite's transaction
 * mutex (the one PGlite's own query(), exec() and transaction() take) for exactly that span, so a
 * client's transaction is, to the server, one more transaction in the queue, and vice versa.
 */
export const SOCKET_PORT = 5432;
export const SOCKET_FILE = `.s.PGSQL.${SOCKET_PORT}`;
/** PostgreSQL's own "request codes" are 1234 << 16 | 5678..5680; this one asks for a backup. */
export const BACKUP_REQUEST_CODE = (1234 << 16) | 7171;
const SSL_REQUEST_CODE = 80877103;
const GSSENC_REQUEST_CODE = 80877104;
const CANCEL_REQUEST_CODE = 80877102;
const PROTOCOL_3 = 196608;

export interface OwnerSocketOptions {
  /**
   * A client holding the database (inside a transaction, or between a Parse and its Sync) and
   * silent for this long is cut off and its transaction rolled back: the server must never wait
   * on a stuck script for longer than this.
   */
  idleHoldMs?: number;
  /** Writes a consistent backup of the database (asked for with BACKUP_REQUEST_CODE). */
  backup?: () => Promise<Uint8Array>;
  log?: (line: string) => void;
}

export interface OwnerSocket {
  readonly dir: string;
  close(): Promise<void>;
}

/** Holds PGlite to one user: resolves with the release function once PGlite's transaction mutex is ours. */
export function holdDatabase(db: PGlite): Promise<() => void> {
  return new Promise((acquired) => {
    void db._runExclusiveTransaction(() => new Promise<void>((release) => acquired(release)));
  });
}

/** A simple-protocol Query message. */
export function queryMessage(sql: string): Uint8Array {
  const text = Buffer.from(`${sql}\0`, "utf8");
  const message = Buffer.alloc(5 + text.length);
  message.write("Q", 0, "latin1");
  message.writeInt32BE(4 + text.length, 1);
  text.copy(message, 5);
  return message;
}

/** Runs raw protocol bytes while the caller holds the database; the caller reads the answer. */
async function runRaw(db: PGlite, message: Uint8Array, onRawData: (data: Uint8Array) => void): Promise<void> {
  await db.runExclusive(() => db.execProtocolRawStream(message, { onRawData }));
}

/** Watches backend messages go by and remembers the status of the last ReadyForQuery. */
class ReadyForQueryScanner {
  private header = Buffer.alloc(0);
  private bodyLeft = 0;
  private type = 0;
  /** 'I' idle, 'T' in a transaction, 'E' in a failed transaction; null before the first. */
  status: string | null = null;
  /** Set when a ReadyForQuery went by since the last reset. */
  seen = false;

  feed(chunk: Uint8Array) {
    let i = 0;
    while (i < chunk.length) {
      if (this.bodyLeft > 0) {
        if (this.type === 0x5a /* Z */ && this.bodyLeft === 1) {
          this.status = String.fromCharCode(chunk[i]!);
          this.seen = true;
        }
        const take = Math.min(this.bodyLeft, chunk.length - i);
        this.bodyLeft -= take;
        i += take;
        continue;
      }
      const need = 5 - this.header.length;
      const part = chunk.subarray(i, i + need);
      this.header = Buffer.concat([this.header, part]);
      i += part.length;
      if (this.header.length === 5) {
        this.type = this.header[0]!;
        this.bodyLeft = this.header.readInt32BE(1) - 4;
        this.header = Buffer.alloc(0);
      }
    }
  }
}

/** One client connection: its messages run in order, holding the database from request to idle. */
class Session {
  private input = Buffer.alloc(0);
  private started = false;
  private chain: Promise<void> = Promise.resolve();
  private release: (() => void) | null = null;
  private idleTimer: NodeJS.Timeout | undefined;
  private readonly scanner = new ReadyForQueryScanner();
  private ending: Promise<void> | null = null;

  constructor(
    private readonly db: PGlite,
    private readonly socket: net.Socket,
    private readonly options: Required<Pick<OwnerSocketOptions, "idleHoldMs" | "log">> & OwnerSocketOptions,
  ) {
    socket.setNoDelay(true);
    socket.on("data", (chunk: Buffer) => this.receive(chunk));
    socket.on("error", () => this.end());
    socket.on("close", () => this.end());
  }

  private enqueue(work: () => Promise<void>) {
    this.chain = this.chain.then(work).catch((error: Error) => {
      this.options.log(`database socket: ${error.message}`);
      this.socket.destroy();
      void this.end(); // not awaited: end() waits for this very chain
    });
  }

  private receive(chunk: Buffer) {
    this.input = Buffer.concat([this.input, chunk]);
    for (;;) {
      if (!this.started) {
        if (this.input.length < 8) return;
        const length = this.input.readInt32BE(0);
        if (this.input.length < length) return;
        const message = this.input.subarray(0, length);
        this.input = this.input.subarray(length);
        const code = message.readInt32BE(4);
        if (code === SSL_REQUEST_CODE || code === GSSENC_REQUEST_CODE) {
          this.socket.write("N"); // no encryption on a local socket; the client carries on in clear
        } else if (code === BACKUP_REQUEST_CODE) {
          this.enqueue(() => this.sendBackup());
          return;
        } else if (code === PROTOCOL_3) {
          this.started = true;
          this.enqueue(() => this.run(message));
        } else {
          // Cancel requests and unknown protocols: PGlite has one session and nothing to cancel into.
          if (code !== CANCEL_REQUEST_CODE) this.options.log(`database socket: unknown request code ${code}`);
          this.socket.end();
          return;
        }
        continue;
      }
      if (this.input.length < 5) return;
      const total = 1 + this.input.readInt32BE(1);
      if (this.input.length < total) return;
      const message = this.input.subarray(0, total);
      this.input = this.input.subarray(total);
      if (message[0] === 0x58 /* X: Terminate */) {
        void this.end();
        return;
      }
      this.enqueue(() => this.run(message));
    }
  }

  private async hold() {
    clearTimeout(this.idleTimer);
    if (!this.release) this.release = await holdDatabase(this.db);
  }

  /** Lets the database go once PostgreSQL is idle; otherwise watches for a client gone silent. */
  private letGoIfIdle() {
    if (!this.release) return;
    if (this.scanner.seen && this.scanner.status === "I") {
      this.release();
      this.release = null;
      return;
    }
    this.idleTimer = setTimeout(() => {
      this.options.log(
        `database socket: a client held the database ${this.options.idleHoldMs} ms without a word; its transaction is rolled back and it is cut off`,
      );
      this.socket.destroy();
      void this.end();
    }, this.options.idleHoldMs);
  }

  private async run(message: Uint8Array) {
    if (this.ending) return;
    await this.hold();
    if (this.ending) return; // cut off while waiting: end() gives the database back
    this.scanner.seen = false;
    await runRaw(this.db, message, (data) => {
      this.scanner.feed(data);
      if (!this.socket.destroyed) this.socket.write(data);
    });
    this.letGoIfIdle();
  }

  private async sendBackup() {
    if (!this.options.backup) {
      this.socket.end(Buffer.from("Ebackups are not served here"));
      return;
    }
    try {
      const bytes = await this.options.backup();
      this.socket.write("K");
      this.socket.end(bytes);
    } catch (error) {
      this.socket.end(Buffer.from(`E${(error as Error).message}`));
    }
  }

  /** The client is gone (or cut off): roll back what it left open and give the database back. */
  end(): Promise<void> {
    if (!this.ending) {
      clearTimeout(this.idleTimer);
      // After the message being run, so the rollback comes after it, never inside it.
      this.ending = this.chain.then(() => this.finish());
    }
    return this.ending;
  }

  private async finish() {
    clearTimeout(this.idleTimer);
    if (this.release) {
      try {
        // While this session holds the database, an open transaction can only be its own.
        if (this.db.isInTransaction()) await runRaw(this.db, queryMessage("ROLLBACK"), () => undefined);
      } finally {
        this.release();
        this.release = null;
      }
    }
    if (!this.socket.destroyed) this.socket.end();
  }
}

/**
 * Serves `db` on a Unix socket in a new private folder. Only this OS user can reach it (the folder
 * is 0700), the same user who can read the database folder itself: no password to leak, no port.
 */
export async function serveOwnerSocket(db: PGlite, options: OwnerSocketOptions = {}): Promise<OwnerSocket> {
  const dir = mkdtempSync(path.join(tmpdir(), "fair-pglite-"));
  const settings = { idleHoldMs: 5_000, log: (line: string) => console.error(line), ...options };
  const sessions = new Set<Session>();
  const server = net.createServer((socket) => {
    const session = new Session(db, socket, settings);
    sessions.add(session);
    socket.once("close", () => sessions.delete(session));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(path.join(dir, SOCKET_FILE), () => resolve());
  });
  // A running server must not stay up just because a script is connected.
  server.unref();
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  process.once("exit", removeDir);
  return {
    dir,
    async close() {
      process.removeListener("exit", removeDir);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const session of sessions) void session.end();
      });
      removeDir();
    },
  };
}

/**
 * Asks the owner at `socketDir` for a backup (see OwnerSocketOptions.backup): the gzipped tar of
 * its data folder, taken while nothing else ran.
 */
export function requestBackup(socketDir: string, timeoutMs = 120_000): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(path.join(socketDir, SOCKET_FILE));
    const chunks: Buffer[] = [];
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no backup within ${timeoutMs / 1000} s`)));
    socket.on("connect", () => {
      const request = Buffer.alloc(8);
      request.writeInt32BE(8, 0);
      request.writeInt32BE(BACKUP_REQUEST_CODE, 4);
      socket.write(request);
    });
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", reject);
    socket.on("end", () => {
      const all = Buffer.concat(chunks);
      if (all[0] === 0x4b /* K */) resolve(all.subarray(1));
      else reject(new Error(all.length ? all.subarray(1).toString("utf8") : "the server closed the connection"));
    });
  });
}
