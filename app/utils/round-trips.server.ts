import type { PrismaClient } from "~/generated/prisma/client";

/**
 * Counts the SQL statements a piece of work sends through a Prisma client: its database round
 * trips. The client must have been opened with query events on (`openPglite(dir, { logQueries: true })`
 * or `openPostgres(url, size, { logQueries: true })`); nothing else may use it meanwhile.
 */
const counters = new WeakMap<PrismaClient, { count: number }>();

export async function countRoundTrips(prisma: PrismaClient, work: () => Promise<unknown>): Promise<number> {
  let counter = counters.get(prisma);
  if (!counter) {
    const created = { count: 0 };
    (prisma as unknown as { $on(event: "query", listener: () => void): void }).$on("query", () => created.count++);
    counters.set(prisma, created);
    counter = created;
  }
  const before = counter.count;
  await work();
  return counter.count - before;
}
