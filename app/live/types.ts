/** What a fair-wall screen shows; no buyer data of any kind. Money in integer fen. */
export interface LiveSnapshot {
  /** The Shanghai day the figures are for (YYYY-MM-DD). */
  day: string;
  salesFen: number;
  orders: number;
  /** Every paired region, in the catalogue's order, with today's net sales. */
  regions: { id: string; nameZh: string; nameEn: string; fen: number }[];
  /** Today's best-selling cooperatives. */
  cooperatives: { id: string; nameZh: string; nameEn: string; regionZh: string; regionEn: string; fen: number }[];
  /** The last sales (one per order line), newest first. */
  recent: { id: string; at: string; regionZh: string; regionEn: string; productZh: string; productEn: string; fen: number }[];
  /** When the server read these figures (ISO). */
  readAt: string;
}

/** The organisers' wall adds how checkout and payment are going. */
export interface OrganiserSnapshot extends LiveSnapshot {
  /** Orders reserved (placed) and paid, per minute, for the last 30 minutes (UTC minute starts). */
  perMinute: { minute: string; placed: number; paid: number }[];
  /** Orders holding stock now, waiting for their payment. */
  pending: number;
  /** Checkout outcomes counted by this server process since it started. */
  outcomes: { reserved: number; sold_out: number; busy: number; invalid: number };
}

export const LIVE_RECENT = 20;
export const LIVE_TOP_COOPERATIVES = 8;
