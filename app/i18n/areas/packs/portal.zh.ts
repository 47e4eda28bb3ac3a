// The portal area's messages in Chinese: one chunk of the browser build (utils/i18n-dictionaries.ts).
// "?locale=zh" makes each message module a module of its own here, so the build keeps only its `zh`.
import { zh as console } from "~/i18n/console?locale=zh";
import { zh as portal } from "~/i18n/portal?locale=zh";
import { zh as unitAdmin } from "~/i18n/unit-admin?locale=zh";
import { zh as unitBuyer } from "~/i18n/unit-buyer?locale=zh";

export default { ...console, ...portal, ...unitAdmin, ...unitBuyer };
