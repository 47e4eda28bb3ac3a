import { z } from "zod";
import { isPrintable } from "~/utils/text";

// Messages are i18n keys ("admin.error.*"), translated where they are shown.
const slug = z
  .string("admin.error.required")
  .trim()
  .min(1, "admin.error.required")
  .max(80, "admin.error.tooLong")
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "admin.error.slug");
const text = (max: number) =>
  z
    .string("admin.error.required")
    .trim()
    .min(1, "admin.error.required")
    .max(max, "admin.error.tooLong")
    .refine(isPrintable, "admin.error.invalid");
const optionalText = (max: number) =>
  z.string().trim().max(max, "admin.error.tooLong").refine(isPrintable, "admin.error.invalid").default("");
const isoDate = z
  .string("admin.error.date")
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "admin.error.date");

export const RegionSchema = z.object({
  slug,
  nameZh: text(60),
  nameEn: text(120),
  descriptionZh: optionalText(1000),
  descriptionEn: optionalText(2000),
  sortOrder: z.coerce.number("admin.error.number").int("admin.error.number").min(0).max(999).default(0),
});

export const CountySchema = z.object({
  slug,
  regionId: text(64),
  nameZh: text(60),
  nameEn: text(120),
  isKeyCounty: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
  descriptionZh: optionalText(1000),
  descriptionEn: optionalText(2000),
});

export const CooperativeSchema = z.object({
  slug,
  countyId: text(64),
  nameZh: text(80),
  nameEn: text(160),
  storyZh: optionalText(3000),
  storyEn: optionalText(6000),
  linkageType: z.enum(["WAGE", "ASSET", "OPERATING"], "admin.error.choose"),
  householdsLinked: z.coerce
    .number("admin.error.number")
    .int("admin.error.number")
    .min(0, "admin.error.number")
    .max(1_000_000, "admin.error.number"),
  boothNumber: z.preprocess(
    (v) => (v === undefined || (typeof v === "string" && v.trim() === "") ? null : v),
    z.string().trim().max(20, "admin.error.tooLong").nullable(),
  ),
  contactName: optionalText(40),
  contactPhone: optionalText(30),
});

export const OrganisationSchema = z.object({
  slug,
  nameZh: text(80),
  nameEn: text(160),
  kind: z.enum(
    [
      "SOCIAL_ORGANISATION",
      "FOUNDATION",
      "VOLUNTEER_GROUP",
      "STATE_OWNED_ENTERPRISE",
      "PRIVATE_ENTERPRISE",
      "DISTRICT_GOVERNMENT",
    ],
    "admin.error.choose",
  ),
  descriptionZh: optionalText(1000),
  descriptionEn: optionalText(2000),
});

/** The organiser's pairing form: an organisation, a cooperative or a county ("cooperative:<id>"), a weight. */
export const SavePartnershipSchema = z.object({
  intent: z.literal("save"),
  organisationId: text(64),
  target: z
    .string("admin.error.choose")
    .trim()
    .regex(/^(cooperative|county):.+$/, "admin.error.choose"),
  weight: z.coerce
    .number("admin.error.number")
    .int("admin.error.number")
    .min(1, "admin.error.weight")
    .max(1000, "admin.error.weight"),
});

/** A pairing removed from the list (its row's delete button). */
export const DeletePartnershipSchema = z.object({ intent: z.literal("delete"), id: text(64) });

/** Every post to /admin/partnerships, branched on `intent`. */
export const PartnershipActionSchema = z.discriminatedUnion(
  "intent",
  [SavePartnershipSchema, DeletePartnershipSchema],
  "admin.error.invalid",
);

/** What a pairing saves: the chosen target as a cooperative or a county. */
export function toPartnership({ organisationId, target, weight }: z.output<typeof SavePartnershipSchema>) {
  const colon = target.indexOf(":");
  const [kind, id] = [target.slice(0, colon), target.slice(colon + 1)];
  return {
    organisationId,
    weight,
    cooperativeId: kind === "cooperative" ? id : null,
    countyId: kind === "county" ? id : null,
  };
}
export type PartnershipInput = ReturnType<typeof toPartnership>;

const productId = z
  .string("admin.error.notFound")
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "admin.error.notFound");

export const ApproveCertificationSchema = z
  .object({
    intent: z.literal("approve"),
    productId,
    certificateNumber: text(40),
    certifyingBody: text(120),
    certifiedFrom: isoDate,
    certifiedUntil: isoDate,
  })
  .refine((v) => v.certifiedFrom <= v.certifiedUntil, { path: ["certifiedUntil"], message: "admin.error.dateOrder" });

export const RejectCertificationSchema = z.object({ intent: z.literal("reject"), productId, reason: text(500) });

/** Every post to /admin/certification: one product's approve or reject form, branched on `intent`. */
export const CertificationActionSchema = z.discriminatedUnion(
  "intent",
  [ApproveCertificationSchema, RejectCertificationSchema],
  "admin.error.invalid",
);

/** Which product's form a certification post came from, so its reply shows on that form only. */
export function certificationFormId(payload: Record<string, unknown>): string {
  return `${String(payload.intent)}-${String(payload.productId)}`;
}

export const FairSchema = z
  .object({
    nameZh: text(80),
    nameEn: text(160),
    venueZh: text(120),
    venueEn: text(200),
    tradeDaysStart: isoDate,
    tradeDaysEnd: isoDate,
    publicDaysStart: isoDate,
    publicDaysEnd: isoDate,
  })
  .refine(
    (v) =>
      v.tradeDaysStart <= v.tradeDaysEnd && v.tradeDaysEnd <= v.publicDaysStart && v.publicDaysStart <= v.publicDaysEnd,
    {
      path: ["publicDaysEnd"],
      message: "admin.error.fairDays",
    },
  );

export const InvitationSchema = z
  .object({
    email: z.string().trim().max(200).pipe(z.email("admin.error.email")),
    role: z.enum(["ORGANISER", "COOPERATIVE_STAFF", "UNIT_BUYER"], "admin.error.choose"),
    cooperativeId: z.string().trim().optional(),
    /** The buying unit a UNIT_BUYER buys for. */
    organisationId: z.preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
      z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9_-]{1,64}$/, "admin.error.choose")
        .optional(),
    ),
  })
  .refine((v) => v.role !== "COOPERATIVE_STAFF" || !!v.cooperativeId, {
    path: ["cooperativeId"],
    message: "admin.error.choose",
  })
  .refine((v) => v.role !== "UNIT_BUYER" || !!v.organisationId, {
    path: ["organisationId"],
    message: "admin.error.choose",
  });

/** A refund's quantity of one line: a whole number, or empty for none. */
const refundQuantity = z
  .string("admin.error.number")
  .trim()
  .regex(/^\d{0,5}$/, "admin.error.number")
  .transform((v) => (v === "" ? 0 : Number(v)));

/**
 * An order's refund form: a reason, and which button was pressed ("all", or "lines" with the
 * quantities typed per line in "qty:<orderLineId>" fields, read off the form as `quantities`).
 */
export const RefundSchema = z
  .object({
    reason: text(500),
    scope: z.enum(["all", "lines"], "admin.error.choose"),
  })
  .catchall(refundQuantity)
  .transform(({ reason, scope, ...fields }) => ({
    reason: reason as string,
    scope: scope as "all" | "lines",
    quantities: Object.fromEntries(
      Object.entries(fields)
        .filter(([name]) => name.startsWith("qty:"))
        .map(([name, quantity]) => [name.slice("qty:".length), quantity as number]),
    ),
  }));

/** An organiser's two-step sign-in: start (a new secret), turn on with a code from the app, or turn off. */
export const SecurityActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("propose") }),
    z.object({
      intent: z.literal("enable"),
      code: z
        .string("accounts.error.second-factor-invalid")
        .trim()
        .regex(/^\d{6}$/, "accounts.error.second-factor-invalid"),
    }),
    z.object({ intent: z.literal("disable") }),
  ],
  "admin.error.invalid",
);

/** The message for zod's own words (a wrong type, a missing field) on the console's forms. */
export const ADMIN_FALLBACK = "admin.error.invalid";
