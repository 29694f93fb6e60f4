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

// RFC 4180 quoting; a leading =, +, -, @ or control character gets an apostrophe so that a
// spreadsheet shows it as text instead of evaluating it.
export function csvField(value: string): string {
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert;
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
