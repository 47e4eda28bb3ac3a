import { Link } from "@remix-run/react";
import { translate } from "~/i18n/areas/console";
import type { ReportTable, TableCell } from "~/reports/tables";
import { useLocale } from "~/utils/use-locale";

const align = (kind: TableCell["kind"]) => (kind === "text" ? "text-left" : "text-right tabular-nums");

/** One report table with its CSV download; the CSV holds exactly these rows (see tables.ts). */
export function DataTable({
  table,
  csvHref,
  headingLevel = 3,
}: {
  table: ReportTable;
  csvHref: string;
  headingLevel?: 2 | 3;
}) {
  const locale = useLocale();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const headingId = `table-${table.id}-title`;
  return (
    <div className="space-y-2 break-inside-avoid" data-testid={`table-${table.id}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <Heading id={headingId} className="text-base font-bold">
          {table.title}
        </Heading>
        <a
          href={csvHref}
          download
          className="rounded border border-stone-300 bg-white px-2.5 py-1 text-sm hover:bg-stone-100 print:hidden"
          aria-label={translate(locale, "reports.exportCsvLabel", { table: table.title })}
          data-testid={`csv-${table.id}`}
        >
          {translate(locale, "reports.exportCsv")}
        </a>
      </div>
      {table.note && <p className="text-xs text-stone-600">{table.note}</p>}
      {table.rows.length === 0 ? (
        <p className="rounded border border-dashed border-stone-300 p-3 text-sm text-stone-600">{table.empty}</p>
      ) : (
        <div className="overflow-x-auto rounded border border-stone-200 bg-white print:overflow-visible">
          <table className="w-full min-w-max text-sm" aria-labelledby={headingId} data-table={table.id}>
            <thead className="bg-stone-100 text-stone-700">
              <tr>
                {table.columns.map((column, i) => (
                  <th key={i} scope="col" className={`px-3 py-2 font-semibold ${align(column.kind)}`}>
                    {column.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                <tr key={r} className="border-t border-stone-200">
                  {row.map((cell, c) => (
                    <Cell key={c} cell={cell} header={c === 0} />
                  ))}
                </tr>
              ))}
            </tbody>
            {table.footer && (
              <tfoot className="border-t-2 border-stone-400 font-semibold">
                <tr>
                  {table.footer.map((cell, c) => (
                    <Cell key={c} cell={cell} header={c === 0} />
                  ))}
                </tr>
              </tfoot>
            )}
          </table>
        </div>
      )}
    </div>
  );
}

function Cell({ cell, header }: { cell: TableCell; header: boolean }) {
  const className = `px-3 py-1.5 ${align(cell.kind)}`;
  const content = cell.href ? (
    <Link to={cell.href} className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800">
      {cell.text}
    </Link>
  ) : (
    cell.text
  );
  return header ? (
    <th scope="row" className={`${className} font-normal`}>
      {content}
    </th>
  ) : (
    <td className={className}>{content}</td>
  );
}
