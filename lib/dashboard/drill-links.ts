// Where each count on the dashboard leads: the list of the reports it counts, at
// /dashboard/reports with the view's filters and what the figure selects. Only filters and
// fixed names (stages, age bands, yes-flags) go in the link. Counts of updates, contacts and
// referrals are not counts of reports and have no link. An area filter is free text that could point at a person,
// so while one is chosen the counts are not links (the page says so).
import { AGE_BANDS, STAGES, type AgeBand } from "./definitions";
import {
  addMonths,
  filtersToSearchParams,
  NOT_ASSESSED,
  NOT_RECORDED,
  type DashboardFilters,
  type MonthRange,
} from "./filters";
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

// The trend tables' counts: received, charged, convicted, still open (the rest are rates).
const TREND_COLUMNS: Record<number, DrillSelection> = {
  0: {},
  1: { reached: "charged" },
  3: { reached: "convicted" },
  5: { open: "yes" },
};

// "2026-Q1" as its months (January to March) that fall within the period, or null.
export function quarterMonths(quarter: string, period: MonthRange): { from: string; to: string } | null {
  const match = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!match) return null;
  const first = `${match[1]}-${String((Number(match[2]) - 1) * 3 + 1).padStart(2, "0")}`;
  const last = addMonths(first, 2);
  const from = period.from && period.from > first ? period.from : first;
  const to = period.to < last ? period.to : last;
  return from <= to ? { from, to } : null;
}

type Choice = { filters?: Partial<DashboardFilters>; selection?: DrillSelection };

// The trust table's lines that count reports: the count, and what it is out of.
const TRUST_LINES: Record<string, { part: Choice; whole: Choice }> = {
  direct: { part: { filters: { route: "DIRECT_TO_LIAISON_OFFICER" } }, whole: {} },
  viaPartner: { part: { filters: { route: "PARTNER_AGENCY" } }, whole: {} },
  startedQuiet: { part: { selection: { startedQuiet: "yes" } }, whole: {} },
  converted: { part: { selection: { converted: "yes" } }, whole: { selection: { startedQuiet: "yes" } } },
  repeat: { part: { selection: { repeat: "yes" } }, whole: {} },
};

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
      const selection = TREND_COLUMNS[column];
      return selection ? drillHref({ ...f, period: "custom", from: rowKey, to: rowKey }, selection) : null;
    }
    case "trend-quarter": {
      // A quarter's row counts only its months inside the view's period.
      const months = quarterMonths(rowKey, d.period);
      const selection = TREND_COLUMNS[column];
      return selection && months ? drillHref({ ...f, period: "custom", ...months }, selection) : null;
    }
    case "open-age":
      return column === 0 && AGE_BANDS.some((b) => b.key === rowKey)
        ? drillHref(f, { open: "yes", age: rowKey as AgeBand })
        : null;
    case "trust": {
      // Referrals are not reports: no list to lead to. The "out of" column is a count of
      // reports too, and leads to its own.
      const line = TRUST_LINES[rowKey];
      const part = column === 0 ? line?.part : column === 1 ? line?.whole : undefined;
      if (!part) return null;
      const route = part.filters?.route;
      if (route && f.route && f.route !== route) return null;
      return drillHref({ ...f, ...part.filters }, part.selection ?? {});
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
