-- AlterTable
ALTER TABLE "DashboardReportFact" ADD COLUMN     "riskLevel" "RiskLevel",
ADD COLUMN     "supportsAction" BOOLEAN NOT NULL DEFAULT false;

-- ───────────────────────────── dashboard: figures that stay honest ─────────────────────────────
-- Issue 7. The stages are now a chain that only evidence can move a report along:
--   0 received · 1 crime recorded · 2 suspect identified · 3 file to CPS · 4 charged · 5 convicted
-- "Suspect identified" counts every event and outcome that implies a suspect (identified,
-- arrested, interviewed, released, charged; outcomes 1, 1A, 2–13, 15–17 and 22). Whether
-- the person supports action is no longer a stage: it is what the person said (a full
-- investigation, and no outcome 14 or 16 standing), kept as its own flag, so a charge
-- without the person's support (an evidence-led prosecution) is counted as such.
-- The report's current risk level is a new dimension. lib/dashboard/definitions.ts states
-- the same rules; the integration tests hold the two to each other.

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
    (CASE WHEN s.stage >= 4 THEN GREATEST(e.suspects_charged, 1) ELSE 0 END)::smallint,
    q.started_quiet,
    q.started_quiet AND r."personWants" = 'FULL_INVESTIGATION',
    EXISTS (
      SELECT 1 FROM "IncidentReport" earlier
      WHERE earlier."personId" = r."personId"
        AND (earlier."reportedAt", earlier.id) < (r."reportedAt", r.id)
    ),
    u.on_time,
    u.late,
    u.open_due,
    r."riskLevel",
    r."personWants" = 'FULL_INVESTIGATION'
      AND o.outcome IS DISTINCT FROM 'OUTCOME_14' AND o.outcome IS DISTINCT FROM 'OUTCOME_16'
  FROM "IncidentReport" r
  LEFT JOIN "Person" p ON p.id = r."personId"
  CROSS JOIN LATERAL (SELECT (r."reportedAt" AT TIME ZONE 'Europe/London')::date AS reported_on) d
  CROSS JOIN LATERAL (
    SELECT
      coalesce(bool_or(ev.type IN ('CRIME_RECORDED', 'OUTCOME_RECORDED')), false) AS recorded,
      coalesce(bool_or(
        ev.type IN ('SUSPECT_IDENTIFIED', 'ARRESTED', 'INTERVIEWED_UNDER_CAUTION', 'RELEASED', 'CHARGED')
        OR ev.outcome IN (
          'OUTCOME_1', 'OUTCOME_1A', 'OUTCOME_2', 'OUTCOME_3', 'OUTCOME_4', 'OUTCOME_5', 'OUTCOME_6',
          'OUTCOME_7', 'OUTCOME_8', 'OUTCOME_9', 'OUTCOME_10', 'OUTCOME_11', 'OUTCOME_12', 'OUTCOME_13',
          'OUTCOME_15', 'OUTCOME_16', 'OUTCOME_17', 'OUTCOME_22')), false) AS identified,
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
    -- A route not recorded (now allowed) is not an anonymous one: without the coalesce the
    -- comparison would be null and the fact could not be written.
    SELECT r."initialPersonWants" IN ('INTELLIGENCE_ONLY', 'ANONYMOUS_CONTACT')
        OR coalesce(r."reportingRoute" = 'ANONYMOUS_INTELLIGENCE', false) AS started_quiet
  ) q
  CROSS JOIN LATERAL (
    SELECT (CASE
      WHEN e.convicted THEN 5
      WHEN e.charged THEN 4
      WHEN e.cps THEN 3
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
    "openUpdatesDue" = EXCLUDED."openUpdatesDue",
    "riskLevel" = EXCLUDED."riskLevel",
    "supportsAction" = EXCLUDED."supportsAction"
  WHERE (t.*) IS DISTINCT FROM (EXCLUDED.*);
END
$$;

-- The "supported" column now counts the reports whose person supports action, whatever
-- stage they reached; the "support" dimension gives the same split stage by stage, so the
-- funnel can show, beside each stage, how many of its reports the person supports.
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
    1, (f.stage >= 1)::int, (f.stage >= 2)::int, f."supportsAction"::int, (f.stage >= 3)::int,
    (f.stage >= 4)::int, (f.stage >= 5)::int,
    f."isOpen"::int, f."suspectsCharged"::int, f."startedQuiet"::int, f.converted::int,
    f."isRepeat"::int, f."updatesOnTime"::int, f."updatesLate"::int
  FROM (SELECT ''::text AS key UNION ALL SELECT f."officerId"::text WHERE f."officerId" IS NOT NULL) k
  CROSS JOIN LATERAL (
    SELECT 'all'::text AS dimension, ''::text AS value
    UNION ALL SELECT 'route', coalesce(f."reportingRoute"::text, '')
    UNION ALL SELECT 'wants', f."personWants"::text
    UNION ALL SELECT 'setting', coalesce(f."workSetting"::text, '')
    UNION ALL SELECT 'relationship', f."relationship"::text
    UNION ALL SELECT 'area', coalesce(f."area", '')
    UNION ALL SELECT 'officer', coalesce(f."officerId"::text, '') WHERE k.key = ''
    UNION ALL SELECT 'risk', coalesce(f."riskLevel"::text, '')
    UNION ALL SELECT 'support', CASE WHEN f."supportsAction" THEN 'YES' ELSE 'NO' END
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

-- Every fact and count under the new rules.
SELECT dashboard_rebuild(u.id) FROM (
  SELECT DISTINCT "unitId" AS id FROM "DashboardReportFact"
  UNION
  SELECT DISTINCT "unitId" FROM "IncidentReport"
) u;
