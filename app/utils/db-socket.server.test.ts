import { gunzipSync } from "node:zlib";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitOneTransactionRollBackAnother, openTestDatabase } from "../../tests/support/database";
import { LOCK_FILE } from "./db-owner.server";
import { requestBackup, serveOwnerSocket, SOCKET_PORT, type OwnerSocket } from "./db-socket.server";
import { openThroughOwner, type Database } from "./db.server";

let opened: Awaited<ReturnType<typeof openTestDatabase>>;
let server: Database;
let socket: OwnerSocket;
const logged: string[] = [];

const client = async () => {
  const c = new pg.Client({ host: socket.dir, port: SOCKET_PORT, user: "postgres", database: "postgres" });
  await c.connect();
  return c;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const values = async () =>
  (await server.sql.query<{ n: number }>(`SELECT n FROM socket_probe ORDER BY n`)).rows.map((r) => r.n);

describe.skipIf(process.env.TEST_DATABASE_URL)("the owner's socket", { timeout: 120_000 }, () => {
  beforeAll(async () => {
    opened = await openTestDatabase();
    server = opened.database;
    socket = await serveOwnerSocket(server.pglite!, {
      idleHoldMs: 1_000,
      log: (line) => logged.push(line),
      backup: async () => (await import("./db-backup.server")).dumpConsistent(server.pglite!),
    });
    await server.sql.exec(`CREATE TABLE socket_probe (n int PRIMARY KEY)`);
  }, 180_000);

  afterAll(async () => {
    await socket?.close();
    await opened?.dispose();
  });

  it("serves Prisma through the pg adapter: reads, writes, interactive transactions that commit and roll back", async () => {
    const remote = await openThroughOwner(socket.dir);
    try {
      expect(await remote.prisma.pairedRegion.count()).toBe(await server.prisma.pairedRegion.count());
      expect(await commitOneTransactionRollBackAnother(remote.prisma, "socket_probe")).toBe("changed my mind");
      // The server, in its own process, sees what the script committed and nothing it rolled back.
      expect(await values()).toEqual([1, 2]);
    } finally {
      await remote.close();
      await server.sql.exec(`DELETE FROM socket_probe`);
    }
  });

  it("keeps a script's open transaction and the server's queries apart: the server waits, and is never inside it", async () => {
    const script = await client();
    try {
      await script.query("BEGIN");
      await script.query("INSERT INTO socket_probe VALUES (10)");
      // The server's write arrives while the script's transaction is open.
      let serverDone = false;
      const serverWrite = server.prisma.$executeRaw`INSERT INTO socket_probe VALUES (20)`.then(
        () => (serverDone = true),
      );
      await sleep(200);
      expect(serverDone).toBe(false); // it waits its turn…
      await script.query("ROLLBACK");
      await serverWrite;
      // …and was not swept into the script's transaction: the rollback took only the script's row.
      expect(await values()).toEqual([20]);
    } finally {
      await script.end();
      await server.sql.exec(`DELETE FROM socket_probe`);
    }
  });

  it("makes a script wait while the server's own transaction is open", async () => {
    const script = await client();
    try {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const serverTx = server.prisma.$transaction(async (tx) => {
        await tx.$executeRaw`INSERT INTO socket_probe VALUES (30)`;
        await held;
        await tx.$executeRaw`INSERT INTO socket_probe VALUES (31)`;
      });
      await sleep(100);
      let seen: number[] | null = null;
      const read = script
        .query<{ n: number }>("SELECT n FROM socket_probe ORDER BY n")
        .then((r) => (seen = r.rows.map((row) => row.n)));
      await sleep(200);
      expect(seen).toBeNull();
      release();
      await serverTx;
      await read;
      expect(seen).toEqual([30, 31]); // never half of the server's transaction
    } finally {
      await script.end();
      await server.sql.exec(`DELETE FROM socket_probe`);
    }
  });

  it("rolls back a script that disconnects, or falls silent, inside a transaction, and the server carries on", async () => {
    const gone = await client();
    await gone.query("BEGIN");
    await gone.query("INSERT INTO socket_probe VALUES (40)");
    gone.on("error", () => undefined);
    (gone as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    await server.prisma.$executeRaw`INSERT INTO socket_probe VALUES (41)`;
    expect(await values()).toEqual([41]);

    const silent = await client();
    silent.on("error", () => undefined);
    await silent.query("BEGIN");
    await silent.query("INSERT INTO socket_probe VALUES (50)");
    const started = performance.now();
    await server.prisma.$executeRaw`INSERT INTO socket_probe VALUES (51)`;
    const waitedMs = performance.now() - started;
    expect(await values()).toEqual([41, 51]);
    expect(waitedMs).toBeGreaterThan(500); // it waited for the cut-off (1 s here), not forever
    expect(logged.join("\n")).toMatch(/held the database 1000 ms without a word/);
    await silent.end().catch(() => undefined);
    await server.sql.exec(`DELETE FROM socket_probe`);
  });

  it("hands out a consistent backup that opens as a database of its own, without the lock file", async () => {
    await server.sql.exec(`INSERT INTO socket_probe VALUES (60), (61)`);
    const archive = await requestBackup(socket.dir);
    const tar = gunzipSync(archive);
    expect(tar.toString("latin1")).not.toContain(LOCK_FILE);
    const copy = new PGlite({ loadDataDir: new Blob([new Uint8Array(archive)], { type: "application/x-gzip" }) });
    try {
      expect((await copy.query<{ n: number }>("SELECT n FROM socket_probe ORDER BY n")).rows).toEqual([
        { n: 60 },
        { n: 61 },
      ]);
    } finally {
      await copy.close();
      await server.sql.exec(`DELETE FROM socket_probe`);
    }
  });
});
