/**
 * A minimal async SQL runner over either backend, for the account, audit, access, review and
 * watchlist stores: they are written once with `?` placeholders (rewritten to $n for PostgreSQL).
 * Statements join the calling flow's open transaction (Store.transaction, transaction.ts).
 */
import type Database from 'better-sqlite3';
import type { PostgresTransactions, SqliteTransactions } from './transaction.js';

export type Row = Record<string, unknown>;

export interface Sql {
  readonly dialect: 'sqlite' | 'postgres';
  all(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  get(sql: string, params?: readonly unknown[]): Promise<Row | undefined>;
  /** Runs a write; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  /** Runs `work` in one transaction (a savepoint when one is already open in this flow). */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  /** True when the calling flow is inside an open transaction. */
  inTransaction(): boolean;
}

/** `?` -> `$1, $2 ...`; our statements never hold a literal question mark. */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

export function sqliteRunner(db: Database.Database, tx: SqliteTransactions): Sql {
  const cache = new Map<string, Database.Statement>();
  const stmt = (sql: string): Database.Statement => {
    let s = cache.get(sql);
    if (!s) cache.set(sql, (s = db.prepare(sql)));
    return s;
  };
  return {
    dialect: 'sqlite',
    async all(sql, params = []) {
      await tx.ready();
      return stmt(sql).all(...params) as Row[];
    },
    async get(sql, params = []) {
      await tx.ready();
      return stmt(sql).get(...params) as Row | undefined;
    },
    async run(sql, params = []) {
      await tx.ready();
      return stmt(sql).run(...params).changes;
    },
    transaction: (work) => tx.run(work),
    inTransaction: () => tx.inTransaction(),
  };
}

export function postgresRunner(tx: PostgresTransactions): Sql {
  const query = (sql: string, params: readonly unknown[]) => tx.conn().query(numberPlaceholders(sql), [...params]);
  return {
    dialect: 'postgres',
    async all(sql, params = []) {
      return (await query(sql, params)).rows as Row[];
    },
    async get(sql, params = []) {
      return (await query(sql, params)).rows[0] as Row | undefined;
    },
    async run(sql, params = []) {
      return (await query(sql, params)).rowCount ?? 0;
    },
    transaction: (work) => tx.run(work),
    inTransaction: () => tx.inTransaction(),
  };
}
