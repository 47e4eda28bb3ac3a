// The storefront area's messages in Chinese: one chunk of the browser build (utils/i18n-dictionaries.ts).
// "?locale=zh" makes each message module a module of its own here, so the build keeps only its `zh`.
import { zh as browse } from "~/i18n/browse?locale=zh";
import { zh as live } from "~/i18n/live?locale=zh";
import { zh as search } from "~/i18n/search?locale=zh";
import { zh as shop } from "~/i18n/shop?locale=zh";
import { zh as transparency } from "~/i18n/transparency?locale=zh";

export default { ...browse, ...live, ...search, ...shop, ...transparency };
