// The floor: the one query a person would write by hand to count the funnel straight from
// the records, with the same definitions as lib/dashboard/definitions.ts. The dashboard is
// compared with it.
import { Prisma } from "@/lib/generated/prisma/client";

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

// The same funnel read from the monthly summaries the dashboard keeps: what one query
// costs once the counting has been done as reports were recorded.
export function summaryFunnel(unitId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT sum(reports)::int AS received, sum(recorded)::int AS recorded, sum(identified)::int AS identified,
      sum(supported)::int AS supported, sum(cps)::int AS cps, sum(charged)::int AS charged,
      sum(convicted)::int AS convicted, sum(open)::int AS open
    FROM "DashboardMonthlyCount"
    WHERE "unitId" = ${unitId}::uuid AND "officerKey" = '' AND dimension = 'all'`;
}
