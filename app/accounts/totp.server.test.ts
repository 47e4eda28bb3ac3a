import { Secret } from "otpauth";
import { describe, expect, it } from "vitest";
import { matchTotp, newTotpSecret, otpauthUrl, totpCode } from "./totp.server";

describe("TOTP", () => {
  // RFC 6238 appendix B test vector for SHA-1 (secret "12345678901234567890"), truncated to 6 digits.
  const rfcSecret = Secret.fromLatin1("12345678901234567890").base32;

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
    expect(matchTotp(secret, totpCode(secret, step + 1), now)).toBe(step + 1);
    expect(matchTotp(secret, totpCode(secret, step - 3), now)).toBeNull();
    expect(matchTotp(secret, "12345", now)).toBeNull();
    expect(matchTotp(secret, "abcdef", now)).toBeNull();
  });

  it("makes 160-bit base32 secrets and the URL an authenticator app scans", () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const url = new URL(otpauthUrl(secret, "organiser@example.org"));
    expect(url.protocol).toBe("otpauth:");
    expect(url.searchParams.get("secret")).toBe(secret);
    expect(url.searchParams.get("issuer")).toBe("Shanghai Fair");
    expect(url.searchParams.get("period")).toBe("30");
  });
});
