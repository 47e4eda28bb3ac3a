import { z } from "zod";
import { MAX_STOCK } from "~/catalog/stock";
import { isPrintable } from "~/utils/text";
import { fenToDecimal, parseYuan } from "~/utils/money";

/*
 * The cooperative portal's forms. The same schemas run in the browser (errors show before the
 * post) and on the server (which trusts nothing else). Messages are i18n keys ("portal.error.*"),
 * so each side shows them in the user's language.
 */

/** The most a product may cost: ¥100,000.00, so any order total stays far inside a 32-bit integer (also a CHECK). */
export const MAX_PRICE_FEN = 10_000_000;
export { MAX_STOCK };
/** Units of one product in one booth sale. */
export const MAX_BOOTH_QUANTITY = 999;

/** A price typed in yuan ("128", "¥128.50") as integer fen; null when it is not a price (money.ts). */
export const parseYuanToFen = (text: string): number | null => parseYuan(text);
/** Fen as the yuan a price field shows ("128.00"). */
export const fenToYuanText = fenToDecimal;

const text = (min: number, max: number, required: string) =>
  z
    .string(required)
    .trim()
    .min(min, required)
    .max(max, "portal.error.tooLong")
    .refine(isPrintable, "portal.error.invalid");

const optionalText = (max: number) =>
  z.string().trim().max(max, "portal.error.tooLong").refine(isPrintable, "portal.error.invalid").optional().default("");

/** A stock figure typed into a form: a whole number from 0 to MAX_STOCK. */
const stockCount = (message: string) =>
  z
    .string("portal.error.stockRequired")
    .trim()
    .min(1, "portal.error.stockRequired")
    .regex(/^\d{1,6}$/, message)
    .transform(Number)
    .refine((n) => n <= MAX_STOCK, message);

export const PRODUCT_STATUSES = ["DRAFT", "LISTED", "RETIRED"] as const;

export const ProductSchema = z
  .object({
    nameZh: text(1, 60, "portal.error.nameZhRequired"),
    nameEn: text(1, 120, "portal.error.nameEnRequired"),
    descriptionZh: optionalText(5000),
    descriptionEn: optionalText(5000),
    unitZh: text(1, 10, "portal.error.unitZhRequired"),
    unitEn: text(1, 20, "portal.error.unitEnRequired"),
    price: z
      .string("portal.error.priceRequired")
      .trim()
      .min(1, "portal.error.priceRequired")
      .transform((value, ctx) => {
        const fen = parseYuanToFen(value);
        if (fen === null) ctx.addIssue({ code: "custom", message: "portal.error.priceInvalid" });
        else if (fen <= 0) ctx.addIssue({ code: "custom", message: "portal.error.pricePositive" });
        else if (fen > MAX_PRICE_FEN) ctx.addIssue({ code: "custom", message: "portal.error.priceTooHigh" });
        return fen ?? 0;
      }),
    stock: stockCount("portal.error.stockInvalid"),
    // Ids are cuids: anything else is refused before it reaches SQL.
    categoryId: z
      .string("portal.error.categoryRequired")
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, "portal.error.categoryRequired"),
    status: z.enum(PRODUCT_STATUSES, "portal.error.statusRequired"),
  })
  .transform(({ price, ...rest }) => ({ ...rest, priceFen: price }));
export type ProductInput = z.output<typeof ProductSchema>;
export type ProductField = keyof z.input<typeof ProductSchema>;

/**
 * The stock the edit form was showing. Saving applies the difference to the current stock, so
 * units a buyer reserved while the form was open are not silently handed out again.
 */
export const StockWasSchema = stockCount("portal.error.reload");

export const ImageAltSchema = z.object({
  altZh: optionalText(120),
  altEn: optionalText(120),
});

const QUANTITY_FIELD = /^qty\.([A-Za-z0-9_-]{1,64})$/;
export const quantityField = (productId: string) => `qty.${productId}`;

export const PAYMENT_METHODS = ["CASH", "QR"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/**
 * A booth sale: a quantity field per product (`qty.<productId>`, blank or 0 for none), how it
 * was paid, and the screen's one-time key, so a double tap records one sale.
 */
export const BoothSaleSchema = z.record(z.string(), z.string()).transform((form, ctx) => {
  const saleKey = z.uuid().safeParse(form.saleKey);
  if (!saleKey.success) ctx.addIssue({ code: "custom", path: ["saleKey"], message: "portal.error.reload" });
  const payment = z.enum(PAYMENT_METHODS).safeParse(form.payment);
  if (!payment.success) ctx.addIssue({ code: "custom", path: ["payment"], message: "portal.error.paymentRequired" });
  const lines: { productId: string; quantity: number }[] = [];
  for (const [field, raw] of Object.entries(form)) {
    const productId = QUANTITY_FIELD.exec(field)?.[1];
    if (!productId) continue;
    const value = raw.trim();
    if (value === "" || value === "0") continue;
    if (!/^\d{1,3}$/.test(value) || Number(value) > MAX_BOOTH_QUANTITY) {
      ctx.addIssue({ code: "custom", path: [field], message: "portal.error.quantityInvalid" });
      continue;
    }
    lines.push({ productId, quantity: Number(value) });
  }
  if (lines.length === 0) ctx.addIssue({ code: "custom", path: ["lines"], message: "portal.error.pickProducts" });
  return { saleKey: saleKey.data ?? "", payment: payment.data ?? "CASH", lines };
});
export type BoothSaleInput = z.output<typeof BoothSaleSchema>;

export const FULFILMENT_STEPS = ["PACKED", "SHIPPED", "PICKED_UP"] as const;
export type FulfilmentStep = (typeof FULFILMENT_STEPS)[number];

export const FulfilmentSchema = z
  .object({
    orderId: z.uuid("portal.error.reload"),
    status: z.enum(FULFILMENT_STEPS, "portal.error.reload"),
    trackingNumber: z
      .string()
      .trim()
      .max(40, "portal.error.trackingInvalid")
      .optional()
      .transform((v) => (v ? v : undefined)),
  })
  .superRefine((value, ctx) => {
    if (value.status !== "SHIPPED") return;
    if (!value.trackingNumber)
      ctx.addIssue({ code: "custom", path: ["trackingNumber"], message: "portal.error.trackingRequired" });
    else if (!/^[A-Za-z0-9-]{6,40}$/.test(value.trackingNumber))
      ctx.addIssue({ code: "custom", path: ["trackingNumber"], message: "portal.error.trackingInvalid" });
  })
  .transform((value) => ({
    ...value,
    // Only a shipment carries a tracking number.
    trackingNumber: value.status === "SHIPPED" ? value.trackingNumber : undefined,
  }));
export type FulfilmentInput = z.output<typeof FulfilmentSchema>;

/** The first message for each field of a failed parse; other libraries' messages become "invalid". */
export function portalErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || "form";
    const message = issue.message.startsWith("portal.error.") ? issue.message : "portal.error.invalid";
    errors[field] ??= message;
  }
  return errors;
}

/** A form's text fields (files and repeated keys aside) as a plain object, to parse and to echo back. */
export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string" && !(key in values)) values[key] = value;
  return values;
}
