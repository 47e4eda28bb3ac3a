import { useT } from "~/i18n/areas/console";

/** Why a report (or its entries) could not be shown: one line per refused filter, as an alert. */
export function ReportErrors({ errors }: { errors: readonly string[] }) {
  const t = useT();
  if (errors.length === 0) return null;
  return (
    <div
      role="alert"
      className="rounded border-2 border-red-700 bg-red-50 p-3 text-red-900"
      data-testid="report-errors"
    >
      <p className="font-bold">{t("reports.error.title")}</p>
      <ul className="mt-1 list-disc pl-5 text-sm">
        {errors.map((code) => (
          <li key={code}>{t.code(`reports.error.${code}`)}</li>
        ))}
      </ul>
    </div>
  );
}
