/** The accounts/access/audit/review contract against SQLite, always (pattern of sqlite.test.ts). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../src/store/sqlite/sqlite.store.js';
import type { Store } from '../../src/store/store.js';
import { accountsContract } from './accounts.contract.js';

const dirs = new Map<Store, string>();

accountsContract('sqlite', {
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
});
