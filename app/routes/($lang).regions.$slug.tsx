import { data } from "@remix-run/node";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "~/components/browse/Breadcrumbs";
import { PairedOrganisationList } from "~/components/browse/PairedOrganisationList";
import { ProductSection } from "~/components/browse/ProductSection";
import { parsePage } from "~/utils/page-param";
import { getRegionPage } from "~/catalog/browse.server";
import { db } from "~/utils/db.server";
import { publicPageHeaders, publicRouteHeaders } from "~/utils/http.server";
import { cacheKeys } from "~/utils/cache-purge.server";
import { env } from "~/utils/env.server";
import { localeFromParam, localeFromPath, localePath, pick, translate } from "~/utils/i18n";
import { breadcrumbJsonLd, localeUrl, notFoundMeta, pageMeta } from "~/utils/seo";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const locale = localeFromParam(params.lang);
  const page = parsePage(request);
  if (!locale || !page || !params.slug) throw new Response("Not found", { status: 404 });
  const found = await getRegionPage(await db(), params.slug, { page });
  if (!found || page > found.products.pageCount) throw new Response("Not found", { status: 404 });
  return data(
    { locale, baseUrl: env().PUBLIC_BASE_URL, ...found },
    {
      headers: publicPageHeaders(request, {
        sMaxAge: 60,
        swr: 300,
        keys: [cacheKeys.catalogue, cacheKeys.listings, ...found.products.items.map((p) => cacheKeys.product(p.id))],
      }),
    },
  );
}

/** Shared by the cache in front for anonymous visitors (ADR 007); errors never. */
export const headers = publicRouteHeaders;

export const meta: MetaFunction<typeof loader> = ({ data, location }) => {
  if (!data) return notFoundMeta(localeFromPath(location.pathname));
  const { locale, baseUrl, region, products } = data;
  const path = `/regions/${region.slug}`;
  const name = pick(locale, region, "name");
  return [
    ...pageMeta({
      baseUrl,
      locale,
      path,
      search: products.page > 1 ? `?page=${products.page}` : "",
      title: name,
      description: pick(locale, region, "description") || translate(locale, "home.regionsIntro"),
    }),
    {
      "script:ld+json": breadcrumbJsonLd([
        { name: translate(locale, "nav.home"), url: localeUrl(baseUrl, locale, "/") },
        { name, url: localeUrl(baseUrl, locale, path) },
      ]),
    },
  ];
};

export default function RegionPage() {
  const { locale, region, organisations, products } = useLoaderData<typeof loader>();
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(locale, key, params);
  const cooperativeCount = region.counties.reduce((sum, county) => sum + county.cooperatives.length, 0);
  return (
    <div className="space-y-10">
      <header className="space-y-3">
        <Breadcrumbs locale={locale} items={[{ label: pick(locale, region, "name") }]} />
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
        <PairedOrganisationList organisations={organisations} locale={locale} />
      </section>

      <ProductSection
        id="products-heading"
        title={t("browse.products")}
        products={products}
        path={`/regions/${region.slug}`}
        locale={locale}
      />
    </div>
  );
}
