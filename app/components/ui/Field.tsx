import { createContext, useContext, type ReactNode } from "react";
import { translate as storefrontTranslate, type StorefrontKey } from "~/i18n/areas/storefront";
import type { Locale } from "~/utils/i18n";
import { useLocale } from "~/utils/use-locale";

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

/** Looks an error key up in one area's dictionary (an unknown key comes back unchanged). */
export type CodeTranslate = (locale: Locale, code: string) => string;

/**
 * The dictionary form errors are read from: the storefront's by default. The portal and console
 * layouts provide their own area's, so a storefront page never ships their strings.
 */
export const FormMessages = createContext<CodeTranslate>((locale, code) =>
  storefrontTranslate(locale, code as StorefrontKey),
);

/** An error key in the user's language; a key we do not have (zod's own words) reads `fallback`. */
function useErrorText(): (key: string, fallback: string) => string {
  const locale = useLocale();
  const lookUp = useContext(FormMessages);
  return (key, fallback) => {
    const text = lookUp(locale, key);
    return text === key ? lookUp(locale, fallback) : text;
  };
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
  fallback,
  testId,
}: {
  field: Pick<FieldMeta, "errorId" | "errors" | "name">;
  fallback: string;
  testId?: string;
}) {
  const errorText = useErrorText();
  const first = field.errors?.[0];
  if (!first) return null;
  return (
    <p id={field.errorId} className="text-sm text-red-800" data-testid={testId ?? `error-${field.name}`}>
      {errorText(first, fallback)}
    </p>
  );
}

/** A labelled control with its hint and its error. */
export function Field({
  field,
  label,
  hint,
  fallback,
  children,
}: {
  field: FieldMeta;
  label: ReactNode;
  hint?: string;
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
      <ErrorList field={field} fallback={fallback} />
    </div>
  );
}

/** Errors about the whole form (a refused sign-in, a stale page), announced as an alert. */
export function FormErrors({
  errors,
  id,
  fallback,
  testId,
  className = "rounded bg-red-50 p-3 text-sm text-red-900",
}: {
  errors?: string[];
  id?: string;
  fallback: string;
  testId?: string;
  className?: string;
}) {
  const errorText = useErrorText();
  if (!errors?.length) return null;
  return (
    <div id={id} role="alert" className={className} data-testid={testId}>
      {errors.map((key) => (
        <p key={key}>{errorText(key, fallback)}</p>
      ))}
    </div>
  );
}
