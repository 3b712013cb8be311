/**
 * Reads a dataset file into batches of mapped rows for `truce import` (issue 3): the file is read in
 * 1 MiB chunks, split into records by CsvReader, and each record mapped and checked by the dataset's
 * RowMapper. A row the mapper refuses, and a record the CSV reader cannot read, become quarantine
 * entries carried with the batch they were met in, with their row and line numbers. Nothing is
 * written here: the caller stores each batch (src/services/import.service.ts).
 */
import { createReadStream } from 'node:fs';
import { TruceError } from '../../core/errors.js';
import type { NewImportedEvent, NewQuarantine } from '../../store/types.js';
import { CsvReader } from './csv-reader.js';
import { RowError, type DatasetReader, type RowMapper } from './fields.js';

export interface ImportBatch {
  readonly events: NewImportedEvent[];
  /** Rows refused by the mapper and records the CSV reader could not read, in file order. */
  readonly problems: NewQuarantine[];
  /** Data rows read in this batch (header excluded; unreadable records are not rows). */
  readonly read: number;
  /** Rows that are not conflict events (mapper returned null). */
  readonly skipped: number;
  /** Bytes of the file read so far, for progress. */
  readonly bytesRead: number;
}

const CHUNK_BYTES = 1 << 20;
const MAX_DETAIL = 500;

/**
 * Yields a batch whenever `batchSize` rows have been mapped (or as many problems met), and the rest
 * at the end of the file; a batch can run over `batchSize` by the rows of one chunk. Throws E001 if
 * the file does not exist, E002 if it has no header row, and the mapper's RowError if the header is
 * not the dataset's.
 */
export async function* readBatches(
  reader: DatasetReader,
  dataset: string,
  path: string,
  batchSize: number,
): AsyncGenerator<ImportBatch> {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: CHUNK_BYTES });
  try {
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', reject);
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new TruceError('E001_INPUT_NOT_FOUND', { path });
    throw err;
  }

  let mapper: RowMapper | null = reader.header ? null : reader.prepare(null);
  let headerError: unknown = null;
  let row = 0;
  let events: NewImportedEvent[] = [];
  let problems: NewQuarantine[] = [];
  let read = 0;
  let skipped = 0;
  const csv = new CsvReader(
    { delimiter: reader.delimiter, quoted: reader.quoted },
    (record, line) => {
      if (mapper === null) {
        if (headerError !== null) return;
        try {
          mapper = reader.prepare(record);
        } catch (err) {
          headerError = err;
        }
        return;
      }
      row++;
      read++;
      try {
        const mapped = mapper(record);
        if (mapped === null) skipped++;
        else
          // The mapper's fields object is new for every row: it becomes the event, not copied.
          events.push(
            Object.assign(mapped.fields, {
              provenance: { kind: 'import', dataset, file: path, row, sourceId: mapped.sourceId } as const,
            }),
          );
      } catch (err) {
        if (!(err instanceof RowError)) throw err;
        problems.push({
          what: `${path} row ${row} (line ${line})`,
          reason: err.message,
          detail: record.join(reader.delimiter).slice(0, MAX_DETAIL),
        });
      }
    },
    (line, reason) =>
      problems.push({ what: `${path} line ${line}`, reason: `unreadable CSV: ${reason}`, detail: null }),
  );
  const take = (): ImportBatch => {
    const batch = { events, problems, read, skipped, bytesRead: stream.bytesRead };
    events = [];
    problems = [];
    read = skipped = 0;
    return batch;
  };

  try {
    for await (const chunk of stream) {
      csv.push(chunk as string);
      if (headerError !== null) throw headerError;
      if (events.length >= batchSize || problems.length >= batchSize) yield take();
    }
    csv.end();
    if (headerError !== null) throw headerError;
  } finally {
    stream.destroy();
  }
  if (mapper === null) throw new TruceError('E002_INPUT_EMPTY', { what: path });
  yield take();
}
