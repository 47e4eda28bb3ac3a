import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DatabaseStartError, openPglite, openPostgres } from "./db.server";

describe("opening the database", () => {
  it("explains an unreachable PostgreSQL in one line", async () => {
    const error = await openPostgres("postgresql://postgres@127.0.0.1:1/fair").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseStartError);
    expect((error as Error).message).toMatch(/not answering at 127\.0\.0\.1:1\/fair.*start the server/);
    expect((error as Error).message).not.toContain("\n");
  });

  it("explains a data folder that cannot be written", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "fair-"));
    const file = path.join(dir, "a-file");
    await writeFile(file, "not a folder");
    const error = await openPglite(path.join(file, "pglite")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseStartError);
    expect((error as Error).message).toMatch(/cannot be written.*PGLITE_DATA_DIR/);
  });

  it("keeps the embedded database's data in its folder across restarts", async () => {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), "fair-")), "nested", "pglite");
    const first = await openPglite(dir);
    await first.sql.exec("CREATE TABLE kept (n int); INSERT INTO kept VALUES (42);");
    await first.close();
    const second = await openPglite(dir);
    expect((await second.sql.query("SELECT n FROM kept")).rows).toEqual([{ n: 42 }]);
    await second.close();
  });
});
