/**
 * A minimal async SQL runner over either backend, for the account, audit, access and review stores:
 * they are written once with `?` placeholders (rewritten to $n for PostgreSQL) and use only
 * single-statement writes, so neither backend needs a transaction spanning awaits.
 */
import type Database from 'better-sqlite3';
import type pg from 'pg';

export type Row = Record<string, unknown>;

export interface Sql {
  readonly dialect: 'sqlite' | 'postgres';
  all(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  get(sql: string, params?: readonly unknown[]): Promise<Row | undefined>;
  /** Runs a write; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
}

/** `?` -> `$1, $2 ...`; our statements never hold a literal question mark. */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

export function sqliteRunner(db: Database.Database): Sql {
  const cache = new Map<string, Database.Statement>();
  const stmt = (sql: string): Database.Statement => {
    let s = cache.get(sql);
    if (!s) cache.set(sql, (s = db.prepare(sql)));
    return s;
  };
  return {
    dialect: 'sqlite',
    async all(sql, params = []) {
      return stmt(sql).all(...params) as Row[];
    },
    async get(sql, params = []) {
      return stmt(sql).get(...params) as Row | undefined;
    },
    async run(sql, params = []) {
      return stmt(sql).run(...params).changes;
    },
  };
}

export function postgresRunner(pool: pg.Pool): Sql {
  return {
    dialect: 'postgres',
    async all(sql, params = []) {
      return (await pool.query(numberPlaceholders(sql), params as unknown[])).rows as Row[];
    },
    async get(sql, params = []) {
      return (await pool.query(numberPlaceholders(sql), params as unknown[])).rows[0] as Row | undefined;
    },
    async run(sql, params = []) {
      return (await pool.query(numberPlaceholders(sql), params as unknown[])).rowCount ?? 0;
    },
  };
}
