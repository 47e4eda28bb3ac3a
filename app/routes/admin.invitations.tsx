import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AdminForm } from "~/components/admin/AdminForm";
import { Field } from "~/components/ui/Field";
import { useSchemaForm } from "~/components/ui/use-schema-form";
import { audit, createInvitation } from "~/accounts/accounts.server";
import { ADMIN_FALLBACK, InvitationSchema } from "~/console/admin-schema";
import { sendMail } from "~/accounts/mailer.server";
import { requireOrganiser } from "~/accounts/auth.server";
import { isUnit, unitOptions } from "~/units/unit-accounts.server";
import { db } from "~/utils/db.server";
import { parseSubmission } from "~/utils/forms";
import { env } from "~/utils/env.server";
import { localeFromUrl, pick } from "~/utils/i18n";
import { useT } from "~/i18n/areas/console";

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
  return { locale: localeFromUrl(request.url), cooperatives, units, chosenUnit };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const prisma = await db();
  const submission = parseSubmission(await request.formData(), InvitationSchema, ADMIN_FALLBACK);
  if (submission.status !== "success") return data({ result: submission.reply(), link: null }, { status: 400 });
  const invite = submission.value;
  if (
    invite.role === "COOPERATIVE_STAFF" &&
    !(await prisma.cooperative.count({ where: { id: invite.cooperativeId } }))
  ) {
    return data(
      { result: submission.reply({ fieldErrors: { cooperativeId: ["admin.error.choose"] } }), link: null },
      { status: 400 },
    );
  }
  if (invite.role === "UNIT_BUYER" && !(await isUnit(prisma, invite.organisationId ?? ""))) {
    return data(
      { result: submission.reply({ fieldErrors: { organisationId: ["admin.error.choose"] } }), link: null },
      { status: 400 },
    );
  }
  const { token, invitation } = await createInvitation(prisma, { ...invite, invitedById: user.id });
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
  return data({ result: submission.reply({ resetForm: true }), link });
}

export default function InvitationsAdmin() {
  const { locale, cooperatives, units, chosenUnit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useSchemaForm({
    id: "invitation",
    schema: InvitationSchema,
    fallback: ADMIN_FALLBACK,
    lastResult: result?.result,
    defaultValue: { role: chosenUnit ? "UNIT_BUYER" : "COOPERATIVE_STAFF", organisationId: chosenUnit ?? "" },
  });
  const f = { fallback: ADMIN_FALLBACK };
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-xl font-bold">{t("console.invitations")}</h1>
      <AdminForm submit={t("console.inviteSend")} formProps={getFormProps(form)}>
        <Field field={fields.email} label={t("console.inviteEmail")} {...f}>
          {(p) => <input {...p} type="email" />}
        </Field>
        <Field field={fields.role} label={t("console.role")} {...f}>
          {(p) => (
            <select {...p}>
              <option value="COOPERATIVE_STAFF">{t("console.role.COOPERATIVE_STAFF")}</option>
              <option value="UNIT_BUYER">{t("unitAdmin.role.UNIT_BUYER")}</option>
              <option value="ORGANISER">{t("console.role.ORGANISER")}</option>
            </select>
          )}
        </Field>
        <Field field={fields.cooperativeId} label={t("console.chooseCooperative")} {...f}>
          {(p) => (
            <select {...p} defaultValue={p.defaultValue ?? ""}>
              <option value="">—</option>
              {cooperatives.map((c) => (
                <option key={c.id} value={c.id}>
                  {pick(locale, c, "name")}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field field={fields.organisationId} label={t("unitAdmin.invite.chooseUnit")} {...f}>
          {(p) => (
            <select {...p} defaultValue={p.defaultValue ?? ""}>
              <option value="">—</option>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {pick(locale, u, "name")}
                </option>
              ))}
            </select>
          )}
        </Field>
      </AdminForm>
      {result?.link && (
        <p role="status" className="break-all rounded bg-green-50 p-3 text-sm" data-testid="invitation-link">
          {t("console.inviteLink")} <a href={result.link}>{result.link}</a>
        </p>
      )}
    </div>
  );
}
