import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseReportParams, type ReportErrorCode } from "~/reports/report-params";
import { csvFileName, isTableId, reportTables } from "~/reports/tables";
import { getReport } from "~/reports/reports.server";
import { requireOrganiser } from "~/accounts/auth.server";
import { attachmentDisposition, CSV_CONTENT_TYPE, toCsv } from "~/utils/csv";
import { db } from "~/utils/db.server";
import { type Locale } from "~/utils/i18n";
import { translate } from "~/i18n/areas/console";

/**
 * /admin/reports/export.csv?table=<id>&<the view's filters>: one table of the report as CSV for
 * Excel (UTF-8 with BOM, CRLF), built from the same rows the page shows.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const url = new URL(request.url);
  const { locale, filters, errors } = parseReportParams(url.searchParams);
  const tableId = url.searchParams.get("table");
  const problems: ReportErrorCode[] = [...errors, ...(isTableId(tableId) ? [] : ["tableUnknown" as const])];
  if (problems.length) return badRequest(locale, problems);

  const result = await getReport(await db(), filters);
  if (!result.ok) return badRequest(locale, result.errors);
  const table = reportTables(result.report, locale).find((t) => t.id === tableId)!;
  const { name, ascii } = csvFileName(result.report, table, locale);
  return new Response(toCsv(table.csvHeader, table.csvRows), {
    headers: {
      "Content-Type": CSV_CONTENT_TYPE,
      "Content-Disposition": attachmentDisposition(name, ascii),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

function badRequest(locale: Locale, codes: ReportErrorCode[]) {
  const lines = [
    translate(locale, "reports.error.title"),
    ...codes.map((c) => translate(locale, `reports.error.${c}`)),
  ];
  return new Response(`${lines.join("\n")}\n`, {
    status: 400,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
