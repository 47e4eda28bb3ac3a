/** Plain-text tables for the terminal (and for pasting into Markdown as a code block). */

export type Cell = string | number;
export type Align = "left" | "right";

export function table(headers: string[], rows: Cell[][], align: Align[] = []): string {
  const text = rows.map((row) => row.map(String));
  const widths = headers.map((h, i) => Math.max(width(h), ...text.map((row) => width(row[i] ?? ""))));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => {
        const pad = " ".repeat(Math.max(0, widths[i]! - width(cell)));
        return (align[i] ?? (i === 0 ? "left" : "right")) === "left" ? cell + pad : pad + cell;
      })
      .join("  ")
      .trimEnd();
  return [line(headers), line(widths.map((w) => "-".repeat(w))), ...text.map(line)].join("\n");
}

/** Display width: CJK characters take two columns in a terminal. */
function width(text: string): number {
  let columns = 0;
  for (const char of text)
    columns += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      char,
    )
      ? 2
      : 1;
  return columns;
}

export const fixed = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : "-");
export const kb = (bytes: number) => (bytes / 1024).toFixed(1);
export const ms = (n: number) => (!Number.isFinite(n) ? "-" : n === 0 ? "<1" : n >= 100 ? n.toFixed(0) : n.toFixed(1));
