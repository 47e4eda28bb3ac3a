import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkCreditCode, CREDIT_CODE_ALPHABET, creditCodeCheckCharacter, isValidCreditCode } from "./credit-code";

// Codes in the published format, as printed on business licences (the GB 32100 example first).
const REAL_FORMAT = [
  "91350100M000100Y43", // the standard's own worked example
  "91110000100006485K",
  "91310000132200821H",
  "91440300708461136T",
  "12100000400000624D", // a public institution (registration authority 1, category 2)
];

describe("unified social credit code (GB 32100-2015)", () => {
  it("accepts real-format codes", () => {
    for (const code of REAL_FORMAT) expect(checkCreditCode(code)).toEqual({ ok: true, code });
  });

  it("forgives spaces and lower case, and returns the normalised code", () => {
    expect(checkCreditCode(" 91350100m000100y43 ")).toEqual({ ok: true, code: "91350100M000100Y43" });
  });

  it("names what is wrong", () => {
    expect(checkCreditCode("91350100M000100Y4")).toEqual({ ok: false, problem: "length" });
    expect(checkCreditCode("91350100M000100Y433")).toEqual({ ok: false, problem: "length" });
    expect(checkCreditCode("91350100O000100Y43")).toEqual({ ok: false, problem: "characters" }); // letter O
    expect(checkCreditCode("913501A0M000100Y43")).toEqual({ ok: false, problem: "characters" }); // division code
    expect(checkCreditCode("91350100M000100Y44")).toEqual({ ok: false, problem: "check" });
  });

  it("catches every single-character typo and every swap of two different neighbours", () => {
    const alphabet = CREDIT_CODE_ALPHABET.split("");
    const code = REAL_FORMAT[0]!;
    for (let i = 0; i < 18; i++) {
      for (const ch of alphabet) {
        if (ch === code[i]) continue;
        const typo = code.slice(0, i) + ch + code.slice(i + 1);
        expect(isValidCreditCode(typo), typo).toBe(false);
      }
    }
    for (let i = 0; i < 16; i++) {
      if (code[i] === code[i + 1]) continue;
      const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
      if (/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}/.test(swapped)) expect(isValidCreditCode(swapped), swapped).toBe(false);
    }
  });

  it("a code completed with its computed check character always validates", () => {
    const char = fc.constantFrom(...CREDIT_CODE_ALPHABET.split(""));
    const digit = fc.constantFrom(..."0123456789".split(""));
    const first17 = fc
      .tuple(
        fc.array(char, { minLength: 2, maxLength: 2 }),
        fc.array(digit, { minLength: 6, maxLength: 6 }),
        fc.array(char, { minLength: 9, maxLength: 9 }),
      )
      .map(([a, b, c]) => [...a, ...b, ...c].join(""));
    fc.assert(fc.property(first17, (head) => isValidCreditCode(head + creditCodeCheckCharacter(head))));
  });
});
