import { env } from "~/utils/env.server";
import { robotsTxt } from "~/utils/seo";

/** /robots.txt: crawl everything but carts, checkout, orders and payment; the sitemap is named. */
export function loader() {
  return new Response(robotsTxt(env().PUBLIC_BASE_URL), {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=86400" },
  });
}
