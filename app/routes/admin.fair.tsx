import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AdminForm } from "~/components/admin/AdminForm";
import { FormField } from "~/components/FormField";
import { saveFair } from "~/console/admin.server";
import { adminErrors, FairSchema } from "~/console/admin-schema";
import { requireOrganiser } from "~/accounts/auth.server";
import { db } from "~/utils/db.server";
import { localeFromUrl } from "~/utils/i18n";
import { useT } from "~/i18n/areas/console";

export const meta: MetaFunction = () => [{ title: "展会日期 · Fair dates" }, { name: "robots", content: "noindex" }];

const FIELDS = [
  ["nameZh", "展会名称（中文）", "Fair name (Chinese)", "text"],
  ["nameEn", "展会名称（英文）", "Fair name (English)", "text"],
  ["venueZh", "地点（中文）", "Venue (Chinese)", "text"],
  ["venueEn", "地点（英文）", "Venue (English)", "text"],
  ["tradeDaysStart", "专业采购日开始", "Trade days start", "date"],
  ["tradeDaysEnd", "专业采购日结束", "Trade days end", "date"],
  ["publicDaysStart", "公众开放日开始", "Public days start", "date"],
  ["publicDaysEnd", "公众开放日结束", "Public days end", "date"],
] as const;

const iso = (d: Date | string) => new Date(d).toISOString().slice(0, 10);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const fair = await (await db()).fair.findUnique({ where: { id: "current" } });
  const values: Record<string, string> = fair
    ? {
        nameZh: fair.nameZh,
        nameEn: fair.nameEn,
        venueZh: fair.venueZh,
        venueEn: fair.venueEn,
        tradeDaysStart: iso(fair.tradeDaysStart),
        tradeDaysEnd: iso(fair.tradeDaysEnd),
        publicDaysStart: iso(fair.publicDaysStart),
        publicDaysEnd: iso(fair.publicDaysEnd),
      }
    : {};
  return { locale: localeFromUrl(request.url), values };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const form = Object.fromEntries([...(await request.formData())].map(([k, v]) => [k, typeof v === "string" ? v : ""]));
  const parsed = FairSchema.safeParse(form);
  if (!parsed.success) return data({ values: form, errors: adminErrors(parsed.error), saved: false }, { status: 400 });
  await saveFair(await db(), user.id, parsed.data);
  return data({ values: form, errors: {} as Record<string, string>, saved: true });
}

export default function FairAdmin() {
  const { locale, values: loaded } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const values: Record<string, string> = result?.values ?? loaded;
  const errors: Record<string, string> = result?.errors ?? {};
  return (
    <div className="max-w-xl">
      <h1 className="mb-3 text-xl font-bold">{t("console.fair")}</h1>
      <AdminForm submit={t("console.save")} status={result?.saved ? t("console.saved") : undefined}>
        {FIELDS.map(([name, zh, en, type]) => (
          <FormField
            key={name}
            id={name}
            label={locale === "zh" ? zh : en}
            error={errors[name] && t.code(errors[name])}
          >
            {(p) => <input {...p} type={type} name={name} defaultValue={values[name]} />}
          </FormField>
        ))}
      </AdminForm>
    </div>
  );
}
