import type * as browse from "~/i18n/browse";
import type * as live from "~/i18n/live";
import type * as search from "~/i18n/search";
import type * as shop from "~/i18n/shop";
import type * as transparency from "~/i18n/transparency";
import { createTranslator } from "~/utils/i18n";
import { defineArea } from "~/utils/i18n-dictionaries";
import { makeUseT } from "~/utils/use-locale";
import { storefrontPack, type SharedKey } from "./shared";

/**
 * The storefront's messages: browsing, search, cart, checkout, orders, the public fair wall and the
 * transparency page. Never the portal's or the console's: a storefront page's bundle carries
 * these and nothing else (tests/i18n-split.test.ts fails if that changes), and only in the page's
 * language (./packs/, utils/i18n-dictionaries.ts).
 */
export type StorefrontKey =
  | SharedKey
  | keyof typeof browse.zh
  | keyof typeof live.zh
  | keyof typeof search.zh
  | keyof typeof shop.zh
  | keyof typeof transparency.zh;
const area = defineArea<StorefrontKey>([storefrontPack]);
await area.ready;
/** Every language's messages on the server; in a browser the languages the page has loaded. */
export const storefrontMessages = area.messages;
export const translate = createTranslator<StorefrontKey>(storefrontMessages);
export const useT = makeUseT(translate);
