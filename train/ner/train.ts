/**
 * Trains the statistical name tagger on CoNLL-2003 English train, scores it on testa (dev), and
 * writes the weights to data/entities/model/ner.bin.gz. testb is never read.
 *
 *   npx tsx train/ner/train.ts [--data PATH] [--epochs N] [--bits B] [--out FILE] [--dry]
 *     [--folds K] [--doc-seeds S1,S2,...] [--doc-epochs N]
 *
 * PATH is the shared data folder (holding conll2003-en/) or the conll2003-en folder itself.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { conllCounts } from '../../eval/entities/score.js';
import { dataRoot, fingerprint } from '../../eval/lib/data.js';
import { prf } from '../../eval/lib/prf.js';
import { documentSentenceFeatures } from '../../src/nlp/entities/model/document.js';
import { sentenceFeatures, type SentenceFeatures } from '../../src/nlp/entities/model/features.js';
import { decode, train, viterbi, type NerWeights } from '../../src/nlp/entities/model/perceptron.js';
import { decodeWeights, encodeWeights } from '../../src/nlp/entities/model/weights-file.js';
import { setWordTable } from '../../src/nlp/entities/model/word-table.js';
import { buildWordTable, REUTERS_POSTS, reutersSentences } from './lexicon.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    epochs: { type: 'string', default: '8' },
    bits: { type: 'string', default: '20' },
    seed: { type: 'string', default: '2003' },
    out: { type: 'string', default: resolve(import.meta.dirname, '../../data/entities/model/ner.bin.gz') },
    dry: { type: 'boolean', default: false },
    // The document-level second model (document.ts), trained on k-fold first-pass tags of train.
    doc: { type: 'boolean', default: true },
    'doc-epochs': { type: 'string', default: '8' },
    // Folds of train for the second model's first-pass tags (each fold tagged by a model of the rest).
    folds: { type: 'string', default: '4' },
    // Seeds of the second model's shuffles; the stored model is the mean of their weights.
    'doc-seeds': { type: 'string', default: '2003,7,11' },
    'doc-out': { type: 'string', default: resolve(import.meta.dirname, '../../data/entities/model/ner-doc.bin.gz') },
    // The word table's parts (lexicon.ts): "clusters,cases,gazetteer", or "none".
    table: { type: 'string', default: 'clusters,cases,gazetteer' },
  },
});

/** Sentences of (word, last-column tag); -DOCSTART- lines and blank lines end a sentence. */
function readConll(path: string): { words: string[][]; tags: string[][]; docs: number[] } {
  const words: string[][] = [];
  const tags: string[][] = [];
  /** Per sentence, its document's number. */
  const docs: number[] = [];
  let doc = 0;
  let w: string[] = [];
  let t: string[] = [];
  const flush = () => {
    if (w.length) {
      words.push(w);
      tags.push(t);
      docs.push(doc);
    }
    w = [];
    t = [];
  };
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const cols = line.trim().split(/\s+/);
    if (!line.trim() || cols[0] === '-DOCSTART-') {
      flush();
      if (cols[0] === '-DOCSTART-') doc++;
    } else {
      w.push(cols[0]!);
      t.push(cols[cols.length - 1]!);
    }
  }
  flush();
  return { words, tags, docs };
}

const root = dataRoot(values.data);
const dir = existsSync(join(root, 'eng.train.txt')) ? root : join(root, 'conll2003-en');
const trainPath = join(dir, 'eng.train.txt');
const devPath = join(dir, 'eng.testa.txt');
const trainSet = readConll(trainPath);
const dev = readConll(devPath);

// The word table, from unlabelled text (CoNLL train words, Reuters posts) and our dictionaries.
const parts = new Set(values.table!.split(','));
const reutersPath = REUTERS_POSTS(dir === root ? join(root, '..') : root);
const t00 = performance.now();
const wordTable =
  parts.has('none') || parts.size === 0
    ? null
    : buildWordTable([...trainSet.words, ...reutersSentences(reutersPath)], {
        clusters: parts.has('clusters'),
        cases: parts.has('cases'),
        gazetteer: parts.has('gazetteer'),
      });
setWordTable(wordTable);
console.log(
  `word table: ${wordTable?.size ?? 0} entries (${values.table}) in ${((performance.now() - t00) / 1000).toFixed(1)} s`,
);
const devFeatures: SentenceFeatures[] = dev.words.map((s) => sentenceFeatures(s));

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
const stored = decodeWeights(encodeWeights(model, {}, wordTable));
let viterbiTemperature = 0;
let viterbiDev = dev1;
for (const share of [0.012, 0.016, 0.02, 0.025, 0.03]) {
  const s = score(stored, share);
  console.log(`viterbi temperature ${share}: dev F1 ${s.ALL!.f1}`);
  if (s.ALL!.f1 > (viterbiDev.ALL?.f1 ?? 0) || viterbiTemperature === 0) {
    viterbiTemperature = share;
    viterbiDev = s;
  }
}

const meta = {
  date: new Date().toISOString().slice(0, 10),
  command: `npx tsx train/ner/train.ts --epochs ${opts.epochs} --bits ${opts.bits} --seed ${opts.seed} --table ${values.table} --doc-epochs ${values['doc-epochs']} --folds ${values.folds} --doc-seeds ${values['doc-seeds']}`,
  data: {
    train: 'conll2003-en/eng.train.txt',
    dev: 'conll2003-en/eng.testa.txt',
    unlabelled: 'reuters-2016-conflict-unlabeled/posts.jsonl',
  },
  fingerprint: fingerprint(existsSync(reutersPath) ? [trainPath, devPath, reutersPath] : [trainPath, devPath], {
    ...opts,
    table: values.table,
  }),
  dev: dev1,
  viterbiTemperature,
  viterbiDev,
};
const file = encodeWeights(model, meta, wordTable);
console.log(`weights: ${(file.length / 1e6).toFixed(2)} MB; meta ${JSON.stringify(meta)}`);
if (!values.dry) {
  writeFileSync(values.out!, file);
  console.log(`wrote ${values.out}`);
}

/**
 * Sentence indices grouped into documents: this CoNLL copy has no -DOCSTART- lines (one article's
 * sentences are consecutive), so a document is a run of sentences up to 400 tokens, as `truce tag
 * --conll` (tag.service.ts) groups them, starting afresh at a -DOCSTART- where there is one.
 */
function documents(words: readonly (readonly string[])[], docs: readonly number[]): number[][] {
  const out: number[][] = [];
  let count = 0;
  words.forEach((s, i) => {
    if (i === 0 || docs[i] !== docs[i - 1] || (count > 0 && count + s.length > 400)) {
      out.push([]);
      count = 0;
    }
    out[out.length - 1]!.push(i);
    count += s.length;
  });
  return out;
}

if (values.doc) {
  const share = viterbiTemperature || 0.012;
  const maxOf = (m: NerWeights) => {
    let max = 0;
    for (const v of m.weights) max = Math.max(max, Math.abs(v));
    return max;
  };
  const firstPassOf = (m: NerWeights, words: readonly (readonly string[])[]) => {
    const t = share * maxOf(m);
    return words.map((s) => viterbi(m, sentenceFeatures(s), t));
  };
  // First-pass tags of train, each fold's from a model trained on the other folds' documents.
  const t1 = performance.now();
  const trainDocs = documents(trainSet.words, trainSet.docs);
  const firstTrain: number[][] = new Array(trainSet.words.length);
  const folds = Number(values.folds);
  for (let fold = 0; fold < folds; fold++) {
    const inFold = trainDocs.filter((_, d) => d % folds === fold).flat();
    const outFold = trainDocs.filter((_, d) => d % folds !== fold).flat();
    const m = train(
      outFold.map((i) => trainSet.words[i]!),
      outFold.map((i) => trainSet.tags[i]!),
      opts,
    );
    const tags = firstPassOf(
      m,
      inFold.map((i) => trainSet.words[i]!),
    );
    inFold.forEach((i, k) => (firstTrain[i] = tags[k]!));
  }
  const trainFeatures = new Array<SentenceFeatures>(trainSet.words.length);
  for (const d of trainDocs) {
    const f = documentSentenceFeatures(
      d.map((i) => trainSet.words[i]!),
      d.map((i) => firstTrain[i]!),
      model.classes,
    );
    d.forEach((i, k) => (trainFeatures[i] = f[k]!));
  }
  // Dev: the stored first model's Viterbi tags, documents as in the file.
  const firstDev = firstPassOf(stored, dev.words);
  for (const d of documents(dev.words, dev.docs)) {
    const f = documentSentenceFeatures(
      d.map((i) => dev.words[i]!),
      d.map((i) => firstDev[i]!),
      model.classes,
    );
    d.forEach((i, k) => (devFeatures[i] = f[k]!));
  }
  const docEpochs = Number(values['doc-epochs']);
  const models2 = values['doc-seeds']!.split(',').map((seed) =>
    train(trainSet.words, trainSet.tags, {
      ...opts,
      seed: Number(seed),
      epochs: docEpochs,
      features: trainFeatures,
      onEpoch: (epoch, m, errors) => {
        if (epoch < docEpochs) return;
        const s = score(m);
        console.log(`doc seed ${seed}: ${errors} token errors; dev F1 ${s.ALL!.f1} (P ${s.ALL!.p}, R ${s.ALL!.r})`);
      },
    }),
  );
  const mean = new Float32Array(models2[0]!.weights.length);
  for (const m of models2) for (let k = 0; k < mean.length; k++) mean[k] = mean[k]! + m.weights[k]! / models2.length;
  const model2: NerWeights = { ...models2[0]!, weights: mean };
  const seconds2 = (performance.now() - t1) / 1000;
  const stored2 = decodeWeights(encodeWeights(model2));
  const greedy2 = score(stored2);
  let share2 = 0;
  let best2 = greedy2;
  for (const sh of [0.016, 0.02, 0.025, 0.03, 0.04]) {
    const s = score(stored2, sh);
    console.log(`doc viterbi temperature ${sh}: dev F1 ${s.ALL!.f1}`);
    if (s.ALL!.f1 > (best2.ALL?.f1 ?? 0) || share2 === 0) {
      share2 = sh;
      best2 = s;
    }
  }
  console.log(`doc model trained in ${seconds2.toFixed(1)} s; dev ${JSON.stringify(best2)}`);
  const meta2 = { ...meta, secondPass: true, dev: greedy2, viterbiTemperature: share2, viterbiDev: best2 };
  const file2 = encodeWeights(model2, meta2);
  console.log(`doc weights: ${(file2.length / 1e6).toFixed(2)} MB`);
  if (!values.dry) {
    writeFileSync(values['doc-out']!, file2);
    console.log(`wrote ${values['doc-out']}`);
  }
}
