-- The scheduled purge of expired drafts (docs/decisions/020). Drafts sit behind row-level
-- security keyed on the signed-in user's unit, but the purge runs with no user: on a timer in
-- every app instance and from `npm run retention:purge`. This function, owned by the schema
-- owner (to whom row security does not apply), deletes every draft unchanged for at least
-- `draft_days` days and returns their ids, and does nothing else: the runtime role may call it
-- but cannot widen it, because the cut-off is computed here from the database's clock and the
-- period may not be shorter than one day.
CREATE FUNCTION liaison_purge_expired_drafts(draft_days integer) RETURNS SETOF uuid
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public
  AS $$
BEGIN
  IF draft_days IS NULL OR draft_days < 1 THEN
    RAISE EXCEPTION 'the draft period must be at least one day (not %)', draft_days
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  RETURN QUERY
    DELETE FROM "Draft" WHERE "updatedAt" <= now() - make_interval(days => draft_days) RETURNING id;
END
$$;

REVOKE ALL ON FUNCTION liaison_purge_expired_drafts(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION liaison_purge_expired_drafts(integer) TO liaison_app;
