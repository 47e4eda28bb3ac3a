import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AuthCard, primaryButton } from "~/components/AuthCard";
import { Field } from "~/components/ui/Field";
import { useSchemaForm } from "~/components/ui/use-schema-form";
import { acceptInvitation, findInvitation, TokenError } from "~/accounts/accounts.server";
import { ACCOUNTS_FALLBACK, AcceptInvitationSchema } from "~/accounts/accounts-schema";
import { sessionCookieHeader } from "~/accounts/auth.server";
import { db } from "~/utils/db.server";
import { parseSubmission } from "~/utils/forms";
import { requireLocale } from "~/utils/http.server";
import { pick } from "~/utils/i18n";
import { useT, translate } from "~/i18n/areas/storefront";
import { roleHome } from "~/utils/role-home";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: translate(data?.locale ?? "zh", "accounts.inviteTitle") },
  { name: "robots", content: "noindex" },
  { name: "referrer", content: "no-referrer" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const locale = requireLocale(params.lang);
  const invitation = await findInvitation(await db(), params.token ?? "");
  return { locale, invitation };
}

export async function action({ request, params }: ActionFunctionArgs) {
  requireLocale(params.lang);
  const submission = parseSubmission(await request.formData(), AcceptInvitationSchema, ACCOUNTS_FALLBACK);
  if (submission.status !== "success")
    return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  try {
    const prisma = await db();
    const session = await acceptInvitation(prisma, { token: params.token ?? "", ...submission.value });
    const user = await prisma.user.findFirstOrThrow({
      where: { sessions: { some: { id: session.id } } },
      select: { role: true },
    });
    return redirect(roleHome(user.role), { headers: { "Set-Cookie": await sessionCookieHeader(session.id) } });
  } catch (error) {
    if (!(error instanceof TokenError)) throw error;
    return data(
      { result: submission.reply({ formErrors: ["accounts.error.tokenInvalid"], hideFields: ["password"] }) },
      { status: 410 },
    );
  }
}

export default function InvitationPage() {
  const { locale, invitation } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useSchemaForm({
    id: "invite",
    schema: AcceptInvitationSchema,
    fallback: ACCOUNTS_FALLBACK,
    lastResult: result?.result,
  });
  // A used or expired invitation: the page says so instead of the form.
  if (!invitation || form.errors?.length) {
    return (
      <AuthCard title={t("accounts.inviteTitle")}>
        <p role="alert">{t("accounts.error.tokenInvalid")}</p>
      </AuthCard>
    );
  }
  const where = invitation.cooperative
    ? pick(locale, invitation.cooperative, "name")
    : invitation.organisation
      ? t("unitAdmin.invite.asUnitBuyer", { unit: pick(locale, invitation.organisation, "name") })
      : t("accounts.inviteOrganiser");
  return (
    <AuthCard
      title={t("accounts.inviteTitle")}
      intro={t("accounts.inviteIntro", { email: invitation.email, cooperative: where })}
    >
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        <Field
          field={fields.displayName}
          label={t("accounts.displayName")}
          fallback={ACCOUNTS_FALLBACK}
        >
          {(p) => <input {...p} autoComplete="name" maxLength={60} required />}
        </Field>
        <Field field={fields.password} label={t("accounts.newPassword")} fallback={ACCOUNTS_FALLBACK}>
          {(p) => <input {...p} type="password" autoComplete="new-password" minLength={12} required />}
        </Field>
        <button type="submit" className={primaryButton}>
          {t("accounts.inviteAccept")}
        </button>
      </Form>
    </AuthCard>
  );
}
