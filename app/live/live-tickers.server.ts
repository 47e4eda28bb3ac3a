import { logger } from "~/observability/logger.server";
import { metrics } from "~/observability/metrics.server";
import { database } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { readLiveSnapshot, readOrganiserSnapshot } from "./live.server";
import { LiveTicker } from "./ticker.server";
import type { LiveSnapshot, OrganiserSnapshot } from "./types";

interface Tickers {
  wall: LiveTicker<LiveSnapshot>;
  organiser: LiveTicker<OrganiserSnapshot>;
}

async function outcomesOfThisProcess(): Promise<OrganiserSnapshot["outcomes"]> {
  const counts = { reserved: 0, sold_out: 0, busy: 0, invalid: 0 };
  for (const { labels, value } of (await metrics().checkoutOutcomes.get()).values) {
    const outcome = labels.outcome as keyof typeof counts | undefined;
    if (outcome && outcome in counts) counts[outcome] = value;
  }
  return counts;
}

function createTickers(): Tickers {
  const tickMs = env().LIVE_TICK_MS;
  const onError = (error: unknown) => logger().error({ err: error }, "live wall: figures could not be read");
  const counted = <T>(view: string, read: () => Promise<T>) => async () => {
    metrics().liveQueries.inc({ view });
    return read();
  };
  const tickers: Tickers = {
    wall: new LiveTicker(counted("wall", async () => readLiveSnapshot((await database()).sql)), tickMs, onError),
    organiser: new LiveTicker(
      counted("organiser", async () => readOrganiserSnapshot((await database()).sql, await outcomesOfThisProcess())),
      tickMs,
      onError,
    ),
  };
  metrics().liveSource.clients = () => tickers.wall.size + tickers.organiser.size;
  return tickers;
}

// On globalThis: one ticker per process, even when the dev server re-evaluates modules.
const holder = globalThis as typeof globalThis & { __fairLiveTickers?: Tickers };

/** The process's tickers: the public wall's and the organisers'. */
export function liveTickers(): Tickers {
  holder.__fairLiveTickers ??= createTickers();
  return holder.__fairLiveTickers;
}
