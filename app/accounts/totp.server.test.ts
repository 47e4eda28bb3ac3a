import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, matchTotp, newTotpSecret, totpCode } from "./totp.server";

describe("TOTP", () => {
  // RFC 6238 appendix B test vector for SHA-1 (secret "12345678901234567890"), truncated to 6 digits.
  const rfcSecret = base32Encode(Buffer.from("12345678901234567890"));

  it("matches the RFC 6238 test vectors", () => {
    expect(totpCode(rfcSecret, Math.floor(59 / 30))).toBe("287082");
    expect(totpCode(rfcSecret, Math.floor(1111111109 / 30))).toBe("081804");
    expect(totpCode(rfcSecret, Math.floor(2000000000 / 30))).toBe("279037");
  });

  it("accepts the current code and one step of drift, nothing else", () => {
    const secret = newTotpSecret();
    const now = 1_800_000_000_000;
    const step = Math.floor(now / 30_000);
    expect(matchTotp(secret, totpCode(secret, step), now)).toBe(step);
    expect(matchTotp(secret, totpCode(secret, step - 1), now)).toBe(step - 1);
    expect(matchTotp(secret, totpCode(secret, step - 3), now)).toBeNull();
    expect(matchTotp(secret, "12345", now)).toBeNull();
    expect(matchTotp(secret, "abcdef", now)).toBeNull();
  });

  it("round-trips base32", () => {
    const bytes = Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255]);
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
  });
});
