import type { FieldMetadata } from "@conform-to/react";
import type { InputHTMLAttributes, ReactNode } from "react";
import { FormField } from "~/components/FormField";

/** Translates an i18n key (the schemas' messages are keys). */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

const firstError = (field: FieldMetadata<unknown>, t: Translate) =>
  field.errors?.[0] ? t(field.errors[0]) : undefined;

/** A conform-managed input inside the console's labelled field (the error is announced beside it). */
export function ConformInput({
  field,
  label,
  t,
  hint,
  ...input
}: {
  field: FieldMetadata<unknown>;
  label: string;
  t: Translate;
  hint?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "defaultValue" | "className">) {
  return (
    <FormField id={field.id} label={label} error={firstError(field, t)} hint={hint}>
      {(p) => (
        <input
          {...p}
          {...input}
          key={field.key}
          name={field.name}
          defaultValue={typeof field.initialValue === "string" ? field.initialValue : undefined}
        />
      )}
    </FormField>
  );
}

/** A conform-managed select. */
export function ConformSelect({
  field,
  label,
  t,
  children,
}: {
  field: FieldMetadata<unknown>;
  label: string;
  t: Translate;
  children: ReactNode;
}) {
  return (
    <FormField id={field.id} label={label} error={firstError(field, t)}>
      {(p) => (
        <select
          {...p}
          key={field.key}
          name={field.name}
          defaultValue={typeof field.initialValue === "string" ? field.initialValue : ""}
        >
          {children}
        </select>
      )}
    </FormField>
  );
}

/** The form-level messages (conform's form errors), as an alert. */
export function FormErrors({ errors, t }: { errors: string[] | undefined; t: Translate }) {
  if (!errors?.length) return null;
  return (
    <div
      role="alert"
      className="rounded border border-red-700 bg-red-50 p-3 text-sm text-red-900"
      data-testid="form-error"
    >
      {errors.map((e) => (
        <p key={e}>{t(e)}</p>
      ))}
    </div>
  );
}

export const submitButton = "min-h-11 rounded bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800";
export const smallButton = "min-h-11 rounded border border-stone-400 bg-white px-3 py-1.5 text-sm hover:bg-stone-100";
export const panelBox = "space-y-3 rounded border border-stone-200 bg-white p-4";
