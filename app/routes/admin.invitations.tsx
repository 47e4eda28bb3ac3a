import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AdminForm } from "~/components/admin/AdminForm";
import { FormField } from "~/components/FormField";
import { audit, createInvitation } from "~/accounts/accounts.server";
import { adminErrors, InvitationSchema } from "~/console/admin-schema";
import { sendMail } from "~/accounts/mailer.server";
import { requireOrganiser } from "~/accounts/auth.server";
import { isUnit, unitOptions } from "~/units/unit-accounts.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { consoleLocale, pick, translate, type MessageKey } from "~/utils/i18n";

export const meta: MetaFunction = () => [{ title: "邀请 · Invitations" }, { name: "robots", content: "noindex" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const prisma = await db();
  const cooperatives = await prisma.cooperative.findMany({
    orderBy: { nameZh: "asc" },
    select: { id: true, nameZh: true, nameEn: true },
  });
  // /admin/invitations?unit=<id> (from the units page) starts with that unit's buyer chosen.
  const unit = new URL(request.url).searchParams.get("unit");
  const units = await unitOptions(prisma);
  const chosenUnit = units.some((u) => u.id === unit) ? unit : null;
  return { locale: consoleLocale(request.url), cooperatives, units, chosenUnit };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const prisma = await db();
  const form = Object.fromEntries([...(await request.formData())].map(([k, v]) => [k, typeof v === "string" ? v : ""]));
  const parsed = InvitationSchema.safeParse(form);
  if (!parsed.success) return data({ values: form, errors: adminErrors(parsed.error), link: null }, { status: 400 });
  if (
    parsed.data.role === "COOPERATIVE_STAFF" &&
    !(await prisma.cooperative.count({ where: { id: parsed.data.cooperativeId } }))
  ) {
    return data({ values: form, errors: { cooperativeId: "admin.error.choose" }, link: null }, { status: 400 });
  }
  if (parsed.data.role === "UNIT_BUYER" && !(await isUnit(prisma, parsed.data.organisationId ?? ""))) {
    return data({ values: form, errors: { organisationId: "admin.error.choose" }, link: null }, { status: 400 });
  }
  const { token, invitation } = await createInvitation(prisma, { ...parsed.data, invitedById: user.id });
  await audit(prisma, {
    actorId: user.id,
    action: "invite",
    entity: "Invitation",
    entityId: invitation.id,
    after: {
      email: invitation.email,
      role: invitation.role,
      cooperativeId: invitation.cooperativeId,
      organisationId: invitation.organisationId,
    },
  });
  const link = new URL(`/invite/${token}`, env().PUBLIC_BASE_URL).toString();
  await sendMail({ to: invitation.email, subject: "上海消费帮扶展销会 邀请 · Invitation", text: link });
  // Shown once to the organiser too, so an invitation works even where mail does not.
  return data({ values: {} as Record<string, string>, errors: {} as Record<string, string>, link });
}

export default function InvitationsAdmin() {
  const { locale, cooperatives, units, chosenUnit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = (key: string) => translate(locale, key as MessageKey);
  const errors: Record<string, string> = result?.errors ?? {};
  const values: Record<string, string> = result?.values ?? {};
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-xl font-bold">{t("console.invitations")}</h1>
      <AdminForm submit={t("console.inviteSend")}>
        <FormField id="email" label={t("console.inviteEmail")} error={errors.email && t(errors.email)}>
          {(p) => <input {...p} type="email" name="email" defaultValue={values.email} />}
        </FormField>
        <FormField id="role" label={t("console.role")} error={errors.role && t(errors.role)}>
          {(p) => (
            <select {...p} name="role" defaultValue={values.role ?? (chosenUnit ? "UNIT_BUYER" : "COOPERATIVE_STAFF")}>
              <option value="COOPERATIVE_STAFF">{t("console.role.COOPERATIVE_STAFF")}</option>
              <option value="UNIT_BUYER">{t("unitAdmin.role.UNIT_BUYER")}</option>
              <option value="ORGANISER">{t("console.role.ORGANISER")}</option>
            </select>
          )}
        </FormField>
        <FormField
          id="cooperativeId"
          label={t("console.chooseCooperative")}
          error={errors.cooperativeId && t(errors.cooperativeId)}
        >
          {(p) => (
            <select {...p} name="cooperativeId" defaultValue={values.cooperativeId ?? ""}>
              <option value="">—</option>
              {cooperatives.map((c) => (
                <option key={c.id} value={c.id}>
                  {pick(locale, c, "name")}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          id="organisationId"
          label={t("unitAdmin.invite.chooseUnit")}
          error={errors.organisationId && t(errors.organisationId)}
        >
          {(p) => (
            <select {...p} name="organisationId" defaultValue={values.organisationId ?? chosenUnit ?? ""}>
              <option value="">—</option>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {pick(locale, u, "name")}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </AdminForm>
      {result?.link && (
        <p role="status" className="break-all rounded bg-green-50 p-3 text-sm" data-testid="invitation-link">
          {t("console.inviteLink")} <a href={result.link}>{result.link}</a>
        </p>
      )}
    </div>
  );
}
