import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ProductCard } from "~/components/ProductCard";
import { getHomePage } from "~/models/catalog.server";
import { db } from "~/utils/db.server";
import { localeFromParam, pick, translate } from "~/utils/i18n";

export async function loader({ params }: LoaderFunctionArgs) {
  const locale = localeFromParam(params.lang);
  if (!locale) throw new Response("Not found", { status: 404 });
  const home = await getHomePage(await db());
  return { locale, ...home };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const locale = data?.locale ?? "zh";
  return [
    { title: translate(locale, "site.name") },
    { name: "description", content: `${translate(locale, "site.tagline")}. ${translate(locale, "site.fairDates")}.` },
  ];
};

export default function Home() {
  const { locale, regions, products } = useLoaderData<typeof loader>();
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(locale, key, params);
  return (
    <div className="space-y-10">
      <section className="rounded-xl bg-brand-50 p-5 ring-1 ring-brand-100">
        <h1 className="text-2xl font-bold text-brand-800 sm:text-3xl">{t("site.name")}</h1>
        <p className="mt-1 text-lg text-stone-800">{t("site.tagline")}</p>
        <p className="mt-1 text-sm text-stone-600">{t("site.fairDates")}</p>
      </section>

      <section aria-labelledby="regions-heading">
        <h2 id="regions-heading" className="text-xl font-bold">
          {t("home.regions")}
        </h2>
        <p className="mt-1 text-sm text-stone-600">{t("home.regionsIntro")}</p>
        <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="regions">
          {regions.map((region) => (
            <li key={region.id} className="rounded-lg border border-stone-200 bg-white p-4" data-testid="region">
              <h3 className="font-semibold text-brand-800">{pick(locale, region, "name")}</h3>
              <p className="mt-1 text-sm text-stone-600">{pick(locale, region, "description")}</p>
              <p className="mt-2 text-xs font-medium text-stone-700">
                {region.cooperatives.length
                  ? t("home.cooperatives", { count: region.cooperatives.length })
                  : t("home.noCooperatives")}
              </p>
              <ul className="mt-1 space-y-0.5 text-sm">
                {region.cooperatives.map((coop) => (
                  <li key={coop.slug}>{pick(locale, coop, "name")}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="products-heading">
        <h2 id="products-heading" className="text-xl font-bold">
          {t("home.products")}
        </h2>
        <ul className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" data-testid="products">
          {products.map((product) => (
            <ProductCard key={product.id} product={product} locale={locale} />
          ))}
        </ul>
      </section>
    </div>
  );
}
