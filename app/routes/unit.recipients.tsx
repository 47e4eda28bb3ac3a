import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireUnitBuyer } from "~/accounts/auth.server";
import { Field } from "~/components/ui/Field";
import { useSchemaForm } from "~/components/ui/use-schema-form";
import { buttonClass } from "~/components/unit/UnitUi";
import { COLUMN_LABELS, parseRecipients, type RowProblem } from "~/units/recipients-csv";
import { RecipientUploadSchema, UNIT_FALLBACK } from "~/units/unit-buyer";
import { recipientProducts, saveRecipientDraft } from "~/units/unit-buyer.server";
import { db } from "~/utils/db.server";
import { parseSubmission } from "~/utils/forms";
import { localeFromUrl } from "~/utils/i18n";
import { translate, type MessageKey } from "~/i18n/areas/console";

export const meta: MetaFunction = () => [
  { title: "上传收件人清单 · Recipient list" },
  { name: "robots", content: "noindex" },
];

/** How many problems the page lists; the count says how many there are in all. */
const SHOWN_PROBLEMS = 300;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUnitBuyer(request);
  return { locale: localeFromUrl(request.url) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUnitBuyer(request);
  const locale = localeFromUrl(request.url);
  // The file comes through the schema like any field (conform keeps a File as it is).
  const submission = parseSubmission(await request.formData(), RecipientUploadSchema, UNIT_FALLBACK);
  if (submission.status !== "success")
    return data({ result: submission.reply(), problems: null, problemCount: 0, rowCount: 0 }, { status: 400 });
  const prisma = await db();
  const bytes = new Uint8Array(await submission.value.file.arrayBuffer());
  const checked = parseRecipients(bytes, await recipientProducts(prisma));
  if (!checked.ok) {
    // Nothing is kept: the unit fixes the file and uploads it again.
    const problems: RowProblem[] = checked.problems.slice(0, SHOWN_PROBLEMS);
    return data(
      {
        result: submission.reply({ resetForm: true }),
        problems,
        problemCount: checked.problems.length,
        rowCount: checked.rowCount,
      },
      { status: 422 },
    );
  }
  const draftId = await saveRecipientDraft(prisma, {
    organisationId: user.organisationId,
    createdById: user.id,
    rows: checked.rows,
  });
  return redirect(`/unit/recipients/${draftId}${locale === "en" ? "?lang=en" : ""}`);
}

export default function UnitRecipients() {
  const { locale } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const t = (key: MessageKey, p?: Record<string, string | number>) => translate(locale, key, p);
  const [form, fields] = useSchemaForm({
    id: "recipients-upload",
    schema: RecipientUploadSchema,
    fallback: UNIT_FALLBACK,
    lastResult: answer?.result,
  });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("unit.csv.title")}</h1>
      <p className="text-stone-700">{t("unit.csv.intro")}</p>
      <p>
        <a href="/unit/recipients/template.csv" className="underline" download>
          {t("unit.csv.template")}
        </a>
      </p>
      {answer?.problems && (
        <section
          role="alert"
          className="space-y-2 rounded border border-red-300 bg-red-50 p-3"
          data-testid="csv-problems"
        >
          <p className="font-semibold text-red-900">
            {t("unit.csv.problems", { count: answer.problemCount, rows: answer.rowCount })}
          </p>
          <ul className="divide-y divide-red-200 text-sm">
            {answer.problems.map((p, i) => (
              <li key={i} className="flex flex-wrap gap-x-3 py-1" data-testid="csv-problem" data-line={p.line}>
                <span className="font-mono font-semibold">
                  {p.line > 0 ? t("unit.csv.line", { line: p.line }) : t("unit.csv.total")}
                </span>
                {p.column && <span className="text-stone-700">{COLUMN_LABELS[p.column][locale]}</span>}
                <span>{locale === "en" ? p.en : p.zh}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <Form
        method="post"
        encType="multipart/form-data"
        {...getFormProps(form)}
        className="space-y-3"
        data-testid="csv-form"
      >
        <Field field={fields.file} label={t("unit.csv.file")} fallback={UNIT_FALLBACK}>
          {({ defaultValue: _none, ...p }) => <input {...p} type="file" accept=".csv,text/csv" />}
        </Field>
        <button type="submit" className={buttonClass} data-testid="csv-upload">
          {t("unit.csv.upload")}
        </button>
      </Form>
    </div>
  );
}
