import { readdirSync } from "node:fs";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import type { PGlite } from "@electric-sql/pglite";
import { LOCK_FILE } from "./db-owner.server";
import { holdDatabase, queryMessage } from "./db-socket.server";

const gzipAsync = promisify(gzip);

/**
 * A backup of the embedded database: the gzipped tar of its data folder (PGlite's dumpDataDir),
 * taken while this process has PGlite to itself (no transaction of the server's or of a script's
 * open) and just after a CHECKPOINT, so every committed change is in the table files and the copy
 * opens without recovery. The server stalls for as long as the copy takes (see the README).
 * The folder's lock files are left out: a restored folder belongs to whoever restores it.
 */
export async function dumpConsistent(db: PGlite): Promise<Uint8Array> {
  const release = await holdDatabase(db);
  try {
    await db.runExclusive(() => db.execProtocolRaw(queryMessage("CHECKPOINT")));
    const tar = new Uint8Array(await (await db.dumpDataDir("none")).arrayBuffer());
    return new Uint8Array(await gzipAsync(withoutOwnerFiles(tar)));
  } finally {
    release();
  }
}

const BLOCK = 512;

function field(header: Uint8Array, start: number, length: number): string {
  const bytes = header.subarray(start, start + length);
  const end = bytes.indexOf(0);
  return Buffer.from(end === -1 ? bytes : bytes.subarray(0, end)).toString("utf8");
}

/** The tar without the entries of `.fair-owner.*` files (ustar: 512-byte header, data padded to 512). */
export function withoutOwnerFiles(tar: Uint8Array): Uint8Array {
  const kept: Uint8Array[] = [];
  let offset = 0;
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) break; // the end-of-archive blocks
    const name = `${field(header, 345, 155)}${field(header, 0, 100)}`;
    const size = parseInt(field(header, 124, 12).trim() || "0", 8);
    const span = BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    const base = name.split("/").pop() ?? "";
    if (!base.startsWith(LOCK_FILE.replace(/\.lock$/, ""))) kept.push(tar.subarray(offset, offset + span));
    offset += span;
  }
  kept.push(new Uint8Array(BLOCK * 2));
  return Buffer.concat(kept);
}

/** `fair-backup-2026-12-02T07-50-03Z.tar.gz`: sorts by time, safe in every file system. */
export function backupFileName(now = new Date()): string {
  return `fair-backup-${now
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/:/g, "-")}.tar.gz`;
}

/** Whether a folder is missing or has nothing in it (a restore goes only there). */
export function folderIsEmpty(folder: string): boolean {
  try {
    return readdirSync(folder).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return true;
    throw error;
  }
}
