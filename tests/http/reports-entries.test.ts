import { createHash } from "node:crypto";
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
import { addToCart, createCart } from "~/cart/cart.server";
import { sealClosedDays } from "~/ledger/seal.server";
import { placeOrder } from "~/payments/checkout.server";
import { applyPaymentEvent } from "~/payments/payments.server";
import { confirmRefund, requestRefund } from "~/payments/refunds.server";
import { parseCsv } from "~/utils/csv";
import { signInAs } from "../support/auth";
import { checkoutInput } from "../support/checkout";
import { withTestDatabase } from "../support/database";
import { withHttpApp } from "../support/http-app";

const t = withTestDatabase();
const app = withHttpApp();

async function paidOrder(lines: [string, number][], at: string, onBehalfOf?: string) {
  const cart = await createCart(t.prisma);
  for (const [productId, quantity] of lines) await addToCart(t.prisma, cart, productId, quantity);
  const order = await placeOrder(t.prisma, { cartId: cart, input: checkoutInput({ onBehalfOf }), locale: "zh" });
  const { totalFen } = await t.prisma.order.findUniqueOrThrow({ where: { id: order.id } });
  await applyPaymentEvent(t.prisma, {
    provider: "test",
    eventId: `pay-${order.id}`,
    type: "succeeded",
    orderId: order.id,
    amountFen: totalFen,
    now: new Date(at),
  });
  return order.id;
}

/** A fair with Golog's two counties, organisations on both sides, names that need CSV quoting, and a refund. */
async function fair() {
  await upsertFair(t.prisma, {
    nameZh: "展会",
    nameEn: "Fair",
    venueZh: "上海",
    venueEn: "Shanghai",
    tradeDays: ["2026-10-15", "2026-10-16"],
    publicDays: ["2026-10-17", "2026-10-19"],
  });
  const golog = await upsertRegion(t.prisma, { slug: "qinghai-golog", nameZh: "青海果洛", nameEn: "Qinghai Golog" });
  const maqin = await upsertCounty(t.prisma, {
    slug: "maqin",
    regionId: golog.id,
    nameZh: "玛沁县",
    nameEn: "Maqin County",
  });
  const banma = await upsertCounty(t.prisma, {
    slug: "banma",
    regionId: golog.id,
    nameZh: "班玛县",
    nameEn: "Banma County",
  });
  const yak = await upsertCooperative(t.prisma, {
    countyId: maqin.id,
    nameZh: "玛沁牦牛合作社",
    nameEn: 'Maqin "Yak" Co-op, Ltd',
  });
  const butter = await upsertCooperative(t.prisma, { countyId: banma.id, nameZh: "班玛酥油合作社" });
  const foundation = await upsertOrganisation(t.prisma, {
    nameZh: "=上海市慈善基金会",
    nameEn: "Shanghai Charity Foundation",
  });
  const soe = await upsertOrganisation(t.prisma, {
    nameZh: "国资企业,职工之家",
    nameEn: "SOE, union",
    kind: "STATE_OWNED_ENTERPRISE",
  });
  await upsertPartnership(t.prisma, { organisationId: foundation.id, countyId: maqin.id, weight: 2 });
  await upsertPartnership(t.prisma, { organisationId: soe.id, cooperativeId: butter.id, weight: 1 });
  const meat = await upsertCategory(t.prisma, { nameZh: "肉类、乳品", nameEn: "Meat, dairy" });
  const jerky = await upsertProduct(t.prisma, { cooperativeId: yak.id, categoryId: meat.id, priceFen: 9_801 });
  const ghee = await upsertProduct(t.prisma, { cooperativeId: butter.id, categoryId: meat.id, priceFen: 6_807 });
  await paidOrder([[jerky.id, 3]], "2026-10-15T02:00:00Z");
  await paidOrder(
    [
      [ghee.id, 2],
      [jerky.id, 1],
    ],
    "2026-10-17T05:30:00Z",
    soe.slug,
  );
  const refunded = await paidOrder([[ghee.id, 1]], "2026-10-16T16:30:00Z");
  const r = await requestRefund(t.prisma, { orderId: refunded });
  await confirmRefund(t.prisma, {
    provider: "test",
    eventId: `r-${r.id}`,
    refundId: r.id,
    now: new Date("2026-10-18T01:00:00Z"),
  });
}

const unescape = (s: string) => s.replace(/&amp;/g, "&").replace(/&quot;/g, '"');
/** "¥1,234.50" (or −¥…) at the start of a figure's text, in fen. */
const fenOf = (text: string) => {
  const m = text.replaceAll("\u0000", "").match(/^(−|-)?¥([\d,]+\.\d{2})/);
  if (!m) return null;
  const fen = Math.round(Number(m[2]!.replace(/,/g, "")) * 100);
  return m[1] ? -fen : fen;
};

describe("drill-through from the report to the ledger entries", () => {
  it("every money figure links to entries that add up to it, each naming its order", async () => {
    await fair();
    const { cookie } = await signInAs(t.prisma, "ORGANISER");
    for (const view of ["", "region=qinghai-golog", "county=maqin&lang=en"]) {
      const html = await (await fetch(`${app.baseUrl}/admin/reports?${view}`, { headers: { Cookie: cookie } })).text();
      const links = [...html.matchAll(/<a[^>]*href="(\/admin\/reports\/entries[^"]*)"[^>]*>([\s\S]*?)<\/a>/g)].map(
        (m) => ({ href: unescape(m[1]!), text: m[2]!.replace(/<[^>]+>/g, "").trim() }),
      );
      expect(links.length, view).toBeGreaterThan(20);
      const checked = new Map<string, number>();
      for (const link of links) {
        const figure = fenOf(link.text);
        if (figure === null) continue; // the certified share (a percentage) links too; its amount is in its help text
        let sum = checked.get(link.href);
        if (sum === undefined) {
          const page = await fetch(`${app.baseUrl}${link.href}`, { headers: { Cookie: cookie } });
          expect(page.status, link.href).toBe(200);
          const body = await page.text();
          sum = Number(body.match(/data-testid="entries-total"[^>]*data-fen="(-?\d+)"/)![1]);
          checked.set(link.href, sum);
        }
        // A refund column shows refunds as a positive amount; its entries are negative.
        const expected = link.href.includes("kind=refund") ? -figure || 0 : figure;
        expect(sum, `${view}: ${link.text} → ${link.href}`).toBe(expected);
      }
      expect(checked.size, view).toBeGreaterThan(10);
    }
  });

  it("lists a county's entries with order number, Shanghai time, product, channel and refund state, and rejects a bad drill", async () => {
    const { cookie } = await signInAs(t.prisma, "ORGANISER");
    const html = await (
      await fetch(`${app.baseUrl}/admin/reports/entries?county=maqin`, { headers: { Cookie: cookie } })
    ).text();
    const rows = [...html.matchAll(/<tr[^>]*data-testid="entry-row"[^>]*>([\s\S]*?)<\/tr>/g)].map((r) =>
      [...r[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, "").trim()),
    );
    expect(rows.length).toBe(2); // jerky ×3 on the 15th, jerky ×1 on the 17th
    expect(rows[0]).toEqual([
      expect.stringMatching(/^[0-9A-F]{8}$/),
      "2026-10-15 10:00:00",
      expect.any(String),
      "线上下单·展位自提",
      "¥294.03",
      "未退款",
    ]);
    expect(html).toMatch(/href="\/admin\/orders\/[0-9a-f-]{36}"/);
    const bad = await fetch(`${app.baseUrl}/admin/reports/entries?kind=maybe`, { headers: { Cookie: cookie } });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("明细筛选条件无效");
    const anonymous = await fetch(`${app.baseUrl}/admin/reports/entries`, { redirect: "manual" });
    expect([302, 303, 401, 403]).toContain(anonymous.status);
  });

  it("a sealed day's digest is recomputed from its CSV export by the documented canonical form", async () => {
    const { cookie } = await signInAs(t.prisma, "ORGANISER");
    const sealed = await sealClosedDays(t.prisma, new Date("2026-10-20T12:00:00Z"));
    expect(sealed).toEqual(["2026-10-15", "2026-10-17", "2026-10-18"]);
    const seals = await t.prisma.ledgerDaySeal.findMany();
    for (const seal of seals) {
      const day = seal.day.toISOString().slice(0, 10);
      const response = await fetch(`${app.baseUrl}/admin/reports/entries.csv?what=all&from=${day}&to=${day}`, {
        headers: { Cookie: cookie },
      });
      expect(response.status).toBe(200);
      const [header, ...rows] = parseCsv(await response.text());
      // docs/ledger-digest.md: these 16 columns, rows by entry_id ascending, fields joined by "|", each line ended by "\n".
      const fields = [
        "entry_id",
        "kind",
        "target",
        "amount_fen",
        "order_id",
        "order_line_id",
        "refund_id",
        "product_id",
        "category_id",
        "cooperative_id",
        "county_id",
        "region_id",
        "organisation_id",
        "certified",
        "channel",
        "occurred_at_utc",
      ];
      const at = fields.map((f) => header!.indexOf(f));
      expect(at.every((i) => i >= 0)).toBe(true);
      const lines = rows
        .sort((a, b) => Number(a[at[0]!]) - Number(b[at[0]!]))
        .map((r) => `${at.map((i) => r[i]).join("|")}\n`)
        .join("");
      expect(createHash("sha256").update(lines, "utf8").digest("hex"), day).toBe(seal.digest);
      expect(rows.length, day).toBe(seal.entries);
    }
    // /transparency publishes them.
    const page = await (await fetch(`${app.baseUrl}/transparency`)).text();
    for (const seal of seals) expect(page).toContain(seal.digest);
  });
});
