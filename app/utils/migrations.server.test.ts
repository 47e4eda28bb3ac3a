import { describe, expect, it } from "vitest";
import { openPglite } from "./db.server";
import { applyMigrations, readMigrations } from "./migrations.server";

describe("migrations", () => {
  it("apply every committed migration once, with Prisma's bookkeeping, and nothing on a second run", async () => {
    const db = await openPglite();
    try {
      const all = await readMigrations();
      expect(all.length).toBeGreaterThan(0);
      expect(await applyMigrations(db.sql, all)).toEqual(all.map((m) => m.name));
      expect(await applyMigrations(db.sql, all)).toEqual([]);
      const { rows } = await db.sql.query<{ migration_name: string; checksum: string }>(
        `SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`,
      );
      expect(rows).toEqual(all.map((m) => ({ migration_name: m.name, checksum: m.checksum })));
    } finally {
      await db.close();
    }
  });

  it("refuse to run when an applied migration's file was edited afterwards", async () => {
    const db = await openPglite();
    try {
      const all = await readMigrations();
      await applyMigrations(db.sql, all);
      const edited = all.map((m, i) => (i === 0 ? { ...m, checksum: "0".repeat(64) } : m));
      await expect(applyMigrations(db.sql, edited)).rejects.toThrow(/was changed after it was applied/);
    } finally {
      await db.close();
    }
  });

  it("roll back a migration that fails halfway, leaving it pending", async () => {
    const db = await openPglite();
    try {
      const broken = [
        { name: "99_broken", sql: `CREATE TABLE "Half" (id int); SELECT * FROM "missing";`, checksum: "x".repeat(64) },
      ];
      await expect(applyMigrations(db.sql, broken)).rejects.toThrow();
      const { rows } = await db.sql.query(`SELECT to_regclass('"Half"') AS t`);
      expect(rows).toEqual([{ t: null }]);
    } finally {
      await db.close();
    }
  });
});
