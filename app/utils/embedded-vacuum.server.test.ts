import { describe, expect, it } from "vitest";
import { openPglite } from "./db.server";
import { vacuumEmbedded } from "./embedded-vacuum.server";

describe("vacuumEmbedded", () => {
  it("sets the visibility map and the statistics that PGlite's missing autovacuum would", async () => {
    const db = await openPglite();
    try {
      await db.sql.exec(`CREATE TABLE goods (id int PRIMARY KEY, listed boolean);
        INSERT INTO goods SELECT n, n % 2 = 0 FROM generate_series(1, 5000) n;`);
      const visible = async () =>
        (
          await db.sql.query<{ all: number; pages: number; tuples: number }>(
            `SELECT relallvisible AS all, relpages AS pages, reltuples AS tuples FROM pg_class WHERE relname = 'goods'`,
          )
        ).rows[0]!;
      expect((await visible()).all).toBe(0);
      await vacuumEmbedded(db.sql);
      const after = await visible();
      expect(after.all).toBeGreaterThan(0);
      expect(after.all).toBe(after.pages);
      expect(Number(after.tuples)).toBe(5000);
    } finally {
      await db.close();
    }
  });
});
