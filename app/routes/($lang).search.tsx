import { data } from "@remix-run/node";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useNavigation } from "@remix-run/react";
import { ProductCard } from "~/components/ProductCard";
import { ActiveFilters } from "~/components/search/ActiveFilters";
import { searchHref, withoutFilters } from "~/components/search/links";
import { Pagination } from "~/components/search/Pagination";
import { SearchForm } from "~/components/search/SearchForm";
import { SearchNotes } from "~/components/search/SearchNotes";
import { SearchSuggestions } from "~/components/search/SearchSuggestions";
import { SearchToolbar } from "~/components/search/SearchToolbar";
import { hitRateLimit, LIMITS } from "~/utils/rate-limit.server";
import { searchProducts } from "~/catalog/search.server";
import { activeFilterCount, parseSearchParams, toSearchParams } from "~/catalog/search-schema";
import { clientAddress } from "~/accounts/auth.server";
import { db } from "~/utils/db.server";
import { publicPageHeaders, publicRouteHeaders } from "~/utils/http.server";
import { cacheKeys } from "~/utils/cache-purge.server";
import { env } from "~/utils/env.server";
import { inPageLanguage } from "~/utils/page-language.server";
import { localeFromParam, localeFromPath, localePath, type Locale } from "~/utils/i18n";
import { translate } from "~/i18n/areas/storefront";
import { notFoundMeta, pageMeta } from "~/utils/seo";

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const locale = localeFromParam(params.lang);
  if (!locale) throw new Response("Not found", { status: 404 });
  const prisma = await db();
  // Search is the most expensive public page: limit it per address, counted in the database.
  const limit = await hitRateLimit(prisma, LIMITS.search, clientAddress(context));
  if (!limit.allowed)
    throw new Response("Too many requests", {
      status: 429,
      headers: { "Retry-After": String(limit.retryAfterSeconds) },
    });
  const query = parseSearchParams(new URL(request.url).searchParams);
  const result = await searchProducts(prisma, query, { locale });
  return data(
    { locale, baseUrl: env().PUBLIC_BASE_URL, ...inPageLanguage(locale, result) },
    {
      headers: publicPageHeaders(request, {
        sMaxAge: 30,
        swr: 120,
        keys: [cacheKeys.catalogue, cacheKeys.listings, ...result.products.map((p) => cacheKeys.product(p.id))],
      }),
    },
  );
}

/** The title names the search text (shortened) and the page after the first. */
function pageTitle(locale: Locale, q: string, page: number): string {
  const shown = Array.from(q).length > 30 ? `${Array.from(q).slice(0, 30).join("")}…` : q;
  const title = q ? translate(locale, "search.titleWithQuery", { q: shown }) : translate(locale, "search.title");
  return page > 1 ? translate(locale, "search.titlePage", { title, page }) : title;
}

/** Shared by the cache in front for anonymous visitors (ADR 007); errors never. */
export const headers = publicRouteHeaders;

export const meta: MetaFunction<typeof loader> = ({ data, location }) => {
  if (!data) return notFoundMeta(localeFromPath(location.pathname));
  const { locale, baseUrl, query, page } = data;
  return [
    // Canonical is the bare /search: result pages are endless variations of one page.
    ...pageMeta({
      baseUrl,
      locale,
      path: "/search",
      title: pageTitle(locale, query.q, page),
      description: translate(locale, "search.metaDescription"),
    }),
    ...(location.search.length > 1 ? [{ name: "robots", content: "noindex, follow" }] : []),
  ];
};

export default function SearchPage() {
  const { locale, query, products, total, page, pageCount, facets } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const action = localePath(locale, "/search");
  const filterCount = activeFilterCount(query);
  const nothingAsked = !query.q && filterCount === 0;
  const loading = navigation.state === "loading" && navigation.location.pathname === action;
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold text-brand-800 sm:text-3xl">{pageTitle(locale, query.q, 1)}</h1>

      <SearchForm
        key={toSearchParams(query).toString()}
        action={action}
        query={query}
        facets={facets}
        clearFiltersHref={withoutFilters(action, query)}
      />
      <ActiveFilters action={action} query={query} facets={facets} />
      <SearchNotes notes={query.notes} />
      {nothingAsked && (
        <SearchSuggestions action={action} query={query} facets={facets} variant="start" filterCount={0} />
      )}

      <section aria-labelledby="results-heading" aria-busy={loading} className="space-y-4">
        <h2 id="results-heading" className="sr-only">
          {translate(locale, nothingAsked ? "search.allProducts" : "search.results")}
        </h2>
        <SearchToolbar total={total} page={page} pageCount={pageCount} sort={query.sort} hasText={query.q !== ""} />
        {total === 0 ? (
          <SearchSuggestions action={action} query={query} facets={facets} variant="empty" filterCount={filterCount} />
        ) : (
          <ul
            className={`grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4 ${loading ? "opacity-60" : ""}`}
            data-testid="search-results"
          >
            {products.map((product) => (
              <ProductCard key={product.slug} product={product} />
            ))}
          </ul>
        )}
        <Pagination
          page={page}
          pageCount={pageCount}
          hrefFor={(target) => searchHref(action, query, { page: target })}
        />
      </section>
    </div>
  );
}
