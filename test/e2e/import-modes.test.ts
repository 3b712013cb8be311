/**
 * `truce import` gives the same store whichever way it runs: reading in a worker thread or not, one
 * bulk load or a transaction per batch (src/services/import.service.ts), and a second run changes
 * nothing. Fixtures with bad rows, so quarantine entries are compared too.
 */
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { ImportService, type ImportOptions } from '../../src/services/import.service.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite.store.js';
import { ROOT } from './cli.js';

const FIX = resolve(ROOT, 'test/fixtures/import');

async function run(dataset: string, file: string, options: ImportOptions) {
  const store = await openSqliteStore({ path: ':memory:' });
  try {
    const path = join(FIX, file);
    const first = await new ImportService(store).importFile(dataset, path, options);
    const second = await new ImportService(store).importFile(dataset, path, options);
    const events = await store.listEvents({ limit: 10_000 });
    const quarantine = (await store.listQuarantine()).map(({ what, reason, detail }) => ({ what, reason, detail }));
    return { first, second, events, quarantine };
  } finally {
    await store.close();
  }
}

describe('truce import: same store in every mode', () => {
  const modes: ImportOptions[] = [
    { worker: 'never', transactions: 'bulk', batchSize: 2 },
    { worker: 'always', transactions: 'bulk', batchSize: 2 },
    { worker: 'always', transactions: 'batches', batchSize: 1 },
    { worker: 'never', transactions: 'auto' },
  ];
  for (const [dataset, file] of [
    ['acled', 'acled-modern.csv'],
    ['acled', 'acled-old-asia.csv'],
    ['gdelt', 'gdelt.export.CSV'],
  ] as const)
    it(`${file}`, async () => {
      const reference = await run(dataset, file, { worker: 'never', transactions: 'batches', batchSize: 1 });
      assert.ok(reference.events.length > 0);
      assert.equal(reference.second.new, 0, 'a second run adds nothing');
      assert.equal(reference.second.unchanged, reference.first.new);
      for (const options of modes)
        assert.deepEqual(await run(dataset, file, options), reference, JSON.stringify(options));
    });
});
