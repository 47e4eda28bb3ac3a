import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BarChart } from "~/components/reports/BarChart";
import { percent } from "~/reports/percent";
import { getTransparency, type TransparencyData } from "~/reports/transparency.server";

type SealedDay = TransparencyData["sealedDays"][number];
import { PledgedAgainstPaid } from "~/components/units/PledgedAgainstPaid";
import { pledgedAgainstPaid } from "~/units/units-report.server";
import { formatDateTime } from "~/utils/shanghai-time";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { publicPageHeaders, publicRouteHeaders, requireLocale } from "~/utils/http.server";
import { cacheKeys } from "~/utils/cache-purge.server";
import { localeFromPath, localePath, pick } from "~/utils/i18n";
import { useT, translate, type StorefrontKey } from "~/i18n/areas/storefront";
import { formatFen } from "~/utils/money";
import { useLocale } from "~/utils/use-locale";
import { notFoundMeta, pageMeta } from "~/utils/seo";
import { BILINGUAL_PAGE, loadEveryLanguage } from "~/utils/i18n-dictionaries";

/** /transparency and /en/transparency: what the fair brought to every region, county and cooperative. No sign-in. */
export const handle = BILINGUAL_PAGE;
/** Chinese and English on one page: the browser needs both dictionaries, on a navigation too. */
export const clientLoader = loadEveryLanguage;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const locale = requireLocale(params.lang);
  const prisma = await db();
  const [figures, units] = await Promise.all([getTransparency(prisma), pledgedAgainstPaid(prisma)]);
  // The same figures for everyone: a shared cache keeps them a minute, purged by payments and refunds.
  return data(
    { locale, baseUrl: env().PUBLIC_BASE_URL, ...figures, units },
    { headers: publicPageHeaders(request, { sMaxAge: 60, swr: 300, keys: [cacheKeys.ledger] }) },
  );
}

export const headers = publicRouteHeaders;

export const meta: MetaFunction<typeof loader> = ({ data: loaded, location }) => {
  if (!loaded) return notFoundMeta(localeFromPath(location.pathname));
  return pageMeta({
    baseUrl: loaded.baseUrl,
    locale: loaded.locale,
    path: "/transparency",
    title: translate(loaded.locale, "transparency.title"),
    description: translate(loaded.locale, "transparency.intro"),
  });
};

const METHOD: StorefrontKey[] = [
  "transparency.method.ledger",
  "transparency.method.partners",
  "transparency.method.refunds",
  "transparency.method.certified",
  "transparency.method.check",
];

export default function TransparencyPage() {
  const { locale, totalFen, certifiedFen, lastUpdated, regions, sealedDays, units } = useLoaderData<typeof loader>();
  const t = useT();
  const money = (fen: number) => formatFen(fen, locale);
  const share = (fen: number, whole: number) => {
    const p = percent(fen, whole);
    return p === null ? "—" : `${p}%`;
  };
  const cell = "px-3 py-1.5";
  const num = `${cell} text-right tabular-nums`;
  return (
    <div className="space-y-10">
      <header className="space-y-3">
        <h1 className="text-2xl font-bold text-brand-800 sm:text-3xl">{t("transparency.title")}</h1>
        <p className="max-w-3xl text-stone-700">{t("transparency.intro")}</p>
        <p className="text-sm text-stone-600" data-testid="last-updated">
          {lastUpdated
            ? t("transparency.lastUpdated", { time: formatDateTime(lastUpdated, locale) })
            : t("transparency.noSales")}
        </p>
        <dl className="grid max-w-xl grid-cols-2 gap-3" data-testid="totals">
          <div className="rounded border border-stone-200 bg-white p-3">
            <dt className="text-sm text-stone-600">{t("transparency.total")}</dt>
            <dd className="text-2xl font-bold tabular-nums text-brand-800" data-testid="total">
              {money(totalFen)}
            </dd>
          </div>
          <div className="rounded border border-stone-200 bg-white p-3">
            <dt className="text-sm text-stone-600">{t("transparency.certified")}</dt>
            <dd className="text-2xl font-bold tabular-nums">{money(certifiedFen)}</dd>
            <dd className="text-xs text-stone-600">{share(certifiedFen, totalFen)}</dd>
          </div>
        </dl>
      </header>
      <PledgedAgainstPaid locale={locale} {...units} />

      <section aria-labelledby="regions-heading" className="space-y-4">
        <h2 id="regions-heading" className="text-xl font-bold">
          {t("transparency.byRegion")}
        </h2>
        <BarChart
          caption={{ zh: translate("zh", "transparency.byRegion"), en: translate("en", "transparency.byRegion") }}
          testId="chart-regions"
          bars={regions.map((r) => ({
            label: pick(locale, r, "name"),
            value: r.netFen,
            valueText: `${money(r.netFen)} · ${share(r.netFen, totalFen)}`,
          }))}
        />
        <div className="overflow-x-auto rounded border border-stone-200 bg-white">
          <table className="w-full text-sm" data-testid="regions-table">
            <thead className="bg-stone-100">
              <tr>
                <th scope="col" className={`${cell} text-left`}>
                  {t("transparency.region")}
                </th>
                <th scope="col" className={num}>
                  {t("transparency.net")}
                </th>
                <th scope="col" className={num}>
                  {t("transparency.share")}
                </th>
              </tr>
            </thead>
            <tbody>
              {regions.map((r) => (
                <tr key={r.slug} className="border-t border-stone-200">
                  <th scope="row" className={`${cell} text-left font-normal`}>
                    <a href={`#region-${r.slug}`} className="text-brand-700 underline underline-offset-2">
                      {pick(locale, r, "name")}
                    </a>
                  </th>
                  <td className={num}>{money(r.netFen)}</td>
                  <td className={num}>{share(r.netFen, totalFen)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot className="border-t-2 border-stone-400 font-semibold">
              <tr>
                <th scope="row" className={`${cell} text-left`}>
                  {t("transparency.sum")}
                </th>
                <td className={num}>{money(totalFen)}</td>
                <td className={num}>{share(totalFen, totalFen)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </section>

      <section aria-labelledby="places-heading" className="space-y-6">
        <h2 id="places-heading" className="text-xl font-bold">
          {t("transparency.byPlace")}
        </h2>
        {regions.map((r) => (
          <div key={r.slug} id={`region-${r.slug}`} className="space-y-2" data-testid="region-places">
            <h3 className="flex flex-wrap items-baseline justify-between gap-2 text-lg font-semibold">
              <Link
                to={localePath(locale, `/regions/${r.slug}`)}
                className="text-brand-800 underline-offset-2 hover:underline"
              >
                {pick(locale, r, "name")}
              </Link>
              <span className="tabular-nums">{money(r.netFen)}</span>
            </h3>
            <div className="overflow-x-auto rounded border border-stone-200 bg-white">
              <table className="w-full text-sm">
                <thead className="bg-stone-100">
                  <tr>
                    <th scope="col" className={`${cell} text-left`}>
                      {t("transparency.county")} / {t("transparency.cooperative")}
                    </th>
                    <th scope="col" className={num}>
                      {t("transparency.net")}
                    </th>
                  </tr>
                </thead>
                {r.counties.map((county) => (
                  <tbody key={county.slug} className="border-t border-stone-300">
                    <tr className="bg-stone-50">
                      <th scope="rowgroup" className={`${cell} text-left font-semibold`}>
                        <Link
                          to={localePath(locale, `/counties/${county.slug}`)}
                          className="underline-offset-2 hover:underline"
                        >
                          {pick(locale, county, "name")}
                        </Link>
                        {county.isKeyCounty && (
                          <span className="ml-2 rounded border border-brand-700 px-1 text-xs font-medium text-brand-800">
                            {t("browse.keyCounty")}
                          </span>
                        )}
                      </th>
                      <td className={`${num} font-semibold`}>{money(county.netFen)}</td>
                    </tr>
                    {county.cooperatives.map((coop) => (
                      <tr key={coop.slug} className="border-t border-stone-100">
                        <th scope="row" className={`${cell} pl-8 text-left font-normal`}>
                          <Link
                            to={localePath(locale, `/cooperatives/${coop.slug}`)}
                            className="text-stone-800 underline decoration-stone-400 underline-offset-2"
                          >
                            {pick(locale, coop, "name")}
                          </Link>
                        </th>
                        <td className={num}>{money(coop.netFen)}</td>
                      </tr>
                    ))}
                  </tbody>
                ))}
              </table>
            </div>
          </div>
        ))}
      </section>

      <SealedDays days={sealedDays} />

      <section aria-labelledby="method-heading" className="max-w-3xl space-y-3">
        <h2 id="method-heading" className="text-xl font-bold">
          {t("transparency.method")}
        </h2>
        <ol className="list-decimal space-y-2 pl-5 text-stone-700">
          {METHOD.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ol>
      </section>
    </div>
  );
}

/** The sealed fair days: each closed day's totals and the digest of its entries (docs/ledger-digest.md). */
function SealedDays({ days }: { days: SealedDay[] }) {
  const locale = useLocale();
  const t = useT();
  const money = (fen: number) => formatFen(fen, locale);
  const cell = "px-3 py-1.5";
  const num = `${cell} text-right tabular-nums`;
  return (
    <section aria-labelledby="sealed-heading" className="space-y-3" data-testid="sealed-days">
      <h2 id="sealed-heading" className="text-xl font-bold">
        {t("transparency.sealed")}
      </h2>
      <p className="max-w-3xl text-sm text-stone-700">{t("transparency.sealedIntro")}</p>
      {days.length === 0 ? (
        <p className="text-sm text-stone-600">{t("transparency.sealedNone")}</p>
      ) : (
        <div className="overflow-x-auto rounded border border-stone-200 bg-white">
          <table className="w-full text-sm">
            <thead className="bg-stone-100">
              <tr>
                <th scope="col" className={`${cell} text-left`}>
                  {t("transparency.sealedDay")}
                </th>
                <th scope="col" className={num}>
                  {t("transparency.sealedEntries")}
                </th>
                <th scope="col" className={num}>
                  {t("transparency.sealedSales")}
                </th>
                <th scope="col" className={num}>
                  {t("transparency.sealedRefunds")}
                </th>
                <th scope="col" className={num}>
                  {t("transparency.sealedNet")}
                </th>
                <th scope="col" className={`${cell} text-left`}>
                  {t("transparency.sealedDigest")}
                </th>
              </tr>
            </thead>
            <tbody>
              {days.map((d) => (
                <tr key={d.day} className="border-t border-stone-200" data-testid="sealed-day" data-day={d.day}>
                  <th scope="row" className={`${cell} whitespace-nowrap text-left font-normal`}>
                    {d.day}
                  </th>
                  <td className={num}>{d.entries}</td>
                  <td className={num}>{money(d.saleFen)}</td>
                  <td className={num}>{money(d.refundFen)}</td>
                  <td className={num}>{money(d.netFen)}</td>
                  <td className={`${cell} break-all font-mono text-xs`}>{d.digest}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
