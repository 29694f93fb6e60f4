-- Need to know: a case whose suspect is police or an official is restricted by the database
-- itself, whichever path wrote the report or the suspect (intake, triage, edits, seeds).
-- Each automatic restriction is recorded in "ReportRestriction" with no person and no reason.

CREATE FUNCTION liaison_restrict_report(report_id uuid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  unit_id uuid;
BEGIN
  UPDATE "IncidentReport" SET "restricted" = true
   WHERE "id" = report_id AND NOT "restricted"
  RETURNING "unitId" INTO unit_id;
  IF unit_id IS NOT NULL THEN
    INSERT INTO "ReportRestriction" ("id", "reportId", "unitId", "change")
    VALUES (gen_random_uuid(), report_id, unit_id, 'RESTRICTED_AUTOMATICALLY');
  END IF;
END;
$$;

CREATE FUNCTION liaison_report_official_suspect() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."relationship" = 'POLICE_OR_OFFICIAL'
     AND (TG_OP = 'INSERT' OR OLD."relationship" IS DISTINCT FROM NEW."relationship") THEN
    PERFORM liaison_restrict_report(NEW."id");
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "IncidentReport_restrict_official_suspect"
AFTER INSERT OR UPDATE OF "relationship" ON "IncidentReport"
FOR EACH ROW EXECUTE FUNCTION liaison_report_official_suspect();

CREATE FUNCTION liaison_suspect_official() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."relationship" = 'POLICE_OR_OFFICIAL'
     AND (TG_OP = 'INSERT' OR OLD."relationship" IS DISTINCT FROM NEW."relationship") THEN
    PERFORM liaison_restrict_report(NEW."reportId");
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Suspect_restrict_official"
AFTER INSERT OR UPDATE OF "relationship" ON "Suspect"
FOR EACH ROW EXECUTE FUNCTION liaison_suspect_official();

-- Reports already recorded with such a suspect.
SELECT liaison_restrict_report(r."id")
  FROM "IncidentReport" r
 WHERE r."relationship" = 'POLICE_OR_OFFICIAL'
    OR EXISTS (SELECT 1 FROM "Suspect" s WHERE s."reportId" = r."id" AND s."relationship" = 'POLICE_OR_OFFICIAL');
