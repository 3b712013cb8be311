/** Opens the store a command works on: `--db FILE`, else TRUCE_DB, else ./truce.db (SQLite). */
import { openSqliteStore } from '../store/sqlite/sqlite.store.js';
import type { Store } from '../store/store.js';

export function storePath(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? (env.TRUCE_DB || './truce.db');
}

export async function openStore(flag?: string, options: { bulk?: boolean } = {}): Promise<Store> {
  // Bulk imports use synchronous=NORMAL: still safe against a killed process, only not power loss.
  return openSqliteStore({ path: storePath(flag), synchronous: options.bulk ? 'NORMAL' : 'FULL' });
}
