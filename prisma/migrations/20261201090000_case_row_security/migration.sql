-- Row-level security on the tables that hold case content (docs/decisions/016, "Case content").
--
-- The runtime role sees and writes only the rows of the unit named in `liaison.unit_id`, set
-- per transaction by the data-access layer (lib/db/scope.ts). Unset means nothing: a query
-- that forgot its scope reads no case content and writes none. The owner is not subject to
-- the policies (no FORCE), so migrations, seeds, backups and the owner-run tools keep working.

-- 1. The signed-in user, for the one table keyed on its owner rather than a unit (drafts).
CREATE FUNCTION liaison_scope_user() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT NULLIF(current_setting('liaison.user_id', true), '')::uuid $$;

-- 2. Tables that carry the unit themselves: each gets the policy `<table>_scope` (in snake
--    case), the same on read and on write.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['Person', 'IncidentReport', 'ReportRestriction', 'RestrictedCaseOverride',
    'SuspectIdentifier', 'RiskAssessment', 'SafeguardingRecord', 'LiaisonContact', 'RetentionDecision']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY %I ON %I USING ("unitId" = liaison_scope_unit()) WITH CHECK ("unitId" = liaison_scope_unit())',
      lower(regexp_replace(t, '([a-z])([A-Z])', '\1_\2', 'g')) || '_scope', t);
  END LOOP;
END $$;

-- A supervisor's override to share without consent: the unit's, and readable by the agency
-- only through a referral sent to it on that basis (its page names the lawful basis).
ALTER TABLE "SharingOverride" ENABLE ROW LEVEL SECURITY;
CREATE POLICY sharing_override_scope ON "SharingOverride"
  USING ("unitId" = liaison_scope_unit()
    OR ("agencyId" = liaison_scope_agency() AND EXISTS (
      SELECT 1 FROM "Referral" r WHERE r."overrideId" = "SharingOverride".id
        AND r."agencyId" = liaison_scope_agency())))
  WITH CHECK ("unitId" = liaison_scope_unit());

-- 3. Child tables without a unit of their own: visible through their report or person. The
--    parent is itself under row security, and the check is a primary-key probe per row (a
--    semi-join the planner drives from the child's own index), so no unit column is copied.
DO $$
DECLARE
  child record;
  visible text;
BEGIN
  FOR child IN SELECT * FROM (VALUES
      ('Suspect', 'IncidentReport', 'reportId'),
      ('CaseEvent', 'IncidentReport', 'reportId'),
      ('VictimUpdate', 'IncidentReport', 'reportId'),
      ('Consent', 'Person', 'personId')) AS c(name, parent, key)
  LOOP
    visible := format('EXISTS (SELECT 1 FROM %I p WHERE p.id = %I.%I AND p."unitId" = liaison_scope_unit())',
      child.parent, child.name, child.key);
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', child.name);
    EXECUTE format('CREATE POLICY %I ON %I USING (%s) WITH CHECK (%s)',
      lower(regexp_replace(child.name, '([a-z])([A-Z])', '\1_\2', 'g')) || '_scope', child.name, visible, visible);
  END LOOP;
END $$;

-- 4. Unfinished intake forms belong to the user who typed them, whatever their unit.
ALTER TABLE "Draft" ENABLE ROW LEVEL SECURITY;
CREATE POLICY draft_owner ON "Draft"
  USING ("ownerId" = liaison_scope_user())
  WITH CHECK ("ownerId" = liaison_scope_user());

-- 5. The automatic restriction of a case whose suspect is police or an official must happen
--    whichever role or scope wrote the suspect: it runs as its owner, past row security.
ALTER FUNCTION liaison_restrict_report(uuid) SECURITY DEFINER SET search_path = public;
