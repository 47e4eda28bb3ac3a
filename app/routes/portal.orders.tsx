import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { portalHref } from "~/portal/href";
import { Notice } from "~/components/portal/Notice";
import { OrderCard } from "~/components/portal/OrderCard";
import { PortalErrorBoundary } from "~/components/portal/PortalErrorBoundary";
import { PortalConflictError, rethrowAsHttp } from "~/portal/portal-common.server";
import { listCooperativeOrders, setFulfilment, type OrdersView } from "~/portal/portal-orders.server";
import { FulfilmentSchema, PORTAL_FALLBACK } from "~/portal/portal-schema";
import { requireCooperativeStaff } from "~/accounts/auth.server";
import { db } from "~/utils/db.server";
import { parseSubmission } from "~/utils/forms";
import { localeFromUrl } from "~/utils/i18n";
import { useT, type PortalKey } from "~/i18n/areas/portal";

export const meta: MetaFunction = () => [{ title: "订单 · Orders" }, { name: "robots", content: "noindex" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCooperativeStaff(request);
  const url = new URL(request.url);
  const view: OrdersView = url.searchParams.get("view") === "done" ? "done" : "open";
  const updated = url.searchParams.get("updated");
  return {
    locale: localeFromUrl(url),
    view,
    updated: updated && /^[0-9a-f-]{36}$/.test(updated) ? updated : null,
    orders: await listCooperativeOrders(await db(), user.cooperativeId, view),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCooperativeStaff(request);
  const submission = parseSubmission(await request.formData(), FulfilmentSchema, PORTAL_FALLBACK);
  // Which card, and which of its forms, the answer is for.
  const sent = { orderId: String(submission.payload.orderId ?? ""), status: String(submission.payload.status ?? "") };
  if (submission.status !== "success") return data({ ...sent, result: submission.reply() }, { status: 400 });
  try {
    await setFulfilment(await db(), { cooperativeId: user.cooperativeId, actorId: user.id, input: submission.value });
  } catch (error) {
    if (error instanceof PortalConflictError)
      return data(
        { ...sent, result: submission.reply({ fieldErrors: { [error.field]: [error.message] } }) },
        { status: 409 },
      );
    rethrowAsHttp(error);
  }
  const url = new URL(request.url);
  const view: Record<string, string> = url.searchParams.get("view") === "done" ? { view: "done" } : {};
  return redirect(portalHref(localeFromUrl(url), "/portal/orders", { ...view, updated: submission.value.orderId }));
}

export const ErrorBoundary = PortalErrorBoundary;

export default function PortalOrders() {
  const { locale, view, orders, updated } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const tab = (target: OrdersView, label: PortalKey) => (
    <Link
      to={portalHref(locale, "/portal/orders", target === "done" ? { view: "done" } : {})}
      aria-current={view === target ? "page" : undefined}
      className={`rounded px-3 py-1.5 text-sm ${view === target ? "bg-stone-800 text-white" : "border border-stone-300 hover:bg-stone-100"}`}
    >
      {t(label)}
    </Link>
  );
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("portal.orders.title")}</h1>
      <nav className="flex gap-2" aria-label={t("portal.orders.title")}>
        {tab("open", "portal.orders.open")}
        {tab("done", "portal.orders.done")}
      </nav>
      {updated && !result && (
        <Notice testId="portal-notice">
          {t("portal.notice.orderUpdated", { id: updated.slice(0, 8).toUpperCase() })}
        </Notice>
      )}
      {orders.length === 0 ? (
        <p className="text-stone-600">{t(view === "open" ? "portal.orders.emptyOpen" : "portal.orders.emptyDone")}</p>
      ) : (
        <ul className="space-y-3" data-testid="order-list">
          {orders.map((order) => (
            <OrderCard
              key={order.id}
              order={order}
              lastResult={result?.orderId === order.id ? result.result : undefined}
              sentStatus={result?.orderId === order.id ? result.status : undefined}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
