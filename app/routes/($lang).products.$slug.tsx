import { data } from "@remix-run/node";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { AddToCartForm } from "~/components/AddToCartForm";
import { MarkdownView } from "~/components/MarkdownView";
import { ProductCard } from "~/components/ProductCard";
import { Breadcrumbs } from "~/components/browse/Breadcrumbs";
import { CertificationPanel } from "~/components/browse/CertificationPanel";
import { PartnersSection } from "~/components/browse/PartnersSection";
import { ProductGallery } from "~/components/browse/ProductGallery";
import { Provenance } from "~/components/browse/Provenance";
import { StockBadge } from "~/components/browse/StockBadge";
import { getProductPage } from "~/catalog/browse.server";
import { db } from "~/utils/db.server";
import { publicPageHeaders, publicRouteHeaders } from "~/utils/http.server";
import { cacheKeys } from "~/utils/cache-purge.server";
import { env } from "~/utils/env.server";
import { inPageLanguage } from "~/utils/page-language.server";
import { localeFromParam, localeFromPath, localePath, pick } from "~/utils/i18n";
import { useT, translate } from "~/i18n/areas/storefront";
import { markdownToText } from "~/utils/markdown";
import { formatFen } from "~/utils/money";
import {
  absoluteUrl,
  breadcrumbJsonLd,
  fenToDecimal,
  localeUrl,
  notFoundMeta,
  pageMeta,
  productJsonLd,
} from "~/utils/seo";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const locale = localeFromParam(params.lang);
  if (!locale || !params.slug) throw new Response("Not found", { status: 404 });
  const found = await getProductPage(await db(), params.slug);
  if (!found) throw new Response("Not found", { status: 404 });
  return data(
    { locale, baseUrl: env().PUBLIC_BASE_URL, ...inPageLanguage(locale, found) },
    {
      // The product's own key, and its siblings' (the page shows them as cards).
      headers: publicPageHeaders(request, {
        sMaxAge: 15,
        swr: 60,
        keys: [
          cacheKeys.catalogue,
          cacheKeys.product(found.product.id),
          ...found.moreFromCooperative.map((p) => cacheKeys.product(p.id)),
        ],
      }),
    },
  );
}

/** Shared by the cache in front for anonymous visitors (ADR 007); errors never. */
export const headers = publicRouteHeaders;

export const meta: MetaFunction<typeof loader> = ({ data, location }) => {
  if (!data) return notFoundMeta(localeFromPath(location.pathname));
  const { locale, baseUrl, product } = data;
  const { cooperative } = product;
  const { county } = cooperative;
  const path = `/products/${product.slug}`;
  const name = pick(locale, product, "name");
  const url = localeUrl(baseUrl, locale, path);
  const description =
    markdownToText(pick(locale, product, "description")) ||
    translate(locale, "browse.productSummary", {
      cooperative: pick(locale, cooperative, "name"),
      county: pick(locale, county, "name"),
      region: pick(locale, county.region, "name"),
      price: formatFen(product.priceFen, locale),
      unit: pick(locale, product, "unit"),
    });
  const image = product.images[0];
  const { certification } = product;
  return [
    ...pageMeta({
      baseUrl,
      locale,
      path,
      type: "product",
      title: `${name} · ${pick(locale, cooperative, "name")}`,
      description,
      image: image && { url: image.url, alt: pick(locale, image, "alt") || name },
    }),
    { property: "product:price:amount", content: fenToDecimal(product.priceFen) },
    { property: "product:price:currency", content: "CNY" },
    {
      "script:ld+json": productJsonLd({
        url,
        name,
        description,
        images: product.images.map((i) => absoluteUrl(baseUrl, i.url)),
        sku: product.slug,
        category: pick(locale, product.category, "name"),
        priceFen: product.priceFen,
        stock: product.stock,
        seller: {
          name: pick(locale, cooperative, "name"),
          url: localeUrl(baseUrl, locale, `/cooperatives/${cooperative.slug}`),
        },
        certificate: certification.status === "valid" ? certification : null,
      }),
    },
    {
      "script:ld+json": breadcrumbJsonLd([
        { name: translate(locale, "nav.home"), url: localeUrl(baseUrl, locale, "/") },
        {
          name: pick(locale, county.region, "name"),
          url: localeUrl(baseUrl, locale, `/regions/${county.region.slug}`),
        },
        { name: pick(locale, county, "name"), url: localeUrl(baseUrl, locale, `/counties/${county.slug}`) },
        {
          name: pick(locale, cooperative, "name"),
          url: localeUrl(baseUrl, locale, `/cooperatives/${cooperative.slug}`),
        },
        { name, url },
      ]),
    },
  ];
};

export default function ProductPage() {
  const { locale, product, partners, moreFromCooperative } = useLoaderData<typeof loader>();
  const location = useLocation();
  const { cooperative } = product;
  const { county } = cooperative;
  const { region } = county;
  const t = useT();
  const name = pick(locale, product, "name");
  const unit = pick(locale, product, "unit");
  const description = pick(locale, product, "description");
  const places = {
    cooperative: pick(locale, cooperative, "name"),
    county: pick(locale, county, "name"),
    region: pick(locale, region, "name"),
  };
  return (
    <div className="space-y-10">
      <Breadcrumbs
        items={[
          { label: places.region, path: `/regions/${region.slug}` },
          { label: places.county, path: `/counties/${county.slug}` },
          { label: places.cooperative, path: `/cooperatives/${cooperative.slug}` },
          { label: name },
        ]}
      />

      <div className="grid gap-6 md:grid-cols-2 md:gap-10">
        <ProductGallery images={product.images} name={name} />
        <div className="space-y-5">
          <div>
            <Link
              to={localePath(locale, `/categories/${product.category.slug}`)}
              className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
            >
              {pick(locale, product.category, "name")}
            </Link>
            <h1 className="mt-1 text-2xl font-bold leading-tight sm:text-3xl">{name}</h1>
            <p className="mt-1 text-stone-600">
              <Link
                to={localePath(locale, `/cooperatives/${cooperative.slug}`)}
                className="underline decoration-stone-400 underline-offset-2 hover:text-brand-700"
              >
                {places.cooperative}
              </Link>
              {" · "}
              {places.county}
            </p>
          </div>
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-2">
            <p>
              <span className="sr-only">{t("browse.price")}: </span>
              <span className="text-3xl font-bold text-brand-700" data-testid="product-price">
                {formatFen(product.priceFen, locale)}
              </span>
              <span className="ml-1 text-stone-600">{t("product.per", { unit })}</span>
            </p>
            <p>
              <span className="sr-only">{t("browse.availability")}: </span>
              <StockBadge state={product.stockState} stock={product.stock} unit={unit} />
            </p>
          </div>
          <AddToCartForm
            productId={product.id}
            stock={product.stock}
            returnTo={`${location.pathname}${location.search}`}
          />
          <CertificationPanel certification={product.certification} />
        </div>
      </div>

      {description && (
        <section aria-labelledby="description-heading" className="max-w-3xl">
          <h2 id="description-heading" className="text-xl font-bold">
            {t("browse.description")}
          </h2>
          <MarkdownView source={description} className="mt-2 text-stone-800" />
        </section>
      )}

      <section aria-labelledby="provenance-heading">
        <h2 id="provenance-heading" className="text-xl font-bold">
          {t("browse.provenance")}
        </h2>
        <div className="mt-3">
          <Provenance region={region} county={county} cooperative={cooperative} />
        </div>
      </section>

      <section
        aria-labelledby="attribution-heading"
        className="max-w-3xl rounded-xl bg-brand-50 p-4 ring-1 ring-brand-100 sm:p-6"
      >
        <h2 id="attribution-heading" className="text-xl font-bold">
          {t("browse.attribution")}
        </h2>
        <p className="mt-2 text-stone-800" data-testid="attribution">
          {t(partners.from === "none" ? "browse.attributionNoPartners" : "browse.attributionNote", places)}
        </p>
        <div className="mt-6">
          <PartnersSection
            partners={partners}
            countyName={places.county}
            intro={t("browse.partnersIntro")}
            headingLevel={3}
          />
        </div>
      </section>

      {moreFromCooperative.length > 0 && (
        <section aria-labelledby="more-heading">
          <h2 id="more-heading" className="text-xl font-bold">
            {t("browse.moreFromCooperative", { cooperative: places.cooperative })}
          </h2>
          <ul className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
            {moreFromCooperative.map((p) => (
              <ProductCard key={p.id} product={p} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
