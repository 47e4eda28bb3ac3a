// The portal area's messages in English: one chunk of the browser build (utils/i18n-dictionaries.ts).
// "?locale=en" makes each message module a module of its own here, so the build keeps only its `en`.
import { en as console } from "~/i18n/console?locale=en";
import { en as portal } from "~/i18n/portal?locale=en";
import { en as unitAdmin } from "~/i18n/unit-admin?locale=en";
import { en as unitBuyer } from "~/i18n/unit-buyer?locale=en";

export default { ...console, ...portal, ...unitAdmin, ...unitBuyer };
