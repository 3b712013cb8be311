-- 0006 (PostgreSQL): threads of comments (a reply names its parent), the history of review moves
-- (with a party's evidence for a dispute), watchlists with each user's last visit, and reports by
-- the time they were stored (what is new since a visit).

ALTER TABLE comments ADD COLUMN parent_id BIGINT REFERENCES comments (id) ON DELETE SET NULL;

-- One row per move; review_states keeps only the current state. incident_id is the incident the
-- subject is about (the incident itself, or the incident of a finding), for watchlists.
CREATE TABLE review_moves (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('incident', 'finding')),
  subject_id TEXT NOT NULL,
  incident_id BIGINT,
  from_state TEXT NOT NULL CHECK (from_state IN ('machine', 'under_review', 'confirmed', 'rejected', 'disputed')),
  to_state TEXT NOT NULL CHECK (to_state IN ('machine', 'under_review', 'confirmed', 'rejected', 'disputed')),
  user_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
  comment_id BIGINT REFERENCES comments (id) ON DELETE SET NULL,
  evidence_url TEXT,
  evidence_text TEXT,
  at TEXT NOT NULL
);
CREATE INDEX review_moves_subject ON review_moves (subject_kind, subject_id, id);
CREATE INDEX review_moves_incident ON review_moves (incident_id, at);

CREATE TABLE watchlist (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('zone', 'actor', 'incident')),
  value TEXT NOT NULL,
  label TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (user_id, kind, value)
);

CREATE TABLE watch_visits (
  user_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  seen_at TEXT NOT NULL
);

CREATE INDEX reports_ingested ON reports (ingested_at);
CREATE INDEX comments_created ON comments (subject_kind, created_at);
