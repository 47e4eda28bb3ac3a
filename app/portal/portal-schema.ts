import { z } from "zod";
import { MAX_STOCK } from "~/catalog/stock";
import { isPrintable } from "~/utils/text";
import { fenToDecimal, parseYuan } from "~/utils/money";

/*
 * The cooperative portal's forms. The same schemas run in the browser (useSchemaForm: errors show
 * before the post) and in the actions (parseSubmission, which trusts nothing else). Messages are
 * i18n keys ("portal.error.*"), shown in the user's language where they are rendered; the schemas
 * are written against the raw strings a form sends.
 */

/** The key shown for zod's own messages (a wrong type, a missing field), which are not ours. */
export const PORTAL_FALLBACK = "portal.error.invalid";

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
const stockCount = (message: string, required = "portal.error.stockRequired") =>
  z
    .string(required)
    .trim()
    .min(1, { error: required, abort: true })
    .regex(/^\d{1,6}$/, message)
    .transform(Number)
    .refine((n) => n <= MAX_STOCK, message);

export const PRODUCT_STATUSES = ["DRAFT", "LISTED", "RETIRED"] as const;

const ProductFields = z.object({
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
});
const toInput = ({ price, ...rest }: z.output<typeof ProductFields>) => ({ ...rest, priceFen: price });

/** The product form of the "new" page (and the product fields of the edit page's). */
export const ProductSchema = ProductFields.transform(toInput);
export type ProductInput = z.output<typeof ProductSchema>;
export type ProductField = keyof z.input<typeof ProductSchema>;

/**
 * The stock the edit form was showing. Saving applies the difference to the current stock, so
 * units a buyer reserved while the form was open are not silently handed out again. A bad value
 * means a page that is not ours or out of date: the form shows it as an error of the whole form.
 */
export const StockWasSchema = stockCount("portal.error.reload", "portal.error.reload");

/** The edit page's product form: the product, and the stock the form started from. */
export const ProductSaveSchema = ProductFields.extend({
  intent: z.literal("save"),
  stockWas: StockWasSchema,
}).transform(({ intent, stockWas, ...fields }) => ({ intent, stockWas, input: toInput(fields) }));

/**
 * Every plain (not multipart) post of the edit page, told apart by `intent`: the product form,
 * and the buttons that remove a picture, put the product forward for certification, or retire it.
 * Any other intent is a page that is out of date.
 */
export const ProductEditSchema = z.discriminatedUnion(
  "intent",
  [
    ProductSaveSchema,
    z.object({
      intent: z.literal("removeImage"),
      imageId: z.string("portal.error.reload").max(64, "portal.error.reload"),
    }),
    z.object({ intent: z.literal("requestCertification") }),
    z.object({ intent: z.literal("retire") }),
  ],
  "portal.error.reload",
);
export type ProductEditIntent = z.output<typeof ProductEditSchema>["intent"] | "addImage";

/** The largest picture a cooperative may upload; the server's limit (uploads.server.ts) is the same. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/**
 * A picture for a product (multipart) and its descriptions. The browser checks that one is chosen
 * and not too large before sending 5 MB; the server reads its bytes to know what it really is.
 */
export const ImageUploadSchema = z.object({
  image: z
    .file("portal.error.imageRequired")
    .min(1, "portal.error.imageRequired")
    .max(MAX_IMAGE_BYTES, "portal.error.imageTooLarge"),
  altZh: optionalText(120),
  altEn: optionalText(120),
});

const PRODUCT_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const PAYMENT_METHODS = ["CASH", "QR"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/**
 * A booth sale: a quantity box per product (`qty.<productId>`, blank or 0 for none), how it was
 * paid, and the screen's one-time key, so a double tap records one sale. A bad quantity is
 * answered beside its box; a sale of nothing is answered at the list (`qty`).
 */
export const BoothSaleSchema = z
  .object({
    saleKey: z.uuid("portal.error.reload"),
    payment: z.enum(PAYMENT_METHODS, "portal.error.paymentRequired"),
    qty: z
      .record(z.string(), z.unknown())
      .optional()
      .transform((boxes, ctx) => {
        const lines: { productId: string; quantity: number }[] = [];
        for (const [productId, raw] of Object.entries(boxes ?? {})) {
          if (!PRODUCT_ID.test(productId)) continue;
          const value = typeof raw === "string" ? raw.trim() : null;
          if (value === "" || value === "0") continue;
          if (value === null || !/^\d{1,3}$/.test(value) || Number(value) > MAX_BOOTH_QUANTITY) {
            ctx.addIssue({ code: "custom", path: [productId], message: "portal.error.quantityInvalid" });
            continue;
          }
          lines.push({ productId, quantity: Number(value) });
        }
        if (lines.length === 0) ctx.addIssue({ code: "custom", message: "portal.error.pickProducts" });
        return lines;
      }),
  })
  .transform(({ saleKey, payment, qty }) => ({ saleKey, payment, lines: qty }));
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
