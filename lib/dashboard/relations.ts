// The sums that tie the dashboard's published counts together, and the suppression of one
// view as a whole. A reader who downloads every table of a view holds all of these at once:
// each single-valued breakdown adds up to the cohort, months to the cohort and to their
// quarters, each funnel stage to the next stage plus the reports that stopped there, and so
// on. Suppression (lib/dashboard/small-numbers.ts) hides enough that none of these sums
// gives a hidden count back. Sums that do not hold (incident types and reasons, where a
// report can count under several values) are left out: they give a reader nothing.
import { quarterOf, STAGE_COUNT_KEYS } from "./definitions";
import { suppress, sumOf, type Relation } from "./small-numbers";
import { ALL, BREAKDOWN_MEASURES, idOf, TREND_MEASURES, type Cell, type DashboardTable } from "./tables";
import type { Dashboard } from "./queries";

// Dimensions where each report has exactly one value (including "not recorded").
const PARTITIONS = ["route", "wants", "risk", "setting", "relationship", "area", "officer"] as const;

export function dashboardRelations(d: Dashboard): Relation[] {
  const relations: Relation[] = [];
  const all = (k: string) => idOf(ALL, k);
  for (const { dimension, rows } of d.breakdowns) {
    if (!(PARTITIONS as readonly string[]).includes(dimension)) continue;
    for (const measure of BREAKDOWN_MEASURES)
      relations.push(
        sumOf(
          all(measure),
          rows.map((r) => idOf(`${dimension}=${r.key}`, measure)),
        ),
      );
  }
  // Reports with and without the person's support, at each stage.
  // (For the whole cohort, "supports action" is the headline's all:supported.)
  for (const key of STAGE_COUNT_KEYS) {
    const yes = key === "reports" ? all("supported") : idOf("support=YES", key);
    relations.push(sumOf(all(key), [yes, idOf("support=NO", key)]));
  }
  // Every report has one outcome value (pending and "none" included).
  relations.push(
    sumOf(
      all("reports"),
      d.outcomes.map((o) => idOf(`outcome=${o.key}`, "reports")),
    ),
  );
  relations.push(
    sumOf(
      "timeliness:toOutcome",
      d.outcomes
        .filter((o) => o.key !== "PENDING" && o.key !== "NONE")
        .map((o) => idOf(`outcome=${o.key}`, "reports")),
    ),
  );
  // The funnel: reached a stage = reached the next + stopped here (open or closed).
  const last = STAGE_COUNT_KEYS.length - 1;
  STAGE_COUNT_KEYS.forEach((key, i) => {
    const next = i < last ? [all(STAGE_COUNT_KEYS[i + 1] as string)] : [];
    relations.push(sumOf(all(key), [...next, `openStage=${i}`, `closedStage=${i}`]));
  });
  relations.push(
    sumOf(
      all("open"),
      STAGE_COUNT_KEYS.map((_, i) => `openStage=${i}`),
    ),
  );
  // Months add up to the period and to their quarters; open reports by age add up to the
  // months they were received in.
  for (const measure of TREND_MEASURES) {
    relations.push(
      sumOf(
        all(measure),
        d.months.map((m) => idOf(`month=${m.month}`, measure)),
      ),
    );
    for (const q of d.quarters)
      relations.push(
        sumOf(
          idOf(`quarter=${q.quarter}`, measure),
          d.months
            .filter((m) => quarterOf(m.month) === q.quarter)
            .map((m) => idOf(`month=${m.month}`, measure)),
        ),
      );
  }
  relations.push(
    sumOf(
      all("open"),
      d.openByAge.map((b) => `openAge=${b.band}`),
    ),
  );
  return relations;
}

// Every count a set of tables publishes, by id (the same quantity has the same id).
export function publishedCounts(tables: readonly DashboardTable[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const table of tables)
    for (const row of table.rows)
      for (const cell of row.cells) if (cell.kind === "count") counts.set(cell.id, cell.value);
  return counts;
}

// The ids to hide in every table of one view, whichever of them is downloaded or printed.
export function protectView(
  d: Dashboard,
  tables: Partial<Record<string, DashboardTable>>,
  threshold: number,
): Set<string> {
  const list = Object.values(tables).filter((t): t is DashboardTable => t !== undefined);
  // The cohort's own totals (received, charged, convicted…) are what a reader came for: other
  // counts are hidden in their place where that protects as well.
  return suppress(publishedCounts(list), dashboardRelations(d), threshold, (id) => id.startsWith(`${ALL}:`));
}

// What a cell shows once the view is protected: hidden, withheld (a share or days worked
// out from a hidden or small count), or its value.
export type ProtectedCell = "suppressed" | "withheld" | "shown";

export function protectedCell(cell: Cell, hidden: ReadonlySet<string>, threshold: number): ProtectedCell {
  const small = (n: number) => n > 0 && n < threshold;
  switch (cell.kind) {
    case "count":
      return hidden.has(cell.id) ? "suppressed" : "shown";
    case "rate":
      return cell.whole <= 0 ||
        small(cell.part) ||
        small(cell.whole) ||
        cell.from.some((id) => hidden.has(id))
        ? "withheld"
        : "shown";
    case "days":
      return small(cell.basis) || cell.from.some((id) => hidden.has(id)) ? "withheld" : "shown";
    case "text":
      return "shown";
  }
}
