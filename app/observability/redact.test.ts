import { randomUUID, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { maskPhone, scrubPath, scrubText, scrubValue } from "./redact";

describe("log redaction", () => {
  it("masks mainland mobile numbers however they are written, keeping the first three and last four digits", () => {
    for (const written of ["13812345678", "138 1234 5678", "138-1234-5678", "+86 13812345678", "+8613812345678"]) {
      const out = scrubText(`buyer phone ${written} called`);
      expect(out).not.toContain("12345678");
      expect(out).toContain("138****5678");
    }
    expect(maskPhone("021-6123 4567")).toBe("021****4567");
  });

  it("drops e-mail addresses, payment secrets, bearer tokens and card numbers from text", () => {
    const text =
      "mail to wang.xiaoming+fair@example.com.cn; key sk_live_51HxYz secret whsec_abc123 pi_3Nx_secret_Qw9 Authorization: Bearer abc.def-ghi card 4242 4242 4242 4242";
    const out = scrubText(text);
    for (const leaked of ["wang.xiaoming", "example.com", "sk_live_51HxYz", "whsec_abc123", "secret_Qw9", "abc.def-ghi", "4242 4242"]) {
      expect(out).not.toContain(leaked);
    }
  });

  it("redacts secret keys in objects at any depth and scrubs every string", () => {
    const out = scrubValue({
      password: "correct horse",
      user: { email: "a@b.cn", sessionId: "s3cr3t", nested: { orderToken: "tok" } },
      order: { contactPhone: "13812345678", note: "call 13900001111" },
      headers: { cookie: "fair_session=abc", Authorization: "Bearer x" },
      count: 3,
    });
    const json = JSON.stringify(out);
    for (const leaked of ["correct horse", "a@b.cn", "s3cr3t", '"tok"', "13812345678", "13900001111", "fair_session=abc"]) {
      expect(json).not.toContain(leaked);
    }
    expect(out).toMatchObject({ order: { contactPhone: "138****5678" }, count: 3 });
  });

  it("masks token parameters in a logged path and keeps the rest", () => {
    expect(scrubPath("/en/orders/Zx9_long-token.data", ["Zx9_long-token"])).toBe("/en/orders/:token.data");
    expect(scrubPath("/orders/abc", ["abc"])).toBe("/orders/:token");
    expect(scrubPath("/products/yunnan-tea", [])).toBe("/products/yunnan-tea");
  });

  it("keeps identifiers whole: order ids (UUIDs), hex digests and slugs with digits are not card or phone numbers", () => {
    for (let i = 0; i < 2000; i++) {
      const id = randomUUID();
      expect(scrubText(`order ${id} paid`)).toBe(`order ${id} paid`);
      expect(scrubValue({ orderId: id })).toEqual({ orderId: id });
    }
    const digest = randomBytes(32).toString("hex");
    expect(scrubText(digest)).toBe(digest);
    expect(scrubText("product-20261017-1234567890123")).toBe("product-20261017-1234567890123");
  });

  it("logs an error's type, message and stack (not an empty object), scrubbed", () => {
    const error = Object.assign(new Error("Stripe said no for buyer 13812345678"), { code: "ECONNREFUSED" });
    const out = scrubValue({ err: error }) as { err: Record<string, unknown> };
    expect(out.err.type).toBe("Error");
    expect(out.err.message).toBe("Stripe said no for buyer 138****5678");
    expect(String(out.err.stack)).toContain("redact.test");
    expect(out.err.code).toBe("ECONNREFUSED");
  });
});
