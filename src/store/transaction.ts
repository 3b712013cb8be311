/**
 * One transaction across awaits, on both backends (Store.transaction). The async flow that opened it
 * is remembered with AsyncLocalStorage, so every store call made from that flow (on the store itself
 * or its sub-stores) joins the transaction, and nested calls become savepoints.
 *
 * SQLite has one connection per store: while a transaction is open, calls from every OTHER async
 * flow wait at the gate until it ends, so no other request's write can slip into it (and be rolled
 * back with it), nor read what it has not committed. PostgreSQL gives the flow its own pooled
 * client; other flows keep using the pool.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import type pg from 'pg';

interface Frame<C> {
  readonly conn: C;
  depth: number;
}

/** The flow -> open transaction map; AsyncLocalStorage is created (and its hooks enabled) on first use. */
class Flows<C> {
  private als: AsyncLocalStorage<Frame<C>> | undefined;

  current(): Frame<C> | undefined {
    return this.als?.getStore();
  }

  run<T>(frame: Frame<C>, work: () => Promise<T>): Promise<T> {
    this.als ??= new AsyncLocalStorage();
    return this.als.run(frame, work);
  }
}

/** Runs `work` under a savepoint of an already open transaction. */
async function savepoint<T>(
  frame: Frame<unknown>,
  exec: (sql: string) => Promise<unknown> | unknown,
  work: () => Promise<T>,
): Promise<T> {
  const name = `truce_sp_${++frame.depth}`;
  await exec(`SAVEPOINT ${name}`);
  try {
    const result = await work();
    await exec(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (error) {
    await exec(`ROLLBACK TO SAVEPOINT ${name}`);
    await exec(`RELEASE SAVEPOINT ${name}`);
    throw error;
  } finally {
    frame.depth--;
  }
}

/** The SQLite side: BEGIN IMMEDIATE ... COMMIT on the store's one connection, behind a gate. */
export class SqliteTransactions {
  private readonly flows = new Flows<symbol>();
  private open: { token: symbol; done: Promise<void> } | null = null;

  constructor(private readonly db: Database.Database) {}

  /** True when the calling flow is inside this store's open transaction. */
  inTransaction(): boolean {
    return this.open !== null && this.flows.current()?.conn === this.open.token;
  }

  /** Resolves when the calling flow may use the connection: no transaction, or its own. */
  async ready(): Promise<void> {
    while (this.open !== null && this.flows.current()?.conn !== this.open.token) await this.open.done;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const frame = this.flows.current();
    if (frame && this.open?.token === frame.conn) return savepoint(frame, (s) => this.db.exec(s), work);
    while (this.open !== null) await this.open.done;
    // No await between the check above and the claim below: the claim is atomic.
    let release!: () => void;
    const token = Symbol('transaction');
    this.open = { token, done: new Promise<void>((r) => (release = r)) };
    try {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await this.flows.run({ conn: token, depth: 0 }, work);
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    } finally {
      this.open = null;
      release();
    }
  }
}

/** The PostgreSQL side: BEGIN ... COMMIT on one pooled client, used by every call of the flow. */
export class PostgresTransactions {
  private readonly flows = new Flows<pg.PoolClient>();

  constructor(private readonly pool: pg.Pool) {}

  /** The calling flow's transaction client, else the pool. */
  conn(): pg.Pool | pg.PoolClient {
    return this.flows.current()?.conn ?? this.pool;
  }

  inTransaction(): boolean {
    return this.flows.current() !== undefined;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const frame = this.flows.current();
    if (frame) return savepoint(frame, (s) => frame.conn.query(s), work);
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await this.flows.run({ conn: client, depth: 0 }, work);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
