// The floors the dashboard is compared with. For each view, the one statement a person would
// write by hand to get every count the view shows, from the cheapest place the database
// holds them: the monthly summaries for no report filter or one (the per-filter summaries);
// for two or more, the dashboard's own statement over the per-report facts, the cheapest
// single statement we know for those counts. The page itself runs that much and more (its
// transaction, the officer and area lists, contacts, referrals and the audit write); the
// ratio of the two is what the page adds. The funnel counted straight from the records is
// kept for scale: what any of it would cost without summaries.
import { Prisma } from "@/lib/generated/prisma/client";
import { cellsQuery, singleFilterOf, type Scope } from "@/lib/dashboard/queries";
import type { DashboardFilters, MonthRange } from "@/lib/dashboard/filters";

const MEASURES = Prisma.raw(
  [
    "reports",
    "recorded",
    "identified",
    "supported",
    "cps",
    "charged",
    "convicted",
    "open",
    "suspectsCharged",
    "startedQuiet",
    "converted",
    "repeat",
    "updatesOnTime",
    "updatesLate",
  ]
    .map((m) => `sum("${m}")::int AS "${m}"`)
    .join(", "),
);

// `filters` carries the area's own name, not its key.
export function floorOf(scope: Scope, filters: DashboardFilters, range: MonthRange): Prisma.Sql {
  const single = singleFilterOf(filters);
  if (single === undefined) return cellsQuery(scope, filters, range, "facts");
  const months = Prisma.sql`${range.from ? Prisma.sql`AND "month" >= ${`${range.from}-01`}::date` : Prisma.empty}
    AND "month" <= ${`${range.to}-01`}::date`;
  const table = single
    ? Prisma.sql`"DashboardFilterCount" WHERE filter = ${single.filter} AND "filterValue" = ${single.value} AND`
    : Prisma.sql`"DashboardMonthlyCount" WHERE`;
  return Prisma.sql`
    SELECT dimension, value, CASE WHEN dimension = 'all' THEN "month" END AS "month", ${MEASURES}
    FROM ${table} "unitId" = ${scope.unitId}::uuid AND "officerKey" = ${scope.officerKey} ${months}
    GROUP BY 1, 2, 3`;
}

export function handWrittenFunnel(unitId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT count(*)::int AS received,
      count(*) FILTER (WHERE s.stage >= 1)::int AS recorded,
      count(*) FILTER (WHERE s.stage >= 2)::int AS identified,
      count(*) FILTER (WHERE s.supported)::int AS supported,
      count(*) FILTER (WHERE s.stage >= 3)::int AS cps,
      count(*) FILTER (WHERE s.stage >= 4)::int AS charged,
      count(*) FILTER (WHERE s.stage >= 5)::int AS convicted,
      count(*) FILTER (WHERE s.open)::int AS open
    FROM (
      SELECT r.status = 'OPEN' AS open,
        r."personWants" = 'FULL_INVESTIGATION'
          AND coalesce(e.last_outcome NOT IN ('OUTCOME_14', 'OUTCOME_16'), true) AS supported,
        CASE
        WHEN e.convicted THEN 5
        WHEN e.charged THEN 4
        WHEN e.cps THEN 3
        WHEN e.identified THEN 2
        WHEN e.recorded OR r."crimeRecorded" = 'YES' THEN 1
        ELSE 0 END AS stage
      FROM "IncidentReport" r
      LEFT JOIN (
        SELECT ev."reportId",
          bool_or(ev.type IN ('CRIME_RECORDED', 'OUTCOME_RECORDED')) AS recorded,
          bool_or(ev.type IN ('SUSPECT_IDENTIFIED', 'ARRESTED', 'INTERVIEWED_UNDER_CAUTION', 'RELEASED', 'CHARGED')
            OR ev.outcome NOT IN ('OUTCOME_14', 'OUTCOME_18', 'OUTCOME_19', 'OUTCOME_20', 'OUTCOME_21')) AS identified,
          bool_or(ev.type = 'FILE_TO_CPS') AS cps,
          bool_or(ev.type = 'CHARGED' OR ev.outcome IN ('OUTCOME_1', 'OUTCOME_1A')) AS charged,
          bool_or(ev.type = 'COURT_RESULT' AND ev."courtResult" IN ('CONVICTED', 'CONVICTED_ALTERNATIVE')) AS convicted,
          (array_agg(ev.outcome ORDER BY ev."occurredOn" DESC, ev."createdAt" DESC, ev.id DESC)
            FILTER (WHERE ev.type = 'OUTCOME_RECORDED' AND ev.outcome IS NOT NULL))[1] AS last_outcome
        FROM "CaseEvent" ev
        GROUP BY ev."reportId"
      ) e ON e."reportId" = r.id
      WHERE r."unitId" = ${unitId}::uuid
    ) s`;
}
