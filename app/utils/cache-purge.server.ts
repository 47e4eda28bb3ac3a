/**
 * Tells the shared cache in front (Varnish with xkey, ADR 007) that what a committed change
 * touched is stale. Called after the commit, never inside a transaction: a purge that races
 * ahead of its commit would let the cache re-fetch the old page. A failed purge is logged and
 * otherwise ignored: every cached page also expires on its own (s-maxage + stale-while-revalidate).
 *
 * CACHE_PURGE_URL lists the cache nodes (comma-separated, e.g. http://127.0.0.1:8080); unset
 * means no cache in front, and purging does nothing.
 */

import { logger } from "~/observability/logger.server";
import { countCachePurge } from "~/observability/metrics.server";
import { liveSetting } from "./env.server";

/** Surrogate keys (ADR 007): what a cached page shows, so a change can find every copy of it. */
export const cacheKeys = {
  product: (id: string) => `product:${id}`,
  /** Listing pages (home, region, county, cooperative, category, search): which cards they show. */
  listings: "listings",
  /** Every catalogue page, product pages included: regions, cooperatives, certificates, partners. */
  catalogue: "catalogue",
  /** The transparency page: payments and refunds. */
  ledger: "ledger",
} as const;

const PURGE_TIMEOUT_MS = 1_000;

function purgeTargets(): string[] {
  return liveSetting("CACHE_PURGE_URL");
}

/** Purges the keys on every cache node; resolves when all answered or failed (never rejects). */
export async function purgeCache(keys: Iterable<string>): Promise<void> {
  const unique = [...new Set(keys)].filter(Boolean);
  const targets = purgeTargets();
  if (unique.length === 0 || targets.length === 0) return;
  await Promise.all(
    targets.map(async (target) => {
      try {
        const response = await fetch(target, {
          method: "PURGE",
          headers: { "xkey-purge": unique.join(" ") },
          signal: AbortSignal.timeout(PURGE_TIMEOUT_MS),
        });
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        countCachePurge("sent");
      } catch (error) {
        countCachePurge("failed");
        logger().error({ keys: unique, target, err: error }, "cache purge failed; the pages expire on their own");
      }
    }),
  );
}

/** Starts a purge without holding up the answer; failures are logged by purgeCache. */
export function purgeAfterCommit(keys: Iterable<string>): void {
  void purgeCache(keys);
}
