/** Messages of the public transparency page (/transparency): a storefront page, so apart from the console's report. */
export const zh = {
  "transparency.title": "帮扶成效公示",
  "transparency.sealed": "已封存的交易日",
  "transparency.sealedIntro": "每个交易日（上海时间）结束后，系统对当天全部台账记录按固定格式计算一次 SHA-256 摘要并公示。任何人拿到当天的明细导出（CSV），都可以按公开的方法重算核对；记录一旦被改动，摘要就对不上。",
  "transparency.sealedDay": "日期",
  "transparency.sealedEntries": "记录数",
  "transparency.sealedSales": "销售",
  "transparency.sealedRefunds": "退款",
  "transparency.sealedNet": "净额",
  "transparency.sealedDigest": "SHA-256 摘要",
  "transparency.sealedNone": "还没有封存的交易日。",
  "transparency.intro":
    "展会上每一笔已支付的购买，都全额计入商品所属的合作社、县区和对口地区。下面是截至目前各地的净销售额（已扣除退款），人人可查。",
  "transparency.total": "累计净销售额",
  "transparency.certified": "其中认定帮扶产品",
  "transparency.lastUpdated": "数据更新于 {time}",
  "transparency.noSales": "展会尚未产生销售。",
  "transparency.byRegion": "各对口地区",
  "transparency.byPlace": "各县区与合作社",
  "transparency.region": "地区",
  "transparency.county": "县区",
  "transparency.cooperative": "合作社",
  "transparency.net": "净销售额",
  "transparency.share": "占比",
  "transparency.method": "销售额如何计算",
  "transparency.method.ledger":
    "每一笔订单在支付成功的同一时刻写入一本只增不改的账：商品金额全额计入卖方合作社、所在县区和对口地区，精确到分。",
  "transparency.method.partners":
    "与合作社（没有时则与其所在县）结对的帮扶组织，按约定比例分得这笔销售额（最大余数法，分配结果相加等于原金额）；以组织名义购买的，同时计为该组织的直接采购。",
  "transparency.method.refunds": "退款按原路冲减，写入新的负数记录，已有记录从不修改或删除。",
  "transparency.method.certified": "只有购买当日处于有效期内的认定帮扶产品，才计入“认定帮扶产品”。",
  "transparency.method.check": "这本账随时可以核对：账上的销售减去退款，与实际收到的货款减去退款，分毫不差。",
  "transparency.sum": "合计",
} as const;

export const en: Record<keyof typeof zh, string> = {
  "transparency.title": "Transparency: what the fair brought",
  "transparency.sealed": "Sealed fair days",
  "transparency.sealedIntro": "After each fair day ends (Shanghai time), a SHA-256 digest of all that day's ledger entries, in a fixed canonical form, is computed once and published. Anyone with the day's entries exported as CSV can recompute it by the published method; if an entry is changed, the digest no longer matches.",
  "transparency.sealedDay": "Day",
  "transparency.sealedEntries": "Entries",
  "transparency.sealedSales": "Sales",
  "transparency.sealedRefunds": "Refunds",
  "transparency.sealedNet": "Net",
  "transparency.sealedDigest": "SHA-256 digest",
  "transparency.sealedNone": "No fair day has been sealed yet.",
  "transparency.intro":
    "Every paid purchase at the fair is credited in full to the product's cooperative, county and paired region. Below are the net sales (after refunds) so far, open to everyone.",
  "transparency.total": "Net sales to date",
  "transparency.certified": "of which certified assistance products",
  "transparency.lastUpdated": "Figures as of {time}",
  "transparency.noSales": "The fair has no sales yet.",
  "transparency.byRegion": "Paired regions",
  "transparency.byPlace": "Counties and cooperatives",
  "transparency.region": "Region",
  "transparency.county": "County",
  "transparency.cooperative": "Cooperative",
  "transparency.net": "Net sales",
  "transparency.share": "Share",
  "transparency.method": "How the figures are made",
  "transparency.method.ledger":
    "When an order is paid, in the same moment, it is written to an append-only ledger: the full amount to the seller's cooperative, its county and its paired region, to the fen.",
  "transparency.method.partners":
    "Assisting organisations paired with the cooperative (or, if none, its county) share that amount by their agreed weights (largest-remainder method: the shares add up to the amount). A purchase made on behalf of an organisation also counts as that organisation's direct purchase.",
  "transparency.method.refunds":
    "A refund is reversed the same way, by new negative entries; entries are never changed or deleted.",
  "transparency.method.certified":
    "Only products whose assistance certificate was valid on the day of sale count as certified.",
  "transparency.method.check":
    "The ledger can be checked at any time: its sales minus refunds equal the money received minus refunds, to the fen.",
  "transparency.sum": "Total",
};
