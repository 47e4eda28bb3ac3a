import type { LoaderFunctionArgs } from "@remix-run/node";
import { liveTickers } from "~/live/live-tickers.server";
import { eventStream } from "~/live/ticker.server";
import { onDrain } from "~/observability/readiness.server";

/** The fair wall's server-sent events: every screen on this process shares one ticker. */
export function loader({ request }: LoaderFunctionArgs) {
  return eventStream(request, liveTickers().wall, onDrain);
}
