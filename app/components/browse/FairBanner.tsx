import { pick } from "~/utils/i18n";
import { useT } from "~/i18n/areas/storefront";
import { formatDayRange } from "./format";
import { useLocale } from "~/utils/use-locale";

export interface FairData {
  nameZh: string;
  nameEn: string;
  venueZh: string;
  venueEn: string;
  tradeDays: readonly [string, string];
  publicDays: readonly [string, string];
}

/** The fair itself: its name, venue, trade days and public days. */
export function FairBanner({ fair }: { fair: FairData | null }) {
  const locale = useLocale();
  const t = useT();
  return (
    <section aria-labelledby="fair-heading" className="rounded-xl bg-brand-50 p-5 ring-1 ring-brand-100 sm:p-8">
      {/* The site's name is the page's heading; the edition's name follows it. */}
      <h1 id="fair-heading" className="text-2xl font-bold leading-tight text-brand-800 sm:text-3xl">
        {t("site.name")}
      </h1>
      {fair && (
        <p className="mt-2 text-lg font-semibold text-stone-900 sm:text-xl" data-testid="fair-name">
          {pick(locale, fair, "name")}
        </p>
      )}
      <p className="mt-1 text-stone-700">{t("site.tagline")}</p>
      {fair ? (
        <dl className="mt-4 grid grid-cols-2 gap-3 text-sm sm:grid-cols-3" data-testid="fair">
          <div className="rounded-lg bg-white/80 p-3 ring-1 ring-brand-100">
            <dt className="font-medium text-stone-600">{t("browse.tradeDays")}</dt>
            <dd className="mt-0.5 font-semibold text-stone-900">
              {formatDayRange(fair.tradeDays[0], fair.tradeDays[1], locale)}
            </dd>
          </div>
          <div className="rounded-lg bg-white/80 p-3 ring-1 ring-brand-100">
            <dt className="font-medium text-stone-600">{t("browse.publicDays")}</dt>
            <dd className="mt-0.5 font-semibold text-stone-900">
              {formatDayRange(fair.publicDays[0], fair.publicDays[1], locale)}
            </dd>
          </div>
          <div className="col-span-2 rounded-lg bg-white/80 p-3 ring-1 ring-brand-100 sm:col-span-1">
            <dt className="font-medium text-stone-600">{t("browse.venue")}</dt>
            <dd className="mt-0.5 font-semibold text-stone-900">{pick(locale, fair, "venue")}</dd>
          </div>
        </dl>
      ) : (
        <p className="mt-1 text-sm text-stone-600">{t("site.fairDates")}</p>
      )}
    </section>
  );
}
