import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../../tests/support/database";
import { markReady, onDrain, phase, startDraining } from "~/observability/readiness.server";
import { installDatabase, openPglite } from "~/utils/db.server";
import { loader } from "./readyz";

const t = withTestDatabase();

describe("/readyz", () => {
  it("answers 503 while the process is starting, 200 once it serves", async () => {
    expect(phase()).toBe("starting");
    expect((await loader()).status).toBe(503);
    markReady();
    const response = await loader();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ready" });
  });

  it("answers 503 while a migration this build ships is not applied", async () => {
    const [latest] = await t.database.sql.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`,
    ).then((r) => r.rows);
    await t.database.sql.query(`UPDATE "_prisma_migrations" SET finished_at = NULL WHERE migration_name = $1`, [
      latest!.migration_name,
    ]);
    const response = await loader();
    await t.database.sql.query(`UPDATE "_prisma_migrations" SET finished_at = now() WHERE migration_name = $1`, [
      latest!.migration_name,
    ]);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ reason: "migrations pending", pending: [latest!.migration_name] });
    expect((await loader()).status).toBe(200);
  });

  it("answers 503 when the database stops answering", async () => {
    const broken = await openPglite();
    await broken.close();
    installDatabase(broken);
    const response = await loader();
    installDatabase(t.database);
    expect(response.status).toBe(503);
    expect((await loader()).status).toBe(200);
  }, 120_000); // opening a second PGlite is slow on a busy machine

  it("turns 503 for good once draining starts, and tells event streams to end", async () => {
    let told = 0;
    onDrain(() => told++);
    startDraining();
    expect(told).toBe(1);
    const response = await loader();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "not-ready", phase: "draining" });
    markReady();
    expect(phase()).toBe("draining");
  });
});
