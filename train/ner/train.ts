/**
 * Trains the statistical name tagger on CoNLL-2003 English train, scores it on testa (dev), and
 * writes the weights to data/entities/model/ner.bin.gz. testb is never read.
 *
 *   npx tsx train/ner/train.ts [--data PATH] [--epochs N] [--bits B] [--out FILE] [--dry]
 *
 * PATH is the shared data folder (holding conll2003-en/) or the conll2003-en folder itself.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { conllCounts } from '../../eval/entities/score.js';
import { dataRoot, fingerprint } from '../../eval/lib/data.js';
import { prf } from '../../eval/lib/prf.js';
import { sentenceFeatures } from '../../src/nlp/entities/model/features.js';
import { decode, train, viterbi, type NerWeights } from '../../src/nlp/entities/model/perceptron.js';
import { decodeWeights, encodeWeights } from '../../src/nlp/entities/model/weights-file.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    epochs: { type: 'string', default: '8' },
    bits: { type: 'string', default: '20' },
    seed: { type: 'string', default: '2003' },
    out: { type: 'string', default: resolve(import.meta.dirname, '../../data/entities/model/ner.bin.gz') },
    dry: { type: 'boolean', default: false },
  },
});

/** Sentences of (word, last-column tag); -DOCSTART- lines and blank lines end a sentence. */
function readConll(path: string): { words: string[][]; tags: string[][] } {
  const words: string[][] = [];
  const tags: string[][] = [];
  let w: string[] = [];
  let t: string[] = [];
  const flush = () => {
    if (w.length) {
      words.push(w);
      tags.push(t);
    }
    w = [];
    t = [];
  };
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const cols = line.trim().split(/\s+/);
    if (!line.trim() || cols[0] === '-DOCSTART-') flush();
    else {
      w.push(cols[0]!);
      t.push(cols[cols.length - 1]!);
    }
  }
  flush();
  return { words, tags };
}

const root = dataRoot(values.data);
const dir = existsSync(join(root, 'eng.train.txt')) ? root : join(root, 'conll2003-en');
const trainPath = join(dir, 'eng.train.txt');
const devPath = join(dir, 'eng.testa.txt');
const trainSet = readConll(trainPath);
const dev = readConll(devPath);
const devFeatures = dev.words.map((s) => sentenceFeatures(s));

/** Dev scores of greedy decoding, or of Viterbi at the given temperature share of the largest weight. */
function score(m: NerWeights, share = 0): Record<string, { p: number; r: number; f1: number }> {
  let max = 0;
  for (const v of m.weights) max = Math.max(max, Math.abs(v));
  const run =
    share > 0
      ? (f: (typeof devFeatures)[number]) => viterbi(m, f, share * max)
      : (f: (typeof devFeatures)[number]) => decode(m, f);
  const predicted = devFeatures.map((f) => run(f).map((c) => m.classes[c]!));
  const counts = conllCounts(dev.tags, predicted);
  const out: Record<string, { p: number; r: number; f1: number }> = {};
  for (const type of ['ALL', 'PER', 'ORG', 'LOC', 'MISC']) {
    const s = prf(counts.get(type)!);
    out[type] = { p: +s.p.toFixed(4), r: +s.r.toFixed(4), f1: +s.f1.toFixed(4) };
  }
  return out;
}

const opts = { epochs: Number(values.epochs), bits: Number(values.bits), seed: Number(values.seed) };
console.log(`train: ${trainSet.words.length} sentences; dev (testa): ${dev.words.length}; ${JSON.stringify(opts)}`);
const t0 = performance.now();
const model = train(trainSet.words, trainSet.tags, {
  ...opts,
  onEpoch: (epoch, m, errors) => {
    const s = score(m);
    console.log(`epoch ${epoch}: ${errors} token errors; dev F1 ${s.ALL!.f1} (P ${s.ALL!.p}, R ${s.ALL!.r})`);
  },
});
const seconds = (performance.now() - t0) / 1000;
const dev1 = score(model);
console.log(`trained in ${seconds.toFixed(1)} s; dev by type: ${JSON.stringify(dev1)}`);

// Viterbi's temperature, picked on dev with the weights as stored (int16).
const stored = decodeWeights(encodeWeights(model));
let viterbiTemperature = 0;
let viterbiDev = dev1;
for (const share of [0.006, 0.008, 0.01, 0.012, 0.014, 0.016]) {
  const s = score(stored, share);
  console.log(`viterbi temperature ${share}: dev F1 ${s.ALL!.f1}`);
  if (s.ALL!.f1 > (viterbiDev.ALL?.f1 ?? 0) || viterbiTemperature === 0) {
    viterbiTemperature = share;
    viterbiDev = s;
  }
}

const meta = {
  date: new Date().toISOString().slice(0, 10),
  command: `npx tsx train/ner/train.ts --epochs ${opts.epochs} --bits ${opts.bits} --seed ${opts.seed}`,
  data: { train: 'conll2003-en/eng.train.txt', dev: 'conll2003-en/eng.testa.txt' },
  fingerprint: fingerprint([trainPath, devPath], opts),
  dev: dev1,
  viterbiTemperature,
  viterbiDev,
};
const file = encodeWeights(model, meta);
console.log(`weights: ${(file.length / 1e6).toFixed(2)} MB; meta ${JSON.stringify(meta)}`);
if (!values.dry) {
  writeFileSync(values.out!, file);
  console.log(`wrote ${values.out}`);
}
