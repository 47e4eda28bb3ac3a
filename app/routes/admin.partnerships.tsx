import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AdminForm } from "~/components/admin/AdminForm";
import { Field, FormErrors } from "~/components/ui/Field";
import { useSchemaForm } from "~/components/ui/use-schema-form";
import { deletePartnership, getCatalogueAdmin, savePartnership } from "~/console/admin.server";
import { ADMIN_FALLBACK, PartnershipActionSchema, SavePartnershipSchema, toPartnership } from "~/console/admin-schema";
import { requireOrganiser } from "~/accounts/auth.server";
import { db } from "~/utils/db.server";
import { parseSubmission } from "~/utils/forms";
import { localeFromUrl, pick } from "~/utils/i18n";
import { useT } from "~/i18n/areas/console";

export const meta: MetaFunction = () => [{ title: "结对帮扶 · Partnerships" }, { name: "robots", content: "noindex" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const { partnerships, organisations, cooperatives, counties } = await getCatalogueAdmin(await db());
  return { locale: localeFromUrl(request.url), partnerships, organisations, cooperatives, counties };
}

/** Saves a pairing (the form) or deletes one (a row's button); both branch on one schema's `intent`. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const prisma = await db();
  const submission = parseSubmission(await request.formData(), PartnershipActionSchema, ADMIN_FALLBACK);
  const intent = submission.payload.intent === "delete" ? "delete" : "save";
  if (submission.status !== "success")
    return data({ intent, result: submission.reply(), saved: false }, { status: 400 });
  const input = submission.value;
  if (input.intent === "delete") {
    const existing = await prisma.partnership.findUnique({ where: { id: input.id } });
    if (!existing)
      return data(
        { intent, result: submission.reply({ formErrors: ["admin.error.notFound"] }), saved: false },
        { status: 404 },
      );
    await deletePartnership(prisma, user.id, existing.id);
    return data({ intent, result: submission.reply(), saved: true });
  }
  const pairing = toPartnership(input);
  const [organisation, target] = await Promise.all([
    prisma.organisation.count({ where: { id: pairing.organisationId } }),
    pairing.cooperativeId
      ? prisma.cooperative.count({ where: { id: pairing.cooperativeId } })
      : prisma.county.count({ where: { id: pairing.countyId ?? "" } }),
  ]);
  if (!organisation || !target)
    return data(
      {
        intent,
        result: submission.reply({
          fieldErrors: { [organisation ? "target" : "organisationId"]: ["admin.error.choose"] },
        }),
        saved: false,
      },
      { status: 400 },
    );
  await savePartnership(prisma, user.id, pairing);
  return data({ intent, result: submission.reply({ resetForm: true }), saved: true });
}

export default function PartnershipsAdmin() {
  const { locale, partnerships, organisations, cooperatives, counties } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useSchemaForm({
    id: "partnership",
    schema: SavePartnershipSchema,
    fallback: ADMIN_FALLBACK,
    lastResult: result?.intent === "save" ? result.result : undefined,
    defaultValue: { weight: "1" },
  });
  const f = { fallback: ADMIN_FALLBACK };
  return (
    <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
      <section>
        <h1 className="text-xl font-bold">{t("console.partnerships")}</h1>
        {result?.intent === "delete" && (
          <FormErrors
            errors={result.result.error?.[""] ?? undefined}
            {...f}
            testId="form-error"
            className="mt-2 rounded bg-red-50 p-3 text-sm text-red-900"
          />
        )}
        {result?.intent === "delete" && result.saved && (
          <p role="status" className="mt-2 text-sm text-green-900">
            {t("console.saved")}
          </p>
        )}
        <table className="mt-3 w-full text-sm" data-testid="partnerships">
          <thead>
            <tr className="text-left text-stone-600">
              <th>{t("console.organisation")}</th>
              <th>{t("console.target")}</th>
              <th className="text-right">{t("console.weight")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {partnerships.map((p) => (
              <tr key={p.id} className="border-t border-stone-200">
                <td className="py-1">{pick(locale, p.organisation, "name")}</td>
                <td>
                  {p.cooperative
                    ? pick(locale, p.cooperative, "name")
                    : `${pick(locale, p.county!, "name")} (${t("console.counties")})`}
                </td>
                <td className="text-right">{p.weight}</td>
                <td className="text-right">
                  <Form method="post">
                    <input type="hidden" name="intent" value="delete" />
                    <input type="hidden" name="id" value={p.id} />
                    <button type="submit" className="text-red-800 underline">
                      {t("console.delete")}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <AdminForm
        title={t("console.addPartnership")}
        submit={t("console.save")}
        status={result?.intent === "save" && result.saved ? t("console.saved") : undefined}
        intent="save"
        formProps={getFormProps(form)}
      >
        <FormErrors errors={form.errors} {...f} testId="form-error" />
        <Field field={fields.organisationId} label={t("console.organisation")} {...f}>
          {(p) => (
            <select {...p} defaultValue={p.defaultValue ?? ""}>
              <option value="">—</option>
              {organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {pick(locale, o, "name")}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field field={fields.target} label={t("console.target")} {...f}>
          {(p) => (
            <select {...p} defaultValue={p.defaultValue ?? ""}>
              <option value="">—</option>
              <optgroup label={t("console.cooperatives")}>
                {cooperatives.map((c) => (
                  <option key={c.id} value={`cooperative:${c.id}`}>
                    {pick(locale, c, "name")}
                  </option>
                ))}
              </optgroup>
              <optgroup label={t("console.counties")}>
                {counties.map((c) => (
                  <option key={c.id} value={`county:${c.id}`}>
                    {pick(locale, c, "name")}
                  </option>
                ))}
              </optgroup>
            </select>
          )}
        </Field>
        <Field field={fields.weight} label={t("console.weight")} {...f}>
          {(p) => <input {...p} inputMode="numeric" />}
        </Field>
      </AdminForm>
    </div>
  );
}
