import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireOrganiser } from "~/accounts/auth.server";
import { unitsCsv, unitsReport } from "~/units/units-report.server";
import { attachmentDisposition, CSV_CONTENT_TYPE, toCsv } from "~/utils/csv";
import { db } from "~/utils/db.server";
import { localeFromUrl } from "~/utils/i18n";

/** /admin/reports/units.csv: the units view for Excel (UTF-8 with BOM, CRLF), the same rows the page shows. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const locale = localeFromUrl(request.url);
  const { header, rows } = unitsCsv(await unitsReport(await db()), locale);
  return new Response(toCsv(header, rows), {
    headers: {
      "Content-Type": CSV_CONTENT_TYPE,
      "Content-Disposition": attachmentDisposition("单位采购情况.csv", "units.csv"),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
