import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "~/components/browse/Breadcrumbs";
import { PartnersSection } from "~/components/browse/PartnersSection";
import { ProductSection } from "~/components/browse/ProductSection";
import { linkageHelpKey, linkageKey } from "~/components/browse/format";
import { browseMeta } from "~/catalog/browse-meta";
import { loadBrowsePage } from "~/catalog/browse-page.server";
import { getCooperativePage } from "~/catalog/browse.server";
import { publicRouteHeaders } from "~/utils/http.server";
import { localePath, pick } from "~/utils/i18n";
import { useT } from "~/i18n/areas/storefront";

export function loader(args: LoaderFunctionArgs) {
  return loadBrowsePage(args, getCooperativePage);
}

/** Shared by the cache in front for anonymous visitors (ADR 007); errors never. */
export const headers = publicRouteHeaders;

export const meta: MetaFunction<typeof loader> = ({ data, location }) =>
  browseMeta(data, location, ({ locale, cooperative }) => {
    const { county } = cooperative;
    const name = pick(locale, cooperative, "name");
    return {
      path: `/cooperatives/${cooperative.slug}`,
      title: `${name} · ${pick(locale, county, "name")}`,
      description:
        pick(locale, cooperative, "story") ||
        `${pick(locale, county.region, "name")} · ${pick(locale, county, "name")}`,
      parents: [
        { name: pick(locale, county.region, "name"), path: `/regions/${county.region.slug}` },
        { name: pick(locale, county, "name"), path: `/counties/${county.slug}` },
      ],
      name,
    };
  });

export default function CooperativePage() {
  const { locale, cooperative, partners, products } = useLoaderData<typeof loader>();
  const { county } = cooperative;
  const t = useT();
  const story = pick(locale, cooperative, "story");
  return (
    <div className="space-y-10">
      <header className="space-y-3">
        <Breadcrumbs
          items={[
            { label: pick(locale, county.region, "name"), path: `/regions/${county.region.slug}` },
            { label: pick(locale, county, "name"), path: `/counties/${county.slug}` },
            { label: pick(locale, cooperative, "name") },
          ]}
        />
        <p className="text-sm font-medium text-brand-700">
          <Link
            to={localePath(locale, `/regions/${county.region.slug}`)}
            className="underline-offset-2 hover:underline"
          >
            {pick(locale, county.region, "name")}
          </Link>
          {" · "}
          <Link to={localePath(locale, `/counties/${county.slug}`)} className="underline-offset-2 hover:underline">
            {pick(locale, county, "name")}
          </Link>
        </p>
        <h1 className="text-2xl font-bold text-brand-800 sm:text-3xl">{pick(locale, cooperative, "name")}</h1>
      </header>

      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <dl
          className="grid grid-cols-2 content-start gap-3 sm:grid-cols-3 lg:order-2 lg:grid-cols-1"
          data-testid="cooperative-facts"
        >
          <div className="col-span-2 rounded-lg border border-stone-200 bg-white p-4 sm:col-span-1">
            <dt className="text-sm text-stone-600">{t("browse.linkage")}</dt>
            <dd className="mt-1 text-lg font-semibold" data-testid="linkage">
              {t(linkageKey(cooperative.linkageType))}
            </dd>
            <dd className="text-sm text-stone-700">{t(linkageHelpKey(cooperative.linkageType))}</dd>
          </div>
          <div className="rounded-lg border border-stone-200 bg-white p-4">
            <dt className="text-sm text-stone-600">{t("browse.households")}</dt>
            <dd className="mt-1 text-lg font-semibold" data-testid="households">
              {t("browse.householdsCount", { count: cooperative.householdsLinked })}
            </dd>
          </div>
          <div className="rounded-lg border border-stone-200 bg-white p-4">
            <dt className="text-sm text-stone-600">{t("browse.booth")}</dt>
            <dd className="mt-1 text-lg font-semibold" data-testid="booth">
              {cooperative.boothNumber
                ? t("browse.boothNumber", { booth: cooperative.boothNumber })
                : t("browse.noBooth")}
            </dd>
          </div>
        </dl>
        <div className="space-y-8 lg:order-1">
          {story && (
            <section aria-labelledby="story-heading">
              <h2 id="story-heading" className="text-xl font-bold">
                {t("browse.story")}
              </h2>
              <p className="mt-2 whitespace-pre-line leading-relaxed text-stone-800">{story}</p>
            </section>
          )}
          <PartnersSection
            partners={partners}
            countyName={pick(locale, county, "name")}
            intro={t("browse.partnersIntro")}
          />
        </div>
      </div>

      <ProductSection
        id="products-heading"
        title={t("browse.products")}
        products={products}
        path={`/cooperatives/${cooperative.slug}`}
      />
    </div>
  );
}
