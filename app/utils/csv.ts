/**
 * CSV that Excel opens correctly in Chinese: UTF-8 with a byte-order mark (without it Excel
 * guesses the system code page and shows 果洛 as mojibake), RFC 4180 quoting, CRLF line ends.
 *
 * Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) is prefixed
 * with an apostrophe, so a name typed as "=HYPERLINK(…)" stays text. Plain numbers, including
 * negative ones such as "-12.50", are left alone so they stay numbers.
 */
export type CsvCell = string | number | boolean | null | undefined;

export const CSV_BOM = "\uFEFF";
export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  let text: string;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`CSV cells must be finite numbers, got ${value}`);
    text = String(value);
  } else if (typeof value === "boolean") {
    text = value ? "TRUE" : "FALSE";
  } else {
    text = value;
    if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: a header row, then the rows; every line (the last too) ends in CRLF. */
export function toCsv(header: CsvCell[], rows: CsvCell[][]): string {
  return CSV_BOM + [header, ...rows].map((row) => row.map(csvField).join(",") + "\r\n").join("");
}

/** Reads what toCsv wrote (RFC 4180, with or without BOM) back into rows: for tests and checks. */
export function parseCsv(text: string): string[][] {
  const source = text.startsWith(CSV_BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\r" && source[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += char;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * A Content-Disposition that keeps a Chinese file name: an ASCII fallback for old clients and the
 * UTF-8 name (RFC 6266 / RFC 5987) for everyone else.
 */
export function attachmentDisposition(fileName: string, asciiFallback: string): string {
  const ascii = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
