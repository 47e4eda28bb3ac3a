import { describe, expect, it } from "vitest";
import {
  upsertCategory,
  upsertCooperative,
  upsertCounty,
  upsertFair,
  upsertOrganisation,
  upsertPartnership,
  upsertProduct,
  upsertRegion,
} from "../../prisma/factories";
import { checkoutInput } from "../../tests/support/checkout";
import { withTestDatabase } from "../../tests/support/database";
import type { ReportFilters } from "~/reports/report-params";
import type { ReportData } from "~/reports/types";
import { allocateByWeight } from "~/ledger/attribution";
import { addToCart, createCart } from "~/cart/cart.server";
import { verifyLedger } from "~/ledger/ledger.server";
import { placeOrder } from "~/payments/checkout.server";
import { applyPaymentEvent } from "~/payments/payments.server";
import { confirmRefund, requestRefund } from "~/payments/refunds.server";
import { translate, type MessageKey } from "~/i18n/areas/console";
import { getReport, resolveScope, timeTables, verifyRollups } from "./reports.server";
import { reportTables } from "./tables";
import { getEntries } from "./entries.server";
import { channelFigures } from "./headline";

const t = withTestDatabase();

const CERT = { number: "", body: "上海市消费帮扶认定中心", validFrom: "2025-01-01", validUntil: "2027-12-31" };
let certSequence = 0;
const cert = () => ({ ...CERT, number: `RPT-${process.pid}-${certSequence++}` });

/**
 * Two paired regions: "Golog" with two counties (one cooperative paired 70/30 with two
 * organisations, one falling back to its county's single partner) and "Yunnan" with one
 * unpaired cooperative. Prices in odd fen so every split rounds.
 */
async function world() {
  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  await upsertFair(t.prisma, {
    nameZh: "展会",
    nameEn: "Fair",
    venueZh: "上海",
    venueEn: "Shanghai",
    tradeDays: ["2026-10-15", "2026-10-16"],
    publicDays: ["2026-10-17", "2026-10-19"],
  });
  const golog = await upsertRegion(t.prisma, { slug: `golog-${tag}`, nameZh: "青海果洛", nameEn: "Qinghai Golog" });
  const yunnan = await upsertRegion(t.prisma, { slug: `yunnan-${tag}`, nameZh: "云南", nameEn: "Yunnan" });
  const maqin = await upsertCounty(t.prisma, { slug: `maqin-${tag}`, regionId: golog.id, nameZh: "玛沁县" });
  const banma = await upsertCounty(t.prisma, { slug: `banma-${tag}`, regionId: golog.id, nameZh: "班玛县" });
  const puer = await upsertCounty(t.prisma, { slug: `puer-${tag}`, regionId: yunnan.id, nameZh: "普洱" });
  const yak = await upsertCooperative(t.prisma, { slug: `yak-${tag}`, countyId: maqin.id, householdsLinked: 120 });
  const butter = await upsertCooperative(t.prisma, { slug: `butter-${tag}`, countyId: banma.id, householdsLinked: 45 });
  const tea = await upsertCooperative(t.prisma, { slug: `tea-${tag}`, countyId: puer.id, householdsLinked: 300 });
  const foundation = await upsertOrganisation(t.prisma, { slug: `fdn-${tag}`, kind: "FOUNDATION" });
  const soe = await upsertOrganisation(t.prisma, { slug: `soe-${tag}`, kind: "STATE_OWNED_ENTERPRISE" });
  const district = await upsertOrganisation(t.prisma, { slug: `district-${tag}`, kind: "DISTRICT_GOVERNMENT" });
  const union = await upsertOrganisation(t.prisma, { slug: `union-${tag}`, kind: "PRIVATE_ENTERPRISE" });
  await upsertPartnership(t.prisma, { organisationId: foundation.id, cooperativeId: yak.id, weight: 70 });
  await upsertPartnership(t.prisma, { organisationId: soe.id, cooperativeId: yak.id, weight: 30 });
  await upsertPartnership(t.prisma, { organisationId: district.id, countyId: banma.id, weight: 1 });
  const meat = await upsertCategory(t.prisma, { slug: `meat-${tag}` });
  const teaCat = await upsertCategory(t.prisma, { slug: `teacat-${tag}` });
  const jerky = await upsertProduct(t.prisma, {
    cooperativeId: yak.id,
    categoryId: meat.id,
    priceFen: 9_801,
    stock: 1000,
    certificate: cert(),
  });
  const ribs = await upsertProduct(t.prisma, {
    cooperativeId: yak.id,
    categoryId: meat.id,
    priceFen: 13_803,
    stock: 1000,
  });
  const ghee = await upsertProduct(t.prisma, {
    cooperativeId: butter.id,
    categoryId: meat.id,
    priceFen: 6_807,
    stock: 1000,
    certificate: cert(),
  });
  const cake = await upsertProduct(t.prisma, {
    cooperativeId: tea.id,
    categoryId: teaCat.id,
    priceFen: 16_809,
    stock: 1000,
    certificate: cert(),
  });
  return {
    tag,
    golog,
    yunnan,
    maqin,
    banma,
    puer,
    yak,
    butter,
    tea,
    foundation,
    soe,
    district,
    union,
    jerky,
    ribs,
    ghee,
    cake,
  };
}
type World = Awaited<ReturnType<typeof world>>;

interface OrderSpec {
  lines: { productId: string; quantity: number }[];
  at: string;
  channel?: "ONLINE" | "BOOTH" | "UNIT";
  onBehalfOf?: string;
  phone?: string;
  email?: string;
  /** Posted instead of picked up at the booth. */
  delivery?: boolean;
}

async function paidOrder(spec: OrderSpec) {
  const cart = await createCart(t.prisma);
  for (const line of spec.lines) await addToCart(t.prisma, cart, line.productId, line.quantity);
  const at = new Date(spec.at);
  const order = await placeOrder(t.prisma, {
    cartId: cart,
    input: checkoutInput({
      onBehalfOf: spec.onBehalfOf,
      contactPhone: spec.phone ?? (spec.email ? undefined : "13800001234"),
      contactEmail: spec.email,
      ...(spec.delivery
        ? {
            fulfilment: "DELIVERY",
            recipientName: "王小明",
            province: "上海",
            city: "上海",
            addressLine: "展会路 1 号",
          }
        : {}),
    }),
    locale: "zh",
    now: new Date(at.getTime() - 60_000),
  });
  if (spec.channel === "BOOTH") await t.prisma.order.update({ where: { id: order.id }, data: { channel: "BOOTH" } });
  const { totalFen } = await t.prisma.order.findUniqueOrThrow({ where: { id: order.id } });
  const paid = await applyPaymentEvent(t.prisma, {
    provider: "test",
    eventId: `pay-${order.id}`,
    type: "succeeded",
    orderId: order.id,
    amountFen: totalFen,
    now: at,
  });
  expect(paid.status).toBe("PAID");
  return order.id;
}

async function refund(orderId: string, lines: { orderLineId: string; quantity: number }[] | undefined, at: string) {
  const r = await requestRefund(t.prisma, { orderId, lines });
  await confirmRefund(t.prisma, { provider: "test", eventId: `refund-${r.id}`, refundId: r.id, now: new Date(at) });
  return r.amountFen;
}

async function report(filters: Partial<ReportFilters> = {}): Promise<ReportData> {
  const result = await getReport(t.prisma, { certified: false, ...filters });
  if (!result.ok) throw new Error(`report refused: ${result.errors.join(", ")}`);
  return result.report;
}

/** Shanghai calendar day of an instant, computed without the database. */
const shanghaiDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * The figures recomputed from orders, lines and refunds alone (no ledger, no rollup): paid
 * orders' lines, less the lines of succeeded refunds, credited by the rule of DOMAIN.md.
 */
async function independent(w: World, regionIds: string[]) {
  const orders = await t.prisma.order.findMany({
    where: {
      status: { in: ["PAID", "PARTLY_REFUNDED", "REFUNDED"] },
      lines: { some: { cooperative: { county: { regionId: { in: regionIds } } } } },
    },
    include: {
      lines: {
        include: {
          product: { select: { categoryId: true } },
          cooperative: {
            select: { id: true, countyId: true, householdsLinked: true, county: { select: { regionId: true } } },
          },
          refundLines: { where: { refund: { status: "SUCCEEDED" } }, select: { amountFen: true } },
        },
      },
    },
  });
  const partnerships = await t.prisma.partnership.findMany();
  const sums = new Map<string, number>();
  const bump = (key: string, fen: number) => sums.set(key, (sums.get(key) ?? 0) + fen);
  const coopNet = new Map<string, { net: number; households: number }>();
  const buyers = new Set<string>();
  let orderCount = 0;
  for (const order of orders) {
    const lines = order.lines.filter((l) => regionIds.includes(l.cooperative.county.regionId));
    if (lines.length === 0) continue;
    orderCount++;
    buyers.add(order.contactPhone ?? order.contactEmail!);
    for (const line of lines) {
      const refunded = line.refundLines.reduce((s, r) => s + r.amountFen, 0);
      const net = line.lineTotalFen - refunded;
      bump("sale", line.lineTotalFen);
      bump("refund", refunded);
      bump("net", net);
      bump(`region:${line.cooperative.county.regionId}`, net);
      bump(`county:${line.cooperative.countyId}`, net);
      bump(`coop:${line.cooperative.id}`, net);
      bump(`product:${line.productId}`, net);
      bump(`category:${line.product.categoryId}`, net);
      if (line.certified) bump("certified", net);
      bump(`channel:${order.channel}`, net);
      bump(`day:${shanghaiDay(order.paidAt!)}:sale`, line.lineTotalFen);
      const c = coopNet.get(line.cooperative.id) ?? { net: 0, households: line.cooperative.householdsLinked };
      c.net += net;
      coopNet.set(line.cooperative.id, c);
      if (order.onBehalfOfId) {
        bump("direct", net);
        bump(`direct:${order.onBehalfOfId}`, net);
      }
      const own = partnerships.filter((p) => p.cooperativeId === line.cooperative.id);
      const partners = own.length ? own : partnerships.filter((p) => p.countyId === line.cooperative.countyId);
      if (partners.length) {
        bump("assisted", net);
        // Lines in these tests are refunded whole or not at all, so each share is the split of the net.
        for (const [orgId, share] of allocateByWeight(
          net,
          partners.map((p) => ({ key: p.organisationId, weight: p.weight })),
        ))
          bump(`assisted:${orgId}`, share);
      }
    }
  }
  const households = [...coopNet.values()].filter((c) => c.net > 0).reduce((s, c) => s + c.households, 0);
  void w;
  return { get: (key: string) => sums.get(key) ?? 0, orders: orderCount, buyers: buyers.size, households };
}

const row = <T extends { id: string }>(rows: T[], id: string) => {
  const found = rows.find((r) => r.id === id);
  if (!found) throw new Error(`no row ${id}`);
  return found;
};

describe("the attribution report", () => {
  it("equals the sums computed independently from the orders, for every table", async () => {
    const w = await world();
    await paidOrder({
      lines: [
        { productId: w.jerky.id, quantity: 3 },
        { productId: w.ghee.id, quantity: 2 },
      ],
      at: "2026-10-15T02:10:00Z",
      phone: "13900000001",
    });
    await paidOrder({
      lines: [{ productId: w.ribs.id, quantity: 1 }],
      at: "2026-10-15T05:00:00Z",
      channel: "BOOTH",
      onBehalfOf: w.union.slug,
      phone: "13900000002",
    });
    await paidOrder({
      lines: [
        { productId: w.cake.id, quantity: 2 },
        { productId: w.jerky.id, quantity: 1 },
      ],
      at: "2026-10-17T03:30:00Z",
      channel: "BOOTH",
      email: "Buyer@Example.com",
    });
    // The same buyer again: one buyer, two orders.
    await paidOrder({
      lines: [{ productId: w.ghee.id, quantity: 5 }],
      at: "2026-10-18T09:00:00Z",
      phone: "13900000001",
      onBehalfOf: w.union.slug,
    });
    const refunded = await paidOrder({
      lines: [
        { productId: w.jerky.id, quantity: 2 },
        { productId: w.cake.id, quantity: 1 },
      ],
      at: "2026-10-16T07:00:00Z",
      phone: "13900000003",
    });
    const cakeLine = await t.prisma.orderLine.findFirstOrThrow({ where: { orderId: refunded, productId: w.cake.id } });
    await refund(refunded, [{ orderLineId: cakeLine.id, quantity: 1 }], "2026-10-18T01:00:00Z");
    const whole = await paidOrder({
      lines: [{ productId: w.ribs.id, quantity: 2 }],
      at: "2026-10-19T10:00:00Z",
      phone: "13900000004",
    });
    await refund(whole, undefined, "2026-10-19T11:00:00Z");

    const regions = [w.golog.id, w.yunnan.id];
    const expected = await independent(w, regions);
    const all = await report();
    // Other test files' data never share this database, but other tests in this file do: compare within our regions.
    const ours = all.places.filter((p) => regions.includes(p.id));
    expect(ours.reduce((s, p) => s + p.netFen, 0)).toBe(expected.get("net"));
    expect(ours.reduce((s, p) => s + p.saleFen, 0)).toBe(expected.get("sale"));
    expect(ours.reduce((s, p) => s + p.refundFen, 0)).toBe(expected.get("refund"));
    for (const region of regions) expect(row(all.places, region).netFen).toBe(expected.get(`region:${region}`));

    // Golog's view: headline, counties, organisations; the answer to "how much, through whom".
    const gologOnly = await independent(w, [w.golog.id]);
    const golog = await report({ region: w.golog.slug });
    expect(golog.scope.level).toBe("county");
    expect(golog.headline).toMatchObject({
      saleFen: gologOnly.get("sale"),
      refundFen: gologOnly.get("refund"),
      netFen: gologOnly.get("net"),
      certifiedFen: gologOnly.get("certified"),
      onlineFen: gologOnly.get("channel:ONLINE"),
      boothFen: gologOnly.get("channel:BOOTH"),
      directFen: gologOnly.get("direct"),
      assistedFen: gologOnly.get("assisted"),
      orders: gologOnly.orders,
      buyers: gologOnly.buyers,
      households: gologOnly.households,
    });
    // Buyers do not add up over days: a range over every day with sales reads the kept count, a
    // shorter one counts that range's buyers (13900000001 bought on the 15th and the 18th).
    expect((await report({ region: w.golog.slug, from: "2026-10-01", to: "2026-10-31" })).headline).toMatchObject({
      orders: gologOnly.orders,
      buyers: gologOnly.buyers,
    });
    expect((await report({ region: w.golog.slug, from: "2026-10-15", to: "2026-10-15" })).headline).toMatchObject({
      orders: 2,
      buyers: 2,
    });
    expect((await report({ region: w.golog.slug, from: "2026-10-15", to: "2026-10-18" })).headline).toMatchObject({
      orders: 5,
      buyers: 4,
    });
    expect(golog.places.map((p) => p.id).sort()).toEqual([w.maqin.id, w.banma.id].sort());
    for (const county of [w.maqin, w.banma])
      expect(row(golog.places, county.id).netFen).toBe(gologOnly.get(`county:${county.id}`));
    for (const org of [w.foundation, w.soe, w.district]) {
      expect(row(golog.organisations, org.id).assistedFen).toBe(gologOnly.get(`assisted:${org.id}`));
    }
    expect(row(golog.organisations, w.union.id).directFen).toBe(gologOnly.get(`direct:${w.union.id}`));
    const maqinFoundation = golog.placeOrganisations.find(
      (p) => p.place.id === w.maqin.id && p.organisation.id === w.foundation.id,
    );
    expect(maqinFoundation?.assistedFen).toBe(gologOnly.get(`assisted:${w.foundation.id}`));
    expect(golog.placeOrganisations.find((p) => p.place.id === w.banma.id)?.organisation.id).toBe(w.district.id);

    // Every table of the view adds up to the headline.
    const net = golog.headline.netFen;
    expect(golog.places.reduce((s, p) => s + p.netFen, 0)).toBe(net);
    expect(golog.categories.reduce((s, c) => s + c.netFen, 0)).toBe(net);
    expect(golog.days.reduce((s, d) => s + d.netFen, 0)).toBe(net);
    expect(golog.hours.reduce((s, h) => s + h.netFen, 0)).toBe(net);
    expect(golog.periods.reduce((s, p) => s + p.netFen, 0)).toBe(net);
    expect(golog.headline.onlineFen + golog.headline.boothFen).toBe(net);
    for (const day of golog.days) expect(day.saleFen).toBe(gologOnly.get(`day:${day.day}:sale`));

    // Down to a county's cooperatives and a cooperative's products.
    const maqin = await report({ county: w.maqin.slug });
    expect(maqin.scope.region?.id).toBe(w.golog.id);
    expect(row(maqin.places, w.yak.id).netFen).toBe(gologOnly.get(`coop:${w.yak.id}`));
    expect(row(maqin.places, w.yak.id).households).toBe(120);
    const yak = await report({ cooperative: w.yak.slug });
    expect(yak.scope.level).toBe("product");
    for (const product of [w.jerky, w.ribs])
      expect(row(yak.places, product.id).netFen).toBe(gologOnly.get(`product:${product.id}`));
    // One cooperative's hours come from the ledger itself, the rest from the rollup: they agree.
    expect(yak.hours.reduce((s, h) => s + h.netFen, 0)).toBe(yak.headline.netFen);
    expect(yak.headline.onlineFen + yak.headline.boothFen).toBe(yak.headline.netFen);

    // Top lists and categories.
    expect(golog.topProducts[0]!.netFen).toBe(
      Math.max(...[w.jerky, w.ribs, w.ghee].map((p) => gologOnly.get(`product:${p.id}`))),
    );
    for (const category of golog.categories) expect(category.netFen).toBe(gologOnly.get(`category:${category.id}`));

    expect(await verifyRollups(t.prisma)).toEqual([]);
    expect((await verifyLedger(t.prisma)).mismatches).toEqual([]);
  });

  it("moves every affected figure by exactly the refunded amount, and nothing else", async () => {
    const w = await world();
    const orderId = await paidOrder({
      lines: [
        { productId: w.jerky.id, quantity: 3 },
        { productId: w.cake.id, quantity: 1 },
      ],
      at: "2026-10-17T02:00:00Z",
      channel: "BOOTH",
      onBehalfOf: w.union.slug,
    });
    await paidOrder({ lines: [{ productId: w.ghee.id, quantity: 1 }], at: "2026-10-17T03:00:00Z" });
    const filters = { region: w.golog.slug };
    const before = flatten(await report(filters));
    const line = await t.prisma.orderLine.findFirstOrThrow({ where: { orderId, productId: w.jerky.id } });
    const amount = await refund(orderId, [{ orderLineId: line.id, quantity: 1 }], "2026-10-18T04:00:00Z");
    expect(amount).toBe(9_801);
    const after = flatten(await report(filters));

    const changed = Object.fromEntries(
      Object.keys({ ...before, ...after })
        .filter((k) => (after[k] ?? 0) !== (before[k] ?? 0))
        .map((k) => [k, (after[k] ?? 0) - (before[k] ?? 0)]),
    );
    const foundationShare = changed[`organisation:${w.foundation.id}:assisted`]!;
    const soeShare = changed[`organisation:${w.soe.id}:assisted`]!;
    expect(foundationShare + soeShare).toBe(-amount);
    expect(changed).toEqual({
      "headline:refundFen": amount,
      "headline:netFen": -amount,
      "headline:certifiedFen": -amount,
      "headline:boothFen": -amount,
      "headline:directFen": -amount,
      "headline:assistedFen": -amount,
      [`place:${w.maqin.id}:refundFen`]: amount,
      [`place:${w.maqin.id}:netFen`]: -amount,
      [`place:${w.maqin.id}:certifiedFen`]: -amount,
      [`organisation:${w.union.id}:direct`]: -amount,
      [`organisation:${w.foundation.id}:assisted`]: foundationShare,
      [`organisation:${w.soe.id}:assisted`]: soeShare,
      [`pair:${w.maqin.id}:${w.union.id}:direct`]: -amount,
      [`pair:${w.maqin.id}:${w.foundation.id}:assisted`]: foundationShare,
      [`pair:${w.maqin.id}:${w.soe.id}:assisted`]: soeShare,
      [`category:${w.jerky.categoryId}:refundFen`]: amount,
      [`category:${w.jerky.categoryId}:netFen`]: -amount,
      [`category:${w.jerky.categoryId}:certifiedFen`]: -amount,
      // The refund is dated when it was confirmed: 18 October, noon in Shanghai.
      "day:2026-10-18:refundFen": amount,
      "day:2026-10-18:netFen": -amount,
      "hour:12:refundFen": amount,
      "hour:12:netFen": -amount,
      "period:public:refundFen": amount,
      "period:public:netFen": -amount,
      [`top-product:${w.jerky.id}:refundFen`]: amount,
      [`top-product:${w.jerky.id}:netFen`]: -amount,
      [`top-product:${w.jerky.id}:certifiedFen`]: -amount,
      [`top-cooperative:${w.yak.id}:refundFen`]: amount,
      [`top-cooperative:${w.yak.id}:netFen`]: -amount,
      [`top-cooperative:${w.yak.id}:certifiedFen`]: -amount,
    });
  });

  it("buckets days and hours in Shanghai time, whatever the database session's time zone", async () => {
    const w = await world();
    await t.prisma.$executeRawUnsafe(`SET TIME ZONE 'America/Los_Angeles'`);
    try {
      // 16:30 UTC on the 16th is 00:30 on the 17th in Shanghai: a public day, hour 0.
      await paidOrder({ lines: [{ productId: w.cake.id, quantity: 1 }], at: "2026-10-16T16:30:00Z" });
      const scope = { region: w.yunnan.slug };
      const r = await report(scope);
      expect(r.days.find((d) => d.day === "2026-10-17")?.netFen).toBe(16_809);
      expect(r.days.find((d) => d.day === "2026-10-16")?.netFen).toBe(0);
      expect(r.hours[0]!.netFen).toBe(16_809);
      expect(r.periods.find((p) => p.period === "public")?.netFen).toBe(16_809);
      expect(r.periods.find((p) => p.period === "trade")?.netFen).toBe(0);
      expect((await report({ ...scope, from: "2026-10-17", to: "2026-10-17" })).headline.netFen).toBe(16_809);
      expect((await report({ ...scope, to: "2026-10-16" })).headline.netFen).toBe(0);
      expect((await report({ ...scope, to: "2026-10-16" })).headline.orders).toBe(0);
      // The cooperative view reads the ledger directly: the same buckets.
      const coop = await report({ cooperative: w.tea.slug, from: "2026-10-17", to: "2026-10-17" });
      expect(coop.hours[0]!.netFen).toBe(16_809);
      expect(coop.days.map((d) => d.day)).toEqual(["2026-10-17"]);
    } finally {
      await t.prisma.$executeRawUnsafe(`SET TIME ZONE 'UTC'`);
    }
  });

  it("filters by certified products and by channel", async () => {
    const w = await world();
    await paidOrder({
      lines: [
        { productId: w.jerky.id, quantity: 1 },
        { productId: w.ribs.id, quantity: 1 },
      ],
      at: "2026-10-15T03:00:00Z",
    });
    await paidOrder({ lines: [{ productId: w.ribs.id, quantity: 2 }], at: "2026-10-15T04:00:00Z", channel: "BOOTH" });
    const scope = { cooperative: w.yak.slug };
    expect((await report({ ...scope, certified: true })).headline.netFen).toBe(9_801);
    expect((await report({ ...scope, channel: "BOOTH" })).headline).toMatchObject({ netFen: 2 * 13_803, orders: 1 });
    expect((await report({ ...scope, channel: "ONLINE", certified: true })).headline).toMatchObject({
      netFen: 9_801,
      orders: 1,
      certifiedFen: 9_801,
    });
    expect((await report({ ...scope, channel: "BOOTH", certified: true })).headline.netFen).toBe(0);
  });

  it("counts orders and buyers net of orders refunded in full, and names online pickups apart from booth sales", async () => {
    const w = await world();
    const line = async (orderId: string, productId: string) =>
      (await t.prisma.orderLine.findFirstOrThrow({ where: { orderId, productId } })).id;
    // Buyer A: an online order picked up at the booth, refunded in full two days later; a posted one, partly refunded.
    const a1 = await paidOrder({
      lines: [
        { productId: w.jerky.id, quantity: 1 },
        { productId: w.ribs.id, quantity: 1 },
      ],
      at: "2026-10-15T03:00:00Z",
      phone: "13900000001",
    });
    const a2 = await paidOrder({
      lines: [{ productId: w.ribs.id, quantity: 2 }],
      at: "2026-10-16T03:00:00Z",
      phone: "13900000001",
      delivery: true,
    });
    // Buyer B at the booth (another county, a certified product).
    await paidOrder({
      lines: [{ productId: w.ghee.id, quantity: 1 }],
      at: "2026-10-15T04:00:00Z",
      phone: "13900000002",
      channel: "BOOTH",
    });
    // Buyer C: online pickup; only the certified line refunded.
    const c1 = await paidOrder({
      lines: [
        { productId: w.jerky.id, quantity: 1 },
        { productId: w.ribs.id, quantity: 1 },
      ],
      at: "2026-10-15T05:00:00Z",
      phone: "13900000003",
    });
    await refund(a1, undefined, "2026-10-17T03:00:00Z");
    await refund(a2, [{ orderLineId: await line(a2, w.ribs.id), quantity: 1 }], "2026-10-17T03:00:00Z");
    await refund(c1, [{ orderLineId: await line(c1, w.jerky.id), quantity: 1 }], "2026-10-17T03:00:00Z");
    expect(await verifyRollups(t.prisma)).toEqual([]);

    const counts = (r: ReportData) => {
      const { orders, ordersNet, buyers, buyersNet } = r.headline;
      return { orders, ordersNet, buyers, buyersNet };
    };
    const golog = { region: w.golog.slug };
    expect(counts(await report(golog))).toEqual({ orders: 4, ordersNet: 3, buyers: 3, buyersNet: 3 });
    // The 15th: A's only order that day is refunded in full (whichever day the refund came), so A drops out.
    expect(counts(await report({ ...golog, from: "2026-10-15", to: "2026-10-15" }))).toEqual({
      orders: 3,
      ordersNet: 2,
      buyers: 3,
      buyersNet: 2,
    });
    // Certified lines only: A's and C's certified lines were all refunded.
    expect(counts(await report({ ...golog, certified: true }))).toEqual({
      orders: 3,
      ordersNet: 1,
      buyers: 3,
      buyersNet: 1,
    });
    expect(counts(await report({ cooperative: w.yak.slug }))).toEqual({
      orders: 3,
      ordersNet: 2,
      buyers: 2,
      buyersNet: 2,
    });
    expect(counts(await report({ ...golog, channel: "ONLINE" }))).toEqual({
      orders: 3,
      ordersNet: 2,
      buyers: 2,
      buyersNet: 2,
    });
    expect(counts(await report({ ...golog, channel: "BOOTH" }))).toEqual({
      orders: 1,
      ordersNet: 1,
      buyers: 1,
      buyersNet: 1,
    });

    // Channels: the picked-up online orders are theirs, not the booth's.
    const r = await report(golog);
    expect(r.headline).toMatchObject({
      onlinePickupFen: 13_803,
      onlineDeliveryFen: 13_803,
      onlineFen: 2 * 13_803,
      boothFen: 6_807,
      unitFen: 0,
    });
    expect((await report({ ...golog, channel: "BOOTH" })).headline).toMatchObject({
      onlinePickupFen: 0,
      boothFen: 6_807,
    });
    // Each channel figure drills through to exactly its entries.
    for (const c of channelFigures(r.headline, { certified: false, ...golog })) {
      const listed = await getEntries(t.prisma, c.view!, { what: "line", ...c.drill }, 1, 50);
      if (!listed.ok) throw new Error(listed.errors.join());
      expect(listed.entries.sumFen, c.key).toBe(c.fen);
    }
    // The headline's CSV says the same, in both languages, under the entries list's labels.
    for (const locale of ["zh", "en"] as const) {
      const tr = (key: MessageKey) => translate(locale, key);
      const rows = new Map(
        reportTables(r, locale)
          .find((x) => x.id === "headline")!
          .csvRows.map(([label, value]) => [label, value]),
      );
      expect(rows.get(tr("reports.headline.orders"))).toBe(3);
      expect(rows.get(tr("reports.headline.ordersGross"))).toBe(4);
      expect(rows.get(tr("reports.headline.ordersRefunded"))).toBe(1);
      expect(rows.get(tr("reports.headline.buyers"))).toBe(3);
      expect(rows.get(tr("reports.entries.onlinePickup"))).toBe("138.03");
      expect(rows.get(tr("reports.entries.booth"))).toBe("68.07");
    }
    expect(translate("zh", "reports.entries.onlinePickup")).toBe("线上下单·展位自提");
    expect(translate("en", "reports.entries.onlinePickup")).toBe("Online order · booth pickup");
  });

  it("keeps the rollups exact under concurrent payments", async () => {
    const w = await world();
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        paidOrder({
          lines: [{ productId: [w.jerky, w.ribs, w.ghee][i % 3]!.id, quantity: 1 + (i % 2) }],
          at: "2026-10-17T02:15:00Z",
          // Six buyers, each paying for two orders at the same moment.
          phone: `1390000${String(1000 + (i % 6))}`,
        }),
      ),
    );
    expect(await verifyRollups(t.prisma)).toEqual([]);
    const golog = await report({ region: w.golog.slug });
    expect(golog.headline.orders).toBe(12);
    expect(golog.headline.buyers).toBe(6);
    expect((await report({ region: w.golog.slug, from: "2026-10-17", to: "2026-10-17" })).headline.buyers).toBe(6);
  });

  it("names unknown places and places outside each other instead of failing", async () => {
    const w = await world();
    expect(await resolveScope(t.prisma, { certified: false, region: "atlantis" })).toEqual({
      errors: ["regionUnknown"],
    });
    expect(await resolveScope(t.prisma, { certified: false, county: "nowhere" })).toEqual({
      errors: ["countyUnknown"],
    });
    expect(await resolveScope(t.prisma, { certified: false, region: w.yunnan.slug, county: w.maqin.slug })).toEqual({
      errors: ["countyOutsideRegion"],
    });
    expect(await resolveScope(t.prisma, { certified: false, county: w.puer.slug, cooperative: w.yak.slug })).toEqual({
      errors: ["cooperativeOutsideCounty"],
    });
    expect(await getReport(t.prisma, { certified: false, cooperative: "ghost" })).toEqual({
      ok: false,
      errors: ["cooperativeUnknown"],
    });
  });

  it("lists the fair's days even when nothing sold, and labels trade and public days", () => {
    const fair = {
      tradeDays: ["2026-10-15", "2026-10-16"] as [string, string],
      publicDays: ["2026-10-17", "2026-10-19"] as [string, string],
    };
    const { days, hours, periods } = timeTables(
      [{ hour: "2026-10-14 23", saleFen: 100, refundFen: 0, certifiedFen: 0, onlineFen: 100 }],
      fair,
      {},
    );
    expect(days.map((d) => `${d.day}:${d.period}`)).toEqual([
      "2026-10-14:other",
      "2026-10-15:trade",
      "2026-10-16:trade",
      "2026-10-17:public",
      "2026-10-18:public",
      "2026-10-19:public",
    ]);
    expect(hours).toHaveLength(24);
    expect(hours[23]!.netFen).toBe(100);
    expect(periods.map((p) => [p.period, p.netFen])).toEqual([
      ["trade", 0],
      ["public", 0],
      ["other", 100],
    ]);
  });
});

/** Every figure of a report under a stable name, to diff two reports. */
function flatten(r: ReportData): Record<string, number> {
  const out: Record<string, number> = {};
  const money = (prefix: string, m: { saleFen: number; refundFen: number; netFen: number; certifiedFen?: number }) => {
    out[`${prefix}:saleFen`] = m.saleFen;
    out[`${prefix}:refundFen`] = m.refundFen;
    out[`${prefix}:netFen`] = m.netFen;
    if (m.certifiedFen !== undefined) out[`${prefix}:certifiedFen`] = m.certifiedFen;
  };
  for (const [k, v] of Object.entries(r.headline)) out[`headline:${k}`] = v;
  for (const p of r.places) {
    money(`place:${p.id}`, p);
    if (p.households !== null) out[`place:${p.id}:households`] = p.households;
  }
  for (const o of r.organisations) {
    out[`organisation:${o.id}:assisted`] = o.assistedFen;
    out[`organisation:${o.id}:direct`] = o.directFen;
  }
  for (const p of r.placeOrganisations) {
    out[`pair:${p.place.id}:${p.organisation.id}:assisted`] = p.assistedFen;
    out[`pair:${p.place.id}:${p.organisation.id}:direct`] = p.directFen;
  }
  for (const c of r.categories) money(`category:${c.id}`, c);
  for (const d of r.days) money(`day:${d.day}`, d);
  for (const h of r.hours) money(`hour:${h.hour}`, h);
  for (const p of r.periods) money(`period:${p.period}`, p);
  for (const p of r.topProducts) money(`top-product:${p.id}`, p);
  for (const c of r.topCooperatives) {
    money(`top-cooperative:${c.id}`, c);
    if (c.households !== null) out[`top-cooperative:${c.id}:households`] = c.households;
  }
  return out;
}
