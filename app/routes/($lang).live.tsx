import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { LiveWall } from "~/components/live/LiveWall";
import { useLiveSnapshot } from "~/components/live/use-live-snapshot";
import { liveTickers } from "~/live/live-tickers.server";
import { requireLocale } from "~/utils/http.server";
import { translate } from "~/i18n/areas/storefront";
import { BILINGUAL_PAGE, loadEveryLanguage } from "~/utils/i18n-dictionaries";

/** The page is drawn full screen, without the site's header and footer (root.tsx reads this). */
export const handle = { screen: true, ...BILINGUAL_PAGE };

/** Chinese and English on one page: the browser needs both dictionaries, on a navigation too. */
export const clientLoader = loadEveryLanguage;

/**
 * /live and /en/live: the fair wall (展会实况) for a venue screen. Public; the figures come from
 * the process's ticker (README "The fair wall"), so a page load adds no query within a tick.
 */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const locale = requireLocale(params.lang);
  const snapshot = await liveTickers().wall.current();
  // The same for everyone for a second or two; a visitor with our cookies is never cached.
  const personal = /(?:^|;\s*)(?:fair_cart|fair_session)=/.test(request.headers.get("Cookie") ?? "");
  return data(
    { locale, snapshot },
    { headers: { "Cache-Control": personal ? "private, no-cache" : "public, max-age=1, s-maxage=2" } },
  );
}

export const headers: HeadersFunction = ({ loaderHeaders, errorHeaders }) => errorHeaders ?? loaderHeaders;

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: `${translate(loaded?.locale ?? "zh", "live.title")} · ${translate(loaded?.locale ?? "zh", "site.name")}` },
  { name: "robots", content: "noindex" },
];

export default function LivePage() {
  const { snapshot: initial } = useLoaderData<typeof loader>();
  const { snapshot, connected } = useLiveSnapshot(initial, "/live/events");
  return <LiveWall snapshot={snapshot} connected={connected} />;
}
