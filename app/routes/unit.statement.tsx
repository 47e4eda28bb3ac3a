import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { requireUnitBuyer } from "~/accounts/auth.server";
import { getFormProps } from "@conform-to/react";
import { Field } from "~/components/ui/Field";
import { useSchemaForm } from "~/components/ui/use-schema-form";
import { buttonClass } from "~/components/unit/UnitUi";
import { shanghaiDay, shanghaiTime, StatementPeriodSchema, UNIT_FALLBACK } from "~/units/unit-buyer";
import { unitProfile } from "~/units/unit-buyer.server";
import { unitStatement, type StatementRow } from "~/units/units.server";
import { db } from "~/utils/db.server";
import { parseSubmission } from "~/utils/forms";
import { pick, type Locale, localeFromUrl } from "~/utils/i18n";
import { translate, type MessageKey } from "~/i18n/areas/console";
import { formatFen } from "~/utils/money";

export const meta: MetaFunction = () => [{ title: "消费帮扶采购情况" }, { name: "robots", content: "noindex" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUnitBuyer(request);
  const url = new URL(request.url);
  const locale = localeFromUrl(url);
  const today = shanghaiDay();
  // The default period is the calendar year so far, the unit's usual reporting period.
  const asked = new URLSearchParams({
    from: url.searchParams.get("from") ?? `${today.slice(0, 4)}-01-01`,
    to: url.searchParams.get("to") ?? today,
  });
  // The period form is a GET form: the loader parses it through the same schema as the browser.
  const submission = parseSubmission(asked, StatementPeriodSchema, UNIT_FALLBACK);
  const prisma = await db();
  const unit = await unitProfile(prisma, user.organisationId);
  const generatedAt = shanghaiTime(new Date());
  if (submission.status !== "success") {
    const period = { from: asked.get("from")!, to: asked.get("to")! };
    return { locale, unit, period, result: submission.reply(), statement: null, generatedAt };
  }
  const statement = await unitStatement(prisma, { organisationId: user.organisationId, ...submission.value });
  return { locale, unit, period: submission.value, result: null, statement, generatedAt };
}

function Rows({
  locale,
  rows,
  label,
  subtotalFen,
  testId,
}: {
  locale: Locale;
  rows: StatementRow[];
  label: string;
  subtotalFen: number;
  testId: string;
}) {
  const t = (key: MessageKey) => translate(locale, key);
  return (
    <tbody data-testid={testId}>
      <tr className="bg-stone-100 print:bg-stone-100">
        <th colSpan={4} className="px-2 py-1 text-left">
          {label}
        </th>
      </tr>
      {rows.map((row) => (
        <tr
          key={`${row.cooperativeId}-${row.certified}`}
          className="border-b border-stone-200"
          data-testid="statement-row"
        >
          <td className="whitespace-nowrap px-2 py-1">
            {pick(locale, { nameZh: row.regionZh, nameEn: row.regionEn }, "name")}
          </td>
          <td className="whitespace-nowrap px-2 py-1">
            {pick(locale, { nameZh: row.countyZh, nameEn: row.countyEn }, "name")}
          </td>
          <td className="px-2 py-1">
            {pick(locale, { nameZh: row.cooperativeZh, nameEn: row.cooperativeEn }, "name")}
          </td>
          <td className="whitespace-nowrap px-2 py-1 text-right tabular-nums">{formatFen(row.netFen, locale)}</td>
        </tr>
      ))}
      <tr className="font-semibold">
        <td colSpan={3} className="px-2 py-1 text-right">
          {t("unit.statement.subtotal")}
        </td>
        <td className="whitespace-nowrap px-2 py-1 text-right tabular-nums" data-testid={`${testId}-subtotal`}>
          {formatFen(subtotalFen, locale)}
        </td>
      </tr>
    </tbody>
  );
}

export default function UnitStatement() {
  const { locale, unit, period, result, statement, generatedAt } = useLoaderData<typeof loader>();
  const t = (key: MessageKey, p?: Record<string, string | number>) => translate(locale, key, p);
  const [form, fields] = useSchemaForm({
    id: "statement-period",
    schema: StatementPeriodSchema,
    fallback: UNIT_FALLBACK,
    lastResult: result,
    defaultValue: period,
  });
  return (
    <article className="statement space-y-4 print:text-[11pt]">
      <style>
        {
          "@media print { @page { size: A4; margin: 16mm; } a[href]::after { content: none; } body { background: #fff; } }"
        }
      </style>
      <header className="space-y-1 text-center">
        <h1 className="text-2xl font-bold">消费帮扶采购情况</h1>
        {locale === "en" && <p className="text-sm text-stone-600">Consumption assistance purchases</p>}
        <p>{t("unit.statement.unit", { name: pick(locale, unit, "name") })}</p>
        <p data-testid="statement-period">{t("unit.statement.period", { from: period.from, to: period.to })}</p>
      </header>
      <p className="text-sm text-stone-700 print:hidden">{t("unit.statement.intro")}</p>
      <Form
        method="get"
        {...getFormProps(form)}
        className="flex flex-wrap items-end gap-3 print:hidden"
        data-testid="statement-period-form"
      >
        {locale === "en" && <input type="hidden" name="lang" value="en" />}
        <Field field={fields.from} label={t("unit.statement.from")} fallback={UNIT_FALLBACK}>
          {(p) => <input {...p} type="date" />}
        </Field>
        <Field field={fields.to} label={t("unit.statement.to")} fallback={UNIT_FALLBACK}>
          {(p) => <input {...p} type="date" />}
        </Field>
        <button type="submit" className={buttonClass}>
          {t("unit.statement.show")}
        </button>
        <button
          type="button"
          onClick={() => window.print()}
          className="min-h-11 rounded border border-stone-400 px-4 hover:bg-stone-100"
        >
          {t("unit.statement.print")}
        </button>
      </Form>
      {statement &&
        (statement.rows.length === 0 ? (
          <p className="text-stone-600" data-testid="statement-empty">
            {t("unit.statement.empty")}
          </p>
        ) : (
          <div className="overflow-x-auto print:overflow-visible">
            <table
              className="w-full border-collapse text-sm sm:min-w-[32rem] print:min-w-0"
              data-testid="statement-table"
            >
              <thead>
                <tr className="border-b-2 border-stone-400 text-left">
                  <th className="whitespace-nowrap px-2 py-1">{t("unit.statement.region")}</th>
                  <th className="whitespace-nowrap px-2 py-1">{t("unit.statement.county")}</th>
                  <th className="px-2 py-1">{t("unit.statement.cooperative")}</th>
                  <th className="px-2 py-1 text-right">{t("unit.statement.amount")}</th>
                </tr>
              </thead>
              <Rows
                locale={locale}
                rows={statement.rows.filter((r) => r.certified)}
                label={t("unit.statement.certified")}
                subtotalFen={statement.certifiedFen}
                testId="statement-certified"
              />
              <Rows
                locale={locale}
                rows={statement.rows.filter((r) => !r.certified)}
                label={t("unit.statement.uncertified")}
                subtotalFen={statement.uncertifiedFen}
                testId="statement-uncertified"
              />
              <tfoot>
                <tr className="border-t-2 border-stone-400 text-base font-bold">
                  <td colSpan={3} className="px-2 py-1 text-right">
                    {t("unit.statement.total")}
                  </td>
                  <td className="whitespace-nowrap px-2 py-1 text-right tabular-nums" data-testid="statement-total">
                    {formatFen(statement.totalFen, locale)}
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
        ))}
      <p className="text-right text-xs text-stone-500">{t("unit.statement.generated", { at: generatedAt })}</p>
    </article>
  );
}
