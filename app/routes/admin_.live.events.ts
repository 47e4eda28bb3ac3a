import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireOrganiser } from "~/accounts/auth.server";
import { liveTickers } from "~/live/live-tickers.server";
import { eventStream } from "~/live/ticker.server";
import { onDrain } from "~/observability/readiness.server";

/** The organisers' wall's server-sent events (one ticker for every organiser's screen). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  return eventStream(request, liveTickers().organiser, onDrain);
}
