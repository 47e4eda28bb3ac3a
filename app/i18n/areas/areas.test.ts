import { describe, expect, it } from "vitest";
import { localeFromUrl, localePath, pick, switchLocaleHref } from "~/utils/i18n";
import { translate as consoleT } from "./console";
import { translate as storefrontT, storefrontMessages } from "./storefront";
import * as consoleMessages from "~/i18n/console";
import * as portalMessages from "~/i18n/portal";

describe("one locale mechanism", () => {
  it("reads the locale from the URL for every page: /en on the storefront, ?lang=en in the console and portal", () => {
    expect(localeFromUrl("http://x/en/products/a")).toBe("en");
    expect(localeFromUrl("http://x/products/a?lang=en")).toBe("zh");
    expect(localeFromUrl("http://x/admin/reports?region=y&lang=en")).toBe("en");
    expect(localeFromUrl("http://x/portal?lang=en")).toBe("en");
    expect(localeFromUrl("http://x/portal")).toBe("zh");
    expect(localeFromUrl({ pathname: "/administrator", search: "?lang=en" })).toBe("zh");
  });

  it("switches language on every page to a page that exists, keeping the query", () => {
    expect(switchLocaleHref({ pathname: "/admin" }, "en")).toBe("/admin?lang=en");
    expect(switchLocaleHref({ pathname: "/admin/reports", search: "?region=y" }, "en")).toBe(
      "/admin/reports?lang=en&region=y",
    );
    expect(switchLocaleHref({ pathname: "/portal/products", search: "?lang=en" }, "zh")).toBe("/portal/products");
    expect(switchLocaleHref({ pathname: "/search", search: "?q=tea" }, "en")).toBe("/en/search?q=tea");
    expect(switchLocaleHref({ pathname: "/en/search", search: "?q=tea" }, "zh")).toBe("/search?q=tea");
    expect(localePath("en", "/portal/orders")).toBe("/portal/orders?lang=en");
    expect(switchLocaleHref({ pathname: "/admin", search: "?lang=en" }, "zh")).toBe("/admin");
    expect(localePath("zh", "/portal?lang=en")).toBe("/portal");
  });
});

describe("typed messages", () => {
  it("has English plural forms, and Chinese none", () => {
    expect(storefrontT("en", "browse.categoryCount", { count: 1 })).toBe("1 item");
    expect(storefrontT("en", "browse.categoryCount", { count: 3 })).toBe("3 items");
    expect(storefrontT("en", "home.cooperatives", { count: 1 })).toBe("1 cooperative");
    expect(storefrontT("zh", "browse.categoryCount", { count: 1 })).toBe("1 件商品");
    expect(storefrontT("zh", "browse.categoryCount", { count: 3 })).toBe("3 件商品");
  });

  it("refuses an unknown key or a console key on the storefront at type-check time", () => {
    // @ts-expect-error: no such key
    expect(storefrontT("zh", "cart.add")).toBe("cart.add");
    // @ts-expect-error: a console message is not the storefront's
    expect(storefrontT("zh", "console.admin")).toBe("console.admin");
    expect(consoleT("zh", "console.admin")).toBe("组织方控制台");
  });

  it("picks only fields that exist in both languages", () => {
    const product = { nameZh: "普洱", nameEn: "Pu'er", slug: "p" };
    expect(pick("en", product, "name")).toBe("Pu'er");
    // @ts-expect-error: slug is not bilingual
    pick("en", product, "slug");
  });

  it("keeps every portal and console message out of the storefront's dictionary", () => {
    const storefrontKeys = new Set(Object.keys(storefrontMessages.zh));
    for (const key of [...Object.keys(consoleMessages.zh), ...Object.keys(portalMessages.zh)])
      expect(storefrontKeys.has(key), key).toBe(false);
  });
});
