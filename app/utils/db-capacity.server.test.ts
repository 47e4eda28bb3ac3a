import { describe, expect, it } from "vitest";
import { databaseCapacity } from "./db-capacity.server";

describe("databaseCapacity", () => {
  it("splits the site's connections between the processes and gives checkouts half of each pool", () => {
    const one = databaseCapacity("postgresql", {});
    const four = databaseCapacity("postgresql", { WEB_CONCURRENCY: "4", DATABASE_CONNECTIONS: "40" });
    expect(one).toMatchObject({ processes: 1, poolSize: 20, checkoutSlots: 10 });
    expect(four).toMatchObject({ processes: 4, poolSize: 10, checkoutSlots: 5 });
    expect(four.processes * four.poolSize).toBeLessThanOrEqual(40);
  });

  it("keeps the waits consistent: a checkout is told busy before a page's query gives up, within 3 s", () => {
    const plan = databaseCapacity("postgresql", { WEB_CONCURRENCY: "2" });
    expect(plan.connectionWaitMs).toBeGreaterThan(plan.transactionMaxWaitMs);
    expect(plan.checkoutQueueMs + plan.transactionMaxWaitMs).toBeLessThan(3_000);
    expect(plan.transactionTimeoutMs).toBeGreaterThan(plan.transactionMaxWaitMs);
  });

  it("runs PGlite as one process with one connection, whatever WEB_CONCURRENCY says", () => {
    expect(databaseCapacity("pglite", { WEB_CONCURRENCY: "8" })).toMatchObject({
      processes: 1,
      poolSize: 1,
      checkoutSlots: 1,
    });
  });
});
