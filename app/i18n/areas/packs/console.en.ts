// The console area's messages in English: one chunk of the browser build (utils/i18n-dictionaries.ts).
// "?locale=en" makes each message module a module of its own here, so the build keeps only its `en`.
import { en as reports } from "~/i18n/reports?locale=en";

export default { ...reports };
