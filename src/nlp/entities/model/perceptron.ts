/**
 * Greedy averaged perceptron over BIO tags: left to right, each token scored from its static
 * features plus features of the two previous predicted tags; invalid BIO moves (I-X not after
 * B-X / I-X) are never chosen. Training is deterministic (seeded shuffle, fixed epochs).
 */
import { sentenceFeatures, TAG_FEATURES, tagFeatures, type SentenceFeatures } from './features.js';

export const NER_CLASSES = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export type NerTag = (typeof NER_CLASSES)[number];

/** Weights of one model: `weights[bucket * classes + c]`; any positive scale (argmax is scale-free). */
export interface NerWeights {
  readonly bits: number;
  readonly classes: readonly string[];
  readonly weights: Float32Array | Int16Array;
}

/** allowed[prev + 1][c]: may class c follow class prev (-1 = sentence start)? */
export function transitionMask(classes: readonly string[]): Uint8Array[] {
  const rows: Uint8Array[] = [];
  for (let p = -1; p < classes.length; p++) {
    const prevTag = p < 0 ? 'O' : classes[p]!;
    rows.push(
      Uint8Array.from(classes, (c) => {
        if (!c.startsWith('I-')) return 1;
        return prevTag !== 'O' && prevTag.slice(2) === c.slice(2) ? 1 : 0;
      }),
    );
  }
  return rows;
}

/** Adds the weights of feature id `id` into `scores`. */
function addFeature(w: NerWeights['weights'], mask: number, nc: number, id: number, scores: Float64Array): void {
  const base = (id & mask) * nc;
  for (let c = 0; c < nc; c++) scores[c] = scores[c]! + w[base + c]!;
}

/** Scores of every class at position i given the previous tags; `tagIds` is scratch space. */
function scoreAt(
  m: NerWeights,
  f: SentenceFeatures,
  i: number,
  prev: number,
  prev2: number,
  scores: Float64Array,
  tagIds: Uint32Array,
): void {
  const nc = m.classes.length;
  const mask = (1 << m.bits) - 1;
  scores.fill(0);
  const w = m.weights;
  for (let k = f.offsets[i]!; k < f.offsets[i + 1]!; k++) addFeature(w, mask, nc, f.ids[k]!, scores);
  tagFeatures(f, i, prev, prev2, tagIds);
  for (let k = 0; k < TAG_FEATURES; k++) addFeature(w, mask, nc, tagIds[k]!, scores);
}

function best(scores: Float64Array, allowed: Uint8Array): number {
  let arg = 0;
  let top = -Infinity;
  for (let c = 0; c < scores.length; c++) {
    if (allowed[c] && scores[c]! > top) {
      top = scores[c]!;
      arg = c;
    }
  }
  return arg;
}

/** Class indices for one sentence's precomputed features. */
export function decode(m: NerWeights, f: SentenceFeatures, allowed = transitionMask(m.classes)): number[] {
  const n = f.offsets.length - 1;
  const scores = new Float64Array(m.classes.length);
  const tagIds = new Uint32Array(TAG_FEATURES);
  const out: number[] = [];
  let prev = -1;
  let prev2 = -1;
  for (let i = 0; i < n; i++) {
    scoreAt(m, f, i, prev, prev2, scores, tagIds);
    const c = best(scores, allowed[prev + 1]!);
    out.push(c);
    prev2 = prev;
    prev = c;
  }
  return out;
}

/**
 * Exact best sequence under the model (second-order Viterbi: the state is the pair of previous
 * tags, as the tag features see them), never moving I-X after anything but B-X / I-X. Greedy
 * `decode` commits to each tag before seeing what follows; this weighs the whole sentence.
 */
export function viterbi(
  m: NerWeights,
  f: SentenceFeatures,
  temperature: number,
  allowed = transitionMask(m.classes),
): number[] {
  const n = f.offsets.length - 1;
  const nc = m.classes.length;
  if (n === 0) return [];
  const mask = (1 << m.bits) - 1;
  const w = m.weights;
  const S = nc + 1; // states per slot: tag index + 1 (0 = before the sentence)
  const stat = new Float64Array(nc);
  const tagIds = new Uint32Array(TAG_FEATURES);
  // best[(p1 * S + p2)]: score of the best path ending with tags p1 - 1 (last) and p2 - 1 (one before).
  let best = new Float64Array(S * S).fill(-Infinity);
  best[0] = 0;
  const back: Int16Array[] = [];
  for (let i = 0; i < n; i++) {
    stat.fill(0);
    for (let k = f.offsets[i]!; k < f.offsets[i + 1]!; k++) addFeature(w, mask, nc, f.ids[k]!, stat);
    const next = new Float64Array(S * S).fill(-Infinity);
    const from = new Int16Array(S * S).fill(-1);
    const scores = new Float64Array(nc);
    for (let p1 = 0; p1 < S; p1++) {
      for (let p2 = 0; p2 < S; p2++) {
        const base = best[p1 * S + p2]!;
        if (base === -Infinity) continue;
        scores.set(stat);
        tagFeatures(f, i, p1 - 1, p2 - 1, tagIds);
        for (let k = 0; k < TAG_FEATURES; k++) addFeature(w, mask, nc, tagIds[k]!, scores);
        const ok = allowed[p1]!;
        let top = -Infinity;
        for (let c = 0; c < nc; c++) if (ok[c] && scores[c]! > top) top = scores[c]!;
        let z = 0;
        for (let c = 0; c < nc; c++) if (ok[c]) z += Math.exp((scores[c]! - top) / temperature);
        const logZ = Math.log(z);
        for (let c = 0; c < nc; c++) {
          if (!ok[c]) continue;
          const v = base + (scores[c]! - top) / temperature - logZ;
          const at = (c + 1) * S + p1;
          if (v > next[at]!) {
            next[at] = v;
            from[at] = p2;
          }
        }
      }
    }
    back.push(from);
    best = next;
  }
  let arg = 0;
  for (let k = 1; k < S * S; k++) if (best[k]! > best[arg]!) arg = k;
  const out = new Array<number>(n);
  let p1 = Math.floor(arg / S);
  let p2 = arg % S;
  for (let i = n - 1; i >= 0; i--) {
    out[i] = p1 - 1;
    const prev2 = back[i]![p1 * S + p2]!;
    p1 = p2;
    p2 = prev2;
  }
  return out;
}

/** Tags (strings) for one tokenised sentence. */
export function tagWords(m: NerWeights, words: readonly string[]): string[] {
  return decode(m, sentenceFeatures(words)).map((c) => m.classes[c]!);
}

export interface TrainOptions {
  readonly epochs: number;
  readonly seed: number;
  readonly bits: number;
  /** Precomputed features of each sentence (else `sentenceFeatures` of its words). */
  readonly features?: readonly SentenceFeatures[];
  /** Called after each epoch with the averaged weights so far (for dev scores). */
  readonly onEpoch?: (epoch: number, model: NerWeights, errors: number) => void;
}

/** Deterministic PRNG (mulberry32) for the per-epoch shuffle. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Trains on sentences of words and gold BIO tags. Averaging is lazy: `acc` keeps the sum of
 * step * update, and the average is w - acc / steps.
 */
export function train(
  sentences: ReadonlyArray<readonly string[]>,
  gold: ReadonlyArray<readonly string[]>,
  opts: TrainOptions,
): NerWeights {
  const classes = [...NER_CLASSES] as string[];
  const nc = classes.length;
  const index = new Map(classes.map((c, i) => [c, i]));
  const size = (1 << opts.bits) * nc;
  const mask = (1 << opts.bits) - 1;
  const w = new Float32Array(size);
  const acc = new Float64Array(size);
  const feats = opts.features ?? sentences.map((s) => sentenceFeatures(s));
  const goldIdx = gold.map((g) => g.map((t) => index.get(t) ?? 0));
  const allowed = transitionMask(classes);
  const model: NerWeights = { bits: opts.bits, classes, weights: w };
  const scores = new Float64Array(nc);
  const tagIds = new Uint32Array(TAG_FEATURES);
  const random = mulberry32(opts.seed);
  const order = sentences.map((_, i) => i);
  let step = 1;
  const update = (f: SentenceFeatures, i: number, prev: number, prev2: number, c: number, v: number) => {
    const touch = (id: number) => {
      const k = (id & mask) * nc + c;
      w[k] = w[k]! + v;
      acc[k] = acc[k]! + step * v;
    };
    for (let k = f.offsets[i]!; k < f.offsets[i + 1]!; k++) touch(f.ids[k]!);
    tagFeatures(f, i, prev, prev2, tagIds);
    for (let k = 0; k < TAG_FEATURES; k++) touch(tagIds[k]!);
  };
  const averaged = (): NerWeights => {
    const avg = new Float32Array(size);
    for (let k = 0; k < size; k++) avg[k] = w[k]! - acc[k]! / step;
    return { bits: opts.bits, classes, weights: avg };
  };
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let errors = 0;
    for (const si of order) {
      const f = feats[si]!;
      const g = goldIdx[si]!;
      let prev = -1;
      let prev2 = -1;
      for (let i = 0; i < g.length; i++) {
        scoreAt(model, f, i, prev, prev2, scores, tagIds);
        const guess = best(scores, allowed[prev + 1]!);
        const truth = g[i]!;
        if (guess !== truth) {
          errors++;
          update(f, i, prev, prev2, truth, 1);
          update(f, i, prev, prev2, guess, -1);
        }
        step++;
        prev2 = prev;
        prev = guess;
      }
    }
    opts.onEpoch?.(epoch, averaged(), errors);
  }
  return averaged();
}
