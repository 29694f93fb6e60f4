// Which views may leave the unit (CSV downloads and print): the unit's whole view (a
// filtered or one-officer view is a part of it that could be subtracted from the whole),
// for one complete financial year (periods that overlap or nest could be subtracted from
// each other). docs/decisions/009-honest-figures.md says why.
import { hasReportFilters, isCompleteFinancialYear } from "./filters";
import type { Dashboard } from "./queries";

export function isPublishable(d: Dashboard): boolean {
  return (
    d.scope === "unit" &&
    !d.filters.officer &&
    !hasReportFilters(d.filters) &&
    isCompleteFinancialYear(d.period, d.currentMonth)
  );
}
