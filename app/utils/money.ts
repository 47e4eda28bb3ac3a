import type { Locale } from "./i18n";

/** Money is an integer number of fen; it becomes ¥128.00 only here, at the edge. */
export function formatFen(fen: number, locale: Locale = "zh"): string {
  if (!Number.isSafeInteger(fen)) throw new TypeError(`money must be an integer number of fen, got ${fen}`);
  return new Intl.NumberFormat(locale === "zh" ? "zh-CN" : "en-US", {
    style: "currency",
    currency: "CNY",
    currencyDisplay: "narrowSymbol",
    minimumFractionDigits: 2,
  }).format(fen / 100);
}
