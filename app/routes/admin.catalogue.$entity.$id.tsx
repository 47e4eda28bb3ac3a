import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import {
  ENTITY_FIELDS,
  isEntityName,
  LINKAGE_OPTIONS,
  ORG_KIND_OPTIONS,
  type EntityName,
} from "~/components/admin/entity-fields";
import { FormField } from "~/components/FormField";
import { AdminError, saveCooperative, saveCounty, saveOrganisation, saveRegion } from "~/console/admin.server";
import { adminErrors, CooperativeSchema, CountySchema, OrganisationSchema, RegionSchema } from "~/console/admin-schema";
import { requireOrganiser } from "~/accounts/auth.server";
import { db, type Prisma } from "~/utils/db.server";
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
  const form = Object.fromEntries([...(await request.formData())].map(([k, v]) => [k, typeof v === "string" ? v : ""]));
  const parsed = SCHEMAS[entity].safeParse(form);
  if (!parsed.success) return data({ values: form, errors: adminErrors(parsed.error) }, { status: 400 });
  try {
    const input = parsed.data as never;
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
      return data({ values: form, errors: { [error.field]: error.messageKey } }, { status: 409 });
    throw error;
  }
}

export default function EditEntity() {
  const { locale, entity, isNew, values: loaded, regions, counties, saved: wasSaved } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values: Record<string, string> = result?.values ?? loaded;
  const errors: Record<string, string> = result?.errors ?? {};
  const t = useT();
  const saved = wasSaved && !result;
  const options = {
    regions,
    counties,
    linkage: LINKAGE_OPTIONS.map((o) => ({ id: o.value, nameZh: o.zh, nameEn: o.en })),
    orgKind: ORG_KIND_OPTIONS.map((o) => ({ id: o.value, nameZh: o.zh, nameEn: o.en })),
  };
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
      <Form method="post" className="mt-4 space-y-4" noValidate>
        {ENTITY_FIELDS[entity].map((field) => {
          const label = locale === "zh" ? field.zh : field.en;
          const error = errors[field.name] ? t.code(errors[field.name]!) : undefined;
          if (field.kind === "checkbox") {
            return (
              <label key={field.name} className="flex items-center gap-2">
                <input
                  type="checkbox"
                  name={field.name}
                  defaultChecked={values[field.name] === "true" || values[field.name] === "on"}
                  className="h-5 w-5"
                />
                {label}
              </label>
            );
          }
          return (
            <FormField key={field.name} id={field.name} label={label} error={error}>
              {(p) =>
                field.kind === "textarea" ? (
                  <textarea {...p} name={field.name} rows={4} defaultValue={values[field.name]} />
                ) : field.kind === "select" ? (
                  <select {...p} name={field.name} defaultValue={values[field.name]}>
                    <option value="">—</option>
                    {options[field.options!].map((o) => (
                      <option key={o.id} value={o.id}>
                        {pick(locale, o, "name")}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    {...p}
                    name={field.name}
                    inputMode={field.kind === "number" ? "numeric" : undefined}
                    defaultValue={values[field.name]}
                  />
                )
              }
            </FormField>
          );
        })}
        <button type="submit" className="min-h-11 rounded bg-brand-700 px-6 py-2 font-semibold text-white">
          {t("console.save")}
        </button>
      </Form>
    </div>
  );
}
