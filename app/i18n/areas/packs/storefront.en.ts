// The storefront area's messages in English: one chunk of the browser build (utils/i18n-dictionaries.ts).
// "?locale=en" makes each message module a module of its own here, so the build keeps only its `en`.
import { en as browse } from "~/i18n/browse?locale=en";
import { en as live } from "~/i18n/live?locale=en";
import { en as search } from "~/i18n/search?locale=en";
import { en as shop } from "~/i18n/shop?locale=en";
import { en as transparency } from "~/i18n/transparency?locale=en";

export default { ...browse, ...live, ...search, ...shop, ...transparency };
