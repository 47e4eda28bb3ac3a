import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { BoothTill } from "~/components/portal/BoothTill";
import { portalHref } from "~/portal/href";
import { Notice } from "~/components/portal/Notice";
import { PortalErrorBoundary } from "~/components/portal/PortalErrorBoundary";
import { panel } from "~/components/portal/styles";
import { BoothSoldOutError, getBoothScreen, recordBoothSale } from "~/payments/booth.server";
import { PortalConflictError } from "~/portal/portal-common.server";
import { BoothSaleSchema, PORTAL_FALLBACK } from "~/portal/portal-schema";
import { requireCooperativeStaff } from "~/accounts/auth.server";
import { formatDateTime } from "~/utils/shanghai-time";
import { db } from "~/utils/db.server";
import { parseSubmission } from "~/utils/forms";
import { localeFromUrl, localePath, pick } from "~/utils/i18n";
import { useT } from "~/i18n/areas/portal";
import { formatFen } from "~/utils/money";

export const meta: MetaFunction = () => [{ title: "展位收银 · Booth till" }, { name: "robots", content: "noindex" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCooperativeStaff(request);
  const url = new URL(request.url);
  const screen = await getBoothScreen(await db(), user.cooperativeId);
  const sold = url.searchParams.get("sold");
  return data(
    {
      locale: localeFromUrl(url),
      ...screen,
      justSold: screen.recent.find((o) => o.id === sold) ?? null,
      // A fresh key for every sale: the same form posted twice (a double tap) records one sale.
      saleKey: randomUUID(),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCooperativeStaff(request);
  const submission = parseSubmission(await request.formData(), BoothSaleSchema, PORTAL_FALLBACK);
  if (submission.status !== "success") return data({ result: submission.reply(), soldOut: null }, { status: 400 });
  try {
    const sale = await recordBoothSale(await db(), {
      cooperativeId: user.cooperativeId,
      actorId: user.id,
      input: submission.value,
    });
    return redirect(portalHref(localeFromUrl(request.url), "/portal/booth", { sold: sale.orderId }));
  } catch (error) {
    // Nothing was recorded: the till shows the quantities again, with what is left of each.
    if (error instanceof BoothSoldOutError)
      return data({ result: submission.reply(), soldOut: error.items }, { status: 409 });
    if (error instanceof PortalConflictError)
      return data(
        { result: submission.reply({ fieldErrors: { [error.field]: [error.message] } }), soldOut: null },
        { status: 409 },
      );
    throw error;
  }
}

export const ErrorBoundary = PortalErrorBoundary;

export default function BoothPage() {
  const { locale, products, recent, boothTodayFen, justSold, saleKey } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const paymentLabel = (reference: string | null) =>
    t(reference === "qr" ? "portal.booth.payment.QR" : "portal.booth.payment.CASH");

  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("portal.booth.title")}</h1>
        <p className="text-sm text-stone-700">
          {t("portal.booth.today")}{" "}
          <strong className="text-lg tabular-nums" data-testid="booth-today">
            {formatFen(boothTodayFen, locale)}
          </strong>
        </p>
      </div>
      {justSold && !result && (
        <Notice testId="booth-recorded">
          {t("portal.booth.recorded", {
            total: formatFen(justSold.totalFen, locale),
            payment: paymentLabel(justSold.paymentReference),
          })}{" "}
          <a href={localePath(locale, `/orders/${justSold.token}`)} className="underline">
            {t("portal.booth.receipt")}
          </a>
        </Notice>
      )}
      {result?.soldOut && (
        <Notice tone="error" testId="booth-sold-out">
          <p>{t("portal.error.soldOut")}</p>
          <ul className="mt-1 list-disc pl-5">
            {result.soldOut.map((item) => (
              <li key={item.productId}>
                {t("portal.error.available", { name: pick(locale, item, "name") || "—", count: item.available })}
              </li>
            ))}
          </ul>
        </Notice>
      )}
      {products.length === 0 ? (
        <p className="text-stone-600">{t("portal.booth.noProducts")}</p>
      ) : (
        <BoothTill
          key={saleKey}
          products={products}
          saleKey={saleKey}
          lastResult={result?.result}
          submitting={navigation.state !== "idle" && navigation.formMethod === "POST"}
        />
      )}
      <section aria-labelledby="recent-heading" className={panel}>
        <h2 id="recent-heading" className="font-semibold">
          {t("portal.booth.recent")}
        </h2>
        {recent.length === 0 ? (
          <p className="mt-2 text-sm text-stone-600">{t("portal.booth.none")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-stone-200 text-sm" data-testid="booth-recent">
            {recent.map((o) => (
              <li key={o.id} className="flex flex-wrap justify-between gap-2 py-2">
                <span>
                  {o.paidAt ? formatDateTime(o.paidAt, locale) : ""} ·{" "}
                  {o.lines.map((l) => `${pick(locale, l, "name")} × ${l.quantity}`).join(locale === "zh" ? "，" : ", ")}
                </span>
                <span className="tabular-nums">
                  {formatFen(o.totalFen, locale)} · {paymentLabel(o.paymentReference)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
