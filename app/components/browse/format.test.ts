import { describe, expect, it } from "vitest";
import { formatDay, formatDayRange, formatShare } from "./format";

describe("fair dates", () => {
  it("formats a Shanghai calendar day in each language", () => {
    expect(formatDay("2026-10-17", "zh")).toBe("2026年10月17日");
    expect(formatDay("2026-10-17", "en")).toBe("17 October 2026");
  });

  it("shortens a range within a month or a year, and spells out one that spans years", () => {
    expect(formatDayRange("2026-10-15", "2026-10-16", "zh")).toBe("2026年10月15日至16日");
    expect(formatDayRange("2026-10-15", "2026-10-16", "en")).toBe("15–16 October 2026");
    expect(formatDayRange("2026-10-30", "2026-11-02", "zh")).toBe("2026年10月30日至11月2日");
    expect(formatDayRange("2026-10-30", "2026-11-02", "en")).toBe("30 October – 2 November 2026");
    expect(formatDayRange("2025-04-01", "2027-03-31", "zh")).toBe("2025年4月1日至2027年3月31日");
    expect(formatDayRange("2025-04-01", "2027-03-31", "en")).toBe("1 April 2025 – 31 March 2027");
    expect(formatDayRange("2026-10-17", "2026-10-17", "en")).toBe("17 October 2026");
  });

  it("writes a share as a whole percentage", () => {
    expect(formatShare(0.6, "zh")).toBe("60%");
    expect(formatShare(1 / 3, "en")).toBe("33%");
  });
});
