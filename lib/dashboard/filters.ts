// The dashboard's filters live in the URL, so a view can be bookmarked and shared. Every
// value is checked; one that is not understood falls back to its default and is named in
// `problems`, so the page can say what it ignored instead of failing.
import { z } from "zod";
import { IncidentType, ReportingRoute, RiskLevel } from "@/lib/generated/prisma/enums";
import { isUuid } from "@/lib/ids";
import { londonWallClock } from "@/lib/time/london";

export const PERIODS = [
  "all",
  "last-quarter",
  "last-12-months",
  "this-financial-year",
  "last-financial-year",
  "custom",
] as const;
export type PeriodPreset = (typeof PERIODS)[number];

// Values for "not answered": a report whose route was not recorded, or whose risk has not
// been assessed.
export const NOT_RECORDED = "NOT_RECORDED";
export const NOT_ASSESSED = "NOT_ASSESSED";

export type DashboardFilters = {
  period: PeriodPreset;
  from?: string; // YYYY-MM, with period "custom"
  to?: string;
  type?: IncidentType;
  route?: ReportingRoute | typeof NOT_RECORDED;
  // A key standing for the area (lib/dashboard/area-key.ts): addresses carry no free text.
  area?: string;
  officer?: string;
  risk?: RiskLevel | typeof NOT_ASSESSED;
  // Only the incident types that match the study's definition (violence and threats).
  violence?: true;
};

export type FilterField = "period" | "type" | "route" | "area" | "officer" | "risk" | "violence";

export const DEFAULT_FILTERS: DashboardFilters = { period: "all" };

const month = z.string().regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/);
const fields = {
  period: z.enum(PERIODS),
  type: z.enum(Object.values(IncidentType) as [IncidentType, ...IncidentType[]]),
  route: z.enum([NOT_RECORDED, ...Object.values(ReportingRoute)]),
  // The key that stands for an area (area-key.ts), never the area's own words.
  area: z.string().regex(/^[A-Za-z0-9_-]{16}$/),
  officer: z.string().refine(isUuid),
  risk: z.enum([NOT_ASSESSED, ...Object.values(RiskLevel)]),
  violence: z.literal("yes").transform(() => true as const),
};

const FILTER_KEYS = ["type", "route", "area", "officer", "risk", "violence"] as const;

type Raw = Record<string, string | string[] | undefined>;

// One value per field: a repeated parameter is not understood, and an empty one is unset.
function single(raw: Raw, key: string): string | undefined | null {
  const value = raw[key];
  if (Array.isArray(value)) return null;
  return value === undefined || value === "" ? undefined : value;
}

export function parseFilters(raw: Raw): { filters: DashboardFilters; problems: FilterField[] } {
  const filters: DashboardFilters = { ...DEFAULT_FILTERS };
  const problems: FilterField[] = [];
  for (const key of FILTER_KEYS) {
    const value = single(raw, key);
    if (value === undefined) continue;
    const parsed = fields[key].safeParse(value);
    if (parsed.success) Object.assign(filters, { [key]: parsed.data });
    else problems.push(key);
  }
  const period = single(raw, "period");
  const from = single(raw, "from");
  const to = single(raw, "to");
  const wantsCustom =
    period === "custom" || (period === undefined && (from !== undefined || to !== undefined));
  if (wantsCustom) {
    const a = month.safeParse(from);
    const b = month.safeParse(to);
    if (a.success && b.success && a.data <= b.data)
      Object.assign(filters, { period: "custom", from: a.data, to: b.data });
    else problems.push("period");
  } else if (period !== undefined) {
    const parsed = fields.period.safeParse(period);
    if (parsed.success) filters.period = parsed.data;
    else problems.push("period");
  }
  return { filters, problems };
}

// The query string for a set of filters, leaving out defaults so that links stay short.
export function filtersToSearchParams(filters: DashboardFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.period !== "all") params.set("period", filters.period);
  if (filters.period === "custom" && filters.from && filters.to) {
    params.set("from", filters.from);
    params.set("to", filters.to);
  }
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value === true) params.set(key, "yes");
    else if (value) params.set(key, value);
  }
  return params;
}

export function withFilter(filters: DashboardFilters, change: Partial<DashboardFilters>): string {
  const query = filtersToSearchParams({ ...filters, ...change }).toString();
  return query ? `?${query}` : "";
}

// The current month in UK time, as YYYY-MM.
export function currentMonth(now: Date): string {
  const { year, month } = londonWallClock(now);
  return `${year}-${String(month).padStart(2, "0")}`;
}

export function addMonths(month: string, count: number): string {
  const [y, m] = month.split("-").map(Number);
  const index = (y ?? 0) * 12 + ((m ?? 1) - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

// Whole months, first and last included; `from` is null for "all time".
export type MonthRange = { from: string | null; to: string };

export function resolvePeriod(filters: DashboardFilters, now: Date): MonthRange {
  const current = currentMonth(now);
  const [year, m] = current.split("-").map(Number) as [number, number];
  // The UK financial year runs from April to March.
  const fyStart = m >= 4 ? `${year}-04` : `${year - 1}-04`;
  switch (filters.period) {
    case "last-quarter": {
      const quarterStart = addMonths(current, -((m - 1) % 3));
      return { from: addMonths(quarterStart, -3), to: addMonths(quarterStart, -1) };
    }
    case "last-12-months":
      return { from: addMonths(current, -11), to: current };
    case "this-financial-year":
      return { from: fyStart, to: current };
    case "last-financial-year":
      return { from: addMonths(fyStart, -12), to: addMonths(fyStart, -1) };
    case "custom":
      return { from: filters.from ?? current, to: filters.to ?? current };
    case "all":
      return { from: null, to: current };
  }
}

// Figures that leave the unit (downloads and print) are published for one complete
// financial year (April to March) at a time and nothing else, so that no two published
// periods overlap or nest: one could otherwise be subtracted from the other to give back a
// count hidden in either (all time minus the last 12 months gives the months before; a year
// minus three of its quarters gives the fourth). "Last financial year" is one, and so are
// the months of any earlier complete year chosen by hand. Rolling windows, quarters, the
// year so far and "all time" are not. Returns the year's months, or null.
export function publishedYear(filters: DashboardFilters, now: Date): MonthRange | null {
  const range = resolvePeriod(filters, now);
  return isCompleteFinancialYear(range, currentMonth(now)) ? range : null;
}

// April to the March after, and that March over (`current` is this month, UK time).
export function isCompleteFinancialYear(range: MonthRange, current: string): boolean {
  if (!range.from || !range.from.endsWith("-04")) return false;
  return range.to === addMonths(range.from, 11) && range.to < current;
}

export function hasReportFilters(filters: DashboardFilters): boolean {
  return Boolean(filters.type || filters.route || filters.area || filters.risk || filters.violence);
}
