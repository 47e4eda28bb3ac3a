import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { panelBox, submitButton } from "~/components/units/Fields";
import { Field, FormErrors } from "~/components/ui/Field";
import { useSchemaForm } from "~/components/ui/use-schema-form";
import { audit } from "~/accounts/accounts.server";
import { requireOrganiser } from "~/accounts/auth.server";
import { isUnit, listPledges, unitOptions } from "~/units/unit-accounts.server";
import { PledgeSchema, UNIT_ADMIN_FALLBACK } from "~/units/unit-admin-schema";
import { recordPledge } from "~/units/units.server";
import { db } from "~/utils/db.server";
import { parseSubmission } from "~/utils/forms";
import { pick, localeFromUrl } from "~/utils/i18n";
import { translate, type MessageKey } from "~/i18n/areas/console";
import { formatFen } from "~/utils/money";
import { isoDay, shanghaiToday } from "~/utils/shanghai-time";

export const meta: MetaFunction = () => [{ title: "认购签约 · Pledges" }, { name: "robots", content: "noindex" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const prisma = await db();
  const [units, pledges] = await Promise.all([unitOptions(prisma), listPledges(prisma)]);
  return { locale: localeFromUrl(request.url), today: shanghaiToday(), units, pledges };
}

/** Records a unit's purchase pledge (认购签约) signed on a trade day. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const submission = parseSubmission(await request.formData(), PledgeSchema, UNIT_ADMIN_FALLBACK);
  if (submission.status !== "success") return data({ result: submission.reply(), saved: false }, { status: 400 });
  const prisma = await db();
  const { organisationId, amount, signedOn, notes } = submission.value;
  if (!(await isUnit(prisma, organisationId)))
    return data(
      { result: submission.reply({ fieldErrors: { organisationId: ["unitAdmin.error.choose"] } }), saved: false },
      { status: 400 },
    );
  const pledge = await recordPledge(prisma, {
    organisationId,
    amountFen: amount,
    signedOn,
    notes,
    recordedById: user.id,
  });
  await audit(prisma, {
    actorId: user.id,
    action: "pledge.record",
    entity: "Pledge",
    entityId: pledge.id,
    after: pledge,
  });
  return data({ result: submission.reply({ resetForm: true }), saved: true });
}

export default function PledgesAdmin() {
  const { locale, today, units, pledges } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = (key: string, p?: Record<string, string | number>) => translate(locale, key as MessageKey, p);
  const [form, fields] = useSchemaForm({
    id: "pledge-form",
    schema: PledgeSchema,
    fallback: UNIT_ADMIN_FALLBACK,
    lastResult: actionData?.result,
    defaultValue: { signedOn: today },
  });
  const f = { fallback: UNIT_ADMIN_FALLBACK };
  const total = pledges.reduce((sum, p) => sum + p.amountFen, 0);
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-bold">{t("unitAdmin.pledges.title")}</h1>
      {actionData?.saved && (
        <p role="status" className="rounded bg-green-50 p-3 text-sm" data-testid="pledge-saved">
          {t("unitAdmin.pledges.saved")}
        </p>
      )}
      <Form method="post" {...getFormProps(form)} className={`${panelBox} max-w-xl`}>
        <h2 className="font-bold">{t("unitAdmin.pledges.new")}</h2>
        <FormErrors errors={form.errors} {...f} testId="form-error" />
        <Field field={fields.organisationId} label={t("unitAdmin.report.unit")} {...f}>
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
        <Field field={fields.amount} label={t("unitAdmin.pledges.amount")} {...f}>
          {(p) => <input {...p} inputMode="decimal" />}
        </Field>
        <Field field={fields.signedOn} label={t("unitAdmin.pledges.signedOn")} {...f}>
          {(p) => <input {...p} type="date" />}
        </Field>
        <Field field={fields.notes} label={t("unitAdmin.pledges.notes")} {...f}>
          {(p) => <input {...p} maxLength={500} />}
        </Field>
        <button type="submit" className={submitButton}>
          {t("unitAdmin.pledges.submit")}
        </button>
      </Form>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[40rem] text-sm [&_td]:px-2 [&_th]:px-2" data-testid="pledge-list">
          <thead>
            <tr className="border-b border-stone-300 text-left">
              <th className="py-2">{t("unitAdmin.pledges.signedOn")}</th>
              <th>{t("unitAdmin.report.unit")}</th>
              <th className="text-right">{t("unitAdmin.pledges.amount")}</th>
              <th>{t("unitAdmin.pledges.notes")}</th>
            </tr>
          </thead>
          <tbody>
            {pledges.map((p) => (
              <tr key={p.id} className="border-b border-stone-200">
                <td className="py-1">{isoDay(new Date(p.signedOn))}</td>
                <td>{pick(locale, p.organisation, "name")}</td>
                <td className="text-right">{formatFen(p.amountFen, locale)}</td>
                <td>{p.notes}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="font-semibold">
              <td className="py-2" colSpan={2}>
                {t("unitAdmin.report.total")}
              </td>
              <td className="text-right">{formatFen(total, locale)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}
