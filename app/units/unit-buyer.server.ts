// The unit buyer's reads and writes (/unit): every query is scoped to the buyer's own unit in the
// query itself, so another unit's order, draft or invoice is simply not found (a 404 at the route).
import { randomUUID } from "node:crypto";
import { env, type Env } from "~/utils/env.server";
import type { PrismaClient } from "~/generated/prisma/client";
import { paymentProvider, PaymentsUnavailableError, startPaymentOrExplain } from "~/payments/provider.server";
import { SoldOutError } from "~/payments/reservation.server";
import { placeUnitOrder } from "~/payments/unit-checkout.server";
import { checkCreditCode } from "./credit-code";
import { ONLINE_PAYMENT_LIMIT_FEN } from "./unit-buyer";
import type { OrderableProduct, ProductTotal, RecipientRow } from "./recipients-csv";
import { requestInvoices } from "./units.server";

const UNIT_ORDER = (organisationId: string) => ({ onBehalfOfId: organisationId, channel: "UNIT" as const });

export async function unitProfile(prisma: PrismaClient, organisationId: string) {
  return prisma.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { id: true, nameZh: true, nameEn: true, buyerKind: true, invoiceTitle: true, creditCode: true },
  });
}

/** The unit's orders, newest first, with what the overview shows of each. */
export async function listUnitOrders(prisma: PrismaClient, organisationId: string) {
  return prisma.order.findMany({
    where: UNIT_ORDER(organisationId),
    orderBy: { createdAt: "desc" },
    take: 200,
    select: {
      id: true,
      status: true,
      totalFen: true,
      refundedFen: true,
      holdsStock: true,
      reservedUntil: true,
      paymentProvider: true,
      transferReference: true,
      createdAt: true,
      paidAt: true,
      _count: { select: { lines: true, recipients: true } },
    },
  });
}

/** One of the unit's orders, or null (also for another unit's order: the caller answers 404). */
export async function getUnitOrder(prisma: PrismaClient, organisationId: string, orderId: string) {
  if (!/^[0-9a-f-]{36}$/.test(orderId)) return null;
  return prisma.order.findFirst({
    where: { id: orderId, ...UNIT_ORDER(organisationId) },
    select: {
      id: true,
      token: true,
      status: true,
      totalFen: true,
      refundedFen: true,
      holdsStock: true,
      reservedUntil: true,
      paymentProvider: true,
      transferReference: true,
      createdAt: true,
      paidAt: true,
      contactName: true,
      contactPhone: true,
      recipientName: true,
      province: true,
      city: true,
      district: true,
      addressLine: true,
      lines: {
        orderBy: { id: "asc" },
        select: {
          id: true,
          nameZh: true,
          nameEn: true,
          unitZh: true,
          unitEn: true,
          quantity: true,
          unitPriceFen: true,
          lineTotalFen: true,
          cooperativeId: true,
          cooperative: { select: { nameZh: true, nameEn: true } },
        },
      },
      _count: { select: { recipients: true } },
      recipients: {
        orderBy: { line: "asc" },
        take: 20,
        select: {
          line: true,
          recipient: true,
          province: true,
          city: true,
          district: true,
          quantity: true,
          product: { select: { nameZh: true, nameEn: true } },
        },
      },
      invoiceRequests: {
        orderBy: { cooperativeId: "asc" },
        select: {
          id: true,
          title: true,
          creditCode: true,
          amountFen: true,
          status: true,
          invoiceNumber: true,
          issuedOn: true,
          cooperative: { select: { nameZh: true, nameEn: true } },
        },
      },
    },
  });
}

/** Every invoice request of the unit's orders, newest first. */
export async function listUnitInvoices(prisma: PrismaClient, organisationId: string) {
  return prisma.invoiceRequest.findMany({
    where: { order: UNIT_ORDER(organisationId) },
    orderBy: [{ createdAt: "desc" }, { cooperativeId: "asc" }],
    take: 500,
    select: {
      id: true,
      orderId: true,
      title: true,
      creditCode: true,
      amountFen: true,
      status: true,
      invoiceNumber: true,
      issuedOn: true,
      createdAt: true,
      cooperative: { select: { nameZh: true, nameEn: true } },
    },
  });
}

/**
 * Requests the invoices of one of the unit's orders (split per cooperative by requestInvoices) and
 * keeps the title and code as the unit's defaults for next time. Returns null when the order is
 * not the unit's. Throws UnitError when nothing is invoiceable (not paid yet) or the code is bad.
 */
export async function requestUnitInvoices(
  prisma: PrismaClient,
  args: { organisationId: string; orderId: string; title: string; creditCode: string },
) {
  const order = await getUnitOrder(prisma, args.organisationId, args.orderId);
  if (!order) return null;
  const invoices = await requestInvoices(prisma, args);
  const code = checkCreditCode(args.creditCode);
  if (code.ok)
    await prisma.organisation.update({
      where: { id: args.organisationId },
      data: { invoiceTitle: args.title.trim(), creditCode: code.code },
    });
  return invoices;
}

export interface CatalogueFilter {
  q?: string;
  region?: string;
  category?: string;
}

/** Listed products for the bulk order builder, filtered by words, paired region and category. */
export async function orderableCatalogue(prisma: PrismaClient, filter: CatalogueFilter) {
  const q = filter.q?.trim().slice(0, 50);
  return prisma.product.findMany({
    where: {
      status: "LISTED",
      ...(filter.category ? { category: { slug: filter.category } } : {}),
      ...(filter.region ? { cooperative: { county: { region: { slug: filter.region } } } } : {}),
      ...(q
        ? {
            OR: [
              { nameZh: { contains: q } },
              { nameEn: { contains: q, mode: "insensitive" as const } },
              { cooperative: { nameZh: { contains: q } } },
            ],
          }
        : {}),
    },
    orderBy: [{ cooperative: { county: { region: { sortOrder: "asc" } } } }, { nameZh: "asc" }],
    take: 200,
    select: {
      id: true,
      slug: true,
      nameZh: true,
      nameEn: true,
      unitZh: true,
      unitEn: true,
      priceFen: true,
      stock: true,
      certificateNumber: true,
      category: { select: { nameZh: true, nameEn: true } },
      cooperative: {
        select: {
          nameZh: true,
          nameEn: true,
          county: { select: { nameZh: true, nameEn: true, region: { select: { nameZh: true, nameEn: true } } } },
        },
      },
    },
  });
}

/** The filter choices: paired regions and categories, in their display order. */
export async function catalogueFacets(prisma: PrismaClient) {
  const [regions, categories] = await Promise.all([
    prisma.pairedRegion.findMany({ orderBy: { sortOrder: "asc" }, select: { slug: true, nameZh: true, nameEn: true } }),
    prisma.category.findMany({ orderBy: { sortOrder: "asc" }, select: { slug: true, nameZh: true, nameEn: true } }),
  ]);
  return { regions, categories };
}

/** Every listed product a recipient row may name (by slug, Chinese or English name). */
export async function recipientProducts(prisma: PrismaClient): Promise<OrderableProduct[]> {
  return prisma.product.findMany({
    where: { status: "LISTED" },
    select: { id: true, slug: true, nameZh: true, nameEn: true, priceFen: true, stock: true },
  });
}

/** Drafts older than this are gone: a preview is meant to be confirmed the same day. */
const DRAFT_HOURS = 24;

/** Keeps a clean recipient list until its preview is confirmed; returns the draft's id. */
export async function saveRecipientDraft(
  prisma: PrismaClient,
  args: { organisationId: string; createdById: string; rows: RecipientRow[]; now?: Date },
): Promise<string> {
  const now = args.now ?? new Date();
  // Old drafts of the unit go, so an abandoned preview does not linger.
  await prisma.unitOrderDraft.deleteMany({
    where: {
      organisationId: args.organisationId,
      createdAt: { lt: new Date(now.getTime() - DRAFT_HOURS * 3_600_000) },
    },
  });
  const id = randomUUID();
  await prisma.unitOrderDraft.create({
    data: { id, organisationId: args.organisationId, createdById: args.createdById, rows: args.rows as object[] },
  });
  return id;
}

/**
 * A draft of the unit with its totals per product at today's prices and stock, or null (unknown,
 * expired or another unit's). Prices are read again here: nothing from the upload is trusted twice.
 */
export async function loadRecipientDraft(
  prisma: PrismaClient,
  organisationId: string,
  draftId: string,
  now = new Date(),
) {
  if (!/^[0-9a-f-]{36}$/.test(draftId)) return null;
  const draft = await prisma.unitOrderDraft.findFirst({
    where: { id: draftId, organisationId, createdAt: { gte: new Date(now.getTime() - DRAFT_HOURS * 3_600_000) } },
  });
  if (!draft) return null;
  const rows = draft.rows as unknown as RecipientRow[];
  const ids = [...new Set(rows.map((r) => r.productId))];
  const products = await prisma.product.findMany({
    where: { id: { in: ids } },
    select: { id: true, nameZh: true, nameEn: true, unitZh: true, unitEn: true, priceFen: true, stock: true },
  });
  const byId = new Map(products.map((p) => [p.id, p]));
  const totals = new Map<string, ProductTotal & { unitZh: string; unitEn: string }>();
  for (const row of rows) {
    const p = byId.get(row.productId);
    if (!p) continue;
    const total = totals.get(p.id) ?? {
      productId: p.id,
      nameZh: p.nameZh,
      nameEn: p.nameEn,
      unitZh: p.unitZh,
      unitEn: p.unitEn,
      quantity: 0,
      subtotalFen: 0,
      stock: p.stock,
    };
    total.quantity += row.quantity;
    total.subtotalFen += row.quantity * p.priceFen;
    totals.set(p.id, total);
  }
  const list = [...totals.values()];
  return {
    id: draft.id,
    rows,
    totals: list,
    totalFen: list.reduce((sum, t) => sum + t.subtotalFen, 0),
    recipientCount: rows.length,
  };
}

export async function deleteRecipientDraft(prisma: PrismaClient, organisationId: string, draftId: string) {
  await prisma.unitOrderDraft.deleteMany({ where: { id: draftId, organisationId } });
}

export interface ReceivingAccount {
  accountName: string;
  bank: string;
  accountNumber: string;
  demo: boolean;
}

// Outside production a demo account stands in, clearly marked, so the transfer page can be tried.
const DEMO_ACCOUNT = {
  accountName: "上海消费帮扶博览会组委会（演示）",
  bank: "演示银行上海分行",
  accountNumber: "6222 0000 0000 0000 832",
};

/** The fair's receiving account from configuration; null in production when it is not configured. */
export function receivingAccount(config: Env = env()): ReceivingAccount | null {
  const { FAIR_BANK_ACCOUNT_NAME: accountName, FAIR_BANK_NAME: bank, FAIR_BANK_ACCOUNT_NUMBER: accountNumber } = config;
  if (accountName && bank && accountNumber) return { accountName, bank, accountNumber, demo: false };
  if (config.NODE_ENV === "production") return null;
  return { ...DEMO_ACCOUNT, demo: true };
}

/** What lines cost at today's prices, for the online-payment limit before anything is reserved. */
export async function quoteLines(prisma: PrismaClient, lines: { productId: string; quantity: number }[]) {
  const products = await prisma.product.findMany({
    where: { id: { in: lines.map((l) => l.productId) } },
    select: { id: true, priceFen: true },
  });
  const price = new Map(products.map((p) => [p.id, p.priceFen]));
  return lines.reduce((sum, l) => sum + (price.get(l.productId) ?? 0) * l.quantity, 0);
}

export type UnitOrderOutcome =
  | { ok: true; orderId: string; redirectTo: string }
  | { ok: false; problem: "short"; nameZh: string; nameEn: string; available: number }
  | { ok: false; problem: "online-too-large"; totalFen: number }
  | { ok: false; problem: "online-unavailable" };

/**
 * Places the unit's order through placeUnitOrder (the citizens' reservation path, all or nothing)
 * and says where the buyer goes next: the unit's order page for a transfer, the payment provider
 * for online payment. Online payment is refused above ONLINE_PAYMENT_LIMIT_FEN before anything is
 * reserved; a short product is named, with nothing reserved.
 */
export async function placeOrderForUnit(
  prisma: PrismaClient,
  args: Omit<Parameters<typeof placeUnitOrder>[1], "onlineProvider">,
  config: Env = env(),
): Promise<UnitOrderOutcome> {
  let onlineProvider: string | undefined;
  if (args.payment === "online") {
    const totalFen = await quoteLines(prisma, args.lines);
    if (totalFen > ONLINE_PAYMENT_LIMIT_FEN) return { ok: false, problem: "online-too-large", totalFen };
    // Asked before anything is reserved: with no provider here (no Stripe keys, no test payments),
    // the unit is told to pay by transfer and nothing changes.
    try {
      onlineProvider = paymentProvider(config).id;
    } catch (error) {
      if (!(error instanceof PaymentsUnavailableError)) throw error;
      return { ok: false, problem: "online-unavailable" };
    }
  }
  try {
    const order = await placeUnitOrder(prisma, { ...args, onlineProvider });
    const orderPage = `/unit/orders/${order.id}?placed=1${args.locale === "en" ? "&lang=en" : ""}`;
    if (args.payment === "transfer") return { ok: true, orderId: order.id, redirectTo: orderPage };
    return { ok: true, orderId: order.id, redirectTo: await startPaymentOrExplain(prisma, order.id, args.locale) };
  } catch (error) {
    if (!(error instanceof SoldOutError)) throw error;
    const first = error.items[0]!;
    return { ok: false, problem: "short", nameZh: first.nameZh, nameEn: first.nameEn, available: first.available };
  }
}

/** A fresh one-time key for an order form (placeUnitOrder is idempotent on it). */
export const newOrderKey = () => randomUUID();
export { DEFAULT_TRANSFER_HOLD_DAYS as TRANSFER_HOLD_DAYS } from "~/payments/unit-checkout.server";
