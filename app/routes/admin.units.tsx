import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { panelBox, submitButton } from "~/components/units/Fields";
import { Field, FormErrors } from "~/components/ui/Field";
import { useSchemaForm } from "~/components/ui/use-schema-form";
import { audit } from "~/accounts/accounts.server";
import { requireOrganiser } from "~/accounts/auth.server";
import { createUnit, listUnits, UnitAccountError } from "~/units/unit-accounts.server";
import { UNIT_ADMIN_FALLBACK, UNIT_KINDS, UnitSchema } from "~/units/unit-admin-schema";
import { db } from "~/utils/db.server";
import { parseSubmission } from "~/utils/forms";
import { pick, localeFromUrl } from "~/utils/i18n";
import { translate, type MessageKey } from "~/i18n/areas/console";

export const meta: MetaFunction = () => [{ title: "采购单位 · Buying units" }, { name: "robots", content: "noindex" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  return { locale: localeFromUrl(request.url), units: await listUnits(await db()) };
}

/** Registers a buying unit; its buyers are then invited from /admin/invitations. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const submission = parseSubmission(await request.formData(), UnitSchema, UNIT_ADMIN_FALLBACK);
  if (submission.status !== "success") return data({ result: submission.reply(), created: null }, { status: 400 });
  const prisma = await db();
  try {
    const unit = await createUnit(prisma, submission.value);
    await audit(prisma, {
      actorId: user.id,
      action: "unit.create",
      entity: "Organisation",
      entityId: unit.id,
      after: submission.value,
    });
    return data({ result: submission.reply({ resetForm: true }), created: unit.id });
  } catch (error) {
    if (!(error instanceof UnitAccountError)) throw error;
    return data(
      { result: submission.reply({ fieldErrors: { slug: ["unitAdmin.error.slugTaken"] } }), created: null },
      { status: 409 },
    );
  }
}

export default function UnitsAdmin() {
  const { locale, units } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = (key: string, p?: Record<string, string | number>) => translate(locale, key as MessageKey, p);
  const [form, fields] = useSchemaForm({
    id: "unit-form",
    schema: UnitSchema,
    fallback: UNIT_ADMIN_FALLBACK,
    lastResult: actionData?.result,
  });
  const f = { fallback: UNIT_ADMIN_FALLBACK };
  const suffix = locale === "en" ? "&lang=en" : "";
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-bold">{t("unitAdmin.units.title")}</h1>
      <p className="max-w-3xl text-sm text-stone-700">{t("unitAdmin.units.intro")}</p>
      {actionData?.created && (
        <p role="status" className="rounded bg-green-50 p-3 text-sm" data-testid="unit-created">
          {t("unitAdmin.units.created")}{" "}
          <Link className="underline" to={`/admin/invitations?unit=${actionData.created}${suffix}`}>
            {t("unitAdmin.units.inviteBuyer")}
          </Link>
        </p>
      )}
      <div className="overflow-x-auto">
        <table className="w-full min-w-[48rem] text-sm [&_td]:px-2 [&_th]:px-2" data-testid="unit-list">
          <thead>
            <tr className="border-b border-stone-300 text-left">
              <th className="py-2">{t("unitAdmin.units.name")}</th>
              <th>{t("unitAdmin.units.kind")}</th>
              <th>{t("unitAdmin.units.invoice")}</th>
              <th>{t("unitAdmin.units.buyers")}</th>
              <th className="text-right">{t("unitAdmin.units.orders")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {units.map((unit) => (
              <tr key={unit.id} className="border-b border-stone-200 align-top" data-testid="unit-row">
                <td className="py-2">
                  <Link className="underline" to={`/admin/reports/units?unit=${unit.id}${suffix}`}>
                    {pick(locale, unit, "name")}
                  </Link>
                </td>
                <td>{t(`unitAdmin.kind.${unit.buyerKind}`)}</td>
                <td>
                  {unit.invoiceTitle}
                  {unit.creditCode && <span className="block font-mono text-xs">{unit.creditCode}</span>}
                </td>
                <td>
                  {unit.buyers.map((b) => (
                    <span key={b.email} className="block">
                      {b.displayName || b.email} <span className="text-xs text-stone-600">{b.email}</span>
                    </span>
                  ))}
                  {unit.invitations.map((i) => (
                    <span key={i.email} className="block text-xs text-stone-600">
                      {t("unitAdmin.units.invited", { email: i.email })}
                    </span>
                  ))}
                </td>
                <td className="text-right">{unit._count.orders}</td>
                <td className="text-right">
                  <Link className="underline" to={`/admin/invitations?unit=${unit.id}${suffix}`}>
                    {t("unitAdmin.units.inviteBuyer")}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {units.length === 0 && <p className="text-stone-600">{t("unitAdmin.units.none")}</p>}
      </div>
      <Form method="post" {...getFormProps(form)} className={`${panelBox} max-w-xl`}>
        <h2 className="font-bold">{t("unitAdmin.units.new")}</h2>
        <FormErrors errors={form.errors} {...f} testId="form-error" />
        <Field field={fields.nameZh} label={t("unitAdmin.units.nameZh")} {...f}>
          {(p) => <input {...p} maxLength={80} />}
        </Field>
        <Field field={fields.nameEn} label={t("unitAdmin.units.nameEn")} {...f}>
          {(p) => <input {...p} maxLength={160} />}
        </Field>
        <Field field={fields.slug} label={t("unitAdmin.units.slug")} hint={t("unitAdmin.units.slugHint")} {...f}>
          {(p) => <input {...p} />}
        </Field>
        <Field field={fields.buyerKind} label={t("unitAdmin.units.kind")} {...f}>
          {(p) => (
            <select {...p} defaultValue={p.defaultValue ?? ""}>
              <option value="">—</option>
              {UNIT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`unitAdmin.kind.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field field={fields.invoiceTitle} label={t("unitAdmin.units.invoiceTitle")} {...f}>
          {(p) => <input {...p} maxLength={120} />}
        </Field>
        <Field
          field={fields.creditCode}
          label={t("unitAdmin.units.creditCode")}
          hint={t("unitAdmin.units.creditCodeHint")}
          {...f}
        >
          {(p) => <input {...p} maxLength={24} autoCapitalize="characters" />}
        </Field>
        <button type="submit" className={submitButton}>
          {t("unitAdmin.units.create")}
        </button>
      </Form>
    </div>
  );
}
