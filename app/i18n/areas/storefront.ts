import * as browse from "~/i18n/browse";
import * as live from "~/i18n/live";
import * as search from "~/i18n/search";
import * as shop from "~/i18n/shop";
import * as transparency from "~/i18n/transparency";
import { createTranslator } from "~/utils/i18n";
import { makeUseT } from "~/utils/use-locale";
import { sharedMessages } from "./shared";

/**
 * The storefront's messages: browsing, search, cart, checkout, orders, the public fair wall and the
 * transparency page. Never the portal's or the console's: a storefront page's bundle carries
 * these and nothing else (tests/i18n-split.test.ts fails if that changes).
 */
export const storefrontMessages = {
  zh: { ...sharedMessages.zh, ...browse.zh, ...live.zh, ...search.zh, ...shop.zh, ...transparency.zh },
  en: { ...sharedMessages.en, ...browse.en, ...live.en, ...search.en, ...shop.en, ...transparency.en },
};
export type StorefrontKey = keyof typeof storefrontMessages.zh;
export const translate = createTranslator<StorefrontKey>(storefrontMessages);
export const useT = makeUseT(translate);
