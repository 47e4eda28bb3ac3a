import { useLocation } from "@remix-run/react";
import { useSyncExternalStore } from "react";
import { localeFromUrl, type Locale, type Params, type Translate } from "./i18n";
import { dictionariesVersion, subscribeDictionaries } from "./i18n-dictionaries";

/**
 * The page's locale, from the location: the same `localeFromUrl` the server uses on request.url.
 * Whatever reads it re-renders when a language's dictionary arrives in the browser.
 */
export function useLocale(): Locale {
  useSyncExternalStore(subscribeDictionaries, dictionariesVersion, dictionariesVersion);
  return localeFromUrl(useLocation());
}

/** t(key, params) in the page's locale, typed to one area's keys. */
export interface T<K extends string> {
  (key: K, params?: Params): string;
  /**
   * A message whose key arrives as data (an action's error code), so the type check cannot see it:
   * an unknown code shows itself, as an unknown key always has.
   */
  code(code: string, params?: Params): string;
}

/** Makes an area's `useT()` hook (app/i18n/areas/). */
export function makeUseT<K extends string>(translate: Translate<K>) {
  return function useT(): T<K> {
    const locale = useLocale();
    const t = (key: K, params?: Params) => translate(locale, key, params);
    return Object.assign(t, { code: (code: string, params?: Params) => translate(locale, code as K, params) });
  };
}
