import type { ReactNode } from "react";

export type Column<Row> = { header: string; cell: (row: Row) => ReactNode; rowHeader?: boolean };

// A plain, accessible table: a caption, column headers with scope, a row header per row.
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
}: {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <caption className="mb-2 text-left font-bold">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" className="border-b-2 border-ink px-2 py-2">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className="border-b border-line align-top">
              {columns.map((c) =>
                c.rowHeader ? (
                  <th key={c.header} scope="row" className="px-2 py-2 font-normal">
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.header} className="px-2 py-2">
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
