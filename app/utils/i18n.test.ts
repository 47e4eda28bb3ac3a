import { describe, expect, it } from "vitest";
import { localeFromParam, localeFromPath, localePath, switchLocalePath } from "./i18n";
import { translate } from "~/i18n/areas/storefront";

describe("i18n", () => {
  it("serves Chinese at the root and English under /en", () => {
    expect(localeFromPath("/")).toBe("zh");
    expect(localeFromPath("/products/x")).toBe("zh");
    expect(localeFromPath("/en")).toBe("en");
    expect(localeFromPath("/en/products/x")).toBe("en");
    expect(localeFromPath("/english-tea")).toBe("zh");
    expect(localeFromParam(undefined)).toBe("zh");
    expect(localeFromParam("en")).toBe("en");
    expect(localeFromParam("fr")).toBeNull();
  });

  it("links the same page in the other language", () => {
    expect(localePath("en", "/")).toBe("/en");
    expect(switchLocalePath("/products/pu-er", "en")).toBe("/en/products/pu-er");
    expect(switchLocalePath("/en/products/pu-er", "zh")).toBe("/products/pu-er");
    expect(switchLocalePath("/en", "zh")).toBe("/");
  });

  it("fills parameters", () => {
    expect(translate("zh", "home.cooperatives", { count: 3 })).toBe("3 家合作社");
    expect(translate("en", "home.cooperatives", { count: 3 })).toBe("3 cooperatives");
  });
});
