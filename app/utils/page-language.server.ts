import type { Locale } from "~/utils/i18n";

const BILINGUAL_KEY = /^(.+)(Zh|En)$/;

/**
 * A storefront page's loader data with only the page's language: of every pair of string fields
 * `xZh` / `xEn` in a plain object (at any depth), the other language's is left out.
 *
 * Why: the loader data is sent twice, once rendered into the HTML and once streamed for hydration,
 * and the storefront's components read a bilingual field only through `pick(locale, record, field)`,
 * which reads the page's language and nothing else. The other language's names, units, alt texts
 * and descriptions were a third of the home page's stream (issue 12: the origin cost of a page).
 * A page in the other language is another URL, whose loader sends that language.
 *
 * The type is kept as it is: a component that read the other language directly would get
 * `undefined`, so the storefront's components never do (`pick` returns "" for a missing field).
 * Only plain objects and arrays are walked; dates and other instances are passed on unchanged.
 */
export function inPageLanguage<T>(locale: Locale, value: T): T {
  const drop = locale === "zh" ? "En" : "Zh";
  return strip(value, drop) as T;
}

function strip(value: unknown, drop: "Zh" | "En"): unknown {
  if (Array.isArray(value)) return value.map((item) => strip(item, drop));
  if (value === null || typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key in record) {
    const field = record[key];
    const bilingual = typeof field === "string" ? BILINGUAL_KEY.exec(key) : null;
    if (bilingual && bilingual[2] === drop) {
      const kept = `${bilingual[1]}${drop === "Zh" ? "En" : "Zh"}`;
      // Only one half of a pair is left out; a lone "…En" or "…Zh" string is not a translation.
      if (typeof record[kept] === "string") continue;
    }
    out[key] = strip(field, drop);
  }
  return out;
}
