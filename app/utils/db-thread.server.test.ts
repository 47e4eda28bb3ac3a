import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Prisma } from "~/generated/prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, readMigrations } from "./migrations.server";
import { LOCK_FILE } from "./db-owner.server";
import { openPgliteInThread } from "./db-thread.server";
import { DatabaseStartError, openPglite, type Database } from "./db.server";
import { readRows } from "./read-rows.server";
import { commitOneTransactionRollBackAnother } from "../../tests/support/database";

// The worker runs the TypeScript sources through tsx, as the scripts do.
const ENTRY = new URL("../../tests/support/database-thread.mjs", import.meta.url);
const openThread = (dir: string) => openPgliteInThread(dir, ENTRY, "npm start");

describe.skipIf(process.env.TEST_DATABASE_URL)("the embedded database in its own thread", { timeout: 120_000 }, () => {
  let folder: string;
  let db: Database;

  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), "fair-thread-"));
    db = await openThread(folder);
    await applyMigrations(db.sql, await readMigrations());
    await db.sql.exec(`CREATE TABLE thread_probe (n int PRIMARY KEY)`);
  }, 180_000);

  afterAll(async () => {
    await db?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it("holds the folder from the thread: the lock names this process and the thread's socket, a second opener is refused", async () => {
    const lock = JSON.parse(readFileSync(path.join(folder, LOCK_FILE), "utf8")) as { pid: number; socketDir: string };
    expect(lock.pid).toBe(process.pid);
    expect(lock.socketDir).toBeTruthy();
    // Another thread of this very process holds it: not mistaken for a stale lock and taken over.
    await expect(openPglite(folder)).rejects.toThrow(DatabaseStartError);
    await expect(openThread(folder)).rejects.toThrow(/held by npm start/);
  });

  it("runs Prisma's reads, writes and interactive transactions, committed and rolled back", async () => {
    expect(await db.prisma.pairedRegion.count()).toBe(0);
    expect(await commitOneTransactionRollBackAnother(db.prisma, "thread_probe")).toBe("changed my mind");
    const rows = await db.sql.query<{ n: number }>(`SELECT n FROM thread_probe ORDER BY n`);
    expect(rows.rows.map((r) => r.n)).toEqual([1, 2]);
  });

  it("keeps transactions whole while other statements arrive on the other connections", async () => {
    const writes = Array.from({ length: 20 }, (_, i) =>
      db.prisma.$transaction(async (tx) => {
        await tx.$executeRaw`INSERT INTO thread_probe VALUES (${100 + i})`;
        await tx.$executeRaw`UPDATE thread_probe SET n = n + 1000 WHERE n = ${100 + i}`;
      }),
    );
    // Plain reads sent meanwhile queue for the one session and never see half a transaction.
    const reads = Array.from({ length: 40 }, () =>
      readRows<{ half: number }>(
        db.prisma,
        Prisma.sql`SELECT count(*)::int AS half FROM thread_probe WHERE n BETWEEN 100 AND 999`,
      ),
    );
    const [, seen] = await Promise.all([Promise.all(writes), Promise.all(reads)]);
    expect(seen.map((rows) => rows[0]!.half)).toEqual(Array(40).fill(0));
    const { rows } = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM thread_probe WHERE n >= 1100`);
    expect(rows[0]!.n).toBe(20);
  });

  it("prepares a statement once for every connection (they share the thread's one session)", async () => {
    const statement = (n: number) => Prisma.sql`SELECT n FROM thread_probe WHERE n = ${n}`;
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => readRows<{ n: number }>(db.prisma, statement(i % 3))),
    );
    expect(results.filter((rows) => rows.length === 1).map((rows) => rows[0]!.n)).toEqual(
      Array.from({ length: 40 }, (_, i) => i % 3).filter((n) => n > 0),
    );
    const prepared = await db.sql.query<{ statement: string; generic_plans: number; custom_plans: number }>(
      `SELECT statement, generic_plans::int, custom_plans::int FROM pg_prepared_statements WHERE statement LIKE '%FROM thread_probe WHERE n = $1%'`,
    );
    expect(prepared.rows).toHaveLength(1);
    expect(prepared.rows[0]!.generic_plans).toBe(40);
    expect(prepared.rows[0]!.custom_plans).toBe(0);
  });
});
