import { getSitemapEntries } from "~/catalog/browse.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { sitemapXml } from "~/utils/seo";

/** /sitemap.xml: every public page in Chinese and English, with hreflang alternates. */
export async function loader() {
  const entries = await getSitemapEntries(await db());
  return new Response(sitemapXml(env().PUBLIC_BASE_URL, entries), {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
