import * as accounts from "~/i18n/accounts";
import * as core from "~/i18n/core";
import { createTranslator } from "~/utils/i18n";
import { makeUseT } from "~/utils/use-locale";

/**
 * Shared: what every page may show, whatever its area: the site's frame (header, footer, errors)
 * and signing in. The other areas include it.
 */
export const sharedMessages = {
  zh: { ...core.zh, ...accounts.zh },
  en: { ...core.en, ...accounts.en },
};
export type SharedKey = keyof typeof sharedMessages.zh;
export const translate = createTranslator<SharedKey>(sharedMessages);
export const useT = makeUseT(translate);
