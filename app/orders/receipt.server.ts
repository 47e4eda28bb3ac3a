import type { PrismaClient } from "~/generated/prisma/client";
import type { LedgerKind, LedgerTarget } from "~/generated/prisma/enums";
import { projectSale } from "~/ledger/ledger.server";

/**
 * The buyer's receipt is the ledger: the entries written for the order (its sale, then each
 * refund's reversal), read back exactly as recorded, whatever has changed since in partnerships,
 * weights, names or certification. Only names are today's (the ledger keeps ids). An order that
 * has not been paid has no entries: its receipt is what projectSale would record if it were paid
 * now (the same function recordSale writes with), marked as not yet recorded.
 */

export interface ReceiptName {
  id: string;
  nameZh: string;
  nameEn: string;
}

export interface ReceiptEntry {
  target: LedgerTarget;
  /** The cooperative, county, region or organisation the entry credits. */
  to: ReceiptName;
  amountFen: number;
}

export interface ReceiptLine {
  lineId: string;
  /** The line as sold (the order line's snapshot). */
  nameZh: string;
  nameEn: string;
  certified: boolean;
  /** The line's own amount in this event (its cooperative entry). */
  amountFen: number;
  entries: ReceiptEntry[];
}

export interface ReceiptEvent {
  kind: LedgerKind;
  refundId: string | null;
  /** When the money moved (ISO); null for a projection. */
  occurredAt: string | null;
  lines: ReceiptLine[];
}

/** The net of everything an order's entries credit one cooperative, county, region or organisation. */
export interface ReceiptTotal {
  target: LedgerTarget;
  to: ReceiptName;
  netFen: number;
}

export interface Receipt {
  /** False: nothing is in the ledger yet; the events are what payment would record. */
  recorded: boolean;
  events: ReceiptEvent[];
  totals: ReceiptTotal[];
}

interface EntryRow {
  kind: LedgerKind;
  target: LedgerTarget;
  amountFen: number;
  orderLineId: string;
  refundId: string | null;
  occurredAt: Date;
  cooperativeId: string;
  countyId: string;
  regionId: string;
  organisationId: string | null;
}

const TARGET_ORDER: LedgerTarget[] = [
  "COOPERATIVE",
  "COUNTY",
  "REGION",
  "ORGANISATION_ASSISTED",
  "ORGANISATION_DIRECT",
];

const recipientId = (e: EntryRow) =>
  e.target === "COOPERATIVE"
    ? e.cooperativeId
    : e.target === "COUNTY"
      ? e.countyId
      : e.target === "REGION"
        ? e.regionId
        : e.organisationId!;

export async function getReceipt(
  prisma: PrismaClient,
  order: { id: string; status: string },
  now = new Date(),
): Promise<Receipt> {
  const orderId = order.id;
  const recorded = await prisma.ledgerEntry.findMany({
    where: { orderId },
    orderBy: { id: "asc" },
    select: {
      kind: true,
      target: true,
      amountFen: true,
      orderLineId: true,
      refundId: true,
      occurredAt: true,
      cooperativeId: true,
      countyId: true,
      regionId: true,
      organisationId: true,
    },
  });
  // Only an order that can still be paid has a projection; an expired, failed or never-sold
  // order attributes nothing.
  const rows: EntryRow[] =
    recorded.length > 0
      ? recorded
      : order.status === "PENDING"
        ? (await projectSale(prisma, orderId, now)).map((r) => ({ ...r, refundId: null }))
        : [];
  return buildReceipt(prisma, orderId, rows, recorded.length > 0);
}

async function buildReceipt(prisma: PrismaClient, orderId: string, rows: EntryRow[], recorded: boolean) {
  const ids = (target: LedgerTarget) => [...new Set(rows.filter((r) => r.target === target).map(recipientId))];
  const named = { id: true, nameZh: true, nameEn: true } as const;
  const [lines, cooperatives, counties, regions, organisations] = await Promise.all([
    prisma.orderLine.findMany({
      where: { orderId },
      select: { id: true, nameZh: true, nameEn: true, certified: true },
    }),
    prisma.cooperative.findMany({ where: { id: { in: ids("COOPERATIVE") } }, select: named }),
    prisma.county.findMany({ where: { id: { in: ids("COUNTY") } }, select: named }),
    prisma.pairedRegion.findMany({ where: { id: { in: ids("REGION") } }, select: named }),
    prisma.organisation.findMany({
      where: { id: { in: [...ids("ORGANISATION_ASSISTED"), ...ids("ORGANISATION_DIRECT")] } },
      select: named,
    }),
  ]);
  const names = new Map<string, ReceiptName>(
    [...cooperatives, ...counties, ...regions, ...organisations].map((n) => [n.id, n]),
  );
  const nameOf = (id: string): ReceiptName => names.get(id) ?? { id, nameZh: id, nameEn: id };
  const lineById = new Map(lines.map((l) => [l.id, l]));

  // Events in the order they were recorded: the sale, then each refund.
  const events: ReceiptEvent[] = [];
  const eventOf = new Map<string, ReceiptEvent>();
  const totals = new Map<string, ReceiptTotal>();
  for (const row of rows) {
    const eventKey = row.refundId ?? "sale";
    let event = eventOf.get(eventKey);
    if (!event) {
      event = {
        kind: row.kind,
        refundId: row.refundId,
        occurredAt: recorded ? row.occurredAt.toISOString() : null,
        lines: [],
      };
      eventOf.set(eventKey, event);
      events.push(event);
    }
    let line = event.lines.find((l) => l.lineId === row.orderLineId);
    if (!line) {
      const sold = lineById.get(row.orderLineId);
      line = {
        lineId: row.orderLineId,
        nameZh: sold?.nameZh ?? "",
        nameEn: sold?.nameEn ?? "",
        certified: sold?.certified ?? false,
        amountFen: 0,
        entries: [],
      };
      event.lines.push(line);
    }
    const to = nameOf(recipientId(row));
    if (row.target === "COOPERATIVE") line.amountFen += row.amountFen;
    line.entries.push({ target: row.target, to, amountFen: row.amountFen });
    const key = `${row.target}:${to.id}`;
    const total = totals.get(key) ?? { target: row.target, to, netFen: 0 };
    total.netFen += row.amountFen;
    totals.set(key, total);
  }
  for (const event of events)
    for (const line of event.lines)
      line.entries.sort((a, b) => TARGET_ORDER.indexOf(a.target) - TARGET_ORDER.indexOf(b.target));
  return {
    recorded,
    events,
    totals: [...totals.values()].sort(
      (a, b) =>
        TARGET_ORDER.indexOf(a.target) - TARGET_ORDER.indexOf(b.target) ||
        b.netFen - a.netFen ||
        a.to.nameZh.localeCompare(b.to.nameZh),
    ),
  };
}
