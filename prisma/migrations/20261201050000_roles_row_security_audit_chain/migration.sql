-- Least privilege at the database (docs/decisions/016).
--
-- 1. Two roles besides the owner that runs migrations: `liaison_app`, the runtime role the
--    app connects as (its grants are applied after every migration by tools/db/roles.ts, so
--    tables added later are covered), and `liaison_maintenance`, the only role that may
--    change or remove audit events (for retention, by hand, documented in the README).
--    Both are created without LOGIN here if they do not exist yet; `npm start` and
--    `npm test` give the runtime role a password, and on an external server the database
--    administrator creates them (README).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'liaison_app') THEN
    BEGIN
      CREATE ROLE liaison_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'liaison_maintenance') THEN
    BEGIN
      CREATE ROLE liaison_maintenance NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
  END IF;
END
$$;

-- 2. The signed-in user's scope, set per transaction by the data-access layer
--    (lib/db/scope.ts) with set_config(…, true). Unset means no scope: nothing is visible.
CREATE FUNCTION liaison_scope_unit() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT NULLIF(current_setting('liaison.unit_id', true), '')::uuid $$;

CREATE FUNCTION liaison_scope_agency() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT NULLIF(current_setting('liaison.agency_id', true), '')::uuid $$;

-- Whether an alert was sent to an agency, and which unit owns an alert, read past row
-- security (SECURITY DEFINER, owned by the owner) so the alert and recipient policies can
-- refer to each other without recursing.
CREATE FUNCTION liaison_alert_sent_to(alert uuid, agency uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT agency IS NOT NULL AND EXISTS (
    SELECT 1 FROM "SafetyAlertRecipient" r WHERE r."alertId" = alert AND r."agencyId" = agency) $$;

CREATE FUNCTION liaison_alert_unit(alert uuid) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT a."unitId" FROM "SafetyAlert" a WHERE a.id = alert $$;

CREATE FUNCTION liaison_referral_visible(referral uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT EXISTS (
    SELECT 1 FROM "Referral" r WHERE r.id = referral
      AND (r."unitId" = liaison_scope_unit() OR r."agencyId" = liaison_scope_agency())) $$;

-- 3. Row-level security on the partner-facing tables, keyed on the unit and the agency.
--    The owner is not subject to it (seeds and tools run as the owner); the runtime role is.
ALTER TABLE "Referral" ENABLE ROW LEVEL SECURITY;
CREATE POLICY referral_scope ON "Referral"
  USING ("unitId" = liaison_scope_unit() OR "agencyId" = liaison_scope_agency())
  WITH CHECK ("unitId" = liaison_scope_unit() OR "agencyId" = liaison_scope_agency());

ALTER TABLE "ReferralUpdate" ENABLE ROW LEVEL SECURITY;
CREATE POLICY referral_update_scope ON "ReferralUpdate"
  USING (liaison_referral_visible("referralId"))
  WITH CHECK (liaison_referral_visible("referralId"));

ALTER TABLE "ThirdPartySubmission" ENABLE ROW LEVEL SECURITY;
CREATE POLICY submission_scope ON "ThirdPartySubmission"
  USING ("unitId" = liaison_scope_unit() OR "agencyId" = liaison_scope_agency())
  WITH CHECK ("unitId" = liaison_scope_unit() OR "agencyId" = liaison_scope_agency());

ALTER TABLE "SafetyAlert" ENABLE ROW LEVEL SECURITY;
CREATE POLICY alert_scope ON "SafetyAlert"
  USING ("unitId" = liaison_scope_unit() OR liaison_alert_sent_to(id, liaison_scope_agency()))
  WITH CHECK ("unitId" = liaison_scope_unit());

ALTER TABLE "SafetyAlertRecipient" ENABLE ROW LEVEL SECURITY;
CREATE POLICY alert_recipient_scope ON "SafetyAlertRecipient"
  USING ("agencyId" = liaison_scope_agency() OR liaison_alert_unit("alertId") = liaison_scope_unit())
  WITH CHECK (liaison_alert_unit("alertId") = liaison_scope_unit());

ALTER TABLE "SafetyAlertIdentifier" ENABLE ROW LEVEL SECURITY;
CREATE POLICY alert_identifier_scope ON "SafetyAlertIdentifier"
  USING ("unitId" = liaison_scope_unit() OR liaison_alert_sent_to("alertId", liaison_scope_agency()))
  WITH CHECK ("unitId" = liaison_scope_unit());

-- 4. The audit chain. Each event's hash is SHA-256 of the previous event's hash and a
--    canonical text of its own fields; a transaction-scoped advisory lock makes the
--    sequence gapless and the chain linear however many app instances write at once.
--    `npm run audit:verify` recomputes it (tools/audit/verify.ts).
CREATE FUNCTION liaison_audit_canonical(e "AuditEvent") RETURNS text
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT jsonb_build_array(
    e.seq, e.id, to_char(e."at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    e."actorId", e."actorRole", e.action, e."recordType", e."recordId", e.outcome,
    e."subjectKey", e."sessionId", e."clientAddress", to_jsonb(e."recordIds"))::text $$;

CREATE FUNCTION liaison_audit_hash(prev text, e "AuditEvent") RETURNS text
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT encode(sha256(convert_to(prev || '|' || liaison_audit_canonical(e), 'UTF8')), 'hex') $$;

-- Events written before the chain existed are chained first, in the order they happened.
DO $$
DECLARE
  r "AuditEvent";
  n bigint := 0;
  prev text := repeat('0', 64);
BEGIN
  FOR r IN SELECT * FROM "AuditEvent" ORDER BY "at", id LOOP
    n := n + 1;
    r.seq := n;
    r."at" := date_trunc('milliseconds', r."at");
    UPDATE "AuditEvent"
      SET seq = n, "prevHash" = prev, hash = liaison_audit_hash(prev, r), "at" = r."at"
      WHERE id = r.id;
    prev := liaison_audit_hash(prev, r);
  END LOOP;
END
$$;

CREATE FUNCTION liaison_audit_chain() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  last_seq bigint;
  last_hash text;
BEGIN
  -- The head is read under the lock, so it must be read with a fresh snapshot: a REPEATABLE
  -- READ transaction would read a stale head and fork the chain.
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'audit events must be written in a READ COMMITTED transaction (not %)',
      current_setting('transaction_isolation') USING ERRCODE = 'invalid_transaction_state';
  END IF;
  PERFORM pg_advisory_xact_lock(7305210260001);
  SELECT seq, hash INTO last_seq, last_hash FROM "AuditEvent" ORDER BY seq DESC NULLS LAST LIMIT 1;
  NEW.seq := COALESCE(last_seq, 0) + 1;
  NEW."prevHash" := COALESCE(last_hash, repeat('0', 64));
  NEW."at" := date_trunc('milliseconds', NEW."at");
  NEW.hash := liaison_audit_hash(NEW."prevHash", NEW);
  RETURN NEW;
END
$$;

CREATE TRIGGER audit_chain BEFORE INSERT ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION liaison_audit_chain();

-- 5. Append-only: no role but liaison_maintenance may change, remove or truncate audit
--    events (the runtime role also lacks the grants; this holds for the owner too).
CREATE FUNCTION liaison_audit_append_only() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF current_user <> 'liaison_maintenance' THEN
    RAISE EXCEPTION 'audit events are append-only (% refused for role %)', TG_OP, current_user
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION liaison_audit_append_only();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION liaison_audit_append_only();

-- 6. The dashboard's summary functions and the consent check run inside triggers fired by
--    whatever role writes; they must see every row they summarise or check, whatever the
--    writer's scope. They run as their owner (SECURITY DEFINER with a fixed search_path).
--    A later CREATE OR REPLACE resets this: tools/db/roles.integration.test.ts fails if one
--    of them is not SECURITY DEFINER.
DO $$
DECLARE
  f regprocedure;
BEGIN
  FOR f IN
    SELECT p.oid::regprocedure FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = 'public' AND (p.proname LIKE 'dashboard\_%' OR p.proname = 'referral_requires_basis')
  LOOP
    EXECUTE format('ALTER FUNCTION %s SECURITY DEFINER SET search_path = public', f);
  END LOOP;
END
$$;
