-- 0007 (SQLite): agreements uploaded through the API (the bundled ones stay files in data/agreements/).
-- The text is kept as it was sent (YAML or JSON), so an error or a finding can be traced to its line.
CREATE TABLE agreements (
  id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 120),
  title TEXT NOT NULL,
  source_text TEXT NOT NULL,
  content_hash TEXT NOT NULL CHECK (length(content_hash) = 64),
  uploaded_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  uploaded_at TEXT NOT NULL
);
