/**
 * Demo buying units for the embedded database only (like the demo accounts, whose organiser
 * records the pledges and transfers): six units with pledges, one buyer each for the units that
 * order, and a few orders in different states, all through the app's own paths (placeUnitOrder,
 * recordTransfer, requestInvoices, markInvoiceIssued), so the ledger holds what a real fair would.
 * Idempotent: orders are keyed, pledges and transfers looked up before they are written.
 */
import type { PrismaClient } from "../app/generated/prisma/client";
import { hashPassword } from "../app/accounts/accounts.server";
import { placeUnitOrder, recordTransfer } from "../app/payments/unit-checkout.server";
import { creditCodeCheckCharacter } from "../app/units/credit-code";
import { markInvoiceIssued, requestInvoices } from "../app/units/units.server";
import { DEMO_UNIT_SLUG, unitOrders, units, type DemoUnitOrder } from "./demo-units";
import { DEMO_ORGANISER } from "./seed-accounts";

export const DEMO_UNIT_BUYER_PASSWORD = "fair-unit-2026";
export const demoUnitBuyerEmail = (unitSlug: string) => `${unitSlug}@unit.fair.example`;
export const DEMO_UNIT_BUYER = { email: demoUnitBuyerEmail(DEMO_UNIT_SLUG), password: DEMO_UNIT_BUYER_PASSWORD };

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export async function seedDemoUnits(prisma: PrismaClient) {
  const organiser = await prisma.user.findUnique({ where: { email: DEMO_ORGANISER.email }, select: { id: true } });
  if (!organiser) throw new Error("seed the demo accounts before the demo units");
  const unitIds = new Map<string, string>();
  for (const u of units) {
    const creditCode = `${u.creditCode17}${creditCodeCheckCharacter(u.creditCode17)}`;
    const kind = (
      { AGENCY: "DISTRICT_GOVERNMENT", STATE_FIRM: "STATE_OWNED_ENTERPRISE", COMPANY: "PRIVATE_ENTERPRISE" } as const
    )[u.buyerKind as "AGENCY"];
    const data = {
      nameZh: u.nameZh,
      nameEn: u.nameEn,
      kind: kind ?? ("SOCIAL_ORGANISATION" as const),
      buyerKind: u.buyerKind,
      invoiceTitle: u.nameZh,
      creditCode,
    };
    const row = await prisma.organisation.upsert({
      where: { slug: u.slug },
      create: { slug: u.slug, ...data },
      update: data,
    });
    unitIds.set(u.slug, row.id);
    for (const p of u.pledges) {
      const pledge = { organisationId: row.id, amountFen: p.amountYuan * 100, signedOn: day(p.signedOn) };
      if (!(await prisma.pledge.count({ where: pledge })))
        await prisma.pledge.create({ data: { ...pledge, notes: p.notes, recordedById: organiser.id } });
    }
  }

  // One buyer for each unit that orders; the README lists the first.
  const passwordHash = await hashPassword(DEMO_UNIT_BUYER_PASSWORD);
  const buyerIds = new Map<string, string>();
  for (const slug of new Set([DEMO_UNIT_SLUG, ...unitOrders.map((o) => o.unitSlug)])) {
    const email = demoUnitBuyerEmail(slug);
    const unit = units.find((u) => u.slug === slug)!;
    const buyer = await prisma.user.upsert({
      where: { email },
      create: {
        email,
        displayName: `${unit.nameZh} 采购员（演示）`,
        passwordHash,
        role: "UNIT_BUYER",
        organisationId: unitIds.get(slug)!,
      },
      update: {},
      select: { id: true },
    });
    buyerIds.set(slug, buyer.id);
  }

  let orders = 0;
  for (const o of unitOrders) {
    if (await seedOrder(prisma, o, unitIds.get(o.unitSlug)!, buyerIds.get(o.unitSlug)!, organiser.id)) orders++;
  }
  return { units: units.length, unitBuyers: buyerIds.size, unitOrders: orders };
}

async function seedOrder(
  prisma: PrismaClient,
  o: DemoUnitOrder,
  organisationId: string,
  buyerId: string,
  organiserId: string,
) {
  const products = await prisma.product.findMany({
    where: { slug: { in: o.lines.map((l) => l.productSlug) } },
    select: { id: true, slug: true, cooperativeId: true },
  });
  if (products.length !== o.lines.length) return false; // a catalogue without these goods: skip quietly
  const idOf = (slug: string) => products.find((p) => p.slug === slug)!.id;
  const lines = o.lines.map((l) => ({ productId: idOf(l.productSlug), quantity: l.quantity }));
  const unit = units.find((u) => u.slug === o.unitSlug)!;
  const recipients = o.recipients
    ? o.lines.flatMap((l, li) =>
        Array.from({ length: o.recipients! }, (_, i) => ({
          line: 2 + li * o.recipients! + i,
          recipient: ["王建华", "李秀英", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄丽"][i % 8]!,
          mobile: `1391234${String(5600 + i).padStart(4, "0")}`,
          province: "上海市",
          city: "上海市",
          district: ["黄浦区", "徐汇区", "静安区", "浦东新区", "闵行区", "杨浦区"][i % 6]!,
          address: `示例路 ${100 + i} 号 ${i + 1}0${i + 1} 室`,
          productId: idOf(l.productSlug),
          quantity: l.quantity / o.recipients!,
        })),
      )
    : [];
  const order = await placeUnitOrder(prisma, {
    orderKey: o.key,
    organisationId,
    placedById: buyerId,
    lines,
    delivery: {
      contactName: `${unit.nameZh} 采购员`,
      contactPhone: "13912340000",
      address: recipients.length
        ? null
        : {
            recipientName: "行政办公室",
            province: "上海市",
            city: "上海市",
            district: "徐汇区",
            addressLine: "漕溪北路 88 号",
          },
      recipients,
    },
    payment: "transfer",
    locale: "zh",
  });
  if (o.state === "held") return true;
  const row = await prisma.order.findUniqueOrThrow({
    where: { id: order.id },
    select: { totalFen: true, status: true },
  });
  const transfer = {
    reference: order.transferReference!,
    receivedOn: day("2026-10-20"),
    payerName: unit.nameZh,
    recordedById: organiserId,
  };
  if (o.state === "mismatch") {
    // The unit left out the chilli oil: held for review, nothing applied.
    if (!(await prisma.bankTransfer.count({ where: { orderId: order.id } })))
      await recordTransfer(prisma, { ...transfer, amountFen: row.totalFen - 50 * 1990 });
    return true;
  }
  if (row.status === "PENDING") await recordTransfer(prisma, { ...transfer, amountFen: row.totalFen });
  if (o.state === "invoiced") {
    const invoices = await requestInvoices(prisma, {
      orderId: order.id,
      organisationId,
      title: unit.nameZh,
      creditCode: `${unit.creditCode17}${creditCodeCheckCharacter(unit.creditCode17)}`,
    });
    const first = invoices[0];
    if (first && first.status === "REQUESTED")
      await markInvoiceIssued(prisma, {
        invoiceId: first.id,
        cooperativeId: first.cooperativeId,
        invoiceNumber: "25312000000012345678",
        issuedOn: day("2026-10-22"),
      });
  }
  return true;
}
