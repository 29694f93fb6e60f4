-- AlterTable
ALTER TABLE "DashboardReportFact" ADD COLUMN     "openUpdatesDue" DATE[];

-- Victims' Code updates not yet made, by the UK date each is due: counted in the summaries
-- (dimension "updateDue", one cell per update), so the dashboard can tell overdue from not
-- yet due without joining every open update to its report.
CREATE OR REPLACE FUNCTION dashboard_fact_rows(report_ids uuid[]) RETURNS SETOF "DashboardReportFact"
LANGUAGE sql STABLE AS $$
  SELECT
    r.id,
    r."unitId",
    r."personId",
    r."assignedOfficerId",
    r."reportedAt",
    dashboard_month(r."reportedAt"),
    r."reportingRoute",
    r."incidentTypes",
    r."personWants",
    r."relationship",
    p."workSetting",
    NULLIF(btrim(r."area"), ''),
    s.stage,
    r."status" = 'OPEN',
    o.outcome,
    CASE WHEN o.outcome IN ('OUTCOME_14', 'OUTCOME_16') THEN o."withdrawalReasons" ELSE '{}' END,
    CASE WHEN e.charged_on IS NOT NULL THEN GREATEST(e.charged_on - d.reported_on, 0) END,
    CASE WHEN e.outcome_on IS NOT NULL THEN GREATEST(e.outcome_on - d.reported_on, 0) END,
    (CASE WHEN s.stage >= 5 THEN GREATEST(e.suspects_charged, 1) ELSE 0 END)::smallint,
    q.started_quiet,
    q.started_quiet AND r."personWants" = 'FULL_INVESTIGATION',
    EXISTS (
      SELECT 1 FROM "IncidentReport" earlier
      WHERE earlier."personId" = r."personId"
        AND (earlier."reportedAt", earlier.id) < (r."reportedAt", r.id)
    ),
    u.on_time,
    u.late,
    u.open_due
  FROM "IncidentReport" r
  LEFT JOIN "Person" p ON p.id = r."personId"
  CROSS JOIN LATERAL (SELECT (r."reportedAt" AT TIME ZONE 'Europe/London')::date AS reported_on) d
  CROSS JOIN LATERAL (
    SELECT
      coalesce(bool_or(ev.type IN ('CRIME_RECORDED', 'OUTCOME_RECORDED')), false) AS recorded,
      coalesce(bool_or(
        ev.type IN ('SUSPECT_IDENTIFIED', 'ARRESTED', 'INTERVIEWED_UNDER_CAUTION', 'RELEASED')
        OR ev.outcome IN ('OUTCOME_15', 'OUTCOME_16')), false) AS identified,
      coalesce(bool_or(ev.type = 'FILE_TO_CPS'), false) AS cps,
      coalesce(bool_or(ev.type = 'CHARGED' OR ev.outcome IN ('OUTCOME_1', 'OUTCOME_1A')), false) AS charged,
      coalesce(bool_or(
        ev.type = 'COURT_RESULT' AND ev."courtResult" IN ('CONVICTED', 'CONVICTED_ALTERNATIVE')), false) AS convicted,
      min(ev."occurredOn") FILTER (
        WHERE ev.type = 'CHARGED' OR ev.outcome IN ('OUTCOME_1', 'OUTCOME_1A')) AS charged_on,
      min(ev."occurredOn") FILTER (WHERE ev.type = 'OUTCOME_RECORDED') AS outcome_on,
      count(DISTINCT coalesce(ev."suspectId", ev.id)) FILTER (WHERE ev.type = 'CHARGED') AS suspects_charged
    FROM "CaseEvent" ev
    WHERE ev."reportId" = r.id
  ) e
  LEFT JOIN LATERAL (
    SELECT ev.outcome, ev."withdrawalReasons"
    FROM "CaseEvent" ev
    WHERE ev."reportId" = r.id AND ev.type = 'OUTCOME_RECORDED' AND ev.outcome IS NOT NULL
    ORDER BY ev."occurredOn" DESC, ev."createdAt" DESC, ev.id DESC
    LIMIT 1
  ) o ON true
  CROSS JOIN LATERAL (
    SELECT
      (count(*) FILTER (WHERE v."clearedAt" <= v."dueBy"))::smallint AS on_time,
      (count(*) FILTER (WHERE v."clearedAt" > v."dueBy"))::smallint AS late,
      coalesce(
        array_agg((v."dueBy" AT TIME ZONE 'Europe/London')::date ORDER BY v."dueBy") FILTER (WHERE v."clearedAt" IS NULL),
        '{}'
      ) AS open_due
    FROM "VictimUpdate" v
    WHERE v."reportId" = r.id
  ) u
  CROSS JOIN LATERAL (
    SELECT r."initialPersonWants" IN ('INTELLIGENCE_ONLY', 'ANONYMOUS_CONTACT')
        OR r."reportingRoute" = 'ANONYMOUS_INTELLIGENCE' AS started_quiet
  ) q
  CROSS JOIN LATERAL (
    SELECT (CASE
      WHEN e.convicted THEN 6
      WHEN e.charged THEN 5
      WHEN e.cps THEN 4
      WHEN e.identified AND r."personWants" = 'FULL_INVESTIGATION'
        AND o.outcome IS DISTINCT FROM 'OUTCOME_14' AND o.outcome IS DISTINCT FROM 'OUTCOME_16' THEN 3
      WHEN e.identified THEN 2
      WHEN e.recorded OR r."crimeRecorded" = 'YES' THEN 1
      ELSE 0
    END)::smallint AS stage
  ) s
  WHERE r.id = ANY(report_ids)
$$;

CREATE OR REPLACE FUNCTION dashboard_refresh_facts(report_ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF report_ids IS NULL OR cardinality(report_ids) = 0 THEN
    RETURN;
  END IF;
  PERFORM 1 FROM "Person" p
  WHERE p.id IN (SELECT r."personId" FROM "IncidentReport" r WHERE r.id = ANY(report_ids))
  ORDER BY p.id
  FOR NO KEY UPDATE OF p;
  PERFORM 1 FROM "IncidentReport" r WHERE r.id = ANY(report_ids) ORDER BY r.id FOR NO KEY UPDATE OF r;

  DELETE FROM "DashboardReportFact" f
  WHERE f."reportId" = ANY(report_ids)
    AND NOT EXISTS (SELECT 1 FROM "IncidentReport" r WHERE r.id = f."reportId");

  INSERT INTO "DashboardReportFact" AS t
  SELECT * FROM dashboard_fact_rows(report_ids)
  ON CONFLICT ("reportId") DO UPDATE SET
    "unitId" = EXCLUDED."unitId",
    "personId" = EXCLUDED."personId",
    "officerId" = EXCLUDED."officerId",
    "reportedAt" = EXCLUDED."reportedAt",
    "month" = EXCLUDED."month",
    "reportingRoute" = EXCLUDED."reportingRoute",
    "incidentTypes" = EXCLUDED."incidentTypes",
    "personWants" = EXCLUDED."personWants",
    "relationship" = EXCLUDED."relationship",
    "workSetting" = EXCLUDED."workSetting",
    "area" = EXCLUDED."area",
    "stage" = EXCLUDED."stage",
    "isOpen" = EXCLUDED."isOpen",
    "outcome" = EXCLUDED."outcome",
    "withdrawalReasons" = EXCLUDED."withdrawalReasons",
    "daysToCharge" = EXCLUDED."daysToCharge",
    "daysToOutcome" = EXCLUDED."daysToOutcome",
    "suspectsCharged" = EXCLUDED."suspectsCharged",
    "startedQuiet" = EXCLUDED."startedQuiet",
    "converted" = EXCLUDED."converted",
    "isRepeat" = EXCLUDED."isRepeat",
    "updatesOnTime" = EXCLUDED."updatesOnTime",
    "updatesLate" = EXCLUDED."updatesLate",
    "openUpdatesDue" = EXCLUDED."openUpdatesDue"
  WHERE (t.*) IS DISTINCT FROM (EXCLUDED.*);
END
$$;

CREATE OR REPLACE FUNCTION dashboard_fact_cells(f "DashboardReportFact")
RETURNS TABLE (
  "officerKey" text, dimension text, value text,
  reports int, recorded int, identified int, supported int, cps int, charged int, convicted int,
  open int, "suspectsCharged" int, "startedQuiet" int, converted int, repeat int,
  "updatesOnTime" int, "updatesLate" int
)
LANGUAGE sql STABLE AS $$
  SELECT
    k.key, c.dimension, c.value,
    1, (f.stage >= 1)::int, (f.stage >= 2)::int, (f.stage >= 3)::int, (f.stage >= 4)::int,
    (f.stage >= 5)::int, (f.stage >= 6)::int,
    f."isOpen"::int, f."suspectsCharged"::int, f."startedQuiet"::int, f.converted::int,
    f."isRepeat"::int, f."updatesOnTime"::int, f."updatesLate"::int
  FROM (SELECT ''::text AS key UNION ALL SELECT f."officerId"::text WHERE f."officerId" IS NOT NULL) k
  CROSS JOIN LATERAL (
    SELECT 'all'::text AS dimension, ''::text AS value
    UNION ALL SELECT 'route', f."reportingRoute"::text
    UNION ALL SELECT 'wants', f."personWants"::text
    UNION ALL SELECT 'setting', coalesce(f."workSetting"::text, '')
    UNION ALL SELECT 'relationship', f."relationship"::text
    UNION ALL SELECT 'area', coalesce(f."area", '')
    UNION ALL SELECT 'officer', coalesce(f."officerId"::text, '') WHERE k.key = ''
    UNION ALL SELECT 'type', t
      FROM unnest(CASE WHEN cardinality(f."incidentTypes") > 0 THEN f."incidentTypes"::text[] ELSE ARRAY[''] END) t
    UNION ALL SELECT 'outcome', coalesce(f.outcome::text, CASE WHEN f."isOpen" THEN 'PENDING' ELSE 'NONE' END)
    UNION ALL SELECT 'reason', w
      FROM unnest(CASE WHEN f.outcome IN ('OUTCOME_14', 'OUTCOME_16') THEN
        CASE WHEN cardinality(f."withdrawalReasons") > 0 THEN f."withdrawalReasons"::text[] ELSE ARRAY['NOT_RECORDED'] END
      END) w
    UNION ALL SELECT 'openStage', f.stage::text WHERE f."isOpen"
    UNION ALL SELECT 'daysToCharge', f."daysToCharge"::text WHERE f."daysToCharge" IS NOT NULL
    UNION ALL SELECT 'daysToOutcome', f."daysToOutcome"::text WHERE f."daysToOutcome" IS NOT NULL
    UNION ALL SELECT 'updateDue', to_char(d, 'YYYY-MM-DD') FROM unnest(f."openUpdatesDue") d
  ) c
$$;

-- Facts written before this migration lack the new column: rebuild them and their counts.
SELECT dashboard_rebuild(u."unitId") FROM (SELECT DISTINCT "unitId" FROM "DashboardReportFact") u;
