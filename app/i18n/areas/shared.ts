import type * as accounts from "~/i18n/accounts";
import type * as core from "~/i18n/core";
import { createTranslator } from "~/utils/i18n";
import { defineArea, type PackLoader } from "~/utils/i18n-dictionaries";
import { makeUseT } from "~/utils/use-locale";

/**
 * Shared: what every page may show, whatever its area: the site's frame (header, footer, errors)
 * and signing in. The other areas include it. Its messages travel in the storefront's pack (every
 * page loads that one), one chunk per language, of which a browser loads the page's language only
 * (utils/i18n-dictionaries.ts, ADR 016); its translator's type admits the shared keys only.
 */
/** The storefront's messages with the shared ones: the pack every page loads (./packs/storefront.*.ts). */
export const storefrontPack: PackLoader = {
  zh: () => import("./packs/storefront.zh"),
  en: () => import("./packs/storefront.en"),
};
export type SharedKey = keyof typeof core.zh | keyof typeof accounts.zh;
const area = defineArea<SharedKey>([storefrontPack]);
await area.ready;
/** Every language's messages on the server; in a browser the languages the page has loaded. */
export const sharedMessages = area.messages;
export const translate = createTranslator<SharedKey>(sharedMessages);
export const useT = makeUseT(translate);
