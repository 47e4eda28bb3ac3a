import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { AuthCard, primaryButton } from "~/components/AuthCard";
import { FormField } from "~/components/FormField";
import { startPasswordReset } from "~/accounts/accounts.server";
import { accountErrors, ForgotPasswordSchema } from "~/accounts/accounts-schema";
import { sendMail } from "~/accounts/mailer.server";
import { db } from "~/utils/db.server";
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
  const parsed = ForgotPasswordSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ sent: false, errors: accountErrors(parsed.error) }, { status: 400 });
  const reset = await startPasswordReset(await db(), parsed.data.email);
  if (reset) {
    const link = new URL(localePath(locale, `/reset-password/${reset.token}`), env().PUBLIC_BASE_URL).toString();
    await sendMail({
      to: reset.email,
      subject: translate(locale, "accounts.resetTitle"),
      text: `${translate(locale, "accounts.resetIntro")}\n\n${link}`,
    });
  }
  // The same answer whether or not the account exists, so the page cannot be used to find accounts.
  return data({ sent: true, errors: {} as Record<string, string> });
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
  const errors: Record<string, string> = result?.errors ?? {};
  return (
    <AuthCard title={t("accounts.resetTitle")} intro={t("accounts.resetIntro")}>
      <Form method="post" className="space-y-4">
        <FormField id="email" label={t("accounts.email")} error={errors.email && t.code(errors.email)}>
          {(p) => <input {...p} name="email" type="email" autoComplete="username" required />}
        </FormField>
        <button type="submit" className={primaryButton}>
          {t("accounts.resetSend")}
        </button>
      </Form>
    </AuthCard>
  );
}
