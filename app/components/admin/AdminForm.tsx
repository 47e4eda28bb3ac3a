import { Form } from "@remix-run/react";
import type { ReactNode } from "react";

/** A console form: a title, the fields, a save button, and a status line after saving. */
export function AdminForm({
  title,
  submit,
  status,
  intent,
  formProps,
  children,
}: {
  title?: string;
  submit: string;
  status?: string;
  intent?: string;
  /** conform's getFormProps(form), for a form on the one pipeline (utils/forms.ts). */
  formProps?: { id: string; onSubmit: (event: React.FormEvent<HTMLFormElement>) => void; noValidate: boolean };
  children: ReactNode;
}) {
  return (
    <Form method="post" className="space-y-3 rounded border border-stone-200 bg-white p-4" noValidate {...formProps}>
      {title && <h2 className="font-bold">{title}</h2>}
      {intent && <input type="hidden" name="intent" value={intent} />}
      {children}
      <button type="submit" className="min-h-11 rounded bg-brand-700 px-5 py-2 font-semibold text-white">
        {submit}
      </button>
      {status && (
        <p role="status" className="text-sm text-green-900">
          {status}
        </p>
      )}
    </Form>
  );
}
