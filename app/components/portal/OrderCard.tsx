import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { controlClass, controlProps, ErrorList, FormErrors } from "~/components/ui/Field";
import { useSchemaForm } from "~/components/ui/use-schema-form";
import { FulfilmentSchema, PORTAL_FALLBACK } from "~/portal/portal-schema";
import type { FormReply } from "~/utils/forms";
import { formatDateTime } from "~/utils/shanghai-time";
import { pick } from "~/utils/i18n";
import { useT, type PortalKey } from "~/i18n/areas/portal";
import { formatFen } from "~/utils/money";
import { RecipientList, type RecipientRowData } from "~/components/units/RecipientList";
import { panel, primaryButton, secondaryButton } from "./styles";
import { useLocale } from "~/utils/use-locale";

export interface OrderCardData {
  id: string;
  status: string;
  channel: "ONLINE" | "BOOTH" | "UNIT";
  paidAt: string | Date | null;
  fulfilment: "BOOTH_PICKUP" | "DELIVERY";
  contactName: string;
  contactPhone: string | null;
  contactEmail: string | null;
  recipientName: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  addressLine: string | null;
  postalCode: string | null;
  lines: {
    id: string;
    nameZh: string;
    nameEn: string;
    unitZh: string;
    unitEn: string;
    quantity: number;
    refundedQuantity: number;
    lineTotalFen: number;
  }[];
  orderFulfilments: { status: "PACKED" | "SHIPPED" | "PICKED_UP"; trackingNumber: string | null }[];
  /** A unit order's recipient list, this cooperative's rows only (empty for other orders). */
  recipients?: RecipientRowData[];
}

/**
 * One order as the cooperative sees it: only its own lines, who to hand them to, and the next
 * fulfilment steps (each a small form that works without JavaScript). The steps are buttons;
 * shipping takes a tracking number, checked here with the action's schema before the post.
 */
export function OrderCard({
  order,
  lastResult,
  sentStatus,
}: {
  order: OrderCardData;
  /** The action's answer to one of this card's forms. */
  lastResult: FormReply | undefined;
  /** The step that answer was for. */
  sentStatus: string | undefined;
}) {
  const locale = useLocale();
  const t = useT();
  const shortId = order.id.slice(0, 8).toUpperCase();
  const current = order.orderFulfilments[0] ?? null;
  const state = current?.status ?? "NONE";
  const finished = state === "PICKED_UP";
  const delivery = order.fulfilment === "DELIVERY";
  const [shipForm, ship] = useSchemaForm({
    id: `ship-${order.id}`,
    schema: FulfilmentSchema,
    fallback: PORTAL_FALLBACK,
    lastResult: sentStatus === "SHIPPED" ? lastResult : undefined,
    defaultValue: { trackingNumber: current?.trackingNumber ?? "" },
    // The schema transforms the whole form (into what the action stores), which conform cannot read.
    constraint: false,
  });
  // What is wrong with the order rather than with a field (a step it cannot take now, a stale page).
  const cardErrors = ["", "orderId", "status"].flatMap((name) => lastResult?.error?.[name] ?? []);
  const step = (status: string, label: PortalKey, primary = false) => (
    <Form method="post">
      <input type="hidden" name="orderId" value={order.id} />
      <input type="hidden" name="status" value={status} />
      <button type="submit" className={primary ? primaryButton : secondaryButton}>
        {t(label)}
      </button>
    </Form>
  );
  const address = [order.province, order.city, order.district, order.addressLine].filter(Boolean).join(" ");

  return (
    <li className={`${panel} space-y-3`} data-testid="order-card" data-order-id={order.id}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="font-semibold">
          {t("portal.orders.heading", { id: shortId })}{" "}
          <span className="ml-1 rounded bg-stone-100 px-1.5 py-0.5 text-xs font-normal">
            {t(`portal.orders.channel.${order.channel}`)}
          </span>
        </h2>
        <span className="rounded border border-stone-300 px-2 py-0.5 text-sm" data-testid="fulfilment-state">
          {t(`portal.fulfilment.${state}`)}
          {current?.trackingNumber ? ` · ${current.trackingNumber}` : ""}
        </span>
      </div>
      {order.paidAt && (
        <p className="text-xs text-stone-600">
          {t("portal.orders.paidAt", { time: formatDateTime(order.paidAt, locale) })} ·{" "}
          {t(`shop.status.${order.status}` as PortalKey)}
        </p>
      )}
      <ul className="text-sm">
        {order.lines.map((line) => (
          <li key={line.id} className="flex justify-between gap-3">
            <span>
              {pick(locale, line, "name")} × {line.quantity} {pick(locale, line, "unit")}
              {line.refundedQuantity > 0 && (
                <span className="ml-1 text-red-800">
                  ({t("portal.orders.refunded", { count: line.refundedQuantity })})
                </span>
              )}
            </span>
            <span className="tabular-nums">{formatFen(line.lineTotalFen, locale)}</span>
          </li>
        ))}
      </ul>
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-stone-600">{t("portal.orders.contact")}</dt>
        <dd>
          {order.recipientName ?? order.contactName}
          {order.contactPhone ? ` · ${order.contactPhone}` : ""}
          {order.contactEmail ? ` · ${order.contactEmail}` : ""}
        </dd>
        <dt className="text-stone-600">{t("shop.fulfilment")}</dt>
        <dd>{t(`shop.fulfilment.${order.fulfilment}`)}</dd>
        {delivery && address && (
          <>
            <dt className="text-stone-600">{t("portal.orders.address")}</dt>
            <dd>
              {address}
              {order.postalCode ? ` ${order.postalCode}` : ""}
            </dd>
          </>
        )}
      </dl>
      <RecipientList locale={locale} recipients={order.recipients ?? []} />
      <FormErrors errors={cardErrors} fallback={PORTAL_FALLBACK} />
      {!finished && (
        <div className="flex flex-wrap items-end gap-2">
          {state === "NONE" && step("PACKED", "portal.orders.markPacked")}
          {!delivery && step("PICKED_UP", "portal.orders.markPickedUp", true)}
          {delivery && (
            <Form method="post" className="flex flex-wrap items-end gap-2" {...getFormProps(shipForm)}>
              <input type="hidden" name={ship.orderId.name} value={order.id} />
              <input type="hidden" name={ship.status.name} value="SHIPPED" />
              <div className="flex flex-col gap-1">
                <label htmlFor={ship.trackingNumber.id} className="text-sm font-medium">
                  {t("portal.orders.tracking")}
                </label>
                <input
                  {...controlProps(ship.trackingNumber)}
                  autoComplete="off"
                  maxLength={40}
                  className={controlClass(Boolean(ship.trackingNumber.errors?.length))}
                />
                <ErrorList
                  field={ship.trackingNumber}
                  fallback={PORTAL_FALLBACK}
                  testId={`error-tracking-${order.id}`}
                />
              </div>
              <button type="submit" className={primaryButton}>
                {t(state === "SHIPPED" ? "portal.orders.correctTracking" : "portal.orders.markShipped")}
              </button>
            </Form>
          )}
        </div>
      )}
    </li>
  );
}
