import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  FolderHeldError,
  LOCK_FILE,
  liveOwner,
  lockFolder,
  processStartTicks,
  type OwnerInfo,
} from "./db-owner.server";
import { DatabaseStartError, openPglite } from "./db.server";

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
});

const newFolder = () => mkdtempSync(path.join(tmpdir(), "fair-owner-"));

/** Another process taking the folder (tests/support/hold-folder.ts); resolves with its first line. */
function holder(folder: string, open = false): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "tests/support/hold-folder.ts", folder, ...(open ? ["--open"] : [])],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("\n")) resolve({ child, line: out.split("\n")[0]! });
    });
    child.once("exit", (code) => reject(new Error(`the holder exited (${code}) before saying anything`)));
  });
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode ? resolve() : child.once("exit", () => resolve()),
  );

/** The pid of a process that has certainly ended. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).stdout.toString());
}

function writeLock(folder: string, owner: Partial<OwnerInfo>) {
  const full: OwnerInfo = {
    pid: 1,
    startTicks: null,
    host: hostname(),
    role: "npm start",
    startedAt: "2026-12-01T08:00:00.000Z",
    token: "t",
    socketDir: null,
    ...owner,
  };
  writeFileSync(path.join(folder, LOCK_FILE), JSON.stringify(full));
}

describe("the embedded database folder has one owner", { timeout: 180_000 }, () => {
  it("refuses a second opener in the same process with one line naming the holder", async () => {
    const folder = newFolder();
    const first = lockFolder(folder, "npm start");
    const error = await openPglite(folder, { role: "npm run ledger:verify" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseStartError);
    const message = (error as Error).message;
    expect(message).not.toContain("\n");
    expect(message).toContain(`held by npm start (pid ${process.pid}`);
    expect(message).toMatch(/stop it first|wait for it/);
    // The refusal came before PGlite touched the folder: nothing but the lock is in it.
    expect(readdirSync(folder)).toEqual([LOCK_FILE]);
    first.release();
    // Released: the folder is free again.
    expect(existsSync(path.join(folder, LOCK_FILE))).toBe(false);
    lockFolder(folder, "npm start").release();
  });

  it("refuses while another live process holds the folder, and takes it over once that process is SIGKILLed", async () => {
    const folder = newFolder();
    const { child, line } = await holder(folder);
    expect(line).toBe(`held ${child.pid}`);
    const refused = (() => {
      try {
        lockFolder(folder, "npm start");
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(FolderHeldError);
    expect((refused as Error).message).toContain(`the test holder (pid ${child.pid}`);
    expect(liveOwner(folder)?.pid).toBe(child.pid);

    child.kill("SIGKILL");
    await exited(child);
    // Its lock file is still there, naming a dead process: stale, so it is taken over.
    expect(JSON.parse(readFileSync(path.join(folder, LOCK_FILE), "utf8")).pid).toBe(child.pid);
    expect(liveOwner(folder)).toBeNull();
    const lock = lockFolder(folder, "npm start");
    expect(lock.tookOverFrom?.pid).toBe(child.pid);
    expect(liveOwner(folder)?.pid).toBe(process.pid);
    lock.release();
  });

  it("takes over a lock whose pid now belongs to another process (same pid, other start time)", () => {
    const folder = newFolder();
    const ticks = processStartTicks(process.ppid);
    if (ticks === null) return; // no /proc here: only the pid can be checked
    writeLock(folder, { pid: process.ppid, startTicks: ticks + 1 });
    const lock = lockFolder(folder, "npm start");
    expect(lock.tookOverFrom?.pid).toBe(process.ppid);
    lock.release();
  });

  it("takes over a lock left by a process that has ended, and a half-written one", () => {
    const folder = newFolder();
    writeLock(folder, { pid: deadPid() });
    const lock = lockFolder(folder, "npm start");
    expect(lock.tookOverFrom).not.toBeNull();
    lock.release();
    writeFileSync(path.join(folder, LOCK_FILE), '{"pid": 12');
    // Just written: someone is writing it right now, so it is not stolen…
    expect(() => lockFolder(folder, "npm start")).toThrow(FolderHeldError);
    // …but once it has been like that for a while, its writer died before finishing it.
    const past = new Date(Date.now() - 60_000);
    utimesSync(path.join(folder, LOCK_FILE), past, past);
    lockFolder(folder, "npm start").release();
  });

  it("lets exactly one of several processes racing for a stale lock win", async () => {
    const folder = newFolder();
    writeLock(folder, { pid: deadPid() });
    const racers = await Promise.all(Array.from({ length: 4 }, () => holder(folder)));
    const held = racers.filter((r) => r.line.startsWith("held"));
    const refused = racers.filter((r) => r.line.startsWith("refused"));
    expect(held).toHaveLength(1);
    expect(refused).toHaveLength(3);
    for (const r of refused) expect(r.line).toContain(`(pid ${held[0]!.child.pid}`);
  });
});
