/**
 * `npx tsx eval/dedupe/run.ts`: measures near-duplicate detection on the 207 Reuters posts of
 * ../shared against hand labels (eval/dedupe/labels.json). The posts are Reuters copyright, so
 * they are read from ../shared and never copied; without ../shared nothing is scored.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { createCleanStage } from '../../src/nlp/clean/clean.stage.js';
import {
  DEFAULT_BANDS,
  DEFAULT_PARAMS,
  DuplicateIndex,
  SIGNATURE_FORMAT,
  compare,
  defaultThresholds,
  shingleHashes,
  signature,
  type BandLayout,
} from '../../src/ingest/dedupe/index.js';
import { formatTable } from '../table.js';
import { readLabels } from './labels.js';
import { binaryScore, confusion, sameStory, type Scored } from './score.js';

const dir = resolve(
  process.env.TRUCE_SHARED_DATA ?? resolve(import.meta.dirname, '../../../shared/data'),
  'reuters-2016-conflict-unlabeled',
);
const postsPath = resolve(dir, 'posts.jsonl');
if (!existsSync(postsPath)) {
  console.log(
    `eval:dedupe: ../shared is absent (no ${postsPath}); set TRUCE_SHARED_DATA to its data folder. Nothing scored.`,
  );
  process.exit(0);
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

// ---------------------------------------------------------------- read and clean
const clean = createCleanStage();
const posts = readFileSync(postsPath, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as { post_path: string; raw_body_html: string });
const bodies = new Map<string, string>();
for (const p of posts)
  bodies.set(p.post_path, clean.run({ input: { raw: p.raw_body_html, mediaType: 'text/html' } }).body);
const words = [...bodies.values()].reduce((n, b) => n + b.split(/\s+/).length, 0);
console.log(
  `Corpus: ${postsPath}\n${bodies.size} posts cleaned, ${Math.round(words / bodies.size)} words on average\n`,
);

const labels = readLabels();
const missing = labels.pairs.filter((p) => !bodies.has(p.a) || !bodies.has(p.b));
if (missing.length) throw new Error(`${missing.length} labelled posts are not in the corpus (first: ${missing[0]!.a})`);

// ---------------------------------------------------------------- signatures and index
const sigs = new Map<string, Uint32Array>();
for (const [path, body] of bodies) sigs.set(path, signature(body));
const index = new DuplicateIndex<string>();
for (const [path, sig] of sigs) index.add(path, sig);
const isCandidate = (a: string, b: string) => index.candidates(sigs.get(a)!).includes(b);

// ---------------------------------------------------------------- accuracy
const t = defaultThresholds();
const classified: Scored[] = [];
const endToEnd: Scored[] = [];
const errors: string[] = [];
for (const p of labels.pairs) {
  const c = compare(sigs.get(p.a)!, sigs.get(p.b)!, t);
  classified.push({ gold: p.label, predicted: c.relation });
  endToEnd.push({ gold: p.label, predicted: isCandidate(p.a, p.b) ? c.relation : 'distinct' });
  if (c.relation !== p.label) {
    errors.push(
      `${p.label} -> ${c.relation}  J=${c.jaccard.toFixed(3)} C=${c.containment.toFixed(3)}  ${p.a} | ${p.b}`,
    );
  }
}
const counts = (l: string) => labels.pairs.filter((p) => p.label === l).length;
console.log(
  `Labels: ${labels.pairs.length} pairs (${counts('copy')} copy, ${counts('version')} version, ${counts('distinct')} distinct), labelled ${labels.labelled.slice(0, 10)}`,
);
console.log(
  `Signature k=${DEFAULT_PARAMS.k} P=${DEFAULT_PARAMS.permutations} format ${SIGNATURE_FORMAT}; LSH ${DEFAULT_BANDS.bands} bands x ${DEFAULT_BANDS.rows} rows`,
);
console.log(
  `Thresholds: copy J>=${t.copy.jaccard}; version J>=${t.version.jaccard} or (C>=${t.version.containment} and J>=${t.version.containmentMinJaccard})\n`,
);
const row = (name: string, rows: Scored[], pos: (r: string) => boolean) => {
  const s = binaryScore(rows, pos as never);
  return [name, s.tp, s.fp, s.fn, pct(s.precision), pct(s.recall), pct(s.f1)];
};
console.log(
  formatTable(
    ['same story (copy or version)', 'tp', 'fp', 'fn', 'precision', 'recall', 'F1'],
    [
      row('compare() on every labelled pair', classified, sameStory as never),
      row('end to end: LSH candidate, then compare()', endToEnd, sameStory as never),
      row('copy only (compare)', classified, ((r: string) => r === 'copy') as never),
      row('version only (compare)', classified, ((r: string) => r === 'version') as never),
    ],
  ),
);
const m = confusion(classified);
console.log(
  `\n${formatTable(
    ['gold \\ predicted', 'copy', 'version', 'distinct'],
    ['copy', 'version', 'distinct'].map((g, i) => [g, ...m[i]!]),
  )}`,
);
if (errors.length) console.log(`\nDisagreements:\n${errors.map((e) => `- ${e}`).join('\n')}`);

// ---------------------------------------------------------------- estimate quality and LSH layouts
let absErr = 0;
let n = 0;
const exact = new Map([...bodies].map(([k, b]) => [k, new Set(shingleHashes(b, DEFAULT_PARAMS.k))]));
for (const p of labels.pairs) {
  const A = exact.get(p.a)!;
  const B = exact.get(p.b)!;
  let inter = 0;
  for (const x of A) if (B.has(x)) inter++;
  const j = inter / (A.size + B.size - inter || 1);
  if (j < 0.05) continue;
  absErr += Math.abs(compare(sigs.get(p.a)!, sigs.get(p.b)!, t).jaccard - j);
  n++;
}
console.log(
  `\nMinHash estimate vs exact Jaccard (${n} labelled pairs with exact J >= 0.05): mean absolute error ${absErr / n >= 0 ? (absErr / n).toFixed(3) : '-'}`,
);

const layouts: BandLayout[] = [
  DEFAULT_BANDS,
  { bands: 64, rows: 2 },
  { bands: 64, rows: 4 },
  { bands: 32, rows: 4 },
  { bands: 85, rows: 3 },
];
const same = labels.pairs.filter((p) => p.label !== 'distinct');
console.log(
  `\n${formatTable(
    ['LSH layout', 'same-story pairs found', 'mean candidates per lookup (of 206)'],
    layouts.map((l) => {
      const ix = new DuplicateIndex<string>(l);
      for (const [path, sig] of sigs) ix.add(path, sig);
      const found = same.filter((p) => ix.candidates(sigs.get(p.a)!).includes(p.b)).length;
      const mean =
        [...sigs].reduce((s, [path, sig]) => s + ix.candidates(sig).filter((x) => x !== path).length, 0) / sigs.size;
      return [`${l.bands} x ${l.rows}`, `${found}/${same.length}`, mean.toFixed(2)];
    }),
  )}`,
);

// ---------------------------------------------------------------- timing
const texts = [...bodies.values()];
const rounds = 5;
signature(texts[0]!); // warm up
let start = performance.now();
for (let r = 0; r < rounds; r++) for (const text of texts) signature(text);
const sigMs = (performance.now() - start) / (rounds * texts.length);
// A large index of synthetic signatures (random minima) to time lookups away from a toy size.
const big = new DuplicateIndex<number>();
const size = 100_000;
const header = sigs.values().next().value!.subarray(0, 2);
start = performance.now();
for (let i = 0; i < size; i++) {
  const s = new Uint32Array(2 + DEFAULT_PARAMS.permutations);
  s.set(header);
  for (let j = 2; j < s.length; j++) s[j] = (Math.random() * 0x100000000) >>> 0;
  big.add(i, s);
}
const addMs = (performance.now() - start) / size;
start = performance.now();
let hits = 0;
for (let r = 0; r < 10; r++) for (const sig of sigs.values()) hits += big.candidates(sig).length;
const lookupMs = (performance.now() - start) / (10 * sigs.size);
console.log(
  `\nTiming (one core): signature ${sigMs.toFixed(3)} ms per report (${Math.round(1000 / sigMs)} signatures/s, ${Math.round(words / bodies.size)} words);` +
    ` index add ${(addMs * 1000).toFixed(1)} us (incl. making a random signature); lookup in an index of ${size.toLocaleString('en')} ${(lookupMs * 1000).toFixed(1)} us (${hits} spurious hits)`,
  `\nMachine load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores: timings on a busy machine are upper bounds.`,
);
