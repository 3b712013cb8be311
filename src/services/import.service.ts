/**
 * Use case: import a dataset file (ACLED, UCDP GED, GDELT 2.0) into the store. The file is streamed
 * through csv-parse, rows are mapped and checked one by one, and written in batches (one transaction
 * each) through store.putImportedEvents, idempotent on (dataset, source id). A bad row is
 * quarantined with its row and line number and never stops the import.
 */
import { createReadStream } from 'node:fs';
import { parse, type Info } from 'csv-parse';
import { TruceError } from '../core/errors.js';
import { acledReader } from '../ingest/import/acled.js';
import { RowError, type DatasetReader, type RowMapper } from '../ingest/import/fields.js';
import { gdeltReader } from '../ingest/import/gdelt.js';
import { ucdpReader } from '../ingest/import/ucdp.js';
import type { NewImportedEvent, Store } from '../store/store.js';

export const DATASETS: Record<string, DatasetReader> = { acled: acledReader, ucdp: ucdpReader, gdelt: gdeltReader };

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
  /** Rows per transaction (default 50,000: fewer commits rewrite the same index pages less often). */
  readonly batchSize?: number;
  readonly onProgress?: (summary: ImportSummary, bytesRead: number) => void;
}

const MAX_DETAIL = 500;

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
    const stream = createReadStream(path);
    const opened = new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', reject);
    });
    try {
      await opened;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new TruceError('E001_INPUT_NOT_FOUND', { path });
      throw err;
    }
    const parser = stream.pipe(
      parse({
        delimiter: reader.delimiter,
        quote: reader.quoted ? '"' : false,
        bom: true,
        relax_column_count: true,
        relax_quotes: !reader.quoted,
        skip_empty_lines: true,
        skip_records_with_error: true,
        info: true,
      }),
    );
    const skippedByParser: { line: number; reason: string }[] = [];
    parser.on('skip', (err: Error & { lines?: number }) =>
      skippedByParser.push({ line: err.lines ?? 0, reason: err.message }),
    );

    let mapper: RowMapper | null = reader.header ? null : reader.prepare(null);
    let batch: NewImportedEvent[] = [];
    const pendingQuarantine: { what: string; reason: string; detail: string | null }[] = [];
    const flush = async () => {
      if (batch.length) await this.write(batch, summary, path, dataset);
      batch = [];
      for (const q of pendingQuarantine.splice(0)) await this.setAside(q, summary);
      for (const s of skippedByParser.splice(0))
        await this.setAside(
          { what: `${path} line ${s.line}`, reason: `unreadable CSV: ${s.reason}`, detail: null },
          summary,
        );
      options.onProgress?.(summary, stream.bytesRead);
    };

    let row = 0;
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: Info }>) {
      if (mapper === null) {
        mapper = reader.prepare(record);
        continue;
      }
      row++;
      summary.read++;
      try {
        const mapped = mapper(record);
        if (mapped === null) summary.skipped++;
        else
          batch.push({
            ...mapped.fields,
            provenance: { kind: 'import', dataset, file: path, row, sourceId: mapped.sourceId },
          });
      } catch (err) {
        if (!(err instanceof RowError)) throw err;
        pendingQuarantine.push({
          what: `${path} row ${row} (line ${info.lines})`,
          reason: err.message,
          detail: record.join(reader.delimiter).slice(0, MAX_DETAIL),
        });
      }
      if (batch.length >= batchSize || pendingQuarantine.length >= batchSize) await flush();
    }
    if (mapper === null) throw new TruceError('E002_INPUT_EMPTY', { what: path });
    await flush();
    return summary;
  }

  /** One transaction per batch; if the batch is refused, each row alone so only bad rows are set aside. */
  private async write(batch: NewImportedEvent[], summary: ImportSummary, path: string, dataset: string): Promise<void> {
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
            what: `${path} row ${e.provenance.row}`,
            reason: `${dataset} row refused by the store: ${(err as Error).message}`,
            detail: null,
          },
          summary,
        );
      }
    }
  }

  private async setAside(
    entry: { what: string; reason: string; detail: string | null },
    summary: ImportSummary,
  ): Promise<void> {
    try {
      await this.store.quarantine(entry);
      summary.quarantined++;
    } catch {
      summary.failed++;
    }
  }
}
