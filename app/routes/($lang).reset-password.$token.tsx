import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AuthCard, primaryButton } from "~/components/AuthCard";
import { FormField } from "~/components/FormField";
import { isResetTokenUsable, resetPassword, TokenError } from "~/accounts/accounts.server";
import { accountErrors, ResetPasswordSchema } from "~/accounts/accounts-schema";
import { db } from "~/utils/db.server";
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
  const parsed = ResetPasswordSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ errors: accountErrors(parsed.error) }, { status: 400 });
  try {
    await resetPassword(await db(), params.token ?? "", parsed.data.password);
  } catch (error) {
    if (!(error instanceof TokenError)) throw error;
    return data({ errors: { form: "accounts.error.tokenInvalid" } }, { status: 410 });
  }
  return redirect(`${localePath(locale, "/login")}?reset=1`);
}

export default function ResetPasswordPage() {
  const { locale, usable } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const errors: Record<string, string> = result?.errors ?? {};
  if (!usable || errors.form) {
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
      <Form method="post" className="space-y-4">
        <FormField id="password" label={t("accounts.newPassword")} error={errors.password && t.code(errors.password)}>
          {(p) => <input {...p} name="password" type="password" autoComplete="new-password" minLength={12} required />}
        </FormField>
        <button type="submit" className={primaryButton}>
          {t("accounts.resetSave")}
        </button>
      </Form>
    </AuthCard>
  );
}
