// The shared area's messages in Chinese: one chunk of the browser build (utils/i18n-dictionaries.ts).
// "?locale=zh" makes each message module a module of its own here, so the build keeps only its `zh`.
import { zh as core } from "~/i18n/core?locale=zh";
import { zh as accounts } from "~/i18n/accounts?locale=zh";

export default { ...core, ...accounts };
