import type { ReactNode } from "react";
import { translate, type Locale, type MessageKey } from "~/utils/i18n";

/*
 * Accessible form primitives for the one form pipeline (utils/forms.ts): a label bound to its
 * control, aria-invalid, aria-describedby pointing at the hint and the error, and errors (i18n
 * keys from the form's schema) shown in the user's language.
 */

/** The part of a conform field this file reads. */
export type FieldMeta = {
  id: string;
  name: string;
  errorId: string;
  descriptionId: string;
  errors?: string[];
  initialValue?: unknown;
};

/** An error key in the user's language; a key we do not have (zod's own words) reads `fallback`. */
export function errorText(locale: Locale, key: string, fallback: string): string {
  const text = translate(locale, key as MessageKey);
  return text === key ? translate(locale, fallback as MessageKey) : text;
}

/** The value to show in a control: what was sent (after a refused post) or the form's default. */
export function initialText(field: Pick<FieldMeta, "initialValue">): string | undefined {
  return typeof field.initialValue === "string" ? field.initialValue : undefined;
}

export const controlClass = (invalid: boolean) =>
  `min-h-11 w-full min-w-0 rounded border px-3 py-2 text-base ${invalid ? "border-red-700 bg-red-50" : "border-stone-400 bg-white"}`;

/** The props a control needs to be bound to its label, its hint and its error. */
export function controlProps(field: FieldMeta, hint?: boolean) {
  const invalid = Boolean(field.errors?.length);
  const describedBy = [hint ? field.descriptionId : null, invalid ? field.errorId : null].filter(Boolean).join(" ");
  return {
    id: field.id,
    name: field.name,
    "aria-invalid": invalid || undefined,
    "aria-describedby": describedBy || undefined,
    defaultValue: initialText(field),
  };
}

/** The first error of a field, announced where it is (the form's own errors use FormErrors). */
export function ErrorList({
  field,
  locale,
  fallback,
  testId,
}: {
  field: Pick<FieldMeta, "errorId" | "errors" | "name">;
  locale: Locale;
  fallback: string;
  testId?: string;
}) {
  const first = field.errors?.[0];
  if (!first) return null;
  return (
    <p id={field.errorId} className="text-sm text-red-800" data-testid={testId ?? `error-${field.name}`}>
      {errorText(locale, first, fallback)}
    </p>
  );
}

/** A labelled control with its hint and its error. */
export function Field({
  field,
  label,
  hint,
  locale,
  fallback,
  children,
}: {
  field: FieldMeta;
  label: ReactNode;
  hint?: string;
  locale: Locale;
  fallback: string;
  children: (props: ReturnType<typeof controlProps> & { className: string }) => ReactNode;
}) {
  const invalid = Boolean(field.errors?.length);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={field.id} className="text-sm font-medium">
        {label}
      </label>
      {children({ ...controlProps(field, Boolean(hint)), className: controlClass(invalid) })}
      {hint && (
        <p id={field.descriptionId} className="text-xs text-stone-600">
          {hint}
        </p>
      )}
      <ErrorList field={field} locale={locale} fallback={fallback} />
    </div>
  );
}

/** Errors about the whole form (a refused sign-in, a stale page), announced as an alert. */
export function FormErrors({
  errors,
  id,
  locale,
  fallback,
  testId,
  className = "rounded bg-red-50 p-3 text-sm text-red-900",
}: {
  errors?: string[];
  id?: string;
  locale: Locale;
  fallback: string;
  testId?: string;
  className?: string;
}) {
  if (!errors?.length) return null;
  return (
    <div id={id} role="alert" className={className} data-testid={testId}>
      {errors.map((key) => (
        <p key={key}>{errorText(locale, key, fallback)}</p>
      ))}
    </div>
  );
}
