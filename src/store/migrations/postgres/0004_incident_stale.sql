-- 0004 (PostgreSQL): incidents remember when one of their events was deleted (a report re-analysed by
-- a newer pipeline replaces its events), so corroboration can recompute exactly those incidents.
ALTER TABLE incidents ADD COLUMN stale BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX incidents_stale ON incidents (id) WHERE stale;

-- BEFORE DELETE: the links still exist (the foreign-key cascade runs after the row is gone).
CREATE FUNCTION events_mark_incidents_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE incidents SET stale = true
  WHERE NOT stale AND id IN (SELECT incident_id FROM incident_events WHERE event_id = OLD.id);
  RETURN OLD;
END
$$;
CREATE TRIGGER events_mark_incidents_stale BEFORE DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION events_mark_incidents_stale();

-- Rewriting an incident (putIncident sets updated_at) makes it fresh again.
CREATE FUNCTION incidents_fresh_on_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.stale := false;
  RETURN NEW;
END
$$;
CREATE TRIGGER incidents_fresh_on_rewrite BEFORE UPDATE OF updated_at ON incidents
  FOR EACH ROW EXECUTE FUNCTION incidents_fresh_on_rewrite();
