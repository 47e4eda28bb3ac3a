import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import {
  ENTITY_FIELDS,
  isEntityName,
  LINKAGE_OPTIONS,
  ORG_KIND_OPTIONS,
  type EntityName,
} from "~/components/admin/entity-fields";
import { ErrorList, Field, FormErrors } from "~/components/ui/Field";
import { useSchemaForm } from "~/components/ui/use-schema-form";
import { AdminError, saveCooperative, saveCounty, saveOrganisation, saveRegion } from "~/console/admin.server";
import {
  ADMIN_FALLBACK,
  CooperativeSchema,
  CountySchema,
  OrganisationSchema,
  RegionSchema,
} from "~/console/admin-schema";
import { requireOrganiser } from "~/accounts/auth.server";
import { db, type Prisma } from "~/utils/db.server";
import { parseSubmission } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { localeFromUrl, pick } from "~/utils/i18n";
import { useT } from "~/i18n/areas/console";

export const meta: MetaFunction = () => [{ title: "编辑 · Edit" }, { name: "robots", content: "noindex" }];

async function findRecord(prisma: Prisma, entity: EntityName, id: string): Promise<Record<string, unknown> | null> {
  if (id === "new") return {};
  switch (entity) {
    case "region":
      return prisma.pairedRegion.findUnique({ where: { id } });
    case "county":
      return prisma.county.findUnique({ where: { id } });
    case "cooperative":
      return prisma.cooperative.findUnique({ where: { id } });
    case "organisation":
      return prisma.organisation.findUnique({ where: { id } });
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  if (!isEntityName(params.entity)) notFound();
  const prisma = await db();
  const record = await findRecord(prisma, params.entity, params.id ?? "");
  if (!record) notFound();
  const [regions, counties] = await Promise.all([
    prisma.pairedRegion.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, nameZh: true, nameEn: true } }),
    prisma.county.findMany({ orderBy: { nameZh: "asc" }, select: { id: true, nameZh: true, nameEn: true } }),
  ]);
  const values = Object.fromEntries(
    Object.entries(record).map(([k, v]) => [k, v === null || v === undefined ? "" : String(v)]),
  );
  const saved = new URL(request.url).searchParams.has("saved");
  return {
    locale: localeFromUrl(request.url),
    entity: params.entity,
    isNew: params.id === "new",
    values,
    regions,
    counties,
    saved,
  };
}

/** One schema per entity: the page's form and its action parse with the same one. */
const SCHEMAS = {
  region: RegionSchema,
  county: CountySchema,
  cooperative: CooperativeSchema,
  organisation: OrganisationSchema,
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  if (!isEntityName(params.entity)) notFound();
  const entity = params.entity;
  const prisma = await db();
  const id = params.id === "new" ? null : (params.id ?? null);
  if (id && !(await findRecord(prisma, entity, id))) notFound();
  const submission = parseSubmission(await request.formData(), SCHEMAS[entity], ADMIN_FALLBACK);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  try {
    const input = submission.value as never;
    const saved =
      entity === "region"
        ? await saveRegion(prisma, user.id, id, input)
        : entity === "county"
          ? await saveCounty(prisma, user.id, id, input)
          : entity === "cooperative"
            ? await saveCooperative(prisma, user.id, id, input)
            : await saveOrganisation(prisma, user.id, id, input);
    const lang = localeFromUrl(request.url) === "en" ? "&lang=en" : "";
    return redirect(`/admin/catalogue/${entity}/${saved.id}?saved=1${lang}`);
  } catch (error) {
    if (error instanceof AdminError)
      return data(
        { result: submission.reply({ fieldErrors: { [error.field]: [error.messageKey] } }) },
        { status: 409 },
      );
    throw error;
  }
}

export default function EditEntity() {
  const { locale, entity, isNew, values: loaded, regions, counties, saved: wasSaved } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useSchemaForm({
    id: entity,
    schema: SCHEMAS[entity],
    fallback: ADMIN_FALLBACK,
    lastResult: result?.result,
    defaultValue: loaded,
  });
  const saved = wasSaved && !result;
  const options = {
    regions,
    counties,
    linkage: LINKAGE_OPTIONS.map((o) => ({ id: o.value, nameZh: o.zh, nameEn: o.en })),
    orgKind: ORG_KIND_OPTIONS.map((o) => ({ id: o.value, nameZh: o.zh, nameEn: o.en })),
  };
  const f = { fallback: ADMIN_FALLBACK };
  return (
    <div className="max-w-2xl">
      <h1 className="text-xl font-bold">
        {t(isNew ? "console.create" : "console.edit")} ·{" "}
        {t(entity === "county" ? "console.counties" : `console.${entity}s`)}
      </h1>
      {saved && (
        <p role="status" className="mt-2 rounded bg-green-50 p-2 text-green-900">
          {t("console.saved")}
        </p>
      )}
      <Form method="post" className="mt-4 space-y-4" {...getFormProps(form)}>
        <FormErrors errors={form.errors} {...f} testId="form-error" />
        {ENTITY_FIELDS[entity].map((spec) => {
          const label = locale === "zh" ? spec.zh : spec.en;
          const field = fields[spec.name]!;
          if (spec.kind === "checkbox") {
            return (
              <div key={spec.name}>
                <label className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    id={field.id}
                    name={field.name}
                    defaultChecked={field.initialValue === "true" || field.initialValue === "on"}
                    className="h-5 w-5"
                  />
                  {label}
                </label>
                <ErrorList field={field} {...f} />
              </div>
            );
          }
          return (
            <Field key={spec.name} field={field} label={label} {...f}>
              {(p) =>
                spec.kind === "textarea" ? (
                  <textarea {...p} rows={4} />
                ) : spec.kind === "select" ? (
                  <select {...p} defaultValue={p.defaultValue ?? ""}>
                    <option value="">—</option>
                    {options[spec.options!].map((o) => (
                      <option key={o.id} value={o.id}>
                        {pick(locale, o, "name")}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input {...p} inputMode={spec.kind === "number" ? "numeric" : undefined} />
                )
              }
            </Field>
          );
        })}
        <button type="submit" className="min-h-11 rounded bg-brand-700 px-6 py-2 font-semibold text-white">
          {t("console.save")}
        </button>
      </Form>
    </div>
  );
}
