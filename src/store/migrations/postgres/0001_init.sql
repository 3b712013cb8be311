-- 0001 init (PostgreSQL): the same tables as the SQLite 0001, in PostgreSQL's dialect.
-- FTS is a generated tsvector with a GIN index; space is btree on latitude and longitude
-- (no PostGIS or cube/earthdistance assumed; see docs/adr/0003-store.md).

CREATE TABLE sources (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL DEFAULT 'news' CHECK (kind IN ('news', 'monitor', 'feed', 'dataset', 'other')),
  url TEXT
);

CREATE TABLE reports (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  content_hash TEXT NOT NULL UNIQUE CHECK (length(content_hash) = 64),
  raw TEXT NOT NULL,
  media_type TEXT NOT NULL CHECK (media_type IN ('text/plain', 'text/html')),
  url TEXT,
  published DATE,
  source_id BIGINT REFERENCES sources (id),
  canonical_report_id BIGINT REFERENCES reports (id) ON DELETE SET NULL,
  visibility TEXT NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'monitors', 'restricted')),
  ingested_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX reports_canonical ON reports (canonical_report_id) WHERE canonical_report_id IS NOT NULL;
CREATE INDEX reports_published ON reports (published);

CREATE TABLE analyses (
  report_id BIGINT PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
  pipeline_version TEXT NOT NULL,
  analysis JSONB NOT NULL,
  analysed_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE report_text (
  report_id BIGINT PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
  headline TEXT,
  body TEXT NOT NULL,
  tsv TSVECTOR GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(headline, '')), 'A') || setweight(to_tsvector('english', body), 'B')
  ) STORED
);
CREATE INDEX report_text_tsv ON report_text USING GIN (tsv);

CREATE TABLE events (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  report_id BIGINT REFERENCES reports (id) ON DELETE CASCADE,
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
  latitude DOUBLE PRECISION CHECK (latitude BETWEEN -90 AND 90),
  longitude DOUBLE PRECISION CHECK (longitude BETWEEN -180 AND 180),
  geo_precision SMALLINT CHECK (geo_precision IN (1, 2, 3)),
  event_date DATE,
  time_precision SMALLINT CHECK (time_precision IN (1, 2, 3)),
  fatalities INTEGER CHECK (fatalities >= 0),
  modality TEXT NOT NULL,
  source TEXT,
  evidence TEXT NOT NULL,
  confidence DOUBLE PRECISION NOT NULL CHECK (confidence BETWEEN 0 AND 1),
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
CREATE INDEX events_lat ON events (latitude);
CREATE INDEX events_lon ON events (longitude);
CREATE UNIQUE INDEX events_import_key ON events (import_dataset, import_source_id) WHERE import_dataset IS NOT NULL;

CREATE TABLE incidents (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  grade TEXT NOT NULL CHECK (grade IN ('single_source', 'corroborated', 'contested', 'confirmed')),
  fatalities_low INTEGER CHECK (fatalities_low >= 0),
  fatalities_best INTEGER CHECK (fatalities_best >= 0),
  fatalities_high INTEGER CHECK (fatalities_high >= 0),
  updated_at TIMESTAMPTZ NOT NULL,
  CHECK (fatalities_low <= fatalities_best AND fatalities_best <= fatalities_high)
);
CREATE INDEX incidents_grade ON incidents (grade);

CREATE TABLE incident_events (
  incident_id BIGINT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  event_id BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  PRIMARY KEY (incident_id, event_id)
);
CREATE INDEX incident_events_event ON incident_events (event_id);

CREATE TABLE quarantine (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  what TEXT NOT NULL,
  reason TEXT NOT NULL,
  detail TEXT,
  created_at TIMESTAMPTZ NOT NULL
);
