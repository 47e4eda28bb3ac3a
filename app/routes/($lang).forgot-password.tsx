import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, useActionData } from "@remix-run/react";
import { AuthCard, primaryButton } from "~/components/AuthCard";
import { Field } from "~/components/ui/Field";
import { useSchemaForm } from "~/components/ui/use-schema-form";
import { startPasswordReset } from "~/accounts/accounts.server";
import { ACCOUNTS_FALLBACK, ForgotPasswordSchema } from "~/accounts/accounts-schema";
import { sendMail } from "~/accounts/mailer.server";
import { db } from "~/utils/db.server";
import { parseSubmission } from "~/utils/forms";
import { env } from "~/utils/env.server";
import { requireLocale } from "~/utils/http.server";
import { localePath } from "~/utils/i18n";
import { useT, translate } from "~/i18n/areas/storefront";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: translate(data?.locale ?? "zh", "accounts.resetTitle") },
  { name: "robots", content: "noindex" },
];

export function loader({ params }: LoaderFunctionArgs) {
  return { locale: requireLocale(params.lang) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params.lang);
  const submission = parseSubmission(await request.formData(), ForgotPasswordSchema, ACCOUNTS_FALLBACK);
  if (submission.status !== "success") return data({ sent: false, result: submission.reply() }, { status: 400 });
  const reset = await startPasswordReset(await db(), submission.value.email);
  if (reset) {
    const link = new URL(localePath(locale, `/reset-password/${reset.token}`), env().PUBLIC_BASE_URL).toString();
    await sendMail({
      to: reset.email,
      subject: translate(locale, "accounts.resetTitle"),
      text: `${translate(locale, "accounts.resetIntro")}\n\n${link}`,
    });
  }
  // The same answer whether or not the account exists, so the page cannot be used to find accounts.
  return data({ sent: true, result: null });
}

export default function ForgotPasswordPage() {
  const result = useActionData<typeof action>();
  const t = useT();
  if (result?.sent) {
    return (
      <AuthCard title={t("accounts.resetTitle")}>
        <p role="status">{t("accounts.resetSent")}</p>
      </AuthCard>
    );
  }
  return <ForgotPasswordForm />;
}

function ForgotPasswordForm() {
  const result = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useSchemaForm({
    id: "forgot-password",
    schema: ForgotPasswordSchema,
    fallback: ACCOUNTS_FALLBACK,
    lastResult: result?.result,
  });
  return (
    <AuthCard title={t("accounts.resetTitle")} intro={t("accounts.resetIntro")}>
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        <Field field={fields.email} label={t("accounts.email")} fallback={ACCOUNTS_FALLBACK}>
          {(p) => <input {...p} type="email" autoComplete="username" required />}
        </Field>
        <button type="submit" className={primaryButton}>
          {t("accounts.resetSend")}
        </button>
      </Form>
    </AuthCard>
  );
}
