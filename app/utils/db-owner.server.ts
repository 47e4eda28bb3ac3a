import { randomUUID } from "node:crypto";
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";

/**
 * One owner per embedded database folder. PGlite is one process's PostgreSQL: a second process
 * opening the same folder keeps its own copy of the pages in memory and the two overwrite each
 * other's files, losing committed orders. So whoever opens a folder first holds a lock file in it
 * (`.fair-owner.lock`: pid, start time, what it is, where its socket is), and every later opener
 * reads it and refuses, or goes through the owner's socket (db-socket.server.ts).
 *
 * The lock is taken with O_EXCL. A lock left by a process that died (SIGKILL, power cut) is
 * taken over, under a second O_EXCL file so that two processes taking over at once cannot both
 * win: only the holder of `.fair-owner.takeover` may delete a stale lock, and only after reading
 * it again inside that critical section.
 */
export const LOCK_FILE = ".fair-owner.lock";
const TAKEOVER_FILE = ".fair-owner.takeover";
/** A takeover file older than this was left by a process that died in the middle of taking over. */
const TAKEOVER_STALE_MS = 10_000;

export interface OwnerInfo {
  pid: number;
  /** The process's start time in clock ticks since boot (/proc), to tell a reused pid from the owner. */
  startTicks: number | null;
  host: string;
  /** What holds the folder, for the message a refused opener prints ("npm start", "ledger:verify"…). */
  role: string;
  startedAt: string;
  /** Tells this lock from any other, even two of one process. */
  token: string;
  /** The folder of the owner's PostgreSQL Unix socket (`.s.PGSQL.5432`), when it serves one. */
  socketDir: string | null;
}

/** Another live process holds the folder. The message is one line: who, and what to do. */
export class FolderHeldError extends Error {
  constructor(
    readonly folder: string,
    readonly owner: OwnerInfo,
  ) {
    super(
      `The embedded database ${folder} is held by ${owner.role} (pid ${owner.pid} on ${owner.host}, since ${owner.startedAt}): ` +
        (owner.socketDir
          ? "stop it first, or run the command while it runs (the scripts go through its socket)."
          : "wait for it to finish or stop it, then try again."),
    );
    this.name = "FolderHeldError";
  }
}

/** Linux: field 22 of /proc/<pid>/stat. Elsewhere null (the pid alone is checked). */
export function processStartTicks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[19]);
  } catch {
    return null;
  }
}

/** Whether the process that wrote `owner` is still running (on this host). */
export function ownerAlive(owner: OwnerInfo): boolean {
  if (owner.host !== hostname()) return true; // another machine's process: cannot check, never steal
  if (owner.pid === -1) return true; // being written right now
  if (owner.pid <= 0) return false; // half-written long ago
  // Our own pid: one of our locks, or a previous incarnation's whose pid we got again (containers).
  // A lock taken by another thread of this process (the server's database thread) is not in this
  // thread's heldHere, but it has this process's start time: a previous incarnation's has not.
  if (owner.pid === process.pid)
    return (
      heldHere.has(owner.token) || (owner.startTicks !== null && owner.startTicks === processStartTicks(process.pid))
    );
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
    // EPERM: alive, under another user.
  }
  const ticks = processStartTicks(owner.pid);
  // Same pid, different start time: the owner died and the pid went to another process.
  return owner.startTicks === null || ticks === null || ticks === owner.startTicks;
}

export function readOwner(folder: string): OwnerInfo | null {
  try {
    return JSON.parse(readFileSync(path.join(folder, LOCK_FILE), "utf8")) as OwnerInfo;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    if (!(error instanceof SyntaxError)) throw error;
    // Half-written: a process is writing it this very moment (alive), or was killed while doing so
    // before it opened anything (stale, once it is a few seconds old).
    const writing = Date.now() - statSync(path.join(folder, LOCK_FILE)).mtimeMs < 2_000;
    const role = writing ? "a process opening it right now" : "a process that died while opening it";
    return {
      pid: writing ? -1 : 0,
      startTicks: null,
      host: hostname(),
      role,
      startedAt: "?",
      token: "",
      socketDir: null,
    };
  }
}

/** The live owner of a folder, or null when nobody (alive) holds it. */
export function liveOwner(folder: string): OwnerInfo | null {
  const owner = readOwner(path.resolve(folder));
  return owner && ownerAlive(owner) ? owner : null;
}

function createExclusive(file: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, "wx", 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

function removeIfPresent(file: string) {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

/** Deletes the stale lock `seen`, unless someone else replaced it meanwhile. True when it was deleted. */
function takeOverStale(folder: string, seen: OwnerInfo): boolean {
  const takeover = path.join(folder, TAKEOVER_FILE);
  if (!createExclusive(takeover, String(process.pid))) {
    try {
      if (Date.now() - statSync(takeover).mtimeMs > TAKEOVER_STALE_MS) removeIfPresent(takeover);
    } catch {
      // gone meanwhile: the other taker finished
    }
    return false;
  }
  try {
    const now = readOwner(folder);
    if (now && JSON.stringify(now) === JSON.stringify(seen) && !ownerAlive(now)) {
      removeIfPresent(path.join(folder, LOCK_FILE));
      return true;
    }
    return false;
  } finally {
    removeIfPresent(takeover);
  }
}

/** The locks this process holds, by token. */
const heldHere = new Set<string>();

export interface FolderLock {
  readonly folder: string;
  readonly owner: OwnerInfo;
  /** The previous owner died without releasing the folder (its lock was taken over). */
  readonly tookOverFrom: OwnerInfo | null;
  /** Records the socket the owner serves, for the scripts to find. */
  setSocketDir(socketDir: string | null): void;
  release(): void;
}

/**
 * Takes the folder's lock, or throws FolderHeldError at once when a live process holds it.
 * The folder must exist.
 */
export function lockFolder(folder: string, role: string): FolderLock {
  const absolute = path.resolve(folder);
  const lockFile = path.join(absolute, LOCK_FILE);
  let owner: OwnerInfo = {
    pid: process.pid,
    startTicks: processStartTicks(process.pid),
    host: hostname(),
    role,
    startedAt: new Date().toISOString(),
    token: randomUUID(),
    socketDir: null,
  };
  let tookOverFrom: OwnerInfo | null = null;
  heldHere.add(owner.token);
  for (let attempt = 0; ; attempt++) {
    if (createExclusive(lockFile, JSON.stringify(owner))) break;
    const held = readOwner(absolute);
    if (held && ownerAlive(held)) {
      heldHere.delete(owner.token);
      throw new FolderHeldError(absolute, held);
    }
    if (held && takeOverStale(absolute, held)) tookOverFrom = held;
    // Lost a race (another process took it over or created it): look again; it will refuse us.
    if (attempt > 50) throw new Error(`could not take the lock ${lockFile}: it keeps changing`);
  }
  let released = false;
  const cleanup = () => lock.release();
  process.once("exit", cleanup);
  const lock: FolderLock = {
    folder: absolute,
    get owner() {
      return owner;
    },
    tookOverFrom,
    setSocketDir(socketDir) {
      owner = { ...owner, socketDir };
      // Rewritten in place: the file stays ours throughout, so nobody may take it meanwhile.
      const fd = openSync(lockFile, "r+");
      try {
        const content = Buffer.from(JSON.stringify(owner));
        writeSync(fd, content, 0, content.length, 0);
        // A shorter content than before would leave a tail: pad it out of JSON with spaces.
        const size = statSync(lockFile).size;
        if (size > content.length) writeSync(fd, " ".repeat(size - content.length), content.length);
      } finally {
        closeSync(fd);
      }
    },
    release() {
      if (released) return;
      released = true;
      process.removeListener("exit", cleanup);
      heldHere.delete(owner.token);
      const current = readOwner(absolute);
      if (current && current.token === owner.token) removeIfPresent(lockFile);
    },
  };
  return lock;
}
