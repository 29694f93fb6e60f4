// A dashboard table as CSV for publication: counts hidden by the view's suppression
// (lib/dashboard/relations.ts), shares and days withheld where they come from hidden or
// small counts, and cells that a spreadsheet would run as a formula made inert. Every
// hidden count reads the same, whether it is small or hidden to protect another, so the
// label itself tells a reader nothing.
import { protectedCell } from "./relations";
import type { Cell, DashboardTable } from "./tables";

export type CsvWords = { suppressed: string; withheld: string };

function publishedCell(cell: Cell, hidden: ReadonlySet<string>, threshold: number, words: CsvWords): string {
  const state = protectedCell(cell, hidden, threshold);
  if (state === "suppressed") return words.suppressed;
  if (state === "withheld") return words.withheld;
  switch (cell.kind) {
    case "count":
      return String(cell.value);
    case "rate":
      return `${((cell.part / cell.whole) * 100).toFixed(1)}%`;
    case "days":
      return cell.value === null ? "" : String(cell.value);
    case "text":
      return cell.text;
  }
}

// Characters that make a spreadsheet read a cell as a formula (full-width forms included:
// some spreadsheets accept them), and the separators a spreadsheet may split a line on
// (comma, semicolon in much of Europe, tab, pipe).
const FORMULA_START = "=+\\-@\\t\\r\uff1d\uff0b\uff0d\uff20";
const SEPARATORS = ",;\\t|";
// A formula at the start of the value, or after a separator: a spreadsheet that splits on
// ";" turns "Tŷ Gwyn;=HYPERLINK(…)" into a cell of its own that starts with "=".
const RISKY = new RegExp(`(^|[${SEPARATORS}])\\s*[${FORMULA_START}]`);

// RFC 4180 quoting, and cells a spreadsheet could run made inert: a risky value gets an
// apostrophe in front (shown as text, not run) and is always quoted, so that no separator
// inside it can start a new cell.
export function csvField(value: string): string {
  const risky = RISKY.test(value);
  const inert = risky ? `'${value}` : value;
  return risky || /[",;|\t\r\n]/.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert;
}

export function csvOf(
  table: DashboardTable,
  hidden: ReadonlySet<string>,
  threshold: number,
  words: CsvWords,
): string {
  const lines = [
    [table.rowHeader, ...table.columns],
    ...table.rows.map((row) => [
      row.header,
      ...row.cells.map((cell) => publishedCell(cell, hidden, threshold, words)),
    ]),
  ];
  // The byte-order mark tells spreadsheets the file is UTF-8 (Welsh place names included).
  return `\ufeff${lines.map((line) => line.map(csvField).join(",")).join("\r\n")}\r\n`;
}
