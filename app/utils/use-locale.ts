import { useLocation } from "@remix-run/react";
import { localeFromPath, translate, type Locale, type MessageKey } from "./i18n";

export function useLocale(): Locale {
  return localeFromPath(useLocation().pathname);
}

export function useT() {
  const locale = useLocale();
  return (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
}
