import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { TruceError } from '../../core/errors.js';
import { DATASETS } from './datasets.js';
import { RowError } from './fields.js';
import { readBatches, type ImportBatch } from './read-batches.js';
import { readBatchesInWorker } from './worker-batches.js';

const FIX = resolve(import.meta.dirname, '../../../test/fixtures/import');

async function all(batches: AsyncIterable<ImportBatch>): Promise<ImportBatch[]> {
  const out: ImportBatch[] = [];
  for await (const b of batches) out.push(b);
  return out;
}

describe('readBatchesInWorker', () => {
  const cases: [string, string, number][] = [
    ['acled', 'acled-modern.csv', 2],
    ['acled', 'acled-old-asia.csv', 50_000],
    ['acled', 'acled-old-africa.csv', 1],
    ['ucdp', 'ucdp-ged.csv', 2],
    ['gdelt', 'gdelt.export.CSV', 50_000],
  ];
  for (const [dataset, file, size] of cases)
    it(`yields what readBatches yields: ${file}, batches of ${size}`, async () => {
      const path = join(FIX, file);
      const here = await all(readBatches(DATASETS[dataset]!, dataset, path, size));
      const there = await all(readBatchesInWorker({ dataset, path, batchSize: size }));
      assert.deepEqual(there, here);
      assert.ok(here.length >= 1);
    });

  it('throws the reader errors here: E001 for a missing file, the header RowError', async () => {
    await assert.rejects(
      all(readBatchesInWorker({ dataset: 'acled', path: join(FIX, 'nope.csv'), batchSize: 10 })),
      (err: unknown) => err instanceof TruceError && err.code === 'E001_INPUT_NOT_FOUND',
    );
    await assert.rejects(
      all(readBatchesInWorker({ dataset: 'acled', path: join(FIX, 'ucdp-ged.csv'), batchSize: 10 })),
      (err: unknown) => err instanceof RowError && /not an ACLED export/.test(err.message),
    );
  });

  it('stops the thread when the caller stops early', async () => {
    const batches = readBatchesInWorker({ dataset: 'acled', path: join(FIX, 'acled-modern.csv'), batchSize: 1 });
    for await (const b of batches) {
      assert.ok(b.events.length + b.problems.length > 0);
      break; // return() terminates the worker; the test would hang on a live thread otherwise
    }
  });
});
