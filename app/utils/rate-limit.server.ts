import { Prisma, type PrismaClient } from "~/generated/prisma/client";
import { readRows } from "./read-rows.server";
import { env } from "./env.server";
import { countRateLimitRefusal } from "~/observability/metrics.server";

export interface RateLimit {
  /** What is limited, e.g. "checkout" or "search". */
  name: string;
  max: number;
  windowSeconds: number;
}

/** The limits the public site applies per address; generous enough for a family on one phone. */
export const LIMITS = {
  checkout: { name: "checkout", max: 20, windowSeconds: 60 },
  search: { name: "search", max: 120, windowSeconds: 60 },
} satisfies Record<string, RateLimit>;

/**
 * How many requests the sliding window holds at `now`: all of the current fixed window plus the
 * share of the previous one that still lies within the last `windowSeconds`. A plain fixed window
 * lets a burst straddling the boundary through twice (max at :59, max again at :00); this does not.
 */
export function slidingCount(current: number, previous: number, elapsedFraction: number) {
  return current + previous * (1 - elapsedFraction);
}

/**
 * Seconds until the sliding count falls back to the limit: the rest of this window if the current
 * window alone is over it, else the moment the previous window's share has shrunk enough.
 */
export function retryAfterSeconds(limit: RateLimit, current: number, previous: number, elapsedFraction: number) {
  const windowSeconds = limit.windowSeconds;
  if (current >= limit.max || previous === 0) return Math.max(1, Math.ceil((1 - elapsedFraction) * windowSeconds));
  // The next request counts too (refused ones are counted): current + 1 + previous * (1 - f) <= max.
  const fraction = 1 - (limit.max - current - 1) / previous;
  return Math.max(1, Math.ceil((fraction - elapsedFraction) * windowSeconds));
}

/**
 * Counts one request against a limit for a key (usually the client's address) and says whether
 * it is allowed. One statement per request (the upsert of this window's counter, reading the
 * previous window's beside it), so every server process behind the balancer shares the count;
 * old windows are pruned now and then.
 */
export async function hitRateLimit(prisma: PrismaClient, limit: RateLimit, key: string, now = new Date()) {
  if (env().RATE_LIMITS === "off") return { allowed: true, retryAfterSeconds: 0 };
  const windowMs = limit.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const previousStart = new Date(windowStart.getTime() - windowMs);
  const counterKey = `${limit.name}:${key}`;
  // Through the driver (readRows), not Prisma's pipeline: one prepared statement per search and
  // checkout post, whose Prisma overhead was ~0.9 ms of the search page's CPU (issue 12). The
  // windows go as ISO text cast to the column's type (UTC, as Prisma writes them), so the statement
  // can be prepared once (a Date value would not).
  const [row] = await readRows<{ count: number; previous: number }>(
    prisma,
    Prisma.sql`
    WITH hit AS (
      INSERT INTO "RateLimitCounter" ("key", "windowStart", "count")
      VALUES (${counterKey}, ${windowStart.toISOString()}::timestamp(3), 1)
      ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitCounter"."count" + 1
      RETURNING "count"
    )
    SELECT hit."count",
      COALESCE((SELECT c."count" FROM "RateLimitCounter" c
                WHERE c."key" = ${counterKey} AND c."windowStart" = ${previousStart.toISOString()}::timestamp(3)), 0)::int AS "previous"
    FROM hit`,
  );
  if (Math.random() < 0.01) {
    await prisma.rateLimitCounter.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 3600_000) } } });
  }
  const elapsed = (now.getTime() - windowStart.getTime()) / windowMs;
  const [count, previous] = [Number(row!.count), Number(row!.previous)];
  const allowed = slidingCount(count, previous, elapsed) <= limit.max;
  if (!allowed) countRateLimitRefusal(limit.name);
  return {
    allowed,
    retryAfterSeconds: allowed ? 0 : retryAfterSeconds(limit, count, previous, elapsed),
  };
}
