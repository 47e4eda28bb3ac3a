import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";

/*
 * The one form pipeline (conform + zod): every form has one schema in its domain folder, parsed
 * by this function in the browser (useSchemaForm, before the post) and in the action (which
 * trusts nothing else). An action answers a failed parse with `submission.reply()`; the page
 * renders the reply's errors, so a form posted without JavaScript shows the same messages.
 *
 * Schema messages are i18n keys, translated where they are shown. `fallback` is the key for
 * zod's own messages (a wrong type, a missing field), which are not ours to translate.
 * Auto-coercion is off: the schemas are written against the raw strings a form sends.
 */
export function parseSubmission<Schema extends z.ZodType>(
  payload: FormData | URLSearchParams,
  schema: Schema,
  fallback: string,
) {
  return parseWithZod(payload, { schema, disableAutoCoercion: true, error: () => fallback });
}

/** What an action returns for a form it refused: errors (i18n keys) and the values to show again. */
export type FormReply = SubmissionResult<string[]>;
