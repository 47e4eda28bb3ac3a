import { data } from "@remix-run/node";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ProductCard } from "~/components/ProductCard";
import { CooperativeCard } from "~/components/browse/CooperativeCard";
import { FairBanner } from "~/components/browse/FairBanner";
import { formatDayRange } from "~/components/browse/format";
import { getHomePage } from "~/catalog/catalog.server";
import { db } from "~/utils/db.server";
import { publicPageHeaders, publicRouteHeaders } from "~/utils/http.server";
import { cacheKeys } from "~/utils/cache-purge.server";
import { env } from "~/utils/env.server";
import { inPageLanguage } from "~/utils/page-language.server";
import { localeFromParam, localeFromPath, localePath, pick } from "~/utils/i18n";
import { useT, translate } from "~/i18n/areas/storefront";
import { notFoundMeta, pageMeta } from "~/utils/seo";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const locale = localeFromParam(params.lang);
  if (!locale) throw new Response("Not found", { status: 404 });
  const home = await getHomePage(await db());
  return data(
    { locale, baseUrl: env().PUBLIC_BASE_URL, ...inPageLanguage(locale, home) },
    {
      headers: publicPageHeaders(request, {
        sMaxAge: 60,
        swr: 300,
        keys: [cacheKeys.catalogue, cacheKeys.listings, ...home.products.map((p) => cacheKeys.product(p.id))],
      }),
    },
  );
}

/** Shared by the cache in front for anonymous visitors (ADR 007); errors never. */
export const headers = publicRouteHeaders;

export const meta: MetaFunction<typeof loader> = ({ data, location }) => {
  if (!data) return notFoundMeta(localeFromPath(location.pathname));
  const { locale, baseUrl, fair } = data;
  const when = fair
    ? `${pick(locale, fair, "name")}: ${formatDayRange(fair.tradeDays[0], fair.publicDays[1], locale)}, ${pick(locale, fair, "venue")}.`
    : `${translate(locale, "site.fairDates")}.`;
  return pageMeta({
    baseUrl,
    locale,
    path: "/",
    description: `${translate(locale, "site.tagline")}. ${when}`,
  });
};

export default function Home() {
  const { locale, fair, regions, featuredCooperatives, categories, products, productCount } =
    useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="space-y-12">
      <FairBanner fair={fair} />

      <section aria-labelledby="regions-heading">
        <h2 id="regions-heading" className="text-xl font-bold">
          {t("home.regions")}
        </h2>
        <p className="mt-1 text-sm text-stone-600">{t("home.regionsIntro")}</p>
        <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="regions">
          {regions.map((region) => (
            <li
              key={region.id}
              className="flex flex-col rounded-lg border border-stone-200 bg-white p-4 shadow-sm"
              data-testid="region"
            >
              <h3 className="text-lg font-semibold">
                <Link
                  to={localePath(locale, `/regions/${region.slug}`)}
                  className="text-brand-800 underline-offset-2 hover:underline"
                >
                  {pick(locale, region, "name")}
                </Link>
              </h3>
              <p className="mt-1 line-clamp-3 text-sm text-stone-600">{pick(locale, region, "description")}</p>
              <p className="mt-3 text-xs font-medium text-stone-700">
                {region.cooperativeCount
                  ? t("browse.countiesAndCooperatives", {
                      counties: region.countyCount,
                      cooperatives: region.cooperativeCount,
                    })
                  : t("home.noCooperatives")}
              </p>
              <ul className="mt-2 flex flex-wrap gap-1.5 text-xs">
                {region.cooperatives.map((coop) => (
                  <li key={coop.slug}>
                    <Link
                      to={localePath(locale, `/cooperatives/${coop.slug}`)}
                      className="inline-block rounded bg-stone-100 px-2 py-1 text-stone-800 hover:bg-brand-50 hover:text-brand-800"
                    >
                      {pick(locale, coop, "name")}
                    </Link>
                  </li>
                ))}
              </ul>
              {region.cooperativeCount > region.cooperatives.length && (
                <Link
                  to={localePath(locale, `/regions/${region.slug}`)}
                  className="mt-3 self-start text-sm font-medium text-brand-800 underline underline-offset-2"
                >
                  {t("home.allCooperatives", { count: region.cooperativeCount })} →
                </Link>
              )}
            </li>
          ))}
        </ul>
      </section>

      {featuredCooperatives.length > 0 && (
        <section aria-labelledby="featured-heading">
          <h2 id="featured-heading" className="text-xl font-bold">
            {t("browse.featuredCooperatives")}
          </h2>
          <p className="mt-1 text-sm text-stone-600">{t("browse.featuredIntro")}</p>
          <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="featured-cooperatives">
            {featuredCooperatives.map((cooperative) => (
              <CooperativeCard key={cooperative.slug} cooperative={cooperative} />
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading" className="text-xl font-bold">
          {t("browse.categories")}
        </h2>
        <ul className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="categories">
          {categories.map((category) => (
            <li key={category.slug}>
              <Link
                to={localePath(locale, `/categories/${category.slug}`)}
                className="flex min-h-16 flex-col justify-center rounded-lg border border-stone-200 bg-white px-4 py-3 hover:border-brand-700"
              >
                <span className="font-semibold text-brand-800">{pick(locale, category, "name")}</span>
                <span className="text-xs text-stone-600">
                  {t("browse.categoryCount", { count: category.productCount })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="products-heading">
        <h2 id="products-heading" className="text-xl font-bold">
          {t("home.products")}
        </h2>
        <p className="mt-1 text-sm text-stone-600">{t("browse.productsIntro", { count: productCount })}</p>
        <ul className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" data-testid="products">
          {products.map((product) => (
            <ProductCard key={product.id} product={product} />
          ))}
        </ul>
      </section>
    </div>
  );
}
