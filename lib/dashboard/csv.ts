// A dashboard table as CSV for publication: small numbers suppressed, rates withheld where
// they come from them, and cells that a spreadsheet would run as a formula made inert.
import { publishCount, publishDerived, publishRate, type Published } from "./small-numbers";
import type { Cell, DashboardTable } from "./tables";

export type CsvWords = { fewerThan: string; withheld: string };

function shown<T>(p: Published<T>, words: CsvWords, format: (v: T) => string): string {
  if ("suppressed" in p) return words.fewerThan;
  if ("withheld" in p) return words.withheld;
  return format(p.shown);
}

function publishedCell(cell: Cell, threshold: number, words: CsvWords): string {
  switch (cell.kind) {
    case "count":
      return shown(publishCount(cell.value, threshold), words, String);
    case "rate":
      return shown(publishRate(cell.part, cell.whole, threshold), words, (r) => `${(r * 100).toFixed(1)}%`);
    case "days":
      return shown(publishDerived(cell.value, cell.basis, threshold), words, (v) =>
        v === null ? "" : String(v),
      );
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

export function csvOf(table: DashboardTable, threshold: number, words: CsvWords): string {
  const lines = [
    [table.rowHeader, ...table.columns],
    ...table.rows.map((row) => [
      row.header,
      ...row.cells.map((cell) => publishedCell(cell, threshold, words)),
    ]),
  ];
  // The byte-order mark tells spreadsheets the file is UTF-8 (Welsh place names included).
  return `\ufeff${lines.map((line) => line.map(csvField).join(",")).join("\r\n")}\r\n`;
}
