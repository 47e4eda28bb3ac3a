import * as reports from "~/i18n/reports";
import { createTranslator } from "~/utils/i18n";
import { makeUseT } from "~/utils/use-locale";
import { portalMessages } from "./portal";

/**
 * The organisers' console: every message of the site (it shows the storefront's, the portal's and
 * the report's). Server code that may speak for any area uses this translator too.
 */
export const consoleMessages = {
  zh: { ...portalMessages.zh, ...reports.zh },
  en: { ...portalMessages.en, ...reports.en },
};
export type MessageKey = keyof typeof consoleMessages.zh;
export const translate = createTranslator<MessageKey>(consoleMessages);
export const useT = makeUseT(translate);
