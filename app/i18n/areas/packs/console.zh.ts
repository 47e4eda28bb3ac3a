// The console area's messages in Chinese: one chunk of the browser build (utils/i18n-dictionaries.ts).
// "?locale=zh" makes each message module a module of its own here, so the build keeps only its `zh`.
import { zh as reports } from "~/i18n/reports?locale=zh";

export default { ...reports };
