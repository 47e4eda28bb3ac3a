import * as consoleMessages from "~/i18n/console";
import * as portal from "~/i18n/portal";
import * as unitAdmin from "~/i18n/unit-admin";
import * as unitBuyer from "~/i18n/unit-buyer";
import { createTranslator } from "~/utils/i18n";
import { makeUseT } from "~/utils/use-locale";
import { storefrontMessages } from "./storefront";

/** The cooperative portal's messages: its own, the console frame's, and the storefront's (order states, products). */
export const portalMessages = {
  zh: { ...storefrontMessages.zh, ...consoleMessages.zh, ...portal.zh, ...unitAdmin.zh, ...unitBuyer.zh },
  en: { ...storefrontMessages.en, ...consoleMessages.en, ...portal.en, ...unitAdmin.en, ...unitBuyer.en },
};
export type PortalKey = keyof typeof portalMessages.zh;
export const translate = createTranslator<PortalKey>(portalMessages);
export const useT = makeUseT(translate);
