import type { TableKey } from "@/lib/dashboard/tables";
import { cellDrillHref } from "@/lib/dashboard/drill-links";
import { cellText, csvHref, printedText, type DashboardView } from "./view";

// One dashboard table: caption, column and row headers with scope, the exact figures (each
// count a link to the reports it counts), and a link that downloads the same table (with
// small numbers suppressed) as CSV. In print, the suppressed figures stand in their place.
//
// A table can hold a few hundred figures, and each is sent twice (as HTML and again in the
// page's React payload), so a cell carries as little as it can: its look comes from
// dashboard.css, not classes; its links are plain anchors (a drill-down is a new page, and a
// framework link would prefetch every one of them that scrolls into view).
export function FigureTable({
  view,
  table: key,
  rowLink,
  wide = false,
}: {
  view: DashboardView;
  table: TableKey;
  rowLink?: (rowKey: string) => string | null;
  wide?: boolean;
}) {
  const table = view.tables[key];
  if (!table) return null;
  const { t } = view;
  return (
    <div className={`figure-table mb-6 ${wide ? "figure-table-wide" : ""}`}>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left">
          <caption className="mb-2 text-left font-bold">{table.caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="border-b-2 border-ink px-2 py-2 align-bottom">
                {table.rowHeader}
              </th>
              {table.columns.map((column) => (
                <th
                  key={column}
                  scope="col"
                  className="border-b-2 border-ink px-2 py-2 text-right align-bottom"
                >
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => {
              const href = rowLink?.(row.key) ?? null;
              return (
                <tr key={row.key}>
                  <th scope="row">
                    {href ? (
                      <a href={href} aria-label={t("dashboard.breakdowns.showOnly", { value: row.header })}>
                        {row.header}
                      </a>
                    ) : (
                      <span className="font-bold">{row.header}</span>
                    )}
                    {row.note && <span className="block text-sm text-muted">{row.note}</span>}
                  </th>
                  {row.cells.map((cell, i) => {
                    const exact = cellText(view, cell);
                    const printed = printedText(view, cell);
                    const drill = cell.kind === "count" ? cellDrillHref(view.d, key, row.key, i) : null;
                    const shown = drill ? (
                      <a
                        href={drill}
                        aria-label={t("dashboard.drill.label", {
                          count: exact,
                          column: table.columns[i] ?? "",
                          row: row.header,
                        })}
                      >
                        {exact}
                      </a>
                    ) : (
                      exact
                    );
                    // Most figures print as they show; only suppressed or withheld ones carry
                    // a second, printed form.
                    return (
                      <td key={i}>
                        {printed === exact ? (
                          shown
                        ) : (
                          <>
                            <span className="screen-only">{shown}</span>
                            <span className="print-only">{printed}</span>
                          </>
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {view.exportable && (
        <p className="no-print mt-2 text-sm">
          <a href={csvHref(view, key)} download>
            {t("dashboard.download", { table: table.caption })}
          </a>
        </p>
      )}
    </div>
  );
}
