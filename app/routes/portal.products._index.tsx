import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { portalHref } from "~/portal/href";
import { PortalErrorBoundary } from "~/components/portal/PortalErrorBoundary";
import { primaryButton } from "~/components/portal/styles";
import { listCooperativeProducts } from "~/portal/portal-products.server";
import { requireCooperativeStaff } from "~/accounts/auth.server";
import { db } from "~/utils/db.server";
import { localeFromUrl, pick } from "~/utils/i18n";
import { useT } from "~/i18n/areas/portal";
import { formatFen } from "~/utils/money";

export const meta: MetaFunction = () => [{ title: "我的商品 · Our products" }, { name: "robots", content: "noindex" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCooperativeStaff(request);
  return {
    locale: localeFromUrl(request.url),
    products: await listCooperativeProducts(await db(), user.cooperativeId),
  };
}

export const ErrorBoundary = PortalErrorBoundary;

const STATUS_STYLE = {
  LISTED: "bg-green-100 text-green-900",
  DRAFT: "bg-stone-200 text-stone-800",
  RETIRED: "bg-stone-100 text-stone-500 line-through",
} as const;

export default function PortalProducts() {
  const { locale, products } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("portal.products.title")}</h1>
        <Link to={portalHref(locale, "/portal/products/new")} className={primaryButton}>
          {t("portal.products.new")}
        </Link>
      </div>
      {products.length === 0 ? (
        <p className="text-stone-600">{t("portal.products.empty")}</p>
      ) : (
        <ul
          className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white"
          data-testid="product-list"
        >
          {products.map((p) => (
            <li key={p.id} className="flex items-center gap-3 p-3" data-testid="product-row">
              {p.images[0] && (
                <img
                  src={p.images[0].url}
                  alt=""
                  width={56}
                  height={56}
                  loading="lazy"
                  className="size-14 shrink-0 rounded object-cover"
                />
              )}
              <div className="min-w-0 flex-1">
                <Link
                  to={portalHref(locale, `/portal/products/${p.id}`)}
                  className="font-semibold text-brand-700 underline-offset-2 hover:underline"
                >
                  {pick(locale, p, "name")}
                </Link>
                <p className="text-sm text-stone-600">
                  {pick(locale, p.category, "name")} · {formatFen(p.priceFen, locale)} / {pick(locale, p, "unit")} ·{" "}
                  {t("portal.products.stock")} {p.stock}
                </p>
                <p className="mt-1 flex flex-wrap gap-1.5 text-xs">
                  <span className={`rounded px-1.5 py-0.5 ${STATUS_STYLE[p.status]}`}>
                    {t(`portal.status.${p.status}`)}
                  </span>
                  <span className="rounded border border-stone-300 px-1.5 py-0.5 text-stone-700">
                    {t(`portal.cert.${p.certificationStatus}`)}
                  </span>
                </p>
              </div>
              <Link
                to={portalHref(locale, `/portal/products/${p.id}`)}
                className="shrink-0 rounded border border-stone-300 px-3 py-2 text-sm hover:bg-stone-100"
                aria-label={`${t("portal.products.edit")} ${pick(locale, p, "name")}`}
              >
                {t("portal.products.edit")}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
