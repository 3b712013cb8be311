-- 0004 (SQLite): incidents remember when one of their events was deleted (a report re-analysed by a
-- newer pipeline replaces its events), so corroboration can recompute exactly those incidents.
ALTER TABLE incidents ADD COLUMN stale INTEGER NOT NULL DEFAULT 0 CHECK (stale IN (0, 1));
CREATE INDEX incidents_stale ON incidents (id) WHERE stale = 1;

-- BEFORE DELETE: the links still exist (the foreign-key cascade removes them afterwards).
CREATE TRIGGER events_mark_incidents_stale BEFORE DELETE ON events BEGIN
  UPDATE incidents SET stale = 1 WHERE stale = 0 AND id IN (SELECT incident_id FROM incident_events WHERE event_id = old.id);
END;

-- Rewriting an incident (putIncident sets updated_at) makes it fresh again.
CREATE TRIGGER incidents_fresh_on_rewrite AFTER UPDATE OF updated_at ON incidents WHEN new.stale = 1 BEGIN
  UPDATE incidents SET stale = 0 WHERE id = new.id;
END;
