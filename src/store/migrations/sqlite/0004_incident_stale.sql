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

-- The spatial index gains time: a box query with a date range ("Aleppo, last month") then reads
-- only the events inside both, instead of every event of six years in the box (docs/performance.md).
-- Days are days since 1970-01-01 (exact in the R*Tree's 32-bit floats); an undated event sits at a
-- far-past sentinel day, so date-filtered queries never meet it and the exact filter decides anyway.
DROP TRIGGER events_geo_insert;
DROP TRIGGER events_geo_delete;
DROP TRIGGER events_geo_update;
DROP TABLE event_geo;
CREATE VIRTUAL TABLE event_geo USING rtree (id, min_lon, max_lon, min_lat, max_lat, min_day, max_day);
INSERT INTO event_geo (id, min_lon, max_lon, min_lat, max_lat, min_day, max_day)
  SELECT id, longitude, longitude, latitude, latitude,
    coalesce(julianday(event_date) - 2440587.5, -1000000), coalesce(julianday(event_date) - 2440587.5, -1000000)
  FROM events WHERE latitude IS NOT NULL;

CREATE TRIGGER events_geo_insert AFTER INSERT ON events WHEN new.latitude IS NOT NULL BEGIN
  INSERT INTO event_geo (id, min_lon, max_lon, min_lat, max_lat, min_day, max_day)
  VALUES (new.id, new.longitude, new.longitude, new.latitude, new.latitude,
    coalesce(julianday(new.event_date) - 2440587.5, -1000000), coalesce(julianday(new.event_date) - 2440587.5, -1000000));
END;
CREATE TRIGGER events_geo_delete AFTER DELETE ON events BEGIN
  DELETE FROM event_geo WHERE id = old.id;
END;
CREATE TRIGGER events_geo_update AFTER UPDATE OF latitude, longitude, event_date ON events BEGIN
  DELETE FROM event_geo WHERE id = old.id;
  INSERT INTO event_geo (id, min_lon, max_lon, min_lat, max_lat, min_day, max_day)
  SELECT new.id, new.longitude, new.longitude, new.latitude, new.latitude,
    coalesce(julianday(new.event_date) - 2440587.5, -1000000), coalesce(julianday(new.event_date) - 2440587.5, -1000000)
  WHERE new.latitude IS NOT NULL;
END;
