import { describe, expect, it } from "vitest";
import { formatFen } from "./money";

describe("formatFen", () => {
  it("shows integer fen as yuan with two decimals", () => {
    expect(formatFen(12800)).toBe("¥128.00");
    expect(formatFen(1)).toBe("¥0.01");
    expect(formatFen(123456789)).toBe("¥1,234,567.89");
    expect(formatFen(12800, "en")).toBe("¥128.00");
  });

  it("refuses fractional fen, which would mean money was computed in floating point", () => {
    expect(() => formatFen(12.5)).toThrow(TypeError);
  });
});
