import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AuthCard, primaryButton } from "~/components/AuthCard";
import { FormField } from "~/components/FormField";
import { acceptInvitation, findInvitation, TokenError } from "~/accounts/accounts.server";
import { AcceptInvitationSchema, accountErrors } from "~/accounts/accounts-schema";
import { sessionCookieHeader } from "~/accounts/auth.server";
import { db } from "~/utils/db.server";
import { requireLocale } from "~/utils/http.server";
import { pick, translate, type MessageKey } from "~/utils/i18n";
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
  const parsed = AcceptInvitationSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ errors: accountErrors(parsed.error) }, { status: 400 });
  try {
    const prisma = await db();
    const session = await acceptInvitation(prisma, { token: params.token ?? "", ...parsed.data });
    const user = await prisma.user.findFirstOrThrow({
      where: { sessions: { some: { id: session.id } } },
      select: { role: true },
    });
    return redirect(roleHome(user.role), { headers: { "Set-Cookie": await sessionCookieHeader(session.id) } });
  } catch (error) {
    if (!(error instanceof TokenError)) throw error;
    return data({ errors: { form: "accounts.error.tokenInvalid" } }, { status: 410 });
  }
}

export default function InvitationPage() {
  const { locale, invitation } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = (key: string, p?: Record<string, string>) => translate(locale, key as MessageKey, p);
  const errors: Record<string, string> = result?.errors ?? {};
  if (!invitation || errors.form) {
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
      <Form method="post" className="space-y-4">
        <FormField
          id="displayName"
          label={t("accounts.displayName")}
          error={errors.displayName && t(errors.displayName)}
        >
          {(p) => <input {...p} name="displayName" autoComplete="name" maxLength={60} required />}
        </FormField>
        <FormField id="password" label={t("accounts.newPassword")} error={errors.password && t(errors.password)}>
          {(p) => <input {...p} name="password" type="password" autoComplete="new-password" minLength={12} required />}
        </FormField>
        <button type="submit" className={primaryButton}>
          {t("accounts.inviteAccept")}
        </button>
      </Form>
    </AuthCard>
  );
}
