-- The dashboard's referral figures (made, accepted, taken up) per unit, UK month and officer,
-- kept by triggers like the contact counts (decision 003). The page counted the unit's
-- referrals row by row on every load: about 80,000 rows and 45–115 ms at 1,000,000 reports,
-- most of what the default view cost above its floor (issue 11).
CREATE TABLE "DashboardReferralMonth" (
    "unitId" UUID NOT NULL,
    "officerKey" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "made" INTEGER NOT NULL,
    "accepted" INTEGER NOT NULL,
    "takenUp" INTEGER NOT NULL,

    CONSTRAINT "DashboardReferralMonth_pkey" PRIMARY KEY ("unitId","officerKey","month")
);

-- Adds (sign 1) or takes away (sign -1) the given referrals: the whole unit's counts, and
-- those of the officer who made each (the dashboard's officer filter and an officer's own
-- view count referrals by who made them). Accepted: answered and not declined; taken up:
-- closed with the support taken up (the rules of lib/referrals/counts.ts, which a test holds
-- the dashboard to). Key order, so writers never deadlock on these rows among themselves.
CREATE FUNCTION dashboard_count_referrals(referrals "Referral"[], sign integer) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  INSERT INTO "DashboardReferralMonth" AS m ("unitId", "officerKey", "month", "made", "accepted", "takenUp")
  SELECT r."unitId", k."officerKey", dashboard_month(r."createdAt"), sign * count(*)::int,
    sign * count(*) FILTER (WHERE r."respondedAt" IS NOT NULL AND r."declineReason" IS NULL)::int,
    sign * count(*) FILTER (WHERE r."closeReason" = 'SUPPORT_TAKEN_UP')::int
  FROM unnest(referrals) AS r
  CROSS JOIN LATERAL dashboard_contact_keys(r."createdById") k
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT ("unitId", "officerKey", "month") DO UPDATE SET
    "made" = m."made" + EXCLUDED."made",
    "accepted" = m."accepted" + EXCLUDED."accepted",
    "takenUp" = m."takenUp" + EXCLUDED."takenUp"
$$;

CREATE FUNCTION dashboard_on_referral_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF NOT dashboard_sync_on() THEN
    RETURN NULL;
  END IF;
  -- Added first, then taken away, so an update that changes nothing the counts see nets out.
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM dashboard_count_referrals(ARRAY(SELECT n::"Referral" FROM new_rows n), 1);
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM dashboard_count_referrals(ARRAY(SELECT o::"Referral" FROM old_rows o), -1);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER dashboard_referral_insert AFTER INSERT ON "Referral"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_on_referral_change();
CREATE TRIGGER dashboard_referral_update AFTER UPDATE ON "Referral"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_on_referral_change();
CREATE TRIGGER dashboard_referral_delete AFTER DELETE ON "Referral"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_on_referral_change();

CREATE OR REPLACE FUNCTION dashboard_on_truncate() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_TABLE_NAME = 'LiaisonContact' THEN
    TRUNCATE "DashboardContactMonth";
  ELSIF TG_TABLE_NAME = 'Referral' THEN
    TRUNCATE "DashboardReferralMonth";
  ELSE
    TRUNCATE "DashboardReportFact", "DashboardMonthlyCount", "DashboardFilterCount";
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER dashboard_referral_truncate AFTER TRUNCATE ON "Referral"
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_on_truncate();

-- For bulk loads (which switch the triggers off) and for repair.
CREATE FUNCTION dashboard_rebuild_referrals(unit uuid) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  LOCK TABLE "DashboardReferralMonth" IN SHARE ROW EXCLUSIVE MODE;
  DELETE FROM "DashboardReferralMonth" WHERE "unitId" = unit;
  PERFORM dashboard_count_referrals(ARRAY(SELECT r FROM "Referral" r WHERE r."unitId" = unit), 1);
END
$$;

CREATE OR REPLACE FUNCTION dashboard_rebuild(unit uuid) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
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
  PERFORM dashboard_rebuild_referrals(unit);
  RETURN total;
END
$$;

-- The referrals already there, unit by unit.
SELECT dashboard_rebuild_referrals(u."unitId") FROM (SELECT DISTINCT "unitId" FROM "Referral") u;
