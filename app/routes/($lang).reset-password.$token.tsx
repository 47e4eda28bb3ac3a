import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AuthCard, primaryButton } from "~/components/AuthCard";
import { Field } from "~/components/ui/Field";
import { useSchemaForm } from "~/components/ui/use-schema-form";
import { isResetTokenUsable, resetPassword, TokenError } from "~/accounts/accounts.server";
import { ACCOUNTS_FALLBACK, ResetPasswordSchema } from "~/accounts/accounts-schema";
import { db } from "~/utils/db.server";
import { parseSubmission } from "~/utils/forms";
import { requireLocale } from "~/utils/http.server";
import { localePath } from "~/utils/i18n";
import { useT, translate } from "~/i18n/areas/storefront";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: translate(data?.locale ?? "zh", "accounts.resetTitle") },
  { name: "robots", content: "noindex" },
  { name: "referrer", content: "no-referrer" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const locale = requireLocale(params.lang);
  return { locale, usable: await isResetTokenUsable(await db(), params.token ?? "") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params.lang);
  const submission = parseSubmission(await request.formData(), ResetPasswordSchema, ACCOUNTS_FALLBACK);
  if (submission.status !== "success")
    return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  try {
    await resetPassword(await db(), params.token ?? "", submission.value.password);
  } catch (error) {
    if (!(error instanceof TokenError)) throw error;
    return data(
      { result: submission.reply({ formErrors: ["accounts.error.tokenInvalid"], hideFields: ["password"] }) },
      { status: 410 },
    );
  }
  return redirect(`${localePath(locale, "/login")}?reset=1`);
}

export default function ResetPasswordPage() {
  const { locale, usable } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useSchemaForm({
    id: "reset-password",
    schema: ResetPasswordSchema,
    fallback: ACCOUNTS_FALLBACK,
    lastResult: result?.result,
  });
  // A used or expired link: the page says so instead of the form.
  if (!usable || form.errors?.length) {
    return (
      <AuthCard title={t("accounts.resetTitle")}>
        <p role="alert">{t("accounts.error.tokenInvalid")}</p>
        <Link to={localePath(locale, "/forgot-password")} className="mt-4 inline-block text-brand-700 underline">
          {t("accounts.resetSend")}
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t("accounts.resetTitle")}>
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        <Field field={fields.password} label={t("accounts.newPassword")} fallback={ACCOUNTS_FALLBACK}>
          {(p) => <input {...p} type="password" autoComplete="new-password" minLength={12} required />}
        </Field>
        <button type="submit" className={primaryButton}>
          {t("accounts.resetSave")}
        </button>
      </Form>
    </AuthCard>
  );
}
