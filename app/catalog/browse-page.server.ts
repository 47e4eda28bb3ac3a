import { data, type LoaderFunctionArgs } from "@remix-run/node";
import type { PrismaClient } from "~/generated/prisma/client";
import { cacheKeys } from "~/utils/cache-purge.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { publicPageHeaders } from "~/utils/http.server";
import { localeFromParam } from "~/utils/i18n";
import { parsePage } from "~/utils/page-param";
import { inPageLanguage } from "~/utils/page-language.server";
import type { PageQuery } from "./browse.server";

/**
 * The loader of a browse page (a region, county, cooperative or category and its products):
 * language from the URL, ?page= parsed, the page found by slug, and a 404 for an unknown
 * language, slug or page number past the last. Returns the page with the locale and the public
 * origin its meta needs (browseMeta in browse-meta.ts), with the shared-cache headers and purge
 * keys of its products (ADR 007).
 */
export async function loadBrowsePage<T extends { products: { pageCount: number; items: { id: string }[] } }>(
  { params, request }: Pick<LoaderFunctionArgs, "params" | "request">,
  getPage: (prisma: PrismaClient, slug: string, query: PageQuery) => Promise<T | null>,
) {
  const locale = localeFromParam(params.lang);
  const page = parsePage(request);
  if (!locale || !page || !params.slug) throw new Response("Not found", { status: 404 });
  const found = await getPage(await db(), params.slug, { page });
  if (!found || page > found.products.pageCount) throw new Response("Not found", { status: 404 });
  return data(
    { locale, baseUrl: env().PUBLIC_BASE_URL, ...inPageLanguage(locale, found) },
    {
      headers: publicPageHeaders(request, {
        sMaxAge: 60,
        swr: 300,
        keys: [cacheKeys.catalogue, cacheKeys.listings, ...found.products.items.map((p) => cacheKeys.product(p.id))],
      }),
    },
  );
}
