import type * as reports from "~/i18n/reports";
import { createTranslator } from "~/utils/i18n";
import { defineArea, type PackLoader } from "~/utils/i18n-dictionaries";
import { makeUseT } from "~/utils/use-locale";
import { portalPack, type PortalKey } from "./portal";
import { storefrontPack } from "./shared";

/**
 * The organisers' console: every message of the site (it shows the storefront's, the portal's and
 * the report's). Server code that may speak for any area uses this translator too.
 */
export const consolePack: PackLoader = {
  zh: () => import("./packs/console.zh"),
  en: () => import("./packs/console.en"),
};
export type MessageKey = PortalKey | keyof typeof reports.zh;
const area = defineArea<MessageKey>([storefrontPack, portalPack, consolePack]);
await area.ready;
/** Every language's messages on the server; in a browser the languages the page has loaded. */
export const consoleMessages = area.messages;
export const translate = createTranslator<MessageKey>(consoleMessages);
export const useT = makeUseT(translate);
