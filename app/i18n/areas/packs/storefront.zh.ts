// The shared and the storefront areas' messages in Chinese: one chunk of the browser build
// (utils/i18n-dictionaries.ts). One chunk for both: every page loads the storefront's (the console's
// and the portal's include it), so a chunk of its own for the shared messages was only a request more.
// "?locale=zh" makes each message module a module of its own here, so the build keeps only its `zh`.
import { zh as core } from "~/i18n/core?locale=zh";
import { zh as accounts } from "~/i18n/accounts?locale=zh";
import { zh as browse } from "~/i18n/browse?locale=zh";
import { zh as live } from "~/i18n/live?locale=zh";
import { zh as search } from "~/i18n/search?locale=zh";
import { zh as shop } from "~/i18n/shop?locale=zh";
import { zh as transparency } from "~/i18n/transparency?locale=zh";

export default { ...core, ...accounts, ...browse, ...live, ...search, ...shop, ...transparency };
