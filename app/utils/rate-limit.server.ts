import type { PrismaClient } from "~/generated/prisma/client";
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
 * Counts one request against a limit for a key (usually the client's address) and says whether
 * it is allowed. One atomic upsert per request; old windows are pruned now and then.
 */
export async function hitRateLimit(prisma: PrismaClient, limit: RateLimit, key: string, now = new Date()) {
  if (env().RATE_LIMITS === "off") return { allowed: true, retryAfterSeconds: 0 };
  const windowMs = limit.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await prisma.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitCounter" ("key", "windowStart", "count") VALUES (${`${limit.name}:${key}`}, ${windowStart}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitCounter"."count" + 1
    RETURNING "count"`;
  if (Math.random() < 0.01) {
    await prisma.rateLimitCounter.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 3600_000) } } });
  }
  const allowed = row!.count <= limit.max;
  if (!allowed) countRateLimitRefusal(limit.name);
  return {
    allowed,
    retryAfterSeconds: allowed ? 0 : Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000),
  };
}
