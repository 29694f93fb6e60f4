// Where each count on the dashboard leads: the list of the reports it counts, at
// /dashboard/reports with the view's filters and what the figure selects. Only filters and
// stage names go in the link. An area filter is free text that could point at a person,
// so while one is chosen the counts are not links (the page says so).
import { STAGES } from "./definitions";
import { filtersToSearchParams, NOT_ASSESSED, NOT_RECORDED, type DashboardFilters } from "./filters";
import type { Dashboard } from "./queries";
import type { DrillSelection } from "./drill-down";
import type { TableKey } from "./tables";

export const DRILL_PATH = "/dashboard/reports";

export function drillHref(filters: DashboardFilters, selection: DrillSelection): string | null {
  if (filters.area) return null;
  const params = filtersToSearchParams(filters);
  for (const [key, value] of Object.entries(selection)) if (value) params.set(key, String(value));
  return `${DRILL_PATH}?${params.toString()}`;
}

// Breakdown values that are filters of the dashboard, and those that only the list knows.
function breakdownSelection(
  dimension: string,
  key: string,
): { filters?: Partial<DashboardFilters>; selection?: DrillSelection } | null {
  switch (dimension) {
    case "route":
      return { filters: { route: (key || NOT_RECORDED) as DashboardFilters["route"] } };
    case "risk":
      return { filters: { risk: (key || NOT_ASSESSED) as DashboardFilters["risk"] } };
    case "type":
      return key ? { filters: { type: key as DashboardFilters["type"] } } : null;
    case "officer":
      return key ? { filters: { officer: key } } : null;
    case "wants":
      return { selection: { wants: key as DrillSelection["wants"] } };
    case "setting":
      return { selection: { setting: (key || NOT_RECORDED) as DrillSelection["setting"] } };
    case "relationship":
      return { selection: { relationship: key as DrillSelection["relationship"] } };
    default:
      return null; // area: never in a link
  }
}

// A breakdown row's columns: the stages, the reports the person supports, two rates, open.
function breakdownColumn(column: number): DrillSelection | null {
  const stage = STAGES[column];
  if (stage) return column === 0 ? {} : { reached: stage };
  if (column === STAGES.length) return { supported: "yes" };
  if (column === STAGES.length + 3) return { open: "yes" };
  return null;
}

// The link for one count cell of one table, or null when it has none.
export function cellDrillHref(d: Dashboard, table: TableKey, rowKey: string, column: number): string | null {
  const f = d.filters;
  switch (table) {
    case "headline": {
      const byRow: Record<string, DrillSelection> = {
        received: {},
        charged: { reached: "charged" },
        convicted: { reached: "convicted" },
        supported: { supported: "yes" },
      };
      const selection = byRow[rowKey];
      return column === 0 && selection ? drillHref(f, selection) : null;
    }
    case "funnel": {
      const stage = STAGES.find((s) => s === rowKey);
      if (!stage) return null;
      if (column === 0) return drillHref(f, stage === "received" ? {} : { reached: stage });
      if (column === 3) return drillHref(f, { reached: stage, supported: "yes" });
      if (column === 4) return drillHref(f, { stopped: stage, state: "open" });
      if (column === 5) return drillHref(f, { stopped: stage, state: "closed" });
      return null;
    }
    case "outcomes":
      return column === 0 ? drillHref(f, { outcome: rowKey as DrillSelection["outcome"] }) : null;
    case "trend-month": {
      const byColumn: Record<number, DrillSelection> = {
        0: {},
        1: { reached: "charged" },
        3: { reached: "convicted" },
        5: { open: "yes" },
      };
      const selection = byColumn[column];
      return selection ? drillHref({ ...f, period: "custom", from: rowKey, to: rowKey }, selection) : null;
    }
    default: {
      if (!table.startsWith("breakdown-")) return null;
      const choice = breakdownSelection(table.slice("breakdown-".length), rowKey);
      const selection = breakdownColumn(column);
      if (!choice || !selection) return null;
      // A row of a view already filtered on the same thing, to another value (a report of
      // several types under a type filter), is not what the filter alone would select.
      const clash = Object.entries(choice.filters ?? {}).some(
        ([k, v]) => f[k as keyof DashboardFilters] !== undefined && f[k as keyof DashboardFilters] !== v,
      );
      if (clash) return null;
      return drillHref({ ...f, ...choice.filters }, { ...choice.selection, ...selection });
    }
  }
}
