import { useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod/v4";
import type { z } from "zod";

/* eslint-disable @typescript-eslint/no-explicit-any -- conform types a form's shape as Record<string, any>. */
import { parseSubmission } from "~/utils/forms";

/**
 * conform's useForm wired to a form's one schema: the browser validates with the same schema the
 * action parses with (on blur, then on input), and the action's reply (errors and the values
 * sent) is shown whether or not JavaScript ran.
 */
export function useSchemaForm<Schema extends z.ZodType>({
  id,
  schema,
  fallback,
  lastResult,
  defaultValue,
  constraint = true,
}: {
  id: string;
  schema: Schema;
  /** i18n key for zod's own messages (see parseSubmission). */
  fallback: string;
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: Record<string, unknown>;
  /** Off for schemas whose shape conform cannot read (records, transforms of the whole form). */
  constraint?: boolean;
}) {
  return useForm<z.input<Schema> & Record<string, any>, z.output<Schema>>({
    id,
    lastResult,
    defaultValue: defaultValue as never,
    constraint: constraint ? getZodConstraint(schema) : undefined,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseSubmission(formData, schema, fallback),
  });
}
