/**
 * Use case: import a dataset file (ACLED, UCDP GED, GDELT 2.0) into the store. The file is read in
 * batches of mapped, checked rows (src/ingest/import/read-batches.ts) and written through
 * store.putImportedEvents, idempotent on (dataset, source id). A bad row is quarantined with its row
 * and line number and never stops the import.
 *
 * Transactions (docs/adr/0007-bulk-import-durability.md): when the file is large next to the events
 * table (at least half as many rows as the table holds), the whole import is ONE bulk load
 * (store.bulkLoad: on SQLite the events indexes and R*Tree are built once, before the commit); else
 * each batch is its own transaction. Either way a killed import leaves whole transactions only, and
 * running it again adds exactly the rows that are missing.
 */
import { statSync } from 'node:fs';
import { TruceError } from '../core/errors.js';
import { DATASETS } from '../ingest/import/datasets.js';
import { readBatches, type ImportBatch } from '../ingest/import/read-batches.js';
import { readBatchesInWorker } from '../ingest/import/worker-batches.js';
import type { NewImportedEvent, NewQuarantine, Store } from '../store/store.js';

export { DATASETS };

/** Files from this size are read in a worker thread (below it, starting the thread costs more). */
const WORKER_MIN_BYTES = 8 << 20;
/** Rows per batch read (and per write); a transaction of `batchSize` rows spans several. */
const READ_ROWS = 10_000;

export interface ImportSummary {
  /** Data rows read (header excluded). */
  read: number;
  new: number;
  /** Rows whose (dataset, source id) was already stored: skipped, not duplicated. */
  unchanged: number;
  /** Rows that are not conflict events (GDELT root codes outside 14/18/19/20). */
  skipped: number;
  quarantined: number;
  failed: number;
}

export interface ImportOptions {
  /** Rows per transaction when the import is not one bulk load; default 50,000. */
  readonly batchSize?: number;
  /**
   * 'auto' (default): one bulk load when the file's estimated rows are at least half the events
   * already stored, else a transaction per batch. 'bulk' and 'batches' force one or the other.
   */
  readonly transactions?: 'auto' | 'bulk' | 'batches';
  /** Read, parse and map in a worker thread: 'auto' (default) from 8 MiB, or always / never. */
  readonly worker?: 'auto' | 'always' | 'never';
  readonly onProgress?: (summary: ImportSummary, bytesRead: number) => void;
}

export class ImportService {
  constructor(private readonly store: Store) {}

  async importFile(dataset: string, path: string, options: ImportOptions = {}): Promise<ImportSummary> {
    const reader = DATASETS[dataset];
    if (!reader)
      throw new TruceError('E007_BAD_OPTION', {
        option: 'dataset',
        reason: `"${dataset}" is not one of ${Object.keys(DATASETS).join(', ')}`,
      });
    const batchSize = options.batchSize ?? 50_000;
    const summary: ImportSummary = { read: 0, new: 0, unchanged: 0, skipped: 0, quarantined: 0, failed: 0 };
    const size = statSync(path, { throwIfNoEntry: false })?.size ?? 0;
    const worker = options.worker ?? 'auto';
    // Read in batches of at most 10,000 rows whatever the transaction size: less held in memory.
    const job = { dataset, path, batchSize: Math.min(batchSize, READ_ROWS) };
    const source =
      worker === 'always' || (worker === 'auto' && size >= WORKER_MIN_BYTES)
        ? readBatchesInWorker(job)
        : readBatches(reader, dataset, path, job.batchSize);
    const batches = source[Symbol.asyncIterator]();
    const mode = options.transactions ?? 'auto';
    // Counted while the first batch is read (and the worker thread starts); checked only in 'auto'.
    const stored = mode === 'auto' ? this.store.countEvents() : Promise.resolve(0);
    stored.catch(() => undefined); // awaited below unless the first read fails
    try {
      let current = await batches.next();
      const advance = async (): Promise<boolean> => !(current = await batches.next()).done;
      const handle = async (batch: ImportBatch): Promise<void> => {
        summary.read += batch.read;
        summary.skipped += batch.skipped;
        if (batch.events.length) await this.write(batch.events, summary, dataset);
        for (const q of batch.problems) await this.setAside(q, summary);
      };
      if (current.done) return summary;
      if (bulkWanted(current.value, size, mode, await stored)) {
        await this.store.bulkLoad(async () => {
          do {
            await handle(current.value as ImportBatch);
            options.onProgress?.(summary, (current.value as ImportBatch).bytesRead);
          } while (await advance());
        });
        return summary;
      }
      // A transaction per `batchSize` rows read; progress is reported once each has committed.
      for (let more = true; more;) {
        let bytesRead = 0;
        await this.store.transaction(async () => {
          let rows = 0;
          do {
            const batch = current.value as ImportBatch;
            await handle(batch);
            rows += batch.read;
            bytesRead = batch.bytesRead;
          } while ((more = await advance()) && rows < batchSize);
        });
        options.onProgress?.(summary, bytesRead);
      }
      return summary;
    } finally {
      // Stops the reader (and its thread) when a write failed half-way.
      await batches.return?.(undefined);
    }
  }

  /** One write per batch; if the batch is refused, each row alone so only bad rows are set aside. */
  private async write(batch: NewImportedEvent[], summary: ImportSummary, dataset: string): Promise<void> {
    try {
      const r = await this.store.putImportedEvents(batch);
      summary.new += r.inserted;
      summary.unchanged += r.duplicates;
      return;
    } catch {
      // fall through to row by row
    }
    for (const e of batch) {
      try {
        const r = await this.store.putImportedEvents([e]);
        summary.new += r.inserted;
        summary.unchanged += r.duplicates;
      } catch (err) {
        await this.setAside(
          {
            what: `${e.provenance.file} row ${e.provenance.row}`,
            reason: `${dataset} row refused by the store: ${(err as Error).message}`,
            detail: null,
          },
          summary,
        );
      }
    }
  }

  private async setAside(entry: NewQuarantine, summary: ImportSummary): Promise<void> {
    try {
      await this.store.quarantine(entry);
      summary.quarantined++;
    } catch {
      summary.failed++;
    }
  }
}

/** One bulk load when the file will add at least half as many rows as the events table holds. */
function bulkWanted(first: ImportBatch, size: number, mode: 'auto' | 'bulk' | 'batches', stored: number): boolean {
  if (mode !== 'auto') return mode === 'bulk';
  const rowsPerByte = first.read / Math.max(1, first.bytesRead);
  const expected = Math.round(rowsPerByte * Math.max(size, first.bytesRead));
  return expected * 2 >= stored;
}
