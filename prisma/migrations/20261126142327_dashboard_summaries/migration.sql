-- CreateTable
CREATE TABLE "DashboardReportFact" (
    "reportId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "officerId" UUID,
    "reportedAt" TIMESTAMPTZ(3) NOT NULL,
    "month" DATE NOT NULL,
    "reportingRoute" "ReportingRoute" NOT NULL,
    "incidentTypes" "IncidentType"[],
    "personWants" "PersonWants" NOT NULL,
    "relationship" "PerpetratorRelationship" NOT NULL,
    "workSetting" "WorkSetting",
    "area" TEXT,
    "stage" SMALLINT NOT NULL,
    "isOpen" BOOLEAN NOT NULL,
    "outcome" "HomeOfficeOutcome",
    "withdrawalReasons" "WithdrawalReason"[],
    "daysToCharge" INTEGER,
    "daysToOutcome" INTEGER,
    "suspectsCharged" SMALLINT NOT NULL,
    "startedQuiet" BOOLEAN NOT NULL,
    "converted" BOOLEAN NOT NULL,
    "isRepeat" BOOLEAN NOT NULL,
    "updatesOnTime" SMALLINT NOT NULL,
    "updatesLate" SMALLINT NOT NULL,

    CONSTRAINT "DashboardReportFact_pkey" PRIMARY KEY ("reportId")
);

-- CreateTable
CREATE TABLE "DashboardMonthlyCount" (
    "unitId" UUID NOT NULL,
    "officerKey" TEXT NOT NULL,
    "dimension" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "value" TEXT NOT NULL,
    "reports" INTEGER NOT NULL,
    "recorded" INTEGER NOT NULL,
    "identified" INTEGER NOT NULL,
    "supported" INTEGER NOT NULL,
    "cps" INTEGER NOT NULL,
    "charged" INTEGER NOT NULL,
    "convicted" INTEGER NOT NULL,
    "open" INTEGER NOT NULL,
    "suspectsCharged" INTEGER NOT NULL,
    "startedQuiet" INTEGER NOT NULL,
    "converted" INTEGER NOT NULL,
    "repeat" INTEGER NOT NULL,
    "updatesOnTime" INTEGER NOT NULL,
    "updatesLate" INTEGER NOT NULL,

    CONSTRAINT "DashboardMonthlyCount_pkey" PRIMARY KEY ("unitId","officerKey","month","dimension","value")
);

-- CreateTable
CREATE TABLE "DashboardContactMonth" (
    "unitId" UUID NOT NULL,
    "officerKey" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "contacts" INTEGER NOT NULL,

    CONSTRAINT "DashboardContactMonth_pkey" PRIMARY KEY ("unitId","officerKey","month")
);

-- CreateIndex
CREATE INDEX "DashboardReportFact_unitId_month_idx" ON "DashboardReportFact"("unitId", "month");

-- CreateIndex
CREATE INDEX "DashboardReportFact_unitId_officerId_month_idx" ON "DashboardReportFact"("unitId", "officerId", "month");

-- CreateIndex
CREATE INDEX "DashboardReportFact_unitId_isOpen_month_idx" ON "DashboardReportFact"("unitId", "isOpen", "month");

-- ───────────────────────────── dashboard summaries: triggers ─────────────────────────────
-- The three tables above are written only here. Reports, case events, victim updates,
-- people and liaison contacts keep them current through statement-level triggers, so that
-- no code which records those has to remember the dashboard (docs/decisions/003).
-- The definitions of each stage are documented, and mirrored for unit tests, in
-- lib/dashboard/definitions.ts; an integration test checks the two agree.

-- First day of the month of a moment, in UK time: the dashboard's months are UK months.
CREATE FUNCTION dashboard_month(moment timestamptz) RETURNS date
LANGUAGE sql STABLE AS $$
  SELECT date_trunc('month', moment AT TIME ZONE 'Europe/London')::date
$$;

-- Bulk loaders (tools/seed-large) switch the triggers off for their session with
-- set_config('liaison.dashboard_sync', 'off', …) and rebuild once at the end.
CREATE FUNCTION dashboard_sync_on() RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('liaison.dashboard_sync', true), '') <> 'off'
$$;

-- The facts of the given reports, computed from the records.
CREATE FUNCTION dashboard_fact_rows(report_ids uuid[]) RETURNS SETOF "DashboardReportFact"
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
    u.late
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
      (count(*) FILTER (WHERE v."clearedAt" > v."dueBy"))::smallint AS late
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

-- Recomputes the facts of the given reports. The people and reports are locked first, in a
-- fixed order: a second transaction changing the same report waits here, then reads what
-- the first committed, so no event is ever left out of the facts.
CREATE FUNCTION dashboard_refresh_facts(report_ids uuid[]) RETURNS void
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
    "updatesLate" = EXCLUDED."updatesLate"
  WHERE (t.*) IS DISTINCT FROM (EXCLUDED.*);
END
$$;

-- The cells of the monthly counts one report adds to: one per dimension value, for the
-- whole unit and again for the assigned officer's own caseload.
CREATE FUNCTION dashboard_fact_cells(f "DashboardReportFact")
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
  ) c
$$;

-- Adds the added facts to the monthly counts and takes the removed ones away. Rows are
-- written in key order, so two transactions never wait on each other in a circle.
CREATE FUNCTION dashboard_count_facts(added "DashboardReportFact"[], removed "DashboardReportFact"[])
RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "DashboardMonthlyCount" AS m (
    "unitId", "officerKey", "month", "dimension", "value",
    "reports", "recorded", "identified", "supported", "cps", "charged", "convicted", "open",
    "suspectsCharged", "startedQuiet", "converted", "repeat", "updatesOnTime", "updatesLate"
  )
  SELECT
    (ch.fact)."unitId", c."officerKey", (ch.fact).month, c.dimension, c.value,
    sum(ch.sign * c.reports), sum(ch.sign * c.recorded), sum(ch.sign * c.identified),
    sum(ch.sign * c.supported), sum(ch.sign * c.cps), sum(ch.sign * c.charged),
    sum(ch.sign * c.convicted), sum(ch.sign * c.open), sum(ch.sign * c."suspectsCharged"),
    sum(ch.sign * c."startedQuiet"), sum(ch.sign * c.converted), sum(ch.sign * c.repeat),
    sum(ch.sign * c."updatesOnTime"), sum(ch.sign * c."updatesLate")
  FROM (
    SELECT 1 AS sign, a AS fact FROM unnest(added) a
    UNION ALL
    SELECT -1, r FROM unnest(removed) r
  ) ch
  CROSS JOIN LATERAL dashboard_fact_cells(ch.fact) c
  GROUP BY 1, 2, 3, 4, 5
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ("unitId", "officerKey", "month", "dimension", "value") DO UPDATE SET
    "reports" = m."reports" + EXCLUDED."reports",
    "recorded" = m."recorded" + EXCLUDED."recorded",
    "identified" = m."identified" + EXCLUDED."identified",
    "supported" = m."supported" + EXCLUDED."supported",
    "cps" = m."cps" + EXCLUDED."cps",
    "charged" = m."charged" + EXCLUDED."charged",
    "convicted" = m."convicted" + EXCLUDED."convicted",
    "open" = m."open" + EXCLUDED."open",
    "suspectsCharged" = m."suspectsCharged" + EXCLUDED."suspectsCharged",
    "startedQuiet" = m."startedQuiet" + EXCLUDED."startedQuiet",
    "converted" = m."converted" + EXCLUDED."converted",
    "repeat" = m."repeat" + EXCLUDED."repeat",
    "updatesOnTime" = m."updatesOnTime" + EXCLUDED."updatesOnTime",
    "updatesLate" = m."updatesLate" + EXCLUDED."updatesLate"
$$;

-- The monthly contact counts one contact adds to: the whole unit, and its officer.
CREATE FUNCTION dashboard_contact_keys(officer_id uuid) RETURNS TABLE ("officerKey" text)
LANGUAGE sql IMMUTABLE AS $$
  SELECT ''::text UNION ALL SELECT officer_id::text WHERE officer_id IS NOT NULL
$$;

-- Adds (sign 1) or takes away (sign -1) contacts, given as parallel arrays.
CREATE FUNCTION dashboard_count_contacts(unit_ids uuid[], officer_ids uuid[], moments timestamptz[], sign integer)
RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "DashboardContactMonth" AS m ("unitId", "officerKey", "month", "contacts")
  SELECT c.unit_id, k."officerKey", dashboard_month(c.moment), sign * count(*)::int
  FROM unnest(unit_ids, officer_ids, moments) AS c(unit_id, officer_id, moment)
  CROSS JOIN LATERAL dashboard_contact_keys(c.officer_id) k
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT ("unitId", "officerKey", "month") DO UPDATE SET "contacts" = m."contacts" + EXCLUDED."contacts"
$$;

CREATE FUNCTION dashboard_on_report_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  report_ids uuid[] := '{}';
  person_ids uuid[] := '{}';
BEGIN
  IF NOT dashboard_sync_on() THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT report_ids || coalesce(array_agg(n.id), '{}'), person_ids || coalesce(array_agg(n."personId"), '{}')
    INTO report_ids, person_ids
    FROM new_reports n;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT report_ids || coalesce(array_agg(o.id), '{}'), person_ids || coalesce(array_agg(o."personId"), '{}')
    INTO report_ids, person_ids
    FROM old_reports o;
  END IF;
  -- A person's other reports too: whether each one is a repeat report depends on them all.
  PERFORM dashboard_refresh_facts(ARRAY(
    SELECT unnest(report_ids)
    UNION
    SELECT r.id FROM "IncidentReport" r WHERE r."personId" = ANY(person_ids)
  ));
  RETURN NULL;
END
$$;

-- Case events and victim updates both name their report in "reportId".
CREATE FUNCTION dashboard_on_report_child_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  report_ids uuid[] := '{}';
BEGIN
  IF NOT dashboard_sync_on() THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT report_ids || coalesce(array_agg(DISTINCT n."reportId"), '{}') INTO report_ids FROM new_rows n;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT report_ids || coalesce(array_agg(DISTINCT o."reportId"), '{}') INTO report_ids FROM old_rows o;
  END IF;
  PERFORM dashboard_refresh_facts(ARRAY(SELECT DISTINCT unnest(report_ids)));
  RETURN NULL;
END
$$;

-- A person's work setting is a dimension of each of their reports.
CREATE FUNCTION dashboard_on_person_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT dashboard_sync_on() THEN
    RETURN NULL;
  END IF;
  PERFORM dashboard_refresh_facts(ARRAY(
    SELECT r.id
    FROM new_people n
    JOIN old_people o ON o.id = n.id
    JOIN "IncidentReport" r ON r."personId" = n.id
    WHERE n."workSetting" IS DISTINCT FROM o."workSetting"
  ));
  RETURN NULL;
END
$$;

CREATE FUNCTION dashboard_on_fact_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT dashboard_sync_on() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM dashboard_count_facts(ARRAY(SELECT n::"DashboardReportFact" FROM new_facts n), '{}');
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM dashboard_count_facts(ARRAY(SELECT n::"DashboardReportFact" FROM new_facts n), ARRAY(SELECT o::"DashboardReportFact" FROM old_facts o));
  ELSE
    PERFORM dashboard_count_facts('{}', ARRAY(SELECT o::"DashboardReportFact" FROM old_facts o));
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION dashboard_on_contact_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT dashboard_sync_on() THEN
    RETURN NULL;
  END IF;
  -- Added first, then taken away, so an update that moves a contact nets out.
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM dashboard_count_contacts(
      ARRAY(SELECT n."unitId" FROM new_rows n), ARRAY(SELECT n."officerId" FROM new_rows n),
      ARRAY(SELECT n."occurredAt" FROM new_rows n), 1);
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM dashboard_count_contacts(
      ARRAY(SELECT o."unitId" FROM old_rows o), ARRAY(SELECT o."officerId" FROM old_rows o),
      ARRAY(SELECT o."occurredAt" FROM old_rows o), -1);
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION dashboard_on_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'LiaisonContact' THEN
    TRUNCATE "DashboardContactMonth";
  ELSE
    TRUNCATE "DashboardReportFact", "DashboardMonthlyCount";
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER dashboard_report_insert AFTER INSERT ON "IncidentReport"
  REFERENCING NEW TABLE AS new_reports FOR EACH STATEMENT EXECUTE FUNCTION dashboard_on_report_change();
CREATE TRIGGER dashboard_report_update AFTER UPDATE ON "IncidentReport"
  REFERENCING OLD TABLE AS old_reports NEW TABLE AS new_reports FOR EACH STATEMENT EXECUTE FUNCTION dashboard_on_report_change();
CREATE TRIGGER dashboard_report_delete AFTER DELETE ON "IncidentReport"
  REFERENCING OLD TABLE AS old_reports FOR EACH STATEMENT EXECUTE FUNCTION dashboard_on_report_change();
CREATE TRIGGER dashboard_report_truncate AFTER TRUNCATE ON "IncidentReport"
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_on_truncate();

CREATE TRIGGER dashboard_case_event_insert AFTER INSERT ON "CaseEvent"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_on_report_child_change();
CREATE TRIGGER dashboard_case_event_update AFTER UPDATE ON "CaseEvent"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_on_report_child_change();
CREATE TRIGGER dashboard_case_event_delete AFTER DELETE ON "CaseEvent"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_on_report_child_change();

CREATE TRIGGER dashboard_victim_update_insert AFTER INSERT ON "VictimUpdate"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_on_report_child_change();
CREATE TRIGGER dashboard_victim_update_update AFTER UPDATE ON "VictimUpdate"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_on_report_child_change();
CREATE TRIGGER dashboard_victim_update_delete AFTER DELETE ON "VictimUpdate"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_on_report_child_change();

CREATE TRIGGER dashboard_person_update AFTER UPDATE ON "Person"
  REFERENCING OLD TABLE AS old_people NEW TABLE AS new_people FOR EACH STATEMENT EXECUTE FUNCTION dashboard_on_person_change();

CREATE TRIGGER dashboard_fact_insert AFTER INSERT ON "DashboardReportFact"
  REFERENCING NEW TABLE AS new_facts FOR EACH STATEMENT EXECUTE FUNCTION dashboard_on_fact_change();
CREATE TRIGGER dashboard_fact_update AFTER UPDATE ON "DashboardReportFact"
  REFERENCING OLD TABLE AS old_facts NEW TABLE AS new_facts FOR EACH STATEMENT EXECUTE FUNCTION dashboard_on_fact_change();
CREATE TRIGGER dashboard_fact_delete AFTER DELETE ON "DashboardReportFact"
  REFERENCING OLD TABLE AS old_facts FOR EACH STATEMENT EXECUTE FUNCTION dashboard_on_fact_change();

CREATE TRIGGER dashboard_contact_insert AFTER INSERT ON "LiaisonContact"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_on_contact_change();
CREATE TRIGGER dashboard_contact_update AFTER UPDATE ON "LiaisonContact"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_on_contact_change();
CREATE TRIGGER dashboard_contact_delete AFTER DELETE ON "LiaisonContact"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_on_contact_change();
CREATE TRIGGER dashboard_contact_truncate AFTER TRUNCATE ON "LiaisonContact"
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_on_truncate();

-- ───────────────────────────── dashboard summaries: rebuilding ─────────────────────────────
-- For bulk loads (which switch the triggers off) and for repair: recomputes one unit's
-- facts and counts for one month of reports from the records themselves.
CREATE FUNCTION dashboard_rebuild_month(unit uuid, month_start date) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  previous text := current_setting('liaison.dashboard_sync', true);
  written integer;
BEGIN
  -- Writers wait while the month is rebuilt, so none of their changes is counted twice.
  LOCK TABLE "DashboardReportFact", "DashboardMonthlyCount" IN SHARE ROW EXCLUSIVE MODE;
  PERFORM set_config('liaison.dashboard_sync', 'off', true);
  DELETE FROM "DashboardMonthlyCount" WHERE "unitId" = unit AND "month" = month_start;
  DELETE FROM "DashboardReportFact" WHERE "unitId" = unit AND "month" = month_start;
  INSERT INTO "DashboardReportFact"
  SELECT * FROM dashboard_fact_rows(ARRAY(
    SELECT r.id FROM "IncidentReport" r
    WHERE r."unitId" = unit
      AND r."reportedAt" >= (month_start::timestamp AT TIME ZONE 'Europe/London')
      AND r."reportedAt" < ((month_start + interval '1 month')::timestamp AT TIME ZONE 'Europe/London')
  ));
  GET DIAGNOSTICS written = ROW_COUNT;
  PERFORM dashboard_count_facts(
    ARRAY(SELECT f FROM "DashboardReportFact" f WHERE f."unitId" = unit AND f."month" = month_start),
    '{}'
  );
  PERFORM set_config('liaison.dashboard_sync', coalesce(previous, ''), true);
  RETURN written;
END
$$;

CREATE FUNCTION dashboard_rebuild_contacts(unit uuid) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE "DashboardContactMonth" IN SHARE ROW EXCLUSIVE MODE;
  DELETE FROM "DashboardContactMonth" WHERE "unitId" = unit;
  INSERT INTO "DashboardContactMonth" ("unitId", "officerKey", "month", "contacts")
  SELECT c."unitId", k."officerKey", dashboard_month(c."occurredAt"), count(*)::int
  FROM "LiaisonContact" c
  CROSS JOIN LATERAL dashboard_contact_keys(c."officerId") k
  WHERE c."unitId" = unit
  GROUP BY 1, 2, 3;
END
$$;

-- The whole of one unit: every month that has reports or counts, then the contacts.
CREATE FUNCTION dashboard_rebuild(unit uuid) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  month_start date;
  total integer := 0;
BEGIN
  FOR month_start IN
    SELECT dashboard_month(r."reportedAt") FROM "IncidentReport" r WHERE r."unitId" = unit
    UNION
    SELECT f."month" FROM "DashboardReportFact" f WHERE f."unitId" = unit
    UNION
    SELECT m."month" FROM "DashboardMonthlyCount" m WHERE m."unitId" = unit
    ORDER BY 1
  LOOP
    total := total + dashboard_rebuild_month(unit, month_start);
  END LOOP;
  PERFORM dashboard_rebuild_contacts(unit);
  RETURN total;
END
$$;
