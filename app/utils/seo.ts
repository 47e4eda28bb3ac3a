/**
 * Search and sharing metadata: titles, descriptions, Open Graph, canonical and hreflang links,
 * JSON-LD, the sitemap and robots.txt. Pure functions: meta functions run in the browser too, so
 * the absolute origin (PUBLIC_BASE_URL) always comes in from a loader.
 */
import type { MetaDescriptor } from "@remix-run/node";
import { htmlLang, LOCALES, localePath, type Locale } from "./i18n";
import { translate } from "~/i18n/areas/shared";
import { fenToDecimal } from "./money";

/** An absolute URL on the public origin; keeps any path the origin itself has. */
export function absoluteUrl(baseUrl: string, path: string): string {
  if (/^https?:\/\//.test(path)) return path;
  return `${baseUrl.replace(/\/+$/, "")}${path.startsWith("/") ? path : `/${path}`}`;
}

/** The page at `path` (no language prefix) in a locale, absolute, with an optional query string. */
export function localeUrl(baseUrl: string, locale: Locale, path: string, search = ""): string {
  return absoluteUrl(baseUrl, localePath(locale, path)) + search;
}

/** Fen as the decimal string schema.org offers expect (money.ts). */
export { fenToDecimal };

/** A one-line summary for a meta description: whitespace collapsed, at most `max` characters. */
export function summary(text: string, max = 150): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

export interface PageSeo {
  baseUrl: string;
  locale: Locale;
  /** The page's path without a language prefix, e.g. "/products/puer-raw-cake". */
  path: string;
  /** A query string that makes a different page ("?page=2"), kept in canonical and alternates. */
  search?: string;
  /** The page's own title; the site name is appended. */
  title?: string;
  description: string;
  /** A path or absolute URL of the page's picture. */
  image?: { url: string; alt: string };
  type?: "website" | "product";
}

const ogLocale = (locale: Locale) => (locale === "zh" ? "zh_CN" : "en_US");

/** Canonical link to this language's page and hreflang alternates to both (Chinese is x-default). */
export function alternateLinks(baseUrl: string, locale: Locale, path: string, search = ""): MetaDescriptor[] {
  return [
    { tagName: "link", rel: "canonical", href: localeUrl(baseUrl, locale, path, search) },
    ...LOCALES.map((l) => ({
      tagName: "link",
      rel: "alternate",
      hrefLang: htmlLang(l),
      href: localeUrl(baseUrl, l, path, search),
    })),
    { tagName: "link", rel: "alternate", hrefLang: "x-default", href: localeUrl(baseUrl, "zh", path, search) },
  ];
}

/** Title, description, Open Graph, canonical and hreflang for a page. */
export function pageMeta(seo: PageSeo): MetaDescriptor[] {
  const siteName = translate(seo.locale, "site.name");
  const title = seo.title ? `${seo.title} | ${siteName}` : siteName;
  const description = summary(seo.description);
  const url = localeUrl(seo.baseUrl, seo.locale, seo.path, seo.search);
  const meta: MetaDescriptor[] = [
    { title },
    { name: "description", content: description },
    { property: "og:site_name", content: siteName },
    { property: "og:title", content: seo.title ?? siteName },
    { property: "og:description", content: description },
    { property: "og:type", content: seo.type ?? "website" },
    { property: "og:url", content: url },
    { property: "og:locale", content: ogLocale(seo.locale) },
    { property: "og:locale:alternate", content: ogLocale(seo.locale === "zh" ? "en" : "zh") },
    { name: "twitter:card", content: seo.image ? "summary_large_image" : "summary" },
    ...alternateLinks(seo.baseUrl, seo.locale, seo.path, seo.search),
  ];
  if (seo.image) {
    meta.push(
      { property: "og:image", content: absoluteUrl(seo.baseUrl, seo.image.url) },
      { property: "og:image:alt", content: seo.image.alt },
    );
  }
  return meta;
}

/** The meta of a page that failed to load (404): a title, and kept out of search results. */
export function notFoundMeta(locale: Locale): MetaDescriptor[] {
  return [
    { title: `${translate(locale, "error.notFound")} | ${translate(locale, "site.name")}` },
    { name: "robots", content: "noindex" },
  ];
}

export interface ProductLd {
  url: string;
  name: string;
  description: string;
  /** Absolute image URLs. */
  images: string[];
  sku: string;
  category: string;
  priceFen: number;
  stock: number;
  seller: { name: string; url: string };
  certificate?: { number: string; body: string; validFrom: string | null; validUntil: string | null } | null;
}

/** schema.org Product with one Offer in CNY; availability follows the stock. */
export function productJsonLd(p: ProductLd) {
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    name: p.name,
    description: p.description,
    image: p.images,
    sku: p.sku,
    category: p.category,
    url: p.url,
    brand: { "@type": "Brand", name: p.seller.name },
    ...(p.certificate
      ? {
          hasCertification: {
            "@type": "Certification",
            name: p.certificate.body,
            certificationIdentification: p.certificate.number,
            issuedBy: { "@type": "Organization", name: p.certificate.body },
            ...(p.certificate.validFrom ? { validFrom: p.certificate.validFrom } : {}),
            ...(p.certificate.validUntil ? { expires: p.certificate.validUntil } : {}),
          },
        }
      : {}),
    offers: {
      "@type": "Offer",
      url: p.url,
      price: fenToDecimal(p.priceFen),
      priceCurrency: "CNY",
      availability: p.stock > 0 ? "https://schema.org/InStock" : "https://schema.org/OutOfStock",
      itemCondition: "https://schema.org/NewCondition",
      seller: { "@type": "Organization", name: p.seller.name, url: p.seller.url },
    },
  };
}

/** schema.org BreadcrumbList from absolute URLs, first to last. */
export function breadcrumbJsonLd(items: { name: string; url: string }[]) {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: items.map((item, index) => ({
      "@type": "ListItem",
      position: index + 1,
      name: item.name,
      item: item.url,
    })),
  };
}

const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!);

/** sitemap.xml: every page in both languages, each listing both as hreflang alternates. */
export function sitemapXml(baseUrl: string, entries: { path: string; lastModified?: string }[]): string {
  const urls = entries.flatMap((entry) =>
    LOCALES.map((locale) => {
      const alternates = [
        ...LOCALES.map((l) => [htmlLang(l), localeUrl(baseUrl, l, entry.path)] as const),
        ["x-default", localeUrl(baseUrl, "zh", entry.path)] as const,
      ]
        .map(([lang, href]) => `\n    <xhtml:link rel="alternate" hreflang="${lang}" href="${escapeXml(href)}"/>`)
        .join("");
      const lastmod = entry.lastModified ? `\n    <lastmod>${entry.lastModified}</lastmod>` : "";
      return `  <url>\n    <loc>${escapeXml(localeUrl(baseUrl, locale, entry.path))}</loc>${lastmod}${alternates}\n  </url>`;
    }),
  );
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">`,
    ...urls,
    `</urlset>`,
    "",
  ].join("\n");
}

/** Pages that are someone's own business (cart, checkout, orders, payment), in both languages. */
export const PRIVATE_PATHS = ["/cart", "/checkout", "/orders", "/pay"];

/** robots.txt: everything may be crawled except the private pages; the sitemap is named. */
export function robotsTxt(baseUrl: string): string {
  const disallow = PRIVATE_PATHS.flatMap((path) => LOCALES.map((locale) => `Disallow: ${localePath(locale, path)}`));
  return ["User-agent: *", "Allow: /", ...disallow, "", `Sitemap: ${absoluteUrl(baseUrl, "/sitemap.xml")}`, ""].join(
    "\n",
  );
}
