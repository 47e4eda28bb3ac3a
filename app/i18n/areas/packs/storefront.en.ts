// The shared and the storefront areas' messages in English: one chunk of the browser build
// (utils/i18n-dictionaries.ts). One chunk for both: every page loads the storefront's (the console's
// and the portal's include it), so a chunk of its own for the shared messages was only a request more.
// "?locale=en" makes each message module a module of its own here, so the build keeps only its `en`.
import { en as core } from "~/i18n/core?locale=en";
import { en as accounts } from "~/i18n/accounts?locale=en";
import { en as browse } from "~/i18n/browse?locale=en";
import { en as live } from "~/i18n/live?locale=en";
import { en as search } from "~/i18n/search?locale=en";
import { en as shop } from "~/i18n/shop?locale=en";
import { en as transparency } from "~/i18n/transparency?locale=en";

export default { ...core, ...accounts, ...browse, ...live, ...search, ...shop, ...transparency };
