import type * as accounts from "~/i18n/accounts";
import type * as core from "~/i18n/core";
import { createTranslator } from "~/utils/i18n";
import { defineArea, type PackLoader } from "~/utils/i18n-dictionaries";
import { makeUseT } from "~/utils/use-locale";

/**
 * Shared: what every page may show, whatever its area: the site's frame (header, footer, errors)
 * and signing in. The other areas include it. Each language is a chunk of its own (./packs/), and
 * a browser loads the page's language only (utils/i18n-dictionaries.ts, ADR 016).
 */
export const sharedPack: PackLoader = { zh: () => import("./packs/shared.zh"), en: () => import("./packs/shared.en") };
export type SharedKey = keyof typeof core.zh | keyof typeof accounts.zh;
const area = defineArea<SharedKey>([sharedPack]);
await area.ready;
/** Every language's messages on the server; in a browser the languages the page has loaded. */
export const sharedMessages = area.messages;
export const translate = createTranslator<SharedKey>(sharedMessages);
export const useT = makeUseT(translate);
