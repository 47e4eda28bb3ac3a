import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AdminForm } from "~/components/admin/AdminForm";
import { Field } from "~/components/ui/Field";
import { useSchemaForm } from "~/components/ui/use-schema-form";
import { saveFair } from "~/console/admin.server";
import { ADMIN_FALLBACK, FairSchema } from "~/console/admin-schema";
import { requireOrganiser } from "~/accounts/auth.server";
import { db } from "~/utils/db.server";
import { parseSubmission } from "~/utils/forms";
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
  const submission = parseSubmission(await request.formData(), FairSchema, ADMIN_FALLBACK);
  if (submission.status !== "success") return data({ result: submission.reply(), saved: false }, { status: 400 });
  await saveFair(await db(), user.id, submission.value);
  return data({ result: submission.reply(), saved: true });
}

export default function FairAdmin() {
  const { locale, values: loaded } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useSchemaForm({
    id: "fair",
    schema: FairSchema,
    fallback: ADMIN_FALLBACK,
    lastResult: result?.result,
    defaultValue: loaded,
  });
  return (
    <div className="max-w-xl">
      <h1 className="mb-3 text-xl font-bold">{t("console.fair")}</h1>
      <AdminForm
        submit={t("console.save")}
        status={result?.saved ? t("console.saved") : undefined}
        formProps={getFormProps(form)}
      >
        {FIELDS.map(([name, zh, en, type]) => (
          <Field
            key={name}
            field={fields[name]}
            label={locale === "zh" ? zh : en}
            fallback={ADMIN_FALLBACK}
          >
            {(p) => <input {...p} type={type} />}
          </Field>
        ))}
      </AdminForm>
    </div>
  );
}
