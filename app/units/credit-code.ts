// The unified social credit code (统一社会信用代码, GB 32100-2015) that a unit's VAT invoice carries.
// 18 characters from a 31-character alphabet (0-9, A-Z without I, O, S, V, Z):
//   1      registration authority (1 = 机构编制, 5 = 民政, 9 = 工商, Y = 其他 …)
//   2      organisation category under that authority
//   3-8    administrative division code (6 digits)
//   9-17   organisation code (GB 11714)
//   18     check character over positions 1-17.
// The check: weights 3^i mod 31 for positions 1-17; check value = 31 − (Σ value × weight mod 31),
// where 31 becomes 0.

export const CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export type CreditCodeProblem = "length" | "characters" | "check";

/** The check character for the first 17 characters of a code (which must be in the alphabet). */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17[i]!);
    if (value < 0) throw new RangeError(`not a credit-code character: ${first17[i]}`);
    sum += value * WEIGHTS[i]!;
  }
  const check = 31 - (sum % 31);
  return CREDIT_CODE_ALPHABET[check === 31 ? 0 : check]!;
}

/** Normalises what a person typed (spaces and lower case are forgiven) and says what is wrong, if anything. */
export function checkCreditCode(input: string): { ok: true; code: string } | { ok: false; problem: CreditCodeProblem } {
  const code = input.replace(/[\s-]/g, "").toUpperCase();
  if (code.length !== 18) return { ok: false, problem: "length" };
  if (!SHAPE.test(code)) return { ok: false, problem: "characters" };
  if (creditCodeCheckCharacter(code.slice(0, 17)) !== code[17]) return { ok: false, problem: "check" };
  return { ok: true, code };
}

export const isValidCreditCode = (input: string) => checkCreditCode(input).ok;

export const CREDIT_CODE_MESSAGES: Record<CreditCodeProblem, { zh: string; en: string }> = {
  length: { zh: "统一社会信用代码应为 18 位", en: "A unified social credit code has 18 characters" },
  characters: {
    zh: "统一社会信用代码只含数字和大写字母（不含 I、O、S、V、Z），第 3–8 位为行政区划代码",
    en: "Only digits and capital letters (no I, O, S, V, Z); characters 3–8 are the division code",
  },
  check: {
    zh: "统一社会信用代码校验位不符，请核对营业执照",
    en: "The check character does not match: please copy the code from the business licence again",
  },
};
