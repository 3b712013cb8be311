/**
 * Child process for import-kill.test.ts: imports an ACLED file into a SQLite store with the given
 * transactions mode ('bulk' or 'batches'), printing `progress N` after each batch is written (in
 * 'batches' mode, after it committed), until done or killed.
 * Usage: node --import tsx test/contract/import-child.ts DB_PATH CSV_PATH MODE
 */
import { ImportService } from '../../src/services/import.service.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite.store.js';

const [path, csv, mode] = process.argv.slice(2);
if (!path || !csv || (mode !== 'bulk' && mode !== 'batches')) throw new Error('usage: DB_PATH CSV_PATH bulk|batches');
const store = await openSqliteStore({ path, synchronous: 'NORMAL' });
await new ImportService(store).importFile('acled', csv, {
  transactions: mode,
  batchSize: 2000,
  worker: 'always',
  onProgress: (s) => process.stdout.write(`progress ${s.read}\n`),
});
process.stdout.write('done\n');
await store.close();
