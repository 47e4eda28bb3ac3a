/**
 * What never reaches a log line: phone numbers (masked to 138****5678), e-mail addresses,
 * passwords, session and order tokens, card numbers and payment secrets. Applied to every log
 * object, every message and every error (message and stack) by the logger, so a careless
 * `logger.info({ order })` or an exception quoting its input cannot leak them.
 */

/** Keys whose values are secret whatever they hold. */
const SECRET_KEY =
  /pass(word|code)?|secret|token|cookie|authori[sz]ation|session|otp|totp|cvc|cvv|card|api[-_]?key|signature|checkoutkey/i;

// Mainland mobile numbers, alone or written with spaces or dashes, optionally after +86.
const CN_MOBILE = /(?<![\w-])(?:\+?86[ -]?)?(1[3-9]\d)[ -]?(\d{4})[ -]?(\d{4})(?![\w-])/g;
// Other long runs of digits that look like phone numbers (landlines with area code, +country).
const OTHER_PHONE = /(?<![\w.-])\+?\d{2,4}[ -]\d{3,4}[ -]?\d{4}(?![\w.-])/g;
// A whole e-mail address; the local part and the domain both go.
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// Stripe secrets and signing secrets, client secrets of intents and sessions.
const PAYMENT_SECRET = /\b(?:sk|rk)_(?:test|live)_\w+|\bwhsec_\w+|\b\w+_secret_\w+/g;
// A card number: 13 to 19 digits, possibly grouped by spaces or dashes, standing alone: digits
// inside an identifier (a UUID such as an order id, a hex digest) are not a card number.
const CARD = /(?<![\w-])\d(?:[ -]?\d){12,18}(?![\w-])/g;
// Bearer credentials in a quoted header.
const BEARER = /\bBearer\s+[\w.~+/-]+=*/gi;

export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  if (digits.length < 7) return "***";
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** The same text with every secret or personal value masked. */
export function scrubText(text: string): string {
  return text
    .replace(PAYMENT_SECRET, "[secret]")
    .replace(BEARER, "Bearer [secret]")
    .replace(EMAIL, "[email]")
    .replace(CN_MOBILE, (_m, a: string, _b: string, c: string) => `${a}****${c}`)
    .replace(CARD, "[card]")
    .replace(OTHER_PHONE, (match) => maskPhone(match));
}

/** A deep copy with secret keys dropped to "[redacted]" and every string scrubbed. */
export function scrubValue(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return scrubText(value);
  if (value === null || typeof value !== "object" || depth > 6) return value;
  if (value instanceof Date) return value;
  // An Error's message and stack are not enumerable: copy them explicitly, or the log gets "{}".
  if (value instanceof Error) return scrubError(value, depth);
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === "phone" || key === "contactPhone") {
      out[key] = typeof item === "string" ? maskPhone(item) : item;
    } else if (SECRET_KEY.test(key)) {
      out[key] = item === undefined || item === null ? item : "[redacted]";
    } else {
      out[key] = scrubValue(item, depth + 1);
    }
  }
  return out;
}

function scrubError(error: Error, depth: number): Record<string, unknown> {
  const own = scrubValue({ ...error }, depth + 1) as Record<string, unknown>;
  const out: Record<string, unknown> = {
    type: error.name,
    message: scrubText(error.message),
    stack: error.stack === undefined ? undefined : scrubText(error.stack),
    ...own,
  };
  if (error.cause !== undefined) out.cause = scrubValue(error.cause, depth + 1);
  return out;
}

/** A URL path safe to log: the values of token parameters (order, payment, invitation, reset links) masked. */
export function scrubPath(pathname: string, secretValues: readonly string[] = []): string {
  const secrets = new Set(secretValues.filter(Boolean));
  return pathname
    .split("/")
    .map((part) => {
      // Single-fetch data requests end in ".data" (/orders/<token>.data).
      const [stem, suffix] = part.endsWith(".data") ? [part.slice(0, -5), ".data"] : [part, ""];
      return secrets.has(stem) || secrets.has(safeDecode(stem)) ? `:token${suffix}` : scrubText(part);
    })
    .join("/");
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** Whether a route parameter holds a secret (its value is masked in logged paths). */
export const isSecretParam = (name: string) => /token|key|secret|code/i.test(name);
