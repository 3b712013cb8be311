-- 0008 (PostgreSQL): an API token's last use (written at most once a minute per token, so a busy
-- script does not turn every request into a write) and its optional expiry. ISO-8601 UTC text,
-- like every other time here; NULL: never used / never expires. Tokens made before keep no expiry.
ALTER TABLE api_tokens ADD COLUMN expires_at TEXT;
ALTER TABLE api_tokens ADD COLUMN last_used_at TEXT;
