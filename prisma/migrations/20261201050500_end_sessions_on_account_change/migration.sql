-- A user's open sessions end the moment their role or organisation changes or they are
-- disabled, whatever made the change (the admin pages, a script, a hand-run statement).
-- A cookie issued before the change is then refused on its next request, and enabling the
-- user again does not bring an old session back (lib/auth/sessions.ts).
CREATE FUNCTION liaison_end_sessions_on_account_change() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Session" SET "endedAt" = now()
   WHERE "userId" = NEW.id AND "endedAt" IS NULL;
  RETURN NULL;
END
$$;

CREATE TRIGGER user_account_change_ends_sessions
  AFTER UPDATE OF role, "organisationId", "disabledAt" ON "User"
  FOR EACH ROW
  WHEN (NEW.role IS DISTINCT FROM OLD.role
     OR NEW."organisationId" IS DISTINCT FROM OLD."organisationId"
     OR (NEW."disabledAt" IS NOT NULL AND OLD."disabledAt" IS NULL))
  EXECUTE FUNCTION liaison_end_sessions_on_account_change();
