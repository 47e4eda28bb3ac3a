import type { LoaderFunctionArgs } from "@remix-run/node";
import type { PrismaClient } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { localeFromParam } from "~/utils/i18n";
import { parsePage } from "~/utils/page-param";
import type { PageQuery } from "./browse.server";

/**
 * The loader of a browse page (a region, county, cooperative or category and its products):
 * language from the URL, ?page= parsed, the page found by slug, and a 404 for an unknown
 * language, slug or page number past the last. Returns the page with the locale and the public
 * origin its meta needs (browseMeta in browse-meta.ts).
 */
export async function loadBrowsePage<T extends { products: { pageCount: number } }>(
  { params, request }: Pick<LoaderFunctionArgs, "params" | "request">,
  getPage: (prisma: PrismaClient, slug: string, query: PageQuery) => Promise<T | null>,
) {
  const locale = localeFromParam(params.lang);
  const page = parsePage(request);
  if (!locale || !page || !params.slug) throw new Response("Not found", { status: 404 });
  const data = await getPage(await db(), params.slug, { page });
  if (!data || page > data.products.pageCount) throw new Response("Not found", { status: 404 });
  return { locale, baseUrl: env().PUBLIC_BASE_URL, ...data };
}
