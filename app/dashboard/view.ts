// What every section of the dashboard page needs: the figures, their tables, the words
// and number formats, and the link that downloads a table with the same filters.
import type { getFormatter, getTranslations } from "next-intl/server";
import type { Dashboard } from "@/lib/dashboard/queries";
import { withFilter } from "@/lib/dashboard/filters";
import type { Cell, DashboardTable, TableKey } from "@/lib/dashboard/tables";
import { protectedCell } from "@/lib/dashboard/relations";

export type Translator = Awaited<ReturnType<typeof getTranslations>>;
export type Formatter = Awaited<ReturnType<typeof getFormatter>>;

export type DashboardView = {
  d: Dashboard;
  tables: Partial<Record<TableKey, DashboardTable>>;
  t: Translator;
  format: Formatter;
  // The counts hidden when the view is printed (primary and secondary suppression).
  hidden: ReadonlySet<string>;
  threshold: number;
  // Only the unit's whole view is published (lib/dashboard/export.ts).
  exportable: boolean;
};

export function percentOf(format: Formatter, part: number, whole: number, none: string): string {
  if (whole <= 0) return none;
  return format.number(part / whole, {
    style: "percent",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
}

// Exact figures: the page is for the unit's own staff (the export is what gets published).
export function cellText(view: DashboardView, cell: Cell): string {
  const { format, t } = view;
  switch (cell.kind) {
    case "count":
      return format.number(cell.value);
    case "rate":
      return percentOf(format, cell.part, cell.whole, t("dashboard.labels.noReports"));
    case "days":
      return cell.value === null ? t("dashboard.labels.none") : format.number(cell.value);
    case "text":
      return cell.text;
  }
}

// What print shows: the published figure, or the same words the CSV uses.
export function printedText(view: DashboardView, cell: Cell): string {
  const state = protectedCell(cell, view.hidden, view.threshold);
  if (state === "suppressed") return view.t("dashboard.export.suppressed");
  if (state === "withheld") return view.t("dashboard.export.withheld");
  return cellText(view, cell);
}

export function csvHref(view: DashboardView, table: TableKey): string {
  return `/api/dashboard/export/${table}${withFilter(view.d.filters, {})}`;
}

export function monthLabel(format: Formatter, month: string): string {
  return format.dateTime(new Date(`${month}-15T12:00:00Z`), {
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
}
