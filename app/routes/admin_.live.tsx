import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { LiveWall } from "~/components/live/LiveWall";
import { OrganiserPanels } from "~/components/live/OrganiserPanels";
import { useLiveSnapshot } from "~/components/live/use-live-snapshot";
import { requireOrganiser } from "~/accounts/auth.server";
import { liveTickers } from "~/live/live-tickers.server";
import type { OrganiserSnapshot } from "~/live/types";
import { localeFromUrl } from "~/utils/i18n";
import { translate } from "~/i18n/areas/console";
import { BILINGUAL_PAGE, loadEveryLanguage } from "~/utils/i18n-dictionaries";

export const handle = { screen: true, ...BILINGUAL_PAGE };

/** Chinese and English on one page: the browser needs both dictionaries, on a navigation too. */
export const clientLoader = loadEveryLanguage;

/** /admin/live: the fair wall with how checkout and payments are going, for organisers only. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const snapshot = await liveTickers().organiser.current();
  return Response.json(
    { locale: localeFromUrl(request.url), snapshot },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export const meta: MetaFunction = () => [{ title: `${translate("zh", "live.organiserTitle")}` }];

export default function OrganiserLivePage() {
  const { snapshot: initial } = useLoaderData<{ locale: "zh" | "en"; snapshot: OrganiserSnapshot }>();
  const { snapshot, connected } = useLiveSnapshot(initial, "/admin/live/events");
  return (
    <LiveWall
      snapshot={snapshot}
      connected={connected}
      title="live.organiserTitle"
      extra={<OrganiserPanels snapshot={snapshot} />}
    />
  );
}
