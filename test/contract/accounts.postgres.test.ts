/**
 * The store contract against PostgreSQL, when one is there: TRUCE_PG_URL, or a server answering on
 * 127.0.0.1:5432. Each test gets a fresh schema, dropped afterwards. Without a server: skipped.
 */
import { describe, it } from 'node:test';
import pg from 'pg';
import { openPostgresStore } from '../../src/store/postgres/postgres.store.js';
import type { Store } from '../../src/store/store.js';
import { accountsContract } from './accounts.contract.js';

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

const schemas = new Map<Store, string>();
let counter = 0;

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

if (await reachable()) {
  const run = `truce_acct_${process.pid}_${Date.now().toString(36)}`;
  accountsContract('postgres', {
    async open() {
      const schema = `${run}_${++counter}`;
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
} else {
  describe('accounts contract: postgres', () => {
    it('PostgreSQL tests skipped: set TRUCE_PG_URL', { skip: 'PostgreSQL tests skipped: set TRUCE_PG_URL' }, () => {});
  });
}
