import { z } from "zod";
import { isPrintable } from "~/utils/text";

// Messages are i18n keys ("admin.error.*"), translated where they are shown.
const slug = z
  .string()
  .trim()
  .min(1, "admin.error.required")
  .max(80, "admin.error.tooLong")
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "admin.error.slug");
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, "admin.error.required")
    .max(max, "admin.error.tooLong")
    .refine(isPrintable, "admin.error.invalid");
const optionalText = (max: number) =>
  z.string().trim().max(max, "admin.error.tooLong").refine(isPrintable, "admin.error.invalid").default("");
const isoDate = z
  .string()
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
    (v) => (typeof v === "string" && v.trim() === "" ? null : v),
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

export const PartnershipSchema = z
  .object({
    organisationId: text(64),
    target: z
      .string()
      .trim()
      .regex(/^(cooperative|county):.+$/, "admin.error.choose"),
    weight: z.coerce
      .number("admin.error.number")
      .int("admin.error.number")
      .min(1, "admin.error.weight")
      .max(1000, "admin.error.weight"),
  })
  .transform(({ target, ...rest }) => {
    const [kind, id] = [target.slice(0, target.indexOf(":")), target.slice(target.indexOf(":") + 1)];
    return { ...rest, cooperativeId: kind === "cooperative" ? id : null, countyId: kind === "county" ? id : null };
  });

export const ApproveCertificationSchema = z
  .object({
    certificateNumber: text(40),
    certifyingBody: text(120),
    certifiedFrom: isoDate,
    certifiedUntil: isoDate,
  })
  .refine((v) => v.certifiedFrom <= v.certifiedUntil, { path: ["certifiedUntil"], message: "admin.error.dateOrder" });

export const RejectCertificationSchema = z.object({ reason: text(500) });

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

export const RefundSchema = z.object({
  reason: text(500),
  /** "all", or per line "qty:<orderLineId>" fields with quantities. */
  scope: z.enum(["all", "lines"]),
});

/** The message for zod's own words (a wrong type, a missing field) on the console's forms. */
export const ADMIN_FALLBACK = "admin.error.invalid";

/** The first message for each field, as i18n keys. */
export function adminErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message.startsWith("admin.error.") ? issue.message : "admin.error.invalid";
  }
  return errors;
}
