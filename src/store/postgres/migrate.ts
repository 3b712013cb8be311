/** Applies the pending PostgreSQL migrations in one transaction, one process at a time. */
import type pg from 'pg';
import { loadMigrations, pendingMigrations, type AppliedMigration } from '../migrations.js';

export async function migrate(c: pg.PoolClient): Promise<void> {
  await c.query('BEGIN');
  try {
    // Two processes opening the same schema at once migrate one after the other.
    await c.query(`SELECT pg_advisory_xact_lock(hashtext('truce_migrations:' || current_schema()))`);
    await c.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`);
    const applied = (await c.query('SELECT version, checksum FROM schema_migrations')).rows as AppliedMigration[];
    for (const m of pendingMigrations(loadMigrations('postgres'), applied)) {
      await c.query(m.sql);
      await c.query('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, now())', [
        m.version,
        m.name,
        m.checksum,
      ]);
    }
    await c.query('COMMIT');
  } catch (error) {
    await c.query('ROLLBACK');
    throw error;
  }
}
