/**
 * The two backends every contract suite runs against: SQLite always (a fresh temporary file per
 * test), PostgreSQL when TRUCE_PG_URL is set or a server answers on 127.0.0.1:5432 (a fresh schema
 * per test, dropped afterwards). Without a server the PostgreSQL suites are skipped with a message.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import pg from 'pg';
import { openPostgresStore } from '../../src/store/postgres/postgres.store.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite.store.js';
import type { Store } from '../../src/store/store.js';
import type { StoreFactory } from './store.contract.js';

export function sqliteFactory(): StoreFactory {
  const dirs = new Map<Store, string>();
  return {
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'truce-store-'));
      const store = await openSqliteStore({ path: join(dir, 'truce.db'), synchronous: 'NORMAL' });
      dirs.set(store, dir);
      return store;
    },
    async dispose(store) {
      await store.close();
      rmSync(dirs.get(store) as string, { recursive: true, force: true });
      dirs.delete(store);
    },
  };
}

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const url = process.env.TRUCE_PG_URL ?? DEFAULT_URL;

/** With TRUCE_PG_URL set, a dead server is a failure; without it, only a reason to skip. */
async function reachable(): Promise<boolean> {
  if (process.env.TRUCE_PG_URL) return true;
  const client = new pg.Client({ connectionString: DEFAULT_URL, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** Runs `contract` against PostgreSQL when a server is there; otherwise one skipped test says why. */
export async function withPostgres(
  name: string,
  contract: (backend: string, factory: StoreFactory) => void,
): Promise<void> {
  if (!(await reachable())) {
    describe(`${name}: postgres`, () => {
      it(
        'PostgreSQL tests skipped: set TRUCE_PG_URL',
        { skip: 'PostgreSQL tests skipped: set TRUCE_PG_URL' },
        () => {},
      );
    });
    return;
  }
  const run = `truce_${name.replace(/\W+/g, '_')}_${process.pid}_${Date.now().toString(36)}`.slice(0, 50);
  const schemas = new Map<Store, string>();
  let counter = 0;
  contract('postgres', {
    async open() {
      const schema = `${run}_${++counter}`.toLowerCase();
      const store = await openPostgresStore({ url, schema, maxConnections: 4 });
      schemas.set(store, schema);
      return store;
    },
    async dispose(store) {
      await store.close();
      await dropSchema(schemas.get(store) as string);
      schemas.delete(store);
    },
  });
}
