import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "~/components/browse/Breadcrumbs";
import { PairedOrganisationList } from "~/components/browse/PairedOrganisationList";
import { ProductSection } from "~/components/browse/ProductSection";
import { browseMeta } from "~/catalog/browse-meta";
import { loadBrowsePage } from "~/catalog/browse-page.server";
import { getRegionPage } from "~/catalog/browse.server";
import { publicRouteHeaders } from "~/utils/http.server";
import { localePath, pick } from "~/utils/i18n";
import { useT, translate } from "~/i18n/areas/storefront";

export function loader(args: LoaderFunctionArgs) {
  return loadBrowsePage(args, getRegionPage);
}

/** Shared by the cache in front for anonymous visitors (ADR 007); errors never. */
export const headers = publicRouteHeaders;

export const meta: MetaFunction<typeof loader> = ({ data, location }) =>
  browseMeta(data, location, ({ locale, region }) => {
    const name = pick(locale, region, "name");
    return {
      path: `/regions/${region.slug}`,
      title: name,
      description: pick(locale, region, "description") || translate(locale, "home.regionsIntro"),
      name,
    };
  });

export default function RegionPage() {
  const { locale, region, organisations, products } = useLoaderData<typeof loader>();
  const t = useT();
  const cooperativeCount = region.counties.reduce((sum, county) => sum + county.cooperatives.length, 0);
  return (
    <div className="space-y-10">
      <header className="space-y-3">
        <Breadcrumbs items={[{ label: pick(locale, region, "name") }]} />
        <p className="text-sm font-medium text-brand-700">{t("home.regions")}</p>
        <h1 className="text-2xl font-bold text-brand-800 sm:text-3xl">{pick(locale, region, "name")}</h1>
        <p className="max-w-3xl text-stone-700">{pick(locale, region, "description")}</p>
        <p className="text-sm text-stone-600">
          {t("browse.countiesAndCooperatives", { counties: region.counties.length, cooperatives: cooperativeCount })}
        </p>
      </header>

      <section aria-labelledby="counties-heading">
        <h2 id="counties-heading" className="text-xl font-bold">
          {t("browse.regionCounties")}
        </h2>
        <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="counties">
          {region.counties.map((county) => (
            <li key={county.slug} className="rounded-lg border border-stone-200 bg-white p-4" data-testid="county">
              <h3 className="flex flex-wrap items-center gap-2 font-semibold">
                <Link
                  to={localePath(locale, `/counties/${county.slug}`)}
                  className="text-brand-800 underline-offset-2 hover:underline"
                >
                  {pick(locale, county, "name")}
                </Link>
                {county.isKeyCounty && (
                  <span className="rounded bg-brand-100 px-1.5 py-0.5 text-xs font-medium text-brand-800">
                    {t("browse.keyCounty")}
                  </span>
                )}
              </h3>
              {county.cooperatives.length ? (
                <ul className="mt-2 space-y-1 text-sm">
                  {county.cooperatives.map((cooperative) => (
                    <li key={cooperative.slug}>
                      <Link
                        to={localePath(locale, `/cooperatives/${cooperative.slug}`)}
                        className="text-stone-800 underline decoration-stone-400 underline-offset-2 hover:text-brand-700"
                      >
                        {pick(locale, cooperative, "name")}
                      </Link>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="mt-2 text-sm text-stone-600">{t("home.noCooperatives")}</p>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="partners-heading">
        <h2 id="partners-heading" className="text-xl font-bold">
          {t("browse.areaPartners")}
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-stone-600">{t("browse.areaPartnersIntro")}</p>
        <PairedOrganisationList organisations={organisations} />
      </section>

      <ProductSection
        id="products-heading"
        title={t("browse.products")}
        products={products}
        path={`/regions/${region.slug}`}
      />
    </div>
  );
}
