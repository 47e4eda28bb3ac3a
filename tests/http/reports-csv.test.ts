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
import { TABLE_IDS } from "~/reports/tables";
import { addToCart, createCart } from "~/cart/cart.server";
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

// React 18's renderToPipeableStream can pad its 2 KB chunks with NUL bytes next to multi-byte
// characters (facebook/react#24985, #31134); browsers drop them, so the comparison does too.
const decode = (s: string) =>
  s
    .replaceAll("\u0000", "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .trim();

/** The rows of the page's table with data-table=id: header, body, footer, as the reader sees them. */
function htmlTable(html: string, id: string): string[][] {
  const table = html.match(new RegExp(`<table[^>]*data-table="${id}"[^>]*>([\\s\\S]*?)</table>`));
  if (!table) return [];
  return [...table[1]!.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => decode(cell[1]!)),
  );
}

/** ¥1,234.50 on the page is 1234.50 in the file; 12.5% is 12.5; a dash is an empty cell. */
const sameValue = (cell: string) => cell.replace(/^—$/, "").replace(/[¥,%]/g, "");

describe("CSV export", () => {
  it("matches the table it came from, for every table of a view, in both languages", async () => {
    await fair();
    const { cookie } = await signInAs(t.prisma, "ORGANISER");
    for (const view of [
      "region=qinghai-golog",
      "",
      "county=maqin&lang=en",
      "region=qinghai-golog&from=2026-10-16&to=2026-10-18",
    ]) {
      const page = await fetch(`${app.baseUrl}/admin/reports?${view}`, { headers: { Cookie: cookie } });
      expect(page.status).toBe(200);
      const html = await page.text();
      for (const id of TABLE_IDS) {
        const response = await fetch(`${app.baseUrl}/admin/reports/export.csv?${view}&table=${id}`, {
          headers: { Cookie: cookie },
        });
        expect(response.status, `${view} ${id}`).toBe(200);
        const bytes = new Uint8Array(await response.arrayBuffer());
        const csv = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
        const rows = parseCsv(csv);
        const table = htmlTable(html, id);
        if (table.length === 0) {
          // An empty table shows a sentence instead; its file still has the header.
          expect(rows.length, `${view} ${id}`).toBe(1);
          continue;
        }
        expect(rows.length, `${view} ${id}`).toBe(table.length);
        expect(rows[0], `${view} ${id} header`).toEqual(table[0]);
        // Quoting, formula guards and number formats aside, every cell says the same.
        const unguard = (cell: string) => (cell.startsWith("'=") ? cell.slice(1) : cell);
        expect(
          rows.map((r) => r.map((c) => sameValue(unguard(c)))),
          `${view} ${id}`,
        ).toEqual(table.map((r) => r.map(sameValue)));
      }
    }
  });

  it("opens in Excel in Chinese: UTF-8 with BOM, CRLF lines, RFC 4180 quoting, a Chinese file name", async () => {
    const { cookie } = await signInAs(t.prisma, "ORGANISER");
    const response = await fetch(
      `${app.baseUrl}/admin/reports/export.csv?region=qinghai-golog&table=placeOrganisations`,
      { headers: { Cookie: cookie } },
    );
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const disposition = response.headers.get("Content-Disposition")!;
    expect(disposition).toMatch(
      /^attachment; filename="fair-report-placeOrganisations-qinghai-golog\.csv"; filename\*=UTF-8''/,
    );
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe("帮扶成效-各县区的帮扶组织-青海果洛.csv");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString("utf8");
    expect(text.split("\r\n")[0]).toBe("县区,帮扶组织,类型,帮助销售,直接采购");
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toContain("\n");
    // A comma in a name is quoted; a name that looks like a formula stays text.
    expect(text).toContain('"国资企业,职工之家"');
    expect(text).toContain("'=上海市慈善基金会");
    const rows = parseCsv(bytes.toString("utf8"));
    expect(rows.slice(1).map((r) => r[0])).toEqual(expect.arrayContaining(["玛沁县", "班玛县"]));
  });
});
