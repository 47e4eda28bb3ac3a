import type * as consoleMessages from "~/i18n/console";
import type * as portal from "~/i18n/portal";
import type * as unitAdmin from "~/i18n/unit-admin";
import type * as unitBuyer from "~/i18n/unit-buyer";
import { createTranslator } from "~/utils/i18n";
import { defineArea, type PackLoader } from "~/utils/i18n-dictionaries";
import { makeUseT } from "~/utils/use-locale";
import { storefrontPack } from "./shared";
import type { StorefrontKey } from "./storefront";

/** The cooperative portal's messages: its own, the console frame's, and the storefront's (order states, products). */
export const portalPack: PackLoader = { zh: () => import("./packs/portal.zh"), en: () => import("./packs/portal.en") };
export type PortalKey =
  | StorefrontKey
  | keyof typeof consoleMessages.zh
  | keyof typeof portal.zh
  | keyof typeof unitAdmin.zh
  | keyof typeof unitBuyer.zh;
const area = defineArea<PortalKey>([storefrontPack, portalPack]);
await area.ready;
/** Every language's messages on the server; in a browser the languages the page has loaded. */
export const portalMessages = area.messages;
export const translate = createTranslator<PortalKey>(portalMessages);
export const useT = makeUseT(translate);
