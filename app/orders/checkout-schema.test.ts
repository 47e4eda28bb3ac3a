import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { translate, type StorefrontKey } from "~/i18n/areas/storefront";
import { CheckoutSchema, fieldErrors } from "./checkout-schema";

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
    const result = CheckoutSchema.safeParse({
      checkoutKey: "x",
      contactName: " ",
      contactPhone: "12345",
      contactEmail: "not-an-email",
      fulfilment: "DELIVERY",
      province: "Atlantis",
      postalCode: "12",
    });
    expect(result.success).toBe(false);
    const errors = fieldErrors(result.error!);
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
    const result = CheckoutSchema.safeParse({ ...valid, contactPhone: "", fulfilment: "DELIVERY" });
    expect(fieldErrors(result.error!)).toMatchObject({
      contactPhone: "shop.error.contactRequired",
      recipientName: "shop.error.recipientRequired",
      province: "shop.error.provinceRequired",
      city: "shop.error.cityRequired",
      addressLine: "shop.error.addressRequired",
    });
  });

  it("turns wrong types into a translated 'invalid', never an untranslatable message", () => {
    const result = CheckoutSchema.safeParse({ ...valid, fulfilment: ["x"], contactName: 42 });
    for (const message of Object.values(fieldErrors(result.error!))) expect(message).toMatch(/^shop\.error\./);
  });
});
