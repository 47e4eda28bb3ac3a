import { useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod/v4";
import type { z } from "zod";

/* eslint-disable @typescript-eslint/no-explicit-any -- conform types a form's shape as Record<string, any>. */
import { parseSubmission } from "~/utils/forms";

/**
 * conform's useForm wired to a form's one schema: the browser validates with the same schema the
 * action parses with (on submit by default, then on input), and the action's reply (errors and
 * the values sent) is shown whether or not JavaScript ran.
 *
 * Submit is the default because an error that appears on blur moves everything below it while
 * the pointer is still down: a tap that blurred a field and began on a radio or a button (Save,
 * the checkout's payment choice) ends elsewhere and is lost. `validateOn: "blur"` is for a form
 * with nothing to tap below its fields.
 */
export function useSchemaForm<Schema extends z.ZodType>({
  id,
  schema,
  fallback,
  lastResult,
  defaultValue,
  constraint = true,
  validateOn = "submit",
}: {
  id: string;
  schema: Schema;
  /** i18n key for zod's own messages (see parseSubmission). */
  fallback: string;
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: Record<string, unknown>;
  /** Off for schemas whose shape conform cannot read (records, transforms of the whole form). */
  constraint?: boolean;
  /** When a field is first checked: as it loses focus, or only once the form is submitted. */
  validateOn?: "blur" | "submit";
}) {
  return useForm<z.input<Schema> & Record<string, any>, z.output<Schema>>({
    id,
    lastResult,
    defaultValue: defaultValue as never,
    constraint: constraint ? getZodConstraint(schema) : undefined,
    shouldValidate: validateOn === "blur" ? "onBlur" : "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseSubmission(formData, schema, fallback),
  });
}
