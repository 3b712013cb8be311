-- 0001 init (SQLite): reports, analyses, events with provenance, sources, incidents, quarantine.
-- Applied inside one transaction by src/store/migrations.ts; PRAGMAs are set when the store opens.

CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL DEFAULT 'news' CHECK (kind IN ('news', 'monitor', 'feed', 'dataset', 'other')),
  url TEXT
);

CREATE TABLE reports (
  id INTEGER PRIMARY KEY,
  content_hash TEXT NOT NULL UNIQUE CHECK (length(content_hash) = 64),
  raw TEXT NOT NULL,
  media_type TEXT NOT NULL CHECK (media_type IN ('text/plain', 'text/html')),
  url TEXT,
  published TEXT CHECK (published IS NULL OR published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  source_id INTEGER REFERENCES sources (id),
  canonical_report_id INTEGER REFERENCES reports (id) ON DELETE SET NULL,
  visibility TEXT NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'monitors', 'restricted')),
  ingested_at TEXT NOT NULL
);
CREATE INDEX reports_canonical ON reports (canonical_report_id) WHERE canonical_report_id IS NOT NULL;
CREATE INDEX reports_published ON reports (published);

-- One current analysis per report; a newer pipeline version replaces it.
CREATE TABLE analyses (
  report_id INTEGER PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
  pipeline_version TEXT NOT NULL,
  analysis TEXT NOT NULL CHECK (json_valid(analysis)),
  analysed_at TEXT NOT NULL
);

-- Headline and body of the current analysis; rowid = reports.id.
CREATE VIRTUAL TABLE report_fts USING fts5 (headline, body, tokenize = 'porter unicode61 remove_diacritics 2');

-- One row per event. Provenance is either a report span (report_id, pipeline_version, span) or an
-- imported row (dataset, file, row, source id), never both, never neither.
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  report_id INTEGER REFERENCES reports (id) ON DELETE CASCADE,
  pipeline_version TEXT,
  span_start INTEGER,
  span_end INTEGER,
  import_dataset TEXT,
  import_file TEXT,
  import_row INTEGER,
  import_source_id TEXT,
  event_type TEXT NOT NULL,
  sub_event_type TEXT NOT NULL,
  actor1 TEXT,
  assoc_actor_1 TEXT,
  actor2 TEXT,
  assoc_actor_2 TEXT,
  location TEXT,
  admin1 TEXT,
  country TEXT,
  latitude REAL CHECK (latitude BETWEEN -90 AND 90),
  longitude REAL CHECK (longitude BETWEEN -180 AND 180),
  geo_precision INTEGER CHECK (geo_precision IN (1, 2, 3)),
  event_date TEXT CHECK (event_date IS NULL OR event_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  time_precision INTEGER CHECK (time_precision IN (1, 2, 3)),
  fatalities INTEGER CHECK (fatalities >= 0),
  modality TEXT NOT NULL,
  source TEXT,
  evidence TEXT NOT NULL,
  confidence REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
  CHECK ((latitude IS NULL) = (longitude IS NULL)),
  CHECK (
    (report_id IS NOT NULL AND pipeline_version IS NOT NULL AND span_start >= 0 AND span_end >= span_start
      AND import_dataset IS NULL)
    OR (report_id IS NULL AND import_dataset IS NOT NULL AND import_file IS NOT NULL AND import_row >= 1
      AND import_source_id IS NOT NULL)
  )
);
CREATE INDEX events_report ON events (report_id);
CREATE INDEX events_date ON events (event_date);
CREATE INDEX events_type_date ON events (event_type, event_date);
CREATE UNIQUE INDEX events_import_key ON events (import_dataset, import_source_id) WHERE import_dataset IS NOT NULL;

-- Spatial index over event points (id = events.id), kept in step by triggers.
CREATE VIRTUAL TABLE event_geo USING rtree (id, min_lon, max_lon, min_lat, max_lat);

CREATE TRIGGER events_geo_insert AFTER INSERT ON events WHEN new.latitude IS NOT NULL BEGIN
  INSERT INTO event_geo (id, min_lon, max_lon, min_lat, max_lat)
  VALUES (new.id, new.longitude, new.longitude, new.latitude, new.latitude);
END;
CREATE TRIGGER events_geo_delete AFTER DELETE ON events BEGIN
  DELETE FROM event_geo WHERE id = old.id;
END;
CREATE TRIGGER events_geo_update AFTER UPDATE OF latitude, longitude ON events BEGIN
  DELETE FROM event_geo WHERE id = old.id;
  INSERT INTO event_geo (id, min_lon, max_lon, min_lat, max_lat)
  SELECT new.id, new.longitude, new.longitude, new.latitude, new.latitude WHERE new.latitude IS NOT NULL;
END;

CREATE TABLE incidents (
  id INTEGER PRIMARY KEY,
  grade TEXT NOT NULL CHECK (grade IN ('single_source', 'corroborated', 'contested', 'confirmed')),
  fatalities_low INTEGER CHECK (fatalities_low >= 0),
  fatalities_best INTEGER CHECK (fatalities_best >= 0),
  fatalities_high INTEGER CHECK (fatalities_high >= 0),
  updated_at TEXT NOT NULL,
  CHECK (fatalities_low <= fatalities_best AND fatalities_best <= fatalities_high)
);
CREATE INDEX incidents_grade ON incidents (grade);

CREATE TABLE incident_events (
  incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  PRIMARY KEY (incident_id, event_id)
);
CREATE INDEX incident_events_event ON incident_events (event_id);

CREATE TABLE quarantine (
  id INTEGER PRIMARY KEY,
  what TEXT NOT NULL,
  reason TEXT NOT NULL,
  detail TEXT,
  created_at TEXT NOT NULL
);
