import type { LoaderFunctionArgs } from "@remix-run/node";
import { getProductArtSubject } from "~/catalog/catalog.server";
import { db } from "~/utils/db.server";
import { drawProductArt } from "~/utils/product-art";

/** The picture drawn by code for a product (/images/products/<slug>.svg). */
export async function loader({ params }: LoaderFunctionArgs) {
  const match = /^([a-z0-9-]{1,120})\.svg$/.exec(params.file ?? "");
  if (!match) throw new Response("Not found", { status: 404 });
  const product = await getProductArtSubject(await db(), match[1]!);
  if (!product) throw new Response("Not found", { status: 404 });
  const svg = drawProductArt({ ...product, categorySlug: product.category.slug });
  return new Response(svg, {
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      "Cache-Control": "public, max-age=86400",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
