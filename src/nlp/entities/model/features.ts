/**
 * Feature extraction for the statistical name tagger: hashed feature ids (no string tables), so
 * the weights are one array indexed by `bucket * classes + class`. Word-level features depend
 * only on the token's text and are memoised per distinct word; context features combine the
 * neighbours' word hashes with a template id using integer mixing, never building strings.
 */

import { fmix32, fnv1a32 } from '../../../core/hash.js';
import { CASE_SHIFT, COARSE_SHIFT, GAZ_BITS, GAZ_SHIFT, wordInfo, wordTableVersion } from './word-table.js';

/** Combines a template id and a value hash into one well-spread 32-bit id (murmur3 finaliser). */
export function mix(template: number, value: number): number {
  return fmix32(Math.imul(template ^ 0x9e3779b9, 0x85ebca6b) ^ value);
}

/** Feature templates; the numbers are part of the weights file's meaning, so never renumber. */
export const T = {
  bias: 1,
  lower: 2,
  exact: 3,
  shape: 4,
  short: 5,
  prefix: 6, // 6..9 for lengths 1..4
  suffix: 10, // 10..13
  flag: 14,
  prevLower: 20,
  nextLower: 21,
  prev2Lower: 22,
  next2Lower: 23,
  prevShort: 24,
  nextShort: 25,
  bigramPrev: 26,
  bigramNext: 27,
  initialShort: 28,
  prevShortCur: 29,
  curShortNext: 30,
  // From the word table (word-table.ts): cluster, case class, gazetteer bits, and the neighbours'.
  coarse: 50,
  fine: 51,
  caseClass: 52,
  gaz: 53,
  prevInfo: 54,
  nextInfo: 55,
  prev2Info: 56,
  next2Info: 57,
  prevTag: 40,
  prev2Tags: 41,
  prevTagLower: 42,
  prevTagShort: 43,
} as const;

/** "Xxxx" per character: X upper, x lower, d digit, other characters kept. */
export function shapeOf(word: string): string {
  let out = '';
  for (const ch of word) {
    if (/\p{Lu}/u.test(ch)) out += 'X';
    else if (/\p{L}/u.test(ch)) out += 'x';
    else if (/\p{N}/u.test(ch)) out += 'd';
    else out += ch;
  }
  return out;
}

/** The shape with runs collapsed: "Xxxx" -> "Xx", "dd.dd" -> "d.d". */
export function shortShapeOf(shape: string): string {
  let out = '';
  for (const ch of shape) if (out[out.length - 1] !== ch) out += ch;
  return out;
}

/** Boolean properties of a word, as flag names (each becomes one feature). */
export function flagsOf(word: string): string[] {
  const flags: string[] = [];
  const hasLetter = /\p{L}/u.test(word);
  if (/^\p{Lu}/u.test(word)) flags.push('cap');
  if (hasLetter && word === word.toUpperCase() && /\p{Lu}/u.test(word)) flags.push('allcaps');
  if (hasLetter && word === word.toLowerCase()) flags.push('lower');
  if (/\p{N}/u.test(word)) flags.push('digit');
  if (/^\p{N}+$/u.test(word)) flags.push('number');
  if (word.includes('-')) flags.push('hyphen');
  if (word.includes('.')) flags.push('dot');
  if (!hasLetter && !/\p{N}/u.test(word)) flags.push('punct');
  if (word.length === 1) flags.push('len1');
  return flags;
}

/** What a word contributes, computed once per distinct word. */
export interface WordFeatures {
  /** Ids (before bucketing) of the features the word gives its own position. */
  readonly own: Uint32Array;
  /** Hash of the lowercased word and of its short shape, for neighbours' context features. */
  readonly lower: number;
  readonly short: number;
  /** Value ids the word gives its neighbours' prevInfo / nextInfo features (word-table entries). */
  readonly ctx: Uint32Array;
}

const NO_CTX = new Uint32Array(0);

export function wordFeatures(word: string): WordFeatures {
  const lower = word.toLowerCase();
  const shape = shapeOf(word);
  const short = shortShapeOf(shape);
  const ids: number[] = [
    mix(T.lower, fnv1a32(lower)),
    mix(T.exact, fnv1a32(word)),
    mix(T.shape, fnv1a32(shape.length > 8 ? shape.slice(0, 4) + shape.slice(-4) : shape)),
    mix(T.short, fnv1a32(short)),
  ];
  const chars = [...word];
  for (let n = 1; n <= 4 && n <= chars.length; n++) {
    ids.push(mix(T.prefix + n - 1, fnv1a32(chars.slice(0, n).join(''))));
    ids.push(mix(T.suffix + n - 1, fnv1a32(chars.slice(-n).join(''))));
  }
  const flags = flagsOf(word);
  for (const f of flags) ids.push(mix(T.flag, fnv1a32(f)));
  const lowerHash = fnv1a32(lower);
  let ctx = NO_CTX;
  const info = wordInfo(lowerHash);
  if (info >= 0) {
    const cap = flags[0] === 'cap' ? 1 : 0;
    const fine = info & 0x3ff;
    const coarse = fine >>> COARSE_SHIFT;
    const caseClass = (info >>> CASE_SHIFT) & 7;
    ids.push(mix(T.coarse, coarse), mix(T.fine, fine), mix(T.caseClass, caseClass * 2 + cap));
    const c: number[] = [mix(T.coarse, coarse), mix(T.fine, fine), mix(T.caseClass, caseClass * 2 + cap)];
    for (let b = 0; b < GAZ_BITS; b++) {
      if (!((info >>> (GAZ_SHIFT + b)) & 1)) continue;
      ids.push(mix(T.gaz, b * 2 + cap));
      c.push(mix(T.gaz, b * 2 + cap));
    }
    ctx = Uint32Array.from(c);
  }
  return { own: Uint32Array.from(ids), lower: lowerHash, short: fnv1a32(short), ctx };
}

// Words repeat across reports, so word features are memoised (bounded, cleared when full).
const cache = new Map<string, WordFeatures>();
const CACHE_LIMIT = 100_000;

let cacheVersion = -1;

export function cachedWordFeatures(word: string): WordFeatures {
  if (cacheVersion !== wordTableVersion()) {
    cache.clear();
    cacheVersion = wordTableVersion();
  }
  let f = cache.get(word);
  if (f === undefined) {
    f = wordFeatures(word);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, f);
  }
  return f;
}

/** Hashes standing for the words before the first and after the last token. */
export const BOUNDARY_START = fnv1a32('<s>');
export const BOUNDARY_END = fnv1a32('</s>');

/**
 * Static (tag-independent) feature ids for every token of one sentence, flattened: the features of
 * token i are `ids[offsets[i] .. offsets[i + 1])`. Ids are raw 32-bit; the model buckets them.
 */
export interface SentenceFeatures {
  readonly ids: Uint32Array;
  readonly offsets: Uint32Array;
  /** Per token, the lowercase and short-shape hashes (for tag-dependent features at decoding). */
  readonly lower: Uint32Array;
  readonly short: Uint32Array;
}

export function sentenceFeatures(words: readonly string[]): SentenceFeatures {
  const n = words.length;
  const wf = words.map(cachedWordFeatures);
  const lower = Uint32Array.from(wf, (w) => w.lower);
  const short = Uint32Array.from(wf, (w) => w.short);
  const at = (arr: Uint32Array, i: number) => (i < 0 ? BOUNDARY_START : i >= n ? BOUNDARY_END : arr[i]!);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += wf[i]!.own.length + 13;
    if (i > 0) total += wf[i - 1]!.ctx.length;
    if (i + 1 < n) total += wf[i + 1]!.ctx.length;
    if (i > 1) total += wf[i - 2]!.ctx.length;
    if (i + 2 < n) total += wf[i + 2]!.ctx.length;
  }
  const ids = new Uint32Array(total);
  const offsets = new Uint32Array(n + 1);
  let k = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = k;
    const own = wf[i]!.own;
    ids.set(own, k);
    k += own.length;
    ids[k++] = mix(T.bias, 0);
    ids[k++] = mix(T.prevLower, at(lower, i - 1));
    ids[k++] = mix(T.nextLower, at(lower, i + 1));
    ids[k++] = mix(T.prev2Lower, at(lower, i - 2));
    ids[k++] = mix(T.next2Lower, at(lower, i + 2));
    ids[k++] = mix(T.prevShort, at(short, i - 1));
    ids[k++] = mix(T.nextShort, at(short, i + 1));
    ids[k++] = mix(T.bigramPrev, mix(at(lower, i - 1), lower[i]!));
    ids[k++] = mix(T.bigramNext, mix(lower[i]!, at(lower, i + 1)));
    ids[k++] = mix(T.initialShort, i === 0 ? short[i]! : 0);
    ids[k++] = mix(T.prevShortCur, mix(at(short, i - 1), short[i]!));
    ids[k++] = mix(T.curShortNext, mix(short[i]!, at(short, i + 1)));
    // Suffix of the next word ("Corp", "Inc" after a name) via its lowercase hash is already covered.
    ids[k++] = mix(T.initialShort + 100, i === 0 ? lower[i]! : 0);
    if (i > 0) for (const v of wf[i - 1]!.ctx) ids[k++] = mix(T.prevInfo, v);
    if (i + 1 < n) for (const v of wf[i + 1]!.ctx) ids[k++] = mix(T.nextInfo, v);
    if (i > 1) for (const v of wf[i - 2]!.ctx) ids[k++] = mix(T.prev2Info, v);
    if (i + 2 < n) for (const v of wf[i + 2]!.ctx) ids[k++] = mix(T.next2Info, v);
  }
  offsets[n] = k;
  return { ids, offsets, lower, short };
}

/** Tag-dependent feature ids for position i given the two previous tags (class indices, -1 = none). */
export function tagFeatures(f: SentenceFeatures, i: number, prev: number, prev2: number, out: Uint32Array): void {
  const p = prev + 2;
  out[0] = mix(T.prevTag, p);
  out[1] = mix(T.prev2Tags, p * 16 + prev2 + 2);
  out[2] = mix(T.prevTagLower, mix(p, f.lower[i]!));
  out[3] = mix(T.prevTagShort, mix(p, f.short[i]!));
}

export const TAG_FEATURES = 4;
