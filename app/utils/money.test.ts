import { describe, expect, it } from "vitest";
import { formatFen } from "./money";

describe("formatFen", () => {
  it("shows integer fen as yuan with two decimals", () => {
    expect(formatFen(12800)).toBe("¥128.00");
    expect(formatFen(1)).toBe("¥0.01");
    expect(formatFen(123456789)).toBe("¥1,234,567.89");
    expect(formatFen(12800, "en")).toBe("¥128.00");
  });

  it("writes what Intl's CNY currency format writes, in both locales, without building one", () => {
    for (const [locale, tag] of [
      ["zh", "zh-CN"],
      ["en", "en-US"],
    ] as const) {
      const intl = new Intl.NumberFormat(tag, { style: "currency", currency: "CNY", currencyDisplay: "narrowSymbol" });
      for (const fen of [0, 5, 99, 100, 99999, 100000, 123456789, -1, -500, -123456789, 999999999999])
        expect(formatFen(fen, locale), `${fen} ${locale}`).toBe(intl.format(fen / 100));
    }
  });

  it("refuses fractional fen, which would mean money was computed in floating point", () => {
    expect(() => formatFen(12.5)).toThrow(TypeError);
  });
});
