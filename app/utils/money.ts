import type { Locale } from "./i18n";

/*
 * Money is an integer number of fen (CNY's minor unit, ¥1 = 100 fen) everywhere in code and
 * storage. The conversions to and from yuan text live here, all without floating point: yuan and
 * fen are read and written as two integers (0.29 × 100 is 28.999… in floating point).
 */

function assertFen(fen: number) {
  if (!Number.isSafeInteger(fen)) throw new TypeError(`money must be an integer number of fen, got ${fen}`);
}

/**
 * For people: ¥128.00, ¥1,234,567.89, -¥5.00, the same in both locales: what
 * Intl.NumberFormat("zh-CN" | "en-US", { style: "currency", currency: "CNY", currencyDisplay:
 * "narrowSymbol" }) writes, written here without it. A browser's first currency formatter loads
 * its locale data: 20–100 ms of main thread on the product page's first render, the largest single
 * script cost of its hydration (issue 12, docs/client-weight.md). Formatted only here, at the edge.
 */
export function formatFen(fen: number, _locale: Locale = "zh"): string {
  assertFen(fen);
  const abs = Math.abs(fen);
  const yuan = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+$)/g, ",");
  return `${fen < 0 ? "-" : ""}¥${yuan}.${String(abs % 100).padStart(2, "0")}`;
}

/** For machines and forms: 12800 → "128.00" (schema.org offers, CSV, a price field's value). */
export function fenToDecimal(fen: number): string {
  assertFen(fen);
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** The shortest yuan string, for a URL: 1000 → "10", 1050 → "10.5", 1099 → "10.99". */
export function fenToShortYuan(fen: number): string {
  const whole = Math.floor(fen / 100);
  const cents = fen % 100;
  if (cents === 0) return String(whole);
  return `${whole}.${String(cents).padStart(2, "0").replace(/0$/, "")}`;
}

/** A decimal yuan string already checked to be digits with at most two decimals ("128", "19.9") as fen. */
export function decimalYuanToFen(yuan: string): number {
  const [whole = "0", cents = ""] = yuan.split(".");
  return Number(whole) * 100 + Number(cents.padEnd(2, "0"));
}

/**
 * A price typed in yuan ("128", "128.5", "¥128.00") as integer fen; null when it is not a price
 * (at most `maxWholeDigits` digits of yuan and two decimals).
 */
export function parseYuan(text: string, maxWholeDigits = 9): number | null {
  const yuan = text.trim().replace(/^[¥￥]\s*/, "");
  const valid = new RegExp(`^\\d{1,${maxWholeDigits}}(\\.\\d{1,2})?$`);
  return valid.test(yuan) ? decimalYuanToFen(yuan) : null;
}
