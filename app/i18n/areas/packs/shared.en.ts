// The shared area's messages in English: one chunk of the browser build (utils/i18n-dictionaries.ts).
// "?locale=en" makes each message module a module of its own here, so the build keeps only its `en`.
import { en as core } from "~/i18n/core?locale=en";
import { en as accounts } from "~/i18n/accounts?locale=en";

export default { ...core, ...accounts };
