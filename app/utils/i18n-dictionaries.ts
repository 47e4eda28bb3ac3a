import { LOCALES, localeFromUrl, type Locale, type Message, type Messages } from "./i18n";

/**
 * How the dictionaries reach a page (ADR 016): each area's messages come in one module per
 * language (app/i18n/areas/packs/), loaded with `import()`. The server loads every language of
 * every area when it starts; a browser loads only the page's language, before the page's modules
 * run, and another language when the visitor switches to it (`ensureLocale`). A storefront page
 * so never downloads the English strings to show the Chinese page, or the other way round
 * (issue 12: product page ≤ 100 KB of JavaScript).
 */

/** One language of a message pack: key → message. */
export type Pack = Record<string, Message>;
/** A message pack: one loader per language (each its own chunk). */
export type PackLoader = Record<Locale, () => Promise<{ default: Pack }>>;

/**
 * The `data-languages` value of `<html>` on a page that shows both languages at once (a chart's
 * caption in Chinese and English, the fair wall): such a page must hydrate with both dictionaries,
 * or its second language would render differently from the server's HTML (root.tsx sets it from
 * the route's `handle`, `BILINGUAL_PAGE`).
 */
export const ALL_LANGUAGES = "all";

/** Marks a route whose page shows every language at once (see ALL_LANGUAGES). */
export const BILINGUAL_PAGE = { languages: ALL_LANGUAGES } as const;

// The languages this page needs: on the server every one; in the browser the page's own (every one
// on a bilingual page), and any the visitor has switched to since.
const activeLocales = new Set<Locale>(
  typeof window === "undefined" || document.documentElement.dataset.languages === ALL_LANGUAGES
    ? LOCALES
    : [localeFromUrl(window.location)],
);
const packs = new Map<PackLoader, Map<Locale, Promise<Pack>>>();
const areas: { load: (locale: Locale) => Promise<void>; loaded: Set<Locale> }[] = [];

function loadPack(pack: PackLoader, locale: Locale): Promise<Pack> {
  let byLocale = packs.get(pack);
  if (!byLocale) packs.set(pack, (byLocale = new Map()));
  let loading = byLocale.get(locale);
  if (!loading) {
    loading = pack[locale]().then((module) => module.default);
    byLocale.set(locale, loading);
  }
  return loading;
}

// Components re-render when a language arrives (useLocale subscribes): a page that went to the
// other language before its dictionary loaded shows it once it has.
let version = 0;
const listeners = new Set<() => void>();
export function subscribeDictionaries(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
export const dictionariesVersion = () => version;

/**
 * An area's dictionary, made of packs (later packs win, as spreads did). Its module awaits `ready`
 * at the top level, so nothing that imports the area runs before its messages are there.
 */
export function defineArea<K extends string>(areaPacks: PackLoader[]): { messages: Messages<K>; ready: Promise<void> } {
  const messages = { zh: {}, en: {} } as Messages<K>;
  const loading = new Map<Locale, Promise<void>>();
  const loaded = new Set<Locale>();
  const load = (locale: Locale) => {
    let done = loading.get(locale);
    if (!done) {
      done = Promise.all(areaPacks.map((pack) => loadPack(pack, locale))).then((parts) => {
        Object.assign(messages[locale], ...parts);
        loaded.add(locale);
        version++;
        for (const listener of listeners) listener();
      });
      loading.set(locale, done);
    }
    return done;
  };
  areas.push({ load, loaded });
  return { messages, ready: Promise.all([...activeLocales].map(load)).then(() => undefined) };
}

/** Loads every area's messages in `locale`: before the page switches language, or as it does. */
export function ensureLocale(locale: Locale): Promise<void> {
  activeLocales.add(locale);
  return Promise.all(areas.map((area) => area.load(locale))).then(() => undefined);
}

/**
 * A bilingual route's `clientLoader` (`export const clientLoader = loadEveryLanguage`): on a
 * navigation in the browser, the other language's dictionary arrives with the page's data (on the
 * first page load the server's HTML already said so, through `data-languages`).
 */
export async function loadEveryLanguage({ serverLoader }: { serverLoader: () => Promise<unknown> }) {
  const [data] = await Promise.all([serverLoader(), ...LOCALES.map(ensureLocale)]);
  return data;
}

/** Whether every area this page has used so far has its messages in `locale`. */
export const hasLocale = (locale: Locale): boolean => areas.every((area) => area.loaded.has(locale));
