import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseEntryParams, type EntryErrorCode } from "~/reports/entries-params";
import { entriesCsv, getEntries } from "~/reports/entries.server";
import { requireOrganiser } from "~/accounts/auth.server";
import { attachmentDisposition, CSV_CONTENT_TYPE, toCsv } from "~/utils/csv";
import { db } from "~/utils/db.server";
import type { Locale } from "~/utils/i18n";
import { translate, type MessageKey } from "~/i18n/areas/console";

/**
 * /admin/reports/entries.csv?<the drill's query>: every ledger entry behind a figure as CSV
 * (UTF-8 with BOM, CRLF), with the canonical fields a sealed day's digest is computed from.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const { locale, filters, drill, errors } = parseEntryParams(new URL(request.url).searchParams);
  if (errors.length) return badRequest(locale, errors);
  const result = await getEntries(await db(), filters, drill, 1, null);
  if (!result.ok) return badRequest(locale, result.errors);
  const { header, body } = entriesCsv(result.entries.rows, locale);
  const range = filters.from || filters.to ? `-${filters.from ?? ""}_${filters.to ?? ""}` : "";
  const ascii = `ledger-entries${range}.csv`;
  return new Response(toCsv(header, body), {
    headers: {
      "Content-Type": CSV_CONTENT_TYPE,
      "Content-Disposition": attachmentDisposition(`${translate(locale, "reports.entries.title")}${range}.csv`, ascii),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

function badRequest(locale: Locale, codes: EntryErrorCode[]) {
  const lines = [
    translate(locale, "reports.error.title"),
    ...codes.map((c) => translate(locale, `reports.error.${c}` as MessageKey)),
  ];
  return new Response(`${lines.join("\n")}\n`, {
    status: 400,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
