import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../../tests/support/database";
import { openPglite, installDatabase } from "~/utils/db.server";
import { loader } from "./healthz";

const t = withTestDatabase();

describe("/healthz", () => {
  it("reports a reachable database", async () => {
    const response = await loader();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: "ok",
      database: { reachable: true, engine: t.database.engine },
    });
  });

  it("answers 503 when the database stops answering", async () => {
    const broken = await openPglite();
    await broken.close();
    installDatabase(broken);
    const response = await loader();
    installDatabase(t.database);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "error", database: { reachable: false } });
  });
});
