import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maskPhone } from "./contact-mask";

describe("maskPhone", () => {
  it("shows a mainland mobile as 138****5678", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
    expect(maskPhone("+86 138 1234 5678")).toBe("861****5678");
  });

  it("never shows the middle digits: at most the first three and last four of a long number, two of a short one", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9 +-]{0,20}$/), (phone) => {
        const digits = phone.replace(/\D/g, "");
        const masked = maskPhone(phone);
        if (digits.length >= 8) expect(masked).toBe(`${digits.slice(0, 3)}****${digits.slice(-4)}`);
        else expect(masked.replace(/\D/g, "").length).toBeLessThanOrEqual(2);
      }),
    );
  });
});
