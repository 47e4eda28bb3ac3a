import { data } from "@remix-run/node";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "~/components/browse/Breadcrumbs";
import { CooperativeCard } from "~/components/browse/CooperativeCard";
import { PairedOrganisationList } from "~/components/browse/PairedOrganisationList";
import { ProductSection } from "~/components/browse/ProductSection";
import { parsePage } from "~/utils/page-param";
import { getCountyPage } from "~/catalog/browse.server";
import { db } from "~/utils/db.server";
import { publicPageHeaders, publicRouteHeaders } from "~/utils/http.server";
import { cacheKeys } from "~/utils/cache-purge.server";
import { env } from "~/utils/env.server";
import { localeFromParam, localeFromPath, pick, translate } from "~/utils/i18n";
import { breadcrumbJsonLd, localeUrl, notFoundMeta, pageMeta } from "~/utils/seo";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const locale = localeFromParam(params.lang);
  const page = parsePage(request);
  if (!locale || !page || !params.slug) throw new Response("Not found", { status: 404 });
  const found = await getCountyPage(await db(), params.slug, { page });
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
  const { locale, baseUrl, county, products } = data;
  const path = `/counties/${county.slug}`;
  const name = pick(locale, county, "name");
  const region = pick(locale, county.region, "name");
  return [
    ...pageMeta({
      baseUrl,
      locale,
      path,
      search: products.page > 1 ? `?page=${products.page}` : "",
      title: `${name} · ${region}`,
      description: pick(locale, county, "description") || `${region} · ${name}`,
    }),
    {
      "script:ld+json": breadcrumbJsonLd([
        { name: translate(locale, "nav.home"), url: localeUrl(baseUrl, locale, "/") },
        { name: region, url: localeUrl(baseUrl, locale, `/regions/${county.region.slug}`) },
        { name, url: localeUrl(baseUrl, locale, path) },
      ]),
    },
  ];
};

export default function CountyPage() {
  const { locale, county, organisations, products } = useLoaderData<typeof loader>();
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(locale, key, params);
  return (
    <div className="space-y-10">
      <header className="space-y-3">
        <Breadcrumbs
          locale={locale}
          items={[
            { label: pick(locale, county.region, "name"), path: `/regions/${county.region.slug}` },
            { label: pick(locale, county, "name") },
          ]}
        />
        <p className="text-sm font-medium text-brand-700">{pick(locale, county.region, "name")}</p>
        <h1 className="flex flex-wrap items-center gap-3 text-2xl font-bold text-brand-800 sm:text-3xl">
          {pick(locale, county, "name")}
          {county.isKeyCounty && (
            <span className="rounded bg-brand-100 px-2 py-0.5 text-sm font-medium text-brand-800">
              {t("browse.keyCounty")}
            </span>
          )}
        </h1>
        <p className="max-w-3xl text-stone-700">{pick(locale, county, "description")}</p>
      </header>

      <section aria-labelledby="cooperatives-heading">
        <h2 id="cooperatives-heading" className="text-xl font-bold">
          {t("browse.countyCooperatives")}
        </h2>
        {county.cooperatives.length ? (
          <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="cooperatives">
            {county.cooperatives.map((cooperative) => (
              <CooperativeCard key={cooperative.slug} cooperative={cooperative} locale={locale} />
            ))}
          </ul>
        ) : (
          <p className="mt-3 text-stone-600">{t("home.noCooperatives")}</p>
        )}
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
        path={`/counties/${county.slug}`}
        locale={locale}
      />
    </div>
  );
}
