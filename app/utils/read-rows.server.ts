import type { Prisma, PrismaClient } from "~/generated/prisma/client";

type RowReader = (text: string, values: unknown[]) => Promise<unknown[]>;

const readers = new WeakMap<PrismaClient, RowReader>();

/**
 * Lets `readRows` send this client's plain statements through the database's own driver (the pg
 * pool PrismaPg uses, or PGlite's `query`) instead of Prisma's request pipeline. Not done for a
 * client that counts its statements through query events (tests' and benchmarks' round-trip counts).
 */
export function readRowsThrough(prisma: PrismaClient, reader: RowReader): void {
  readers.set(prisma, reader);
}

/**
 * The rows of a hand-written, read-only statement of a storefront page.
 *
 * Why not `prisma.$queryRaw`: even a raw statement goes through Prisma's client request pipeline
 * and its query-compiler WebAssembly, 9 % of the product page's CPU in the issue 12 profile, for
 * statements that need none of it. The statement and its parameters are the same (`query.text`
 * has `$1…` placeholders); the driver is the one Prisma would use, so the pool, its limits and,
 * on PGlite, the queue behind open transactions are shared. A transaction client (`tx`) is not
 * registered and keeps its statements inside its transaction through `$queryRaw`.
 *
 * Rows come as the driver reads them: write statements whose columns read the same either way
 * (cast counts to `::int`, dates through `to_char`, enums to `::text`; JSON is parsed by both).
 */
export async function readRows<T>(prisma: PrismaClient, query: Prisma.Sql): Promise<T[]> {
  const reader = readers.get(prisma);
  if (reader) return (await reader(query.text, query.values)) as T[];
  return prisma.$queryRaw<T[]>(query);
}
