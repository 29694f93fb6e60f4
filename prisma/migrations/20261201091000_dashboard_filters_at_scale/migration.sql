-- CreateTable
CREATE TABLE "DashboardFilterCount" (
    "unitId" UUID NOT NULL,
    "officerKey" TEXT NOT NULL,
    "filter" TEXT NOT NULL,
    "filterValue" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "dimension" TEXT NOT NULL,
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

    CONSTRAINT "DashboardFilterCount_pkey" PRIMARY KEY ("unitId","officerKey","filter","filterValue","month","dimension","value")
);

-- CreateIndex
CREATE INDEX "DashboardMonthlyCount_unitId_officerKey_dimension_value_idx" ON "DashboardMonthlyCount"("unitId", "officerKey", "dimension", "value");

-- CreateIndex
CREATE INDEX "DashboardReportFact_unitId_reportingRoute_month_idx" ON "DashboardReportFact"("unitId", "reportingRoute", "month");

-- CreateIndex
CREATE INDEX "DashboardReportFact_unitId_area_month_idx" ON "DashboardReportFact"("unitId", "area", "month");

-- CreateIndex
CREATE INDEX "DashboardReportFact_unitId_riskLevel_month_idx" ON "DashboardReportFact"("unitId", "riskLevel", "month");

-- CreateIndex
CREATE INDEX "DashboardReportFact_incidentTypes_idx" ON "DashboardReportFact" USING GIN ("incidentTypes");

-- ───────────────────────── dashboard summaries: one filter at a time ─────────────────────────
-- The monthly counts again, for the reports that pass each single report filter the page
-- offers (a route, an incident type, an area, a risk level, violence and threats only), so
-- that a view with one of them reads a few thousand summary rows as the unfiltered view
-- does, instead of counting the unit's facts (docs/decisions/022). Views with two or more
-- report filters still count the facts, through the indexes above.

-- The single filters a report passes, as (filter, value): the value a filter of the page
-- holds ('' for "not recorded" and "not assessed"). The same rules as factWhere in
-- lib/dashboard/queries.ts, and VIOLENCE_AND_THREATS in lib/dashboard/definitions.ts; an
-- integration test holds each filter's counts here to a count of the facts.
CREATE FUNCTION dashboard_filter_keys(f "DashboardReportFact") RETURNS TABLE (filter text, "filterValue" text)
LANGUAGE sql STABLE AS $$
  SELECT 'route'::text, coalesce(f."reportingRoute"::text, '')
  UNION ALL SELECT 'type', t FROM (SELECT DISTINCT unnest(f."incidentTypes"::text[]) AS t) types
  UNION ALL SELECT 'area', f.area WHERE f.area IS NOT NULL
  UNION ALL SELECT 'risk', coalesce(f."riskLevel"::text, '')
  UNION ALL SELECT 'violence', 'yes'
    WHERE f."incidentTypes" && ARRAY['PHYSICAL_ASSAULT', 'RAPE', 'SEXUAL_ASSAULT', 'ROBBERY',
      'THREATS_INTIMIDATION', 'CONDOM_REMOVAL']::"IncidentType"[]
$$;

-- The per-filter half of dashboard_count_facts.
CREATE FUNCTION dashboard_count_filter_facts(added "DashboardReportFact"[], removed "DashboardReportFact"[])
RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "DashboardFilterCount" AS m (
    "unitId", "officerKey", "filter", "filterValue", "month", "dimension", "value",
    "reports", "recorded", "identified", "supported", "cps", "charged", "convicted", "open",
    "suspectsCharged", "startedQuiet", "converted", "repeat", "updatesOnTime", "updatesLate"
  )
  SELECT
    (ch.fact)."unitId", c."officerKey", k.filter, k."filterValue", (ch.fact).month, c.dimension, c.value,
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
  CROSS JOIN LATERAL dashboard_filter_keys(ch.fact) k
  CROSS JOIN LATERAL dashboard_fact_cells(ch.fact) c
  GROUP BY 1, 2, 3, 4, 5, 6, 7
  ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT ("unitId", "officerKey", "filter", "filterValue", "month", "dimension", "value") DO UPDATE SET
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
    "updatesLate" = m."updatesLate" + EXCLUDED."updatesLate";
$$;

-- Adds the added facts to the monthly counts, unfiltered and per filter, and takes the
-- removed ones away. Rows are written table by table in key order, so two transactions
-- never wait on each other in a circle.
CREATE OR REPLACE FUNCTION dashboard_count_facts(added "DashboardReportFact"[], removed "DashboardReportFact"[])
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
    "updatesLate" = m."updatesLate" + EXCLUDED."updatesLate";

  SELECT dashboard_count_filter_facts(added, removed);
$$;

CREATE OR REPLACE FUNCTION dashboard_on_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'LiaisonContact' THEN
    TRUNCATE "DashboardContactMonth";
  ELSE
    TRUNCATE "DashboardReportFact", "DashboardMonthlyCount", "DashboardFilterCount";
  END IF;
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION dashboard_rebuild_month(unit uuid, month_start date) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  previous text := current_setting('liaison.dashboard_sync', true);
  written integer;
BEGIN
  -- Writers wait while the month is rebuilt, so none of their changes is counted twice.
  LOCK TABLE "DashboardReportFact", "DashboardMonthlyCount", "DashboardFilterCount" IN SHARE ROW EXCLUSIVE MODE;
  PERFORM set_config('liaison.dashboard_sync', 'off', true);
  DELETE FROM "DashboardMonthlyCount" WHERE "unitId" = unit AND "month" = month_start;
  DELETE FROM "DashboardFilterCount" WHERE "unitId" = unit AND "month" = month_start;
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

CREATE OR REPLACE FUNCTION dashboard_rebuild(unit uuid) RETURNS integer
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
    UNION
    SELECT m."month" FROM "DashboardFilterCount" m WHERE m."unitId" = unit
    ORDER BY 1
  LOOP
    total := total + dashboard_rebuild_month(unit, month_start);
  END LOOP;
  PERFORM dashboard_rebuild_contacts(unit);
  RETURN total;
END
$$;

-- The per-filter counts of the facts already there: dashboard_filter_keys × dashboard_fact_cells
-- written out in one statement, because functions that run as their owner are never
-- inlined and calling them per fact takes twice as long.
INSERT INTO "DashboardFilterCount" (
    "unitId", "officerKey", "filter", "filterValue", "month", "dimension", "value",
    "reports", "recorded", "identified", "supported", "cps", "charged", "convicted", "open",
    "suspectsCharged", "startedQuiet", "converted", "repeat", "updatesOnTime", "updatesLate"
  )
  SELECT f."unitId", k.key, fk.filter, fk."filterValue", f.month, c.dimension, c.value,
    count(*), sum((f.stage >= 1)::int), sum((f.stage >= 2)::int), sum(f."supportsAction"::int), sum((f.stage >= 3)::int),
    sum((f.stage >= 4)::int), sum((f.stage >= 5)::int), sum(f."isOpen"::int), sum(f."suspectsCharged"), sum(f."startedQuiet"::int),
    sum(f.converted::int), sum(f."isRepeat"::int), sum(f."updatesOnTime"), sum(f."updatesLate")
  FROM "DashboardReportFact" f
  CROSS JOIN LATERAL (
    SELECT 'route'::text AS filter, coalesce(f."reportingRoute"::text, '') AS "filterValue"
    UNION ALL SELECT 'type', t FROM (SELECT DISTINCT unnest(f."incidentTypes"::text[]) AS t) types
    UNION ALL SELECT 'area', f.area WHERE f.area IS NOT NULL
    UNION ALL SELECT 'risk', coalesce(f."riskLevel"::text, '')
    UNION ALL SELECT 'violence', 'yes'
      WHERE f."incidentTypes" && ARRAY['PHYSICAL_ASSAULT', 'RAPE', 'SEXUAL_ASSAULT', 'ROBBERY',
        'THREATS_INTIMIDATION', 'CONDOM_REMOVAL']::"IncidentType"[]
  ) fk
  CROSS JOIN LATERAL (SELECT ''::text AS key UNION ALL SELECT f."officerId"::text WHERE f."officerId" IS NOT NULL) k
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
  GROUP BY 1, 2, 3, 4, 5, 6, 7;

-- Without row estimates the planner takes each set-returning function for 1,000 rows, so a
-- one-report change looked like ten million rows and was compiled with JIT: half a second
-- per write, for a statement that takes a millisecond.
ALTER FUNCTION dashboard_filter_keys("DashboardReportFact") ROWS 6;
ALTER FUNCTION dashboard_fact_cells("DashboardReportFact") ROWS 20;
ALTER FUNCTION dashboard_count_facts("DashboardReportFact"[], "DashboardReportFact"[]) SET jit = off;
ALTER FUNCTION dashboard_count_filter_facts("DashboardReportFact"[], "DashboardReportFact"[]) SET jit = off;

-- Replaced and new functions run as their owner again (docs/decisions/016, section 6).
DO $$
DECLARE
  f regprocedure;
BEGIN
  FOR f IN
    SELECT p.oid::regprocedure FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = 'public' AND p.proname LIKE 'dashboard\_%'
  LOOP
    EXECUTE format('ALTER FUNCTION %s SECURITY DEFINER SET search_path = public', f);
  END LOOP;
END
$$;
