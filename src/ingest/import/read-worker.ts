/**
 * Worker thread entry of worker-batches.ts: reads, parses and maps a dataset file (readBatches) and
 * posts each batch packed (packed-batch.ts). It runs at most two batches ahead of the writer, which
 * sends one credit per batch it takes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DATASETS } from './datasets.js';
import { packBatch, transferables } from './packed-batch.js';
import { readBatches } from './read-batches.js';
import { serializeError, type ReaderJob, type ReaderMessage } from './worker-batches.js';

const port = parentPort!;
const job = workerData as ReaderJob;
let credits = 2;
let wake: (() => void) | null = null;
port.on('message', () => {
  credits++;
  wake?.();
});
const post = (m: ReaderMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

try {
  const reader = DATASETS[job.dataset];
  if (!reader) throw new Error(`no reader for dataset "${job.dataset}"`);
  for await (const batch of readBatches(reader, job.dataset, job.path, job.batchSize)) {
    while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
    credits--;
    const packed = packBatch(batch);
    post({ type: 'batch', batch: packed }, transferables(packed));
  }
  post({ type: 'end' });
} catch (err) {
  post({ type: 'error', error: serializeError(err) });
}
port.close();
