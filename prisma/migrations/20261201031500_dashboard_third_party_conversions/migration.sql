-- ───────────────────────────── dashboard: third-party conversions ─────────────────────────────
-- Issue 8. A report "began quiet" when the person first wanted intelligence only or anonymous
-- contact, when it came in as anonymous intelligence, or (new) when it came through a third
-- party: reported through a partner agency, or submitted by one (a report opened from a
-- partner's third-party submission carries both). "Converted" is such a report whose person
-- now wants a full investigation. lib/dashboard/definitions.ts states the same rule. The
-- report's own columns decide it, so no trigger on the (row-level secured) submissions is
-- needed: any update of the report already recomputes its fact row.
-- Only the started_quiet lateral differs from 20261201021000_dashboard_honest_figures.

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
        OR coalesce(r."reportingRoute" IN ('ANONYMOUS_INTELLIGENCE', 'PARTNER_AGENCY'), false)
        OR r."submittedByAgencyId" IS NOT NULL AS started_quiet
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

-- Existing reports take the new rule at once (the fact triggers keep the summaries in step).
SELECT dashboard_refresh_facts(ARRAY(SELECT r.id FROM "IncidentReport" r ORDER BY r.id));
