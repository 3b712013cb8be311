-- 0005 (PostgreSQL): accounts, sessions, API tokens, invitations, password resets and their outbox,
-- who a restricted report is shared with, review states with comments, and the hash-chained audit log.
-- Secrets (session ids, tokens) are stored only as sha256 hashes; times are ISO-8601 UTC text.

CREATE TABLE users (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'monitor', 'liaison', 'analyst')),
  party_id TEXT,
  password_hash TEXT NOT NULL,
  must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at TEXT NOT NULL,
  CHECK ((role = 'liaison') = (party_id IS NOT NULL))
);
CREATE UNIQUE INDEX users_email ON users (lower(email));

CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY CHECK (length(id_hash) = 64),
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);

CREATE TABLE invitations (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
  email TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'monitor', 'liaison', 'analyst')),
  party_id TEXT,
  invited_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT,
  CHECK ((role = 'liaison') = (party_id IS NOT NULL))
);

CREATE TABLE password_resets (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);

-- Mail that would be sent; until SMTP is configured the admin reads it here.
CREATE TABLE outbox (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  sent_at TEXT
);

-- The parties a 'restricted' report is shared with (source protection).
CREATE TABLE report_parties (
  report_id BIGINT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  party_id TEXT NOT NULL,
  PRIMARY KEY (report_id, party_id)
);
CREATE INDEX report_parties_party ON report_parties (party_id, report_id);

CREATE TABLE comments (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('incident', 'finding', 'report')),
  subject_id TEXT NOT NULL,
  user_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX comments_subject ON comments (subject_kind, subject_id, id);

CREATE TABLE review_states (
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('incident', 'finding')),
  subject_id TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('machine', 'under_review', 'confirmed', 'rejected', 'disputed')),
  updated_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
  updated_at TEXT NOT NULL,
  comment_id BIGINT REFERENCES comments (id) ON DELETE SET NULL,
  PRIMARY KEY (subject_kind, subject_id)
);

-- Append-only: each entry's hash = sha256(prev_hash + canonical JSON of the entry). UNIQUE prev_hash
-- keeps the chain linear when two writers race (the loser retries on the new head).
CREATE TABLE audit_log (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  before TEXT CHECK (before IS NULL OR before::jsonb IS NOT NULL),
  after TEXT CHECK (after IS NULL OR after::jsonb IS NOT NULL),
  prev_hash TEXT NOT NULL UNIQUE,
  hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
);
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
