// The organisers' and cooperatives' forms about buying units: one zod schema per form, parsed by
// conform on both sides (the browser for early messages, the server for the truth). Messages are
// i18n keys ("unitAdmin.error.*"), translated where they are shown.
import { z } from "zod";
import { parseYuan } from "~/utils/money";
import { isPrintable } from "~/utils/text";
import { checkCreditCode } from "./credit-code";

export const UNIT_KINDS = ["AGENCY", "STATE_FIRM", "COMPANY", "UNION", "OTHER"] as const;
export type UnitKindValue = (typeof UNIT_KINDS)[number];

/** The largest amount a form takes: ¥100,000,000.00 (a pledge or a transfer above is a typo). */
export const MAX_AMOUNT_FEN = 10_000_000_000;

const required = "unitAdmin.error.required";
const text = (max: number) =>
  z
    .string(required)
    .trim()
    .min(1, required)
    .max(max, "unitAdmin.error.tooLong")
    .refine(isPrintable, "unitAdmin.error.invalid");
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "unitAdmin.error.tooLong")
    .refine(isPrintable, "unitAdmin.error.invalid")
    .optional()
    .transform((v) => v ?? "");
const id = z
  .string("unitAdmin.error.choose")
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "unitAdmin.error.choose");

/** Yuan as typed ("1008000", "¥1,008,000.00") → integer fen, positive and below the ceiling. */
export const amount = z
  .string(required)
  .trim()
  .min(1, required)
  .transform((value, ctx) => {
    const fen = parseYuan(value.replace(/[,，\s]/g, ""), 11);
    if (fen === null) ctx.addIssue({ code: "custom", message: "unitAdmin.error.amount" });
    else if (fen <= 0) ctx.addIssue({ code: "custom", message: "unitAdmin.error.amountPositive" });
    else if (fen > MAX_AMOUNT_FEN) ctx.addIssue({ code: "custom", message: "unitAdmin.error.amountTooHigh" });
    return fen ?? 0;
  });

/** A calendar day "YYYY-MM-DD" between 2000 and 2100, as the UTC midnight a DATE column stores. */
export const day = z
  .string(required)
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "unitAdmin.error.date")
  .transform((value, ctx) => {
    const date = new Date(`${value}T00:00:00Z`);
    const ok = !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
    if (!ok || value < "2000-01-01" || value > "2100-12-31")
      ctx.addIssue({ code: "custom", message: "unitAdmin.error.date" });
    return date;
  });

const slug = z
  .string(required)
  .trim()
  .min(1, required)
  .max(80, "unitAdmin.error.tooLong")
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "unitAdmin.error.slug");

const optionalCreditCode = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx) => {
    if (!value) return null;
    const checked = checkCreditCode(value);
    if (!checked.ok) {
      ctx.addIssue({ code: "custom", message: `unitAdmin.error.creditCode.${checked.problem}` });
      return null;
    }
    return checked.code;
  });

export const UnitSchema = z.object({
  slug,
  nameZh: text(80),
  nameEn: text(160),
  buyerKind: z.enum(UNIT_KINDS, "unitAdmin.error.choose"),
  invoiceTitle: optionalText(120),
  creditCode: optionalCreditCode,
});
export type UnitInput = z.output<typeof UnitSchema>;

export const PledgeSchema = z.object({
  organisationId: id,
  amount,
  signedOn: day,
  notes: optionalText(500),
});

/** A transfer read off the bank statement. */
export const RecordTransferSchema = z.object({
  intent: z.literal("record"),
  reference: z
    .string(required)
    .trim()
    .min(1, required)
    .max(40, "unitAdmin.error.tooLong")
    .transform((v) => v.toUpperCase().replace(/\s+/g, ""))
    .pipe(z.string().regex(/^[A-Z0-9-]{4,40}$/, "unitAdmin.error.reference")),
  amount,
  receivedOn: day,
  payerName: text(120),
});

/** A held transfer applied with its amount corrected from the bank slip. */
export const ApplyTransferSchema = z.object({
  intent: z.literal("apply"),
  transferId: id,
  amount,
  note: optionalText(300),
});

/** A held transfer not applied (it goes back to the payer), with the reason. */
export const RejectTransferSchema = z.object({ intent: z.literal("reject"), transferId: id, note: text(300) });

/** Extend an order's hold by 1–30 days, or release it now (days = 0). */
export const HoldSchema = z.object({
  intent: z.literal("hold"),
  orderId: z
    .string("unitAdmin.error.invalid")
    .trim()
    .regex(/^[0-9a-f-]{36}$/, "unitAdmin.error.invalid"),
  days: z
    .string("unitAdmin.error.holdDays")
    .trim()
    .regex(/^\d{1,2}$/, "unitAdmin.error.holdDays")
    .transform(Number)
    .pipe(z.number().max(30, "unitAdmin.error.holdDays")),
});

/** Every post to /admin/transfers, branched on `intent`; each form validates with its own member. */
export const TransfersActionSchema = z.discriminatedUnion(
  "intent",
  [RecordTransferSchema, ApplyTransferSchema, RejectTransferSchema, HoldSchema],
  "unitAdmin.error.invalid",
);

export const InvoiceIssuedSchema = z.object({
  invoiceId: id,
  invoiceNumber: z
    .string(required)
    .trim()
    .min(1, required)
    .regex(/^[0-9A-Za-z-]{8,24}$/, "unitAdmin.error.invoiceNumber"),
  issuedOn: day,
});

/** The message for zod's own words (a wrong type, a missing field) on the unit forms. */
export const UNIT_ADMIN_FALLBACK = "unitAdmin.error.invalid";

/**
 * Which form on /admin/transfers a post came from (the record form, or one row's apply, reject,
 * extend or release form), read from what was sent, so a reply's errors show on that form only.
 */
export function transferFormId(payload: Record<string, unknown>): string | null {
  const value = (name: string) => (typeof payload[name] === "string" ? (payload[name] as string) : "");
  switch (value("intent")) {
    case "record":
      return "transfer-form";
    case "apply":
    case "reject":
      return `${value("intent")}-${value("transferId")}`;
    case "hold":
      return `${value("days") === "0" ? "release" : "hold"}-${value("orderId")}`;
    default:
      return null;
  }
}
