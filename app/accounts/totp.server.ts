import { HOTP, Secret, TOTP } from "otpauth";

/*
 * RFC 6238 time-based one-time passwords (the codes authenticator apps show), through `otpauth`:
 * SHA-1, 6 digits, 30-second steps, the settings every authenticator app understands. Secrets are
 * stored as base32, the form the apps' QR codes carry.
 */
const SETTINGS = { algorithm: "SHA1", digits: 6, period: 30 } as const;

/** A new 160-bit secret, in base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The code for one time step. */
export function totpCode(secret: string, step: number): string {
  return HOTP.generate({
    secret: Secret.fromBase32(secret),
    algorithm: SETTINGS.algorithm,
    digits: SETTINGS.digits,
    counter: step,
  });
}

export const currentStep = (now = Date.now()) => TOTP.counter({ period: SETTINGS.period, timestamp: now });

/**
 * The time step a code matches (allowing one step of clock drift either way), or null. The caller
 * refuses a step not newer than the last one accepted, so a code works once. otpauth compares in
 * constant time.
 */
export function matchTotp(secret: string, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = TOTP.validate({
    token: code,
    secret: Secret.fromBase32(secret),
    timestamp: now,
    window: 1,
    ...SETTINGS,
  });
  return delta === null ? null : currentStep(now) + delta;
}

/** The otpauth:// URL an authenticator app's QR code carries. */
export function otpauthUrl(secret: string, account: string, issuer = "Shanghai Fair"): string {
  return new TOTP({ issuer, label: account, secret: Secret.fromBase32(secret), ...SETTINGS }).toString();
}
