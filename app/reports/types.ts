import type { ReportFilters } from "./report-params";

/**
 * The shapes of the organisers' report, as the model returns them and the page and the CSV
 * export read them. Plain JSON (numbers, strings), so they cross from loader to browser as is.
 * Money is integer fen; refunds are positive amounts taken off the sales (net = sale − refund).
 */

export interface Named {
  id: string;
  slug: string;
  nameZh: string;
  nameEn: string;
}

export interface Money {
  saleFen: number;
  refundFen: number;
  netFen: number;
}

/** The level the place breakdown shows: the scope's children. */
export type PlaceLevel = "region" | "county" | "cooperative" | "product";

export interface PlaceRow extends Named, Money {
  level: PlaceLevel;
  /** Net sales of certified products (认定产品). */
  certifiedFen: number;
  /** Households linked by the cooperatives that sold something (net > 0); null for products. */
  households: number | null;
  /** Where it sits, for lists that mix places: e.g. a product's cooperative, a cooperative's county. */
  parent?: { nameZh: string; nameEn: string };
}

export interface OrganisationRow extends Named {
  kind: string;
  /** Net of what it helped sell (帮助销售), by its agreed share. */
  assistedFen: number;
  /** Net of what it bought itself (直接采购). */
  directFen: number;
}

export interface PlaceOrganisationRow {
  place: Named;
  organisation: Named & { kind: string };
  assistedFen: number;
  directFen: number;
}

export type FairPeriod = "trade" | "public" | "other";

export interface DayRow extends Money {
  /** Shanghai calendar day, YYYY-MM-DD. */
  day: string;
  period: FairPeriod;
}

export interface HourRow extends Money {
  /** Hour of the day in Shanghai, 0–23, summed over the days of the view. */
  hour: number;
}

export interface PeriodRow extends Money {
  period: FairPeriod;
}

export interface CategoryRow extends Named, Money {
  certifiedFen: number;
}

export interface Headline extends Money {
  /** Paid orders with a sale in the view, whatever was refunded since (gross). */
  orders: number;
  /**
   * Of those, the orders not refunded in full: something they bought in the view (its places,
   * certified or not as the view says) is still paid for. A refund counts whatever day it came.
   */
  ordersNet: number;
  /** Distinct buyers of the paid orders (by contact phone, else e-mail), gross. */
  buyers: number;
  /** Distinct buyers of the orders not refunded in full. */
  buyersNet: number;
  households: number;
  certifiedFen: number;
  /** Every online order: delivered plus picked up at the booth. */
  onlineFen: number;
  /** Online orders sent by post (线上下单·快递). */
  onlineDeliveryFen: number;
  /** Online orders picked up at the cooperative's booth (线上下单·展位自提): not booth sales. */
  onlinePickupFen: number;
  /** Sales made at the booth itself (展位现场销售). */
  boothFen: number;
  /** Units' bulk orders (单位采购). */
  unitFen: number;
  directFen: number;
  assistedFen: number;
}

export interface ReportScope {
  region?: Named;
  county?: Named;
  cooperative?: Named;
  level: PlaceLevel;
}

export interface ReportData {
  filters: ReportFilters;
  scope: ReportScope;
  fair: { tradeDays: [string, string]; publicDays: [string, string] } | null;
  /** When the newest ledger entry was written (ISO), or null for an empty ledger. */
  lastUpdated: string | null;
  headline: Headline;
  places: PlaceRow[];
  placeOrganisations: PlaceOrganisationRow[];
  organisations: OrganisationRow[];
  categories: CategoryRow[];
  days: DayRow[];
  hours: HourRow[];
  periods: PeriodRow[];
  topProducts: PlaceRow[];
  topCooperatives: PlaceRow[];
}

/** The filter form's choices. */
export interface ReportOptions {
  regions: Named[];
}
