import { z } from "zod";
import { isPrintable } from "~/utils/text";

/** How long checkout holds the stock for a buyer who is paying. */
export const RESERVATION_MINUTES = 30;

/** The 31 provincial-level divisions of mainland China, where the fair delivers. */
export const PROVINCES = [
  ["北京市", "Beijing"],
  ["天津市", "Tianjin"],
  ["河北省", "Hebei"],
  ["山西省", "Shanxi"],
  ["内蒙古自治区", "Inner Mongolia"],
  ["辽宁省", "Liaoning"],
  ["吉林省", "Jilin"],
  ["黑龙江省", "Heilongjiang"],
  ["上海市", "Shanghai"],
  ["江苏省", "Jiangsu"],
  ["浙江省", "Zhejiang"],
  ["安徽省", "Anhui"],
  ["福建省", "Fujian"],
  ["江西省", "Jiangxi"],
  ["山东省", "Shandong"],
  ["河南省", "Henan"],
  ["湖北省", "Hubei"],
  ["湖南省", "Hunan"],
  ["广东省", "Guangdong"],
  ["广西壮族自治区", "Guangxi"],
  ["海南省", "Hainan"],
  ["重庆市", "Chongqing"],
  ["四川省", "Sichuan"],
  ["贵州省", "Guizhou"],
  ["云南省", "Yunnan"],
  ["西藏自治区", "Tibet"],
  ["陕西省", "Shaanxi"],
  ["甘肃省", "Gansu"],
  ["青海省", "Qinghai"],
  ["宁夏回族自治区", "Ningxia"],
  ["新疆维吾尔自治区", "Xinjiang"],
] as const;
const provinceNames = PROVINCES.map(([zh]) => zh) as [string, ...string[]];

// Messages are i18n keys ("shop.error.*"): the same schema runs in the browser and on the server,
// and each side shows the message in the buyer's language.

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "shop.error.tooLong")
    .refine(isPrintable, "shop.error.invalid")
    .optional()
    .transform((v) => (v ? v : undefined));

/** An empty or blank form field means "not given", so the field's own message is the one shown. */
const blankAsMissing = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

const mobile = z
  .string()
  .transform((v) => v.replace(/[\s-]/g, ""))
  .pipe(z.string().regex(/^(\+?86)?1[3-9]\d{9}$/, "shop.error.phoneInvalid"))
  .transform((v) => v.replace(/^\+?86/, ""));

export const CheckoutSchema = z
  .object({
    checkoutKey: z.uuid("shop.error.reload"),
    contactName: z
      .string()
      .trim()
      .min(1, "shop.error.nameRequired")
      .max(40, "shop.error.tooLong")
      .refine(isPrintable, "shop.error.invalid"),
    contactPhone: blankAsMissing(mobile),
    contactEmail: blankAsMissing(
      z.string().trim().max(120, "shop.error.tooLong").pipe(z.email("shop.error.emailInvalid")),
    ),
    fulfilment: z.enum(["BOOTH_PICKUP", "DELIVERY"], "shop.error.fulfilmentRequired"),
    recipientName: optionalText(40),
    province: blankAsMissing(z.enum(provinceNames, "shop.error.provinceInvalid")),
    city: optionalText(40),
    district: optionalText(40),
    addressLine: optionalText(120),
    postalCode: blankAsMissing(
      z
        .string()
        .trim()
        .regex(/^\d{6}$/, "shop.error.postalCodeInvalid"),
    ),
    onBehalfOf: optionalText(120),
  })
  .superRefine((value, ctx) => {
    if (!value.contactPhone && !value.contactEmail) {
      ctx.addIssue({ code: "custom", path: ["contactPhone"], message: "shop.error.contactRequired" });
    }
    if (value.fulfilment === "DELIVERY") {
      if (!value.recipientName)
        ctx.addIssue({ code: "custom", path: ["recipientName"], message: "shop.error.recipientRequired" });
      if (!value.province) ctx.addIssue({ code: "custom", path: ["province"], message: "shop.error.provinceRequired" });
      if (!value.city) ctx.addIssue({ code: "custom", path: ["city"], message: "shop.error.cityRequired" });
      if (!value.addressLine || value.addressLine.length < 4)
        ctx.addIssue({ code: "custom", path: ["addressLine"], message: "shop.error.addressRequired" });
    }
  });

export type CheckoutInput = z.infer<typeof CheckoutSchema>;
export type CheckoutField = keyof z.input<typeof CheckoutSchema>;

/** The message for zod's own words (a wrong type, say), which are not ours to translate. */
export const CHECKOUT_FALLBACK = "shop.error.invalid";
