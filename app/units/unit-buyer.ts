// The unit buyer's side (/unit): constants, order states and form schemas shared by the server and
// the browser. Schema messages are i18n keys ("unit.error.*"), shown in the user's language.
import { z } from "zod";
import { PROVINCES } from "~/orders/checkout-schema";
import { isPrintable } from "~/utils/text";
import { checkCreditCode } from "./credit-code";

/**
 * Online payment (test provider or Stripe) is offered for unit orders up to ¥5,000.00; larger
 * orders are paid by bank transfer (对公转账), as units' finance departments require anyway.
 */
export const ONLINE_PAYMENT_LIMIT_FEN = 500_000;
/**
 * The most of one product a unit may order in one line: the same bound as a recipient row
 * (MAX_QUANTITY_PER_ROW), written out because this module runs in the browser and the CSV module
 * brings a GBK decoder with it.
 */
export const MAX_UNIT_QUANTITY = 10_000;

/** What a unit sees about an order, from its status, hold and payment path. */
export type UnitOrderState =
  "awaiting-transfer" | "awaiting-payment" | "paid" | "partly-refunded" | "refunded" | "released" | "needs-refund";

export function unitOrderState(
  order: { status: string; holdsStock: boolean; paymentProvider: string; reservedUntil: Date | string },
  now = new Date(),
): UnitOrderState {
  switch (order.status) {
    case "PAID":
      return "paid";
    case "PARTLY_REFUNDED":
      return "partly-refunded";
    case "REFUNDED":
      return "refunded";
    case "NEEDS_REFUND":
      return "needs-refund";
    case "PENDING":
      // A pending order past its hold is released by the next reservation sweep; say so already.
      if (!order.holdsStock || new Date(order.reservedUntil) <= now) return "released";
      return order.paymentProvider === "transfer" ? "awaiting-transfer" : "awaiting-payment";
    default:
      return "released"; // EXPIRED, FAILED: the stock went back
  }
}

const text = (max: number, required: string) =>
  z.string(required).trim().min(1, required).max(max, "unit.error.tooLong").refine(isPrintable, "unit.error.invalid");

const mobile = z
  .string("unit.error.phoneRequired")
  .transform((v) => v.replace(/[\s-]/g, "").replace(/^(\+?86)(?=1\d{10}$)/, ""))
  .pipe(z.string().regex(/^1[3-9]\d{9}$/, "unit.error.phoneInvalid"));

const orderKey = z.string("unit.error.invalid").regex(/^[A-Za-z0-9_-]{16,64}$/, "unit.error.invalid");
const payment = z.enum(["transfer", "online"], "unit.error.paymentRequired");

/** Who the unit's order office is (the contact on every order). */
const contact = {
  contactName: text(40, "unit.error.contactRequired"),
  contactPhone: mobile,
};

/** The bulk order builder with one delivery address: quantities per product, blank meaning none. */
export const BulkOrderSchema = z.object({
  orderKey,
  ...contact,
  recipientName: text(40, "unit.error.recipientRequired"),
  province: z.enum(
    PROVINCES.map(([zh]) => zh),
    "unit.error.provinceRequired",
  ),
  city: text(30, "unit.error.cityRequired"),
  district: text(30, "unit.error.districtRequired"),
  addressLine: text(200, "unit.error.addressRequired"),
  payment,
  lines: z
    .array(
      z.object({
        productId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "unit.error.invalid"),
        // The raw text of a number field: blank is none, otherwise a whole number up to the bound.
        quantity: z
          .string("unit.error.quantityInvalid")
          .trim()
          .regex(/^\d{0,6}$/, "unit.error.quantityInvalid")
          .transform((value) => (value === "" ? undefined : Number(value)))
          .pipe(z.number().max(MAX_UNIT_QUANTITY, "unit.error.quantityInvalid").optional())
          .optional(),
      }),
    )
    .max(500)
    .default([])
    .refine((lines) => lines.some((l) => (l.quantity ?? 0) > 0), "unit.error.noLines"),
});
export type BulkOrderInput = z.infer<typeof BulkOrderSchema>;

/** Confirming a previewed recipient list: who to contact and how to pay. */
export const ConfirmRecipientsSchema = z.object({ orderKey, ...contact, payment });

/** The invoice details (发票抬头 and 统一社会信用代码), checked with GB 32100's check character. */
export const InvoiceRequestSchema = z.object({
  intent: z.literal("invoice", "unit.error.invalid"),
  title: text(100, "unit.error.titleRequired").pipe(z.string().min(2, "unit.error.titleRequired")),
  creditCode: z
    .string("unit.error.creditCodeRequired")
    .trim()
    .min(1, "unit.error.creditCodeRequired")
    .superRefine((value, ctx) => {
      const checked = checkCreditCode(value);
      if (!checked.ok) ctx.addIssue({ code: "custom", message: `unit.error.creditCode.${checked.problem}` });
    })
    .transform((value) => value.replace(/[\s-]/g, "").toUpperCase()),
});

/** The unit order page's two forms: pay online (a pending online order) or request invoices. */
export const UnitOrderActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("pay") }),
  InvoiceRequestSchema,
]);

/** The error key for zod's own messages on the unit's forms (see utils/forms.ts). */
export const UNIT_FALLBACK = "unit.error.invalid";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "unit.error.dateInvalid");
/** The statement's period, in Shanghai days, both ends inclusive. */
export const StatementPeriodSchema = z
  .object({ from: day, to: day })
  .refine((p) => p.from <= p.to, { message: "unit.error.periodOrder", path: ["to"] });

/** A moment as Shanghai people read it: "2026-12-09 14:30". */
export function shanghaiTime(at: Date | string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(at));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
}

/** Today's date in Shanghai, "2026-12-02". */
export const shanghaiDay = (at: Date = new Date()) => shanghaiTime(at).slice(0, 10);

/** The short form of an order id people quote: its first 8 characters, upper case. */
export const shortOrderId = (id: string) => id.slice(0, 8).toUpperCase();

/** The recipient-list upload form: one CSV file (its rows are checked on the server). */
export const RecipientUploadSchema = z.object({
  file: z.instanceof(File, { message: "unit.csv.noFile" }).refine((file) => file.size > 0, "unit.csv.noFile"),
});
