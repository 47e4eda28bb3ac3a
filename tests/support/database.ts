/**
 * Every test file that calls withTestDatabase() gets a fresh, migrated database of its own:
 * an in-memory PGlite by default, or a new database on the server named by TEST_DATABASE_URL
 * (created before the file's tests, dropped after), so runs never step on each other.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { Prisma, type PrismaClient } from "~/generated/prisma/client";
import { openPglite, openPostgres, installDatabase, type Database, type OpenOptions } from "~/utils/db.server";
import { applyMigrations } from "~/utils/migrations.server";

export interface TestDatabase {
  readonly prisma: PrismaClient;
  readonly database: Database;
}

async function createServerDatabase(adminUrl: string) {
  const name = `fair_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

export async function openTestDatabase(
  options: OpenOptions = {},
): Promise<{ database: Database; dispose(): Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const database = await openPglite(undefined, options);
    await applyMigrations(database.sql);
    return { database, dispose: () => database.close() };
  }
  const created = await createServerDatabase(serverUrl);
  const database = await openPostgres(created.url, 20, options);
  await applyMigrations(database.sql);
  return {
    database,
    async dispose() {
      await database.close();
      await created.drop();
    },
  };
}

export function withTestDatabase(): TestDatabase {
  let opened: Awaited<ReturnType<typeof openTestDatabase>> | undefined;
  beforeAll(async () => {
    opened = await openTestDatabase();
    installDatabase(opened.database);
  });
  afterAll(async () => {
    installDatabase(undefined);
    await opened?.dispose();
  });
  return {
    get prisma() {
      if (!opened) throw new Error("the test database opens in beforeAll");
      return opened.database.prisma;
    },
    get database() {
      if (!opened) throw new Error("the test database opens in beforeAll");
      return opened.database;
    },
  };
}

/**
 * Through `prisma`, commits one interactive transaction (writing 1 and 2 into `table`, a table of
 * one int column) and rolls back another (writing 3, then throwing): what a client that reaches
 * the embedded database over its owner's socket must get right. Returns the rolled-back one's
 * error message; the caller checks what `table` holds.
 */
export async function commitOneTransactionRollBackAnother(prisma: PrismaClient, table: string): Promise<string> {
  const into = Prisma.raw(`"${table}"`);
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`INSERT INTO ${into} VALUES (1)`;
    await tx.$executeRaw`INSERT INTO ${into} VALUES (2)`;
  });
  return prisma
    .$transaction(async (tx) => {
      await tx.$executeRaw`INSERT INTO ${into} VALUES (3)`;
      throw new Error("changed my mind");
    })
    .catch((e: Error) => e.message);
}
