// Worker thread bootstrap for worker-batches.ts: tsx's `--import tsx` hook does not reach worker
// threads on Node 20, so the TypeScript entry is loaded through tsx's own API.
import { tsImport } from 'tsx/esm/api';

await tsImport('./read-worker.ts', import.meta.url);
