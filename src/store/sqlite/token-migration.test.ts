/** Migration 0008 on a database made before it: the tokens already there keep working, never used, no expiry. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { loadMigrations } from '../migrations.js';
import { openSqliteStore } from './sqlite.store.js';

describe('migration 0008 (token expiry and last use) on an older database', () => {
  it('adds the columns, leaving existing tokens unexpired and never used', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'truce-0008-'));
    try {
      const path = join(dir, 'old.db');
      // A database as the previous version left it: migrations up to 0007, one user with a token.
      const db = new Database(path);
      db.exec(`CREATE TABLE schema_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
      for (const m of loadMigrations('sqlite').filter((x) => x.version < 8)) {
        db.exec(m.sql);
        db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?, ?)').run(m.version, m.name, m.checksum, 'then');
      }
      db.prepare(
        `INSERT INTO users (id, email, role, password_hash, created_at) VALUES (1, 'o@example.org', 'analyst', 'x', 'then')`,
      ).run();
      db.prepare(
        `INSERT INTO api_tokens (token_hash, user_id, name, created_at) VALUES (?, 1, 'old bot', '2026-01-01T00:00:00.000Z')`,
      ).run('a'.repeat(64));
      db.close();

      const store = await openSqliteStore({ path });
      try {
        const [t] = await store.accounts.listTokens(1);
        assert.deepEqual([t?.name, t?.expiresAt, t?.lastUsedAt], ['old bot', null, null]);
        assert.equal((await store.accounts.tokenUser('a'.repeat(64), '2099-01-01T00:00:00.000Z'))?.tokenId, t?.id);
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
