import type { MetaDescriptor } from "@remix-run/node";
import { localeFromPath, type Locale } from "~/utils/i18n";
import { translate } from "~/i18n/areas/storefront";
import { breadcrumbJsonLd, localeUrl, notFoundMeta, pageMeta } from "~/utils/seo";

/** What a browse page's meta says about itself; the trail runs from the home page down to the page. */
export interface BrowsePageSeo {
  path: string;
  title: string;
  description: string;
  /** The places above this page, outermost first (the home page and the page itself are added). */
  parents?: { name: string; path: string }[];
  /** The page's own name in the breadcrumb trail. */
  name: string;
}

/**
 * The meta of a browse page: title, description, canonical and hreflang links (with ?page= past
 * the first page) and the breadcrumb JSON-LD; "not found" when the loader threw.
 */
export function browseMeta<D extends { locale: Locale; baseUrl: string; products: { page: number } }>(
  data: D | undefined,
  location: { pathname: string },
  describe: (data: D) => BrowsePageSeo,
): MetaDescriptor[] {
  if (!data) return notFoundMeta(localeFromPath(location.pathname));
  const { locale, baseUrl, products } = data;
  const seo = describe(data);
  return [
    ...pageMeta({
      baseUrl,
      locale,
      path: seo.path,
      search: products.page > 1 ? `?page=${products.page}` : "",
      title: seo.title,
      description: seo.description,
    }),
    {
      "script:ld+json": breadcrumbJsonLd([
        { name: translate(locale, "nav.home"), url: localeUrl(baseUrl, locale, "/") },
        ...(seo.parents ?? []).map((p) => ({ name: p.name, url: localeUrl(baseUrl, locale, p.path) })),
        { name: seo.name, url: localeUrl(baseUrl, locale, seo.path) },
      ]),
    },
  ];
}
