/**
 * Numbered plain-SQL migrations (src/store/migrations/<dialect>/NNNN_name.sql). Both dialects share
 * one numbering; each file is applied once, in order, inside a transaction, and recorded with its
 * checksum in schema_migrations so an edited, already-applied file is refused rather than ignored.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  readonly checksum: string;
}

export interface AppliedMigration {
  readonly version: number;
  readonly checksum: string;
}

const FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;
const ROOT = fileURLToPath(new URL('./migrations/', import.meta.url));

export function loadMigrations(dialect: 'sqlite' | 'postgres', root = ROOT): Migration[] {
  const dir = join(root, dialect);
  const migrations = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .map((file) => {
      const m = FILE.exec(file);
      if (!m) throw new Error(`Migration file ${dialect}/${file} is not named NNNN_name.sql`);
      const sql = readFileSync(join(dir, file), 'utf8');
      return {
        version: Number(m[1]),
        name: m[2] as string,
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    })
    .sort((a, b) => a.version - b.version);
  // Numbers may leave gaps (parallel work reserves 0003, 0004 ...) but never repeat; pending ones
  // are applied in number order whatever was applied before.
  migrations.forEach((m, i) => {
    if (i > 0 && m.version === migrations[i - 1]!.version)
      throw new Error(`Migrations for ${dialect} repeat the number ${m.version}`);
  });
  return migrations;
}

/** The migrations still to apply; throws when an applied one was edited or is unknown to this code. */
export function pendingMigrations(all: readonly Migration[], applied: readonly AppliedMigration[]): Migration[] {
  const byVersion = new Map(all.map((m) => [m.version, m]));
  for (const a of applied) {
    const m = byVersion.get(a.version);
    if (!m) throw new Error(`The database has migration ${a.version}, which this version of Truce does not know`);
    if (m.checksum !== a.checksum)
      throw new Error(
        `Migration ${a.version} (${m.name}) was edited after it was applied; add a new migration instead`,
      );
  }
  const done = new Set(applied.map((a) => a.version));
  return all.filter((m) => !done.has(m.version));
}
