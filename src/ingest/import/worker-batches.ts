/**
 * readBatches in a worker thread: the file is read, parsed and mapped there while the caller writes
 * the previous batch, so reading and SQLite use both cores. Batches arrive packed (packed-batch.ts)
 * and come out as readBatches' own, in the same order, with the same errors (E001, E002, a header
 * RowError) thrown here.
 */
import { Worker } from 'node:worker_threads';
import { TruceError, type ErrorCode } from '../../core/errors.js';
import { RowError } from './fields.js';
import { unpackBatch, type PackedBatch } from './packed-batch.js';
import type { ImportBatch } from './read-batches.js';

export interface ReaderJob {
  readonly dataset: string;
  readonly path: string;
  readonly batchSize: number;
}

type SerializedError =
  | { kind: 'truce'; code: ErrorCode; details: Record<string, string | number> }
  | { kind: 'row'; message: string }
  | { kind: 'other'; message: string; stack: string | undefined };

export type ReaderMessage =
  { type: 'batch'; batch: PackedBatch } | { type: 'end' } | { type: 'error'; error: SerializedError };

export function serializeError(err: unknown): SerializedError {
  if (err instanceof TruceError) return { kind: 'truce', code: err.code, details: { ...err.details } };
  if (err instanceof RowError) return { kind: 'row', message: err.message };
  const e = err instanceof Error ? err : new Error(String(err));
  return { kind: 'other', message: e.message, stack: e.stack };
}

function reviveError(e: SerializedError): Error {
  if (e.kind === 'truce') return new TruceError(e.code, e.details);
  if (e.kind === 'row') return new RowError(e.message);
  const err = new Error(e.message);
  if (e.stack) err.stack = e.stack;
  return err;
}

type Event = ReaderMessage | { type: 'exit'; code: number } | { type: 'crash'; error: Error };

export async function* readBatchesInWorker(job: ReaderJob): AsyncGenerator<ImportBatch> {
  const worker = new Worker(new URL('./read-worker.boot.mjs', import.meta.url), { workerData: job });
  const queue: Event[] = [];
  let wake: (() => void) | null = null;
  const push = (e: Event) => {
    queue.push(e);
    wake?.();
  };
  worker.on('message', (m: ReaderMessage) => push(m));
  worker.on('error', (error) => push({ type: 'crash', error }));
  worker.on('exit', (code) => push({ type: 'exit', code }));
  try {
    for (;;) {
      while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      const e = queue.shift()!;
      if (e.type === 'batch') {
        worker.postMessage('more');
        yield unpackBatch(e.batch);
      } else if (e.type === 'end') return;
      else if (e.type === 'error') throw reviveError(e.error);
      else if (e.type === 'crash') throw e.error;
      else throw new Error(`the import reader thread stopped early (exit code ${e.code})`);
    }
  } finally {
    await worker.terminate();
  }
}
