/**
 * Demo buying units (单位消费帮扶): Shanghai agencies, state firms, a company and trade unions that
 * buy festival gift boxes and canteen supplies at the fair's trade days, sign purchase pledges
 * (认购签约) and pay by bank transfer. Names follow the kinds of unit the fair's record describes
 * (agencies' canteens and unions, state-owned firms of the "双一百" pairing, private firms paired
 * with Yunnan). Credit codes are illustrative, with a correct GB 32100 check character; amounts are
 * illustrative too.
 */
import type { UnitKindValue } from "../app/units/unit-admin-schema";

export interface DemoUnit {
  slug: string;
  nameZh: string;
  nameEn: string;
  buyerKind: UnitKindValue;
  /** The first 17 characters of the credit code; the check character is computed. */
  creditCode17: string;
  pledges: { amountYuan: number; signedOn: string; notes: string }[];
}

export const units: DemoUnit[] = [
  {
    slug: "xuhui-federation-of-trade-unions",
    nameZh: "上海市徐汇区总工会",
    nameEn: "Xuhui District Federation of Trade Unions, Shanghai",
    buyerKind: "UNION",
    creditCode17: "81310104MC0012345",
    pledges: [{ amountYuan: 800_000, signedOn: "2026-10-15", notes: "中秋、春节职工慰问品，云南、贵州帮扶产品" }],
  },
  {
    slug: "huangpu-government-offices-administration",
    nameZh: "上海市黄浦区机关事务管理局",
    nameEn: "Huangpu District Government Offices Administration, Shanghai",
    buyerKind: "AGENCY",
    creditCode17: "11310101002456781",
    pledges: [{ amountYuan: 500_000, signedOn: "2026-10-15", notes: "机关食堂米面粮油、调味品年度采购" }],
  },
  {
    slug: "shanghai-land-group",
    nameZh: "上海地产（集团）有限公司",
    nameEn: "Shanghai Land (Group) Co., Ltd.",
    buyerKind: "STATE_FIRM",
    creditCode17: "91310000132208917",
    pledges: [
      { amountYuan: 1_200_000, signedOn: "2026-10-15", notes: "“双一百”结对村产品采购" },
      { amountYuan: 300_000, signedOn: "2026-10-16", notes: "员工食堂追加" },
    ],
  },
  {
    slug: "jiushi-group-trade-union",
    nameZh: "上海久事（集团）有限公司工会委员会",
    nameEn: "Trade Union Committee of Shanghai Jiushi (Group) Co., Ltd.",
    buyerKind: "UNION",
    creditCode17: "81310000MC0098765",
    pledges: [{ amountYuan: 600_000, signedOn: "2026-10-16", notes: "职工节日福利：喀什干果、果洛牦牛肉" }],
  },
  {
    slug: "pujiang-food-trading",
    nameZh: "上海浦江食品贸易有限公司",
    nameEn: "Shanghai Pujiang Food Trading Co., Ltd.",
    buyerKind: "COMPANY",
    creditCode17: "91310115MA1K4B7C2",
    pledges: [{ amountYuan: 250_000, signedOn: "2026-10-16", notes: "云南咖啡、普洱茶渠道采购" }],
  },
  {
    slug: "jingan-community-canteens",
    nameZh: "上海市静安区社区食堂行业协会",
    nameEn: "Jing'an District Community Canteens Association, Shanghai",
    buyerKind: "OTHER",
    creditCode17: "51310106MJ5012340",
    pledges: [{ amountYuan: 150_000, signedOn: "2026-10-17", notes: "社区长者食堂杂粮、菜籽油" }],
  },
];

/** The demo unit whose buyer signs in with the README's credentials. */
export const DEMO_UNIT_SLUG = "xuhui-federation-of-trade-unions";

/**
 * A few orders in different states. `state`: held (awaiting the transfer), paid (by a matching
 * transfer), mismatch (a transfer that did not match, held for review), invoiced (paid, invoices
 * requested, the first cooperative's issued).
 */
export interface DemoUnitOrder {
  key: string;
  unitSlug: string;
  lines: { productSlug: string; quantity: number }[];
  state: "held" | "paid" | "mismatch" | "invoiced";
  /** Ships to a list of recipients (one row per product and recipient) instead of one address. */
  recipients?: number;
}

export const unitOrders: DemoUnitOrder[] = [
  {
    key: "demo-unit-order-1",
    unitSlug: "xuhui-federation-of-trade-unions",
    state: "invoiced",
    lines: [
      { productSlug: "yuanyang-red-rice-gift-box", quantity: 20 },
      { productSlug: "cili-juice", quantity: 30 },
    ],
  },
  {
    key: "demo-unit-order-2",
    unitSlug: "xuhui-federation-of-trade-unions",
    state: "held",
    lines: [{ productSlug: "lvchun-mayu-tea-bags", quantity: 40 }],
  },
  {
    key: "demo-unit-order-3",
    unitSlug: "huangpu-government-offices-administration",
    state: "mismatch",
    lines: [
      { productSlug: "luoping-rapeseed-oil-bottle", quantity: 30 },
      { productSlug: "daozhen-chilli-oil", quantity: 50 },
    ],
  },
  {
    key: "demo-unit-order-4",
    unitSlug: "shanghai-land-group",
    state: "paid",
    recipients: 6,
    lines: [
      { productSlug: "zepu-jun-dates", quantity: 6 },
      { productSlug: "shache-badam", quantity: 6 },
    ],
  },
];
