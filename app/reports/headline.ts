import type { MessageKey } from "~/i18n/areas/console";
import type { EntryDrill } from "~/reports/entries-params";
import type { ReportChannel, ReportFilters } from "~/reports/report-params";
import type { Headline } from "~/reports/types";

export interface ChannelFigure {
  key: "onlineDelivery" | "onlinePickup" | "booth" | "unit";
  /** The same words the entries list uses for a row's channel (entries-params channelLabelKey). */
  label: MessageKey;
  fen: number;
  /** The view and drill of the entries behind the figure; null when the view's channel filter rules it out (the figure is then 0). */
  view: ReportFilters | null;
  drill: Partial<EntryDrill>;
}

/**
 * The headline's sales by channel, in the order the page, the chart and the CSV list them: an
 * online order picked up at the booth (线上下单·展位自提) stands apart from the booth's own sales.
 */
export function channelFigures(headline: Headline, filters: ReportFilters): ChannelFigure[] {
  const view = (channel: ReportChannel) =>
    filters.channel && filters.channel !== channel ? null : { ...filters, channel };
  return [
    {
      key: "onlineDelivery",
      label: "reports.entries.onlineDelivery",
      fen: headline.onlineDeliveryFen,
      view: view("ONLINE"),
      drill: { fulfilment: "delivery" },
    },
    {
      key: "onlinePickup",
      label: "reports.entries.onlinePickup",
      fen: headline.onlinePickupFen,
      view: view("ONLINE"),
      drill: { fulfilment: "pickup" },
    },
    { key: "booth", label: "reports.entries.booth", fen: headline.boothFen, view: view("BOOTH"), drill: {} },
    { key: "unit", label: "reports.entries.unit", fen: headline.unitFen, view: view("UNIT"), drill: {} },
  ];
}
