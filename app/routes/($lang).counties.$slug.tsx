import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "~/components/browse/Breadcrumbs";
import { CooperativeCard } from "~/components/browse/CooperativeCard";
import { PairedOrganisationList } from "~/components/browse/PairedOrganisationList";
import { ProductSection } from "~/components/browse/ProductSection";
import { browseMeta } from "~/catalog/browse-meta";
import { loadBrowsePage } from "~/catalog/browse-page.server";
import { getCountyPage } from "~/catalog/browse.server";
import { publicRouteHeaders } from "~/utils/http.server";
import { pick } from "~/utils/i18n";
import { useT } from "~/i18n/areas/storefront";

export function loader(args: LoaderFunctionArgs) {
  return loadBrowsePage(args, getCountyPage);
}

/** Shared by the cache in front for anonymous visitors (ADR 007); errors never. */
export const headers = publicRouteHeaders;

export const meta: MetaFunction<typeof loader> = ({ data, location }) =>
  browseMeta(data, location, ({ locale, county }) => {
    const name = pick(locale, county, "name");
    const region = pick(locale, county.region, "name");
    return {
      path: `/counties/${county.slug}`,
      title: `${name} · ${region}`,
      description: pick(locale, county, "description") || `${region} · ${name}`,
      parents: [{ name: region, path: `/regions/${county.region.slug}` }],
      name,
    };
  });

export default function CountyPage() {
  const { locale, county, organisations, products } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="space-y-10">
      <header className="space-y-3">
        <Breadcrumbs
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
              <CooperativeCard key={cooperative.slug} cooperative={cooperative} />
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
        <PairedOrganisationList organisations={organisations} />
      </section>

      <ProductSection
        id="products-heading"
        title={t("browse.products")}
        products={products}
        path={`/counties/${county.slug}`}
      />
    </div>
  );
}
