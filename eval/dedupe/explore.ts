/**
 * `npx tsx eval/dedupe/explore.ts`: the parameter choices of src/ingest/dedupe looked at on the
 * labelled Reuters pairs (not the gate; the measure is `npm run eval -- dedupe`): how close the
 * MinHash estimate is to the exact Jaccard, and which LSH band layouts still find every labelled
 * same-story pair as a candidate, with how many candidates a lookup returns.
 */
import { existsSync } from 'node:fs';
import { createCleanStage } from '../../src/nlp/clean/clean.stage.js';
import {
  DEFAULT_BANDS,
  DEFAULT_PARAMS,
  DuplicateIndex,
  estimateJaccard,
  shingleHashes,
  signature,
  type BandLayout,
} from '../../src/ingest/dedupe/index.js';
import { dataRoot } from '../lib/data.js';
import { formatTable } from '../table.js';
import { postsPath, readPosts } from './corpus.js';
import { readLabels } from './labels.js';

const path = postsPath(dataRoot());
if (!existsSync(path)) {
  console.log(`eval/dedupe/explore: no ${path}; set TRUCE_SHARED_DATA. Nothing measured.`);
  process.exit(0);
}
const clean = createCleanStage();
const bodies = new Map(
  readPosts(path).map((p) => [p.id, clean.run({ input: { raw: p.html, mediaType: 'text/html' } }).body]),
);
const sigs = new Map([...bodies].map(([id, b]) => [id, signature(b)]));
const labels = readLabels();

let err = 0;
let n = 0;
for (const p of labels.pairs) {
  const a = new Set(shingleHashes(bodies.get(p.a)!, DEFAULT_PARAMS.k));
  const b = shingleHashes(bodies.get(p.b)!, DEFAULT_PARAMS.k);
  const inter = b.filter((x) => a.has(x)).length;
  const exact = inter / (a.size + b.length - inter || 1);
  if (exact < 0.05) continue;
  err += Math.abs(estimateJaccard(sigs.get(p.a)!, sigs.get(p.b)!) - exact);
  n++;
}
console.log(
  `MinHash (k=${DEFAULT_PARAMS.k}, P=${DEFAULT_PARAMS.permutations}) vs exact Jaccard, ${n} labelled pairs with exact J >= 0.05: mean absolute error ${(err / Math.max(1, n)).toFixed(3)}\n`,
);

const layouts: BandLayout[] = [
  DEFAULT_BANDS,
  { bands: 64, rows: 2 },
  { bands: 85, rows: 3 },
  { bands: 64, rows: 4 },
  { bands: 32, rows: 4 },
];
const same = labels.pairs.filter((p) => p.label !== 'distinct');
console.log(
  formatTable(
    ['LSH layout', 'same-story pairs found', `mean candidates per lookup (of ${sigs.size - 1})`],
    layouts.map((l) => {
      const ix = new DuplicateIndex<string>(l);
      for (const [id, sig] of sigs) ix.add(id, sig);
      const found = same.filter((p) => ix.candidates(sigs.get(p.a)!).includes(p.b)).length;
      const mean = [...sigs].reduce((s, [id, sig]) => s + ix.candidates(sig).filter((x) => x !== id).length, 0);
      return [`${l.bands} x ${l.rows}`, `${found}/${same.length}`, (mean / sigs.size).toFixed(2)];
    }),
  ),
);
