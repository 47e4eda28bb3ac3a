import { describe, expect, it } from "vitest";
import { dictionaryImports, localeOf } from "../scripts/bench/client-weight";

// `npm run bench` weighs a page as a browser loads it: the HTML's modules and the dictionary of
// the page's language they import(), never the other language's (loaded only on a switch).
describe("the bench's client weight", () => {
  const chunk =
    'const Ya={zh:()=>Xa(()=>import("./storefront.zh-DpGQ2R-n.js"),[]),en:()=>Xa(()=>import("./storefront.en-CDOc3ZXZ.js"),[])};' +
    'const p={zh:()=>import( "./portal.zh-DacmagFm.js" ),en:()=>import("./portal.en-VWSL1Jfo.js")};const s="./shop.zh-Bx1.js";';

  it("follows the import() of the page's language only", () => {
    expect(dictionaryImports(chunk, "zh")).toEqual(["./storefront.zh-DpGQ2R-n.js", "./portal.zh-DacmagFm.js"]);
    expect(dictionaryImports(chunk, "en")).toEqual(["./storefront.en-CDOc3ZXZ.js", "./portal.en-VWSL1Jfo.js"]);
  });

  it("reads the page's language from <html lang>", () => {
    expect(localeOf('<!DOCTYPE html><html lang="zh-CN"><head>')).toBe("zh");
    expect(localeOf('<!DOCTYPE html><html lang="en"><head>')).toBe("en");
    expect(localeOf("<html><head>")).toBe("zh");
  });
});
