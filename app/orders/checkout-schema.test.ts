import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseSubmission } from "~/utils/forms";
import { translate, type StorefrontKey } from "~/i18n/areas/storefront";
import { CHECKOUT_FALLBACK, CheckoutSchema } from "./checkout-schema";

/** The first message per field, as the form pipeline gives it to the page (a form post of `values`). */
function fieldErrors(values: Record<string, unknown>): Record<string, string> {
  const form = new FormData();
  for (const [key, value] of Object.entries(values))
    for (const one of Array.isArray(value) ? value : [value]) if (one !== undefined) form.append(key, String(one));
  const submission = parseSubmission(form, CheckoutSchema, CHECKOUT_FALLBACK);
  const errors: Record<string, string> = {};
  for (const [field, messages] of Object.entries(submission.reply().error ?? {}))
    if (messages?.[0]) errors[field] = messages[0];
  return errors;
}

const valid = {
  checkoutKey: randomUUID(),
  contactName: "王小明",
  contactPhone: "138 0000 1234",
  fulfilment: "BOOTH_PICKUP",
};

describe("CheckoutSchema", () => {
  it("accepts a booth pickup with a mobile number, normalised", () => {
    const parsed = CheckoutSchema.parse({ ...valid, contactEmail: "" });
    expect(parsed.contactPhone).toBe("13800001234");
    expect(parsed.contactEmail).toBeUndefined();
  });

  it("accepts delivery with a full mainland address and an email instead of a phone", () => {
    const parsed = CheckoutSchema.parse({
      ...valid,
      contactPhone: "",
      contactEmail: "buyer@example.cn",
      fulfilment: "DELIVERY",
      recipientName: "王小明",
      province: "上海市",
      city: "上海市",
      addressLine: "静安区延安中路1000号",
      postalCode: "200040",
    });
    expect(parsed.province).toBe("上海市");
  });

  it("names each bad field with a message that exists in both languages", () => {
    const bad = {
      checkoutKey: "x",
      contactName: " ",
      contactPhone: "12345",
      contactEmail: "not-an-email",
      fulfilment: "DELIVERY",
      province: "Atlantis",
      postalCode: "12",
    };
    expect(CheckoutSchema.safeParse(bad).success).toBe(false);
    const errors = fieldErrors(bad);
    expect(errors).toMatchObject({
      checkoutKey: "shop.error.reload",
      contactName: "shop.error.nameRequired",
      contactPhone: "shop.error.phoneInvalid",
      contactEmail: "shop.error.emailInvalid",
      province: "shop.error.provinceInvalid",
      postalCode: "shop.error.postalCodeInvalid",
    });
    for (const key of Object.values(errors)) {
      expect(translate("zh", key as StorefrontKey)).not.toBe(translate("en", key as StorefrontKey));
    }
  });

  it("requires a phone or an email, and an address for delivery", () => {
    expect(fieldErrors({ ...valid, contactPhone: "", fulfilment: "DELIVERY" })).toMatchObject({
      contactPhone: "shop.error.contactRequired",
      recipientName: "shop.error.recipientRequired",
      province: "shop.error.provinceRequired",
      city: "shop.error.cityRequired",
      addressLine: "shop.error.addressRequired",
    });
  });

  it("turns wrong types into a translated 'invalid', never an untranslatable message", () => {
    const errors = fieldErrors({ ...valid, fulfilment: ["x", "y"], contactName: 42 });
    expect(errors.fulfilment).toBeDefined();
    for (const message of Object.values(errors)) expect(message).toMatch(/^shop\.error\./);
  });
});
