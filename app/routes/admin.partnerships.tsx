import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AdminForm } from "~/components/admin/AdminForm";
import { FormField } from "~/components/FormField";
import { deletePartnership, getCatalogueAdmin, savePartnership } from "~/console/admin.server";
import { adminErrors, PartnershipSchema } from "~/console/admin-schema";
import { requireOrganiser } from "~/accounts/auth.server";
import { db } from "~/utils/db.server";
import { localeFromUrl, pick } from "~/utils/i18n";
import { useT } from "~/i18n/areas/console";

export const meta: MetaFunction = () => [{ title: "结对帮扶 · Partnerships" }, { name: "robots", content: "noindex" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const { partnerships, organisations, cooperatives, counties } = await getCatalogueAdmin(await db());
  return { locale: localeFromUrl(request.url), partnerships, organisations, cooperatives, counties };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const prisma = await db();
  const form = Object.fromEntries([...(await request.formData())].map(([k, v]) => [k, typeof v === "string" ? v : ""]));
  if (form.intent === "delete") {
    const existing = await prisma.partnership.findUnique({ where: { id: form.id ?? "" } });
    if (!existing) return data({ values: {}, errors: { form: "admin.error.notFound" }, saved: false }, { status: 404 });
    await deletePartnership(prisma, user.id, existing.id);
    return data({ values: {}, errors: {}, saved: true });
  }
  const parsed = PartnershipSchema.safeParse(form);
  if (!parsed.success) return data({ values: form, errors: adminErrors(parsed.error), saved: false }, { status: 400 });
  const { organisationId, cooperativeId, countyId } = parsed.data;
  const [organisation, target] = await Promise.all([
    prisma.organisation.count({ where: { id: organisationId } }),
    cooperativeId
      ? prisma.cooperative.count({ where: { id: cooperativeId } })
      : prisma.county.count({ where: { id: countyId ?? "" } }),
  ]);
  if (!organisation || !target)
    return data({ values: form, errors: { target: "admin.error.choose" }, saved: false }, { status: 400 });
  await savePartnership(prisma, user.id, parsed.data);
  return data({ values: {}, errors: {}, saved: true });
}

export default function PartnershipsAdmin() {
  const { locale, partnerships, organisations, cooperatives, counties } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const errors: Record<string, string> = result?.errors ?? {};
  const values: Record<string, string> = result?.values ?? {};
  return (
    <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
      <section>
        <h1 className="text-xl font-bold">{t("console.partnerships")}</h1>
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
        status={result?.saved ? t("console.saved") : undefined}
        intent="save"
      >
        <FormField
          id="organisationId"
          label={t("console.organisation")}
          error={errors.organisationId && t.code(errors.organisationId)}
        >
          {(p) => (
            <select {...p} name="organisationId" defaultValue={values.organisationId ?? ""}>
              <option value="">—</option>
              {organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {pick(locale, o, "name")}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id="target" label={t("console.target")} error={errors.target && t.code(errors.target)}>
          {(p) => (
            <select {...p} name="target" defaultValue={values.target ?? ""}>
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
        </FormField>
        <FormField id="weight" label={t("console.weight")} error={errors.weight && t.code(errors.weight)}>
          {(p) => <input {...p} name="weight" inputMode="numeric" defaultValue={values.weight ?? "1"} />}
        </FormField>
      </AdminForm>
    </div>
  );
}
