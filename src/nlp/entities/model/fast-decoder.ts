/**
 * Inference-only greedy decoder for int16 weights, giving exactly `decode()`'s classes (the scores
 * are integer sums, so the order of additions cannot change them) at a fraction of the cost:
 * - each distinct word's own features, and what it gives its neighbours' context features, are
 *   summed once into per-class vectors and memoised (a bounded pool keyed by the word);
 * - features that do not depend on the word (bias, the non-initial "initial" features) and the
 *   previous-tag pair are precomputed vectors; only bigrams and tag-with-word features are looked up.
 */
import { BOUNDARY_END, BOUNDARY_START, mix, T, wordFeatures } from './features.js';

// Per word: own features, and its contribution as previous / next / second previous / second next word.
const OWN = 0;
const AS_PREV = 1;
const AS_NEXT = 2;
const AS_PREV2 = 3;
const AS_NEXT2 = 4;
const VECTORS = 5;
/** Words memoised before the pool is emptied (about 180 bytes each with 9 classes). */
const POOL_LIMIT = 1 << 15;
const CAPITALISED = /^\p{Lu}/u;

export class FastDecoder {
  private readonly nc: number;
  private readonly mask: number;
  private readonly stride: number;
  private readonly slots = new Map<string, number>();
  private pool: Int32Array;
  private lowerOf: Uint32Array;
  private shortOf: Uint32Array;
  private capOf: Uint8Array;
  /** Word-independent features for token 0 (bias) and for the other tokens (bias + "not initial"). */
  private readonly constFirst: Int32Array;
  private readonly constRest: Int32Array;
  /** Boundary words' context vectors, laid out as a word's (only the AS_* parts are used). */
  private readonly start: Int32Array;
  private readonly end: Int32Array;
  /** prevTag + prev2Tags for every (prev, prev2) pair, indexed ((prev + 1) * (nc + 1) + prev2 + 1) * nc. */
  private readonly tagPairs: Int32Array;
  // Scratch, grown to the longest sentence seen.
  private tokSlot = new Int32Array(64);
  private scores: Int32Array;
  private out = new Uint8Array(64);
  /** Length of the sentence being decoded. */
  private current = 0;

  constructor(
    private readonly weights: Int16Array,
    bits: number,
    numClasses: number,
    private readonly allowed: readonly Uint8Array[],
    /** inside[c]: class c is an I- tag (continues the open span). */
    private readonly inside: Uint8Array,
  ) {
    this.nc = numClasses;
    this.mask = (1 << bits) - 1;
    this.stride = VECTORS * numClasses;
    this.pool = new Int32Array(1024 * this.stride);
    this.lowerOf = new Uint32Array(1024);
    this.shortOf = new Uint32Array(1024);
    this.capOf = new Uint8Array(1024);
    this.scores = new Int32Array(numClasses);
    const nc = numClasses;
    this.constFirst = new Int32Array(nc);
    this.add(this.constFirst, 0, mix(T.bias, 0));
    this.constRest = this.constFirst.slice();
    this.add(this.constRest, 0, mix(T.initialShort, 0));
    this.add(this.constRest, 0, mix(T.initialShort + 100, 0));
    this.start = new Int32Array(this.stride);
    this.end = new Int32Array(this.stride);
    this.contextVectors(this.start, 0, BOUNDARY_START, BOUNDARY_START);
    this.contextVectors(this.end, 0, BOUNDARY_END, BOUNDARY_END);
    this.tagPairs = new Int32Array((nc + 1) * (nc + 1) * nc);
    for (let prev = -1; prev < nc; prev++) {
      for (let prev2 = -1; prev2 < nc; prev2++) {
        const at = ((prev + 1) * (nc + 1) + prev2 + 1) * nc;
        const p = prev + 2;
        this.add(this.tagPairs, at, mix(T.prevTag, p));
        this.add(this.tagPairs, at, mix(T.prev2Tags, p * 16 + prev2 + 2));
      }
    }
  }

  /** Adds the weights of feature `id` into `v[at .. at + nc)`. */
  private add(v: Int32Array, at: number, id: number): void {
    const w = this.weights;
    const base = (id & this.mask) * this.nc;
    for (let c = 0; c < this.nc; c++) v[at + c] = v[at + c]! + w[base + c]!;
  }

  /** The vectors a word with these hashes gives its neighbours' context features. */
  private contextVectors(v: Int32Array, at: number, lower: number, short: number): void {
    const nc = this.nc;
    this.add(v, at + AS_PREV * nc, mix(T.prevLower, lower));
    this.add(v, at + AS_PREV * nc, mix(T.prevShort, short));
    this.add(v, at + AS_NEXT * nc, mix(T.nextLower, lower));
    this.add(v, at + AS_NEXT * nc, mix(T.nextShort, short));
    this.add(v, at + AS_PREV2 * nc, mix(T.prev2Lower, lower));
    this.add(v, at + AS_NEXT2 * nc, mix(T.next2Lower, lower));
  }

  /** The pool slot of a word, computing its vectors on first sight. */
  private slotOf(word: string): number {
    let slot = this.slots.get(word);
    if (slot !== undefined) return slot;
    slot = this.slots.size;
    if ((slot + 1) * this.stride > this.pool.length) {
      const grown = new Int32Array(this.pool.length * 2);
      grown.set(this.pool);
      this.pool = grown;
      const grow = <A extends Uint32Array | Uint8Array>(a: A, make: (n: number) => A): A => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.lowerOf = grow(this.lowerOf, (n) => new Uint32Array(n));
      this.shortOf = grow(this.shortOf, (n) => new Uint32Array(n));
      this.capOf = grow(this.capOf, (n) => new Uint8Array(n));
    }
    const f = wordFeatures(word);
    const at = slot * this.stride;
    this.pool.fill(0, at, at + this.stride);
    for (let k = 0; k < f.own.length; k++) this.add(this.pool, at + OWN * this.nc, f.own[k]!);
    this.contextVectors(this.pool, at, f.lower, f.short);
    this.lowerOf[slot] = f.lower;
    this.shortOf[slot] = f.short;
    this.capOf[slot] = CAPITALISED.test(word) ? 1 : 0;
    this.slots.set(word, slot);
    return slot;
  }

  /** The classes of the last decoded sentence (valid until the next call). */
  get classes(): Uint8Array {
    return this.out;
  }

  /**
   * Greedy classes of `words` into `this.classes[0 .. n)`; returns n. With `namesOnly`, decoding
   * stops once no later span can hold a capitalised word (after the last capitalised word, at the
   * first tag that continues no span): the classes of the positions decoded are unchanged, the
   * rest are left as 0 (O), so every span with a capitalised word is the same as a full decode.
   */
  decode(words: readonly string[], namesOnly = false): number {
    const n = words.length;
    this.current = n;
    if (this.slots.size + n > POOL_LIMIT) this.slots.clear();
    if (this.tokSlot.length < n) {
      this.tokSlot = new Int32Array(n * 2);
      this.out = new Uint8Array(n * 2);
    }
    const slotsOf = this.tokSlot;
    let lastCap = -1;
    for (let i = 0; i < n; i++) {
      const s = this.slotOf(words[i]!);
      slotsOf[i] = s;
      if (this.capOf[s]) lastCap = i;
    }
    const out = this.out;
    out.fill(0, 0, n);
    if (namesOnly && lastCap < 0) return n;
    const nc = this.nc;
    const stride = this.stride;
    const pool = this.pool;
    const scores = this.scores;
    const lowerOf = this.lowerOf;
    const shortOf = this.shortOf;
    let prev = -1;
    let prev2 = -1;
    for (let i = 0; i < n; i++) {
      const me = slotsOf[i]! * stride;
      const lower = lowerOf[slotsOf[i]!]!;
      const short = shortOf[slotsOf[i]!]!;
      const cst = i === 0 ? this.constFirst : this.constRest;
      for (let c = 0; c < nc; c++) scores[c] = pool[me + c]! + cst[c]!;
      this.neighbour(i - 1, AS_PREV, this.start);
      this.neighbour(i + 1, AS_NEXT, this.end);
      this.neighbour(i - 2, AS_PREV2, this.start);
      this.neighbour(i + 2, AS_NEXT2, this.end);
      const lowerPrev = i > 0 ? lowerOf[slotsOf[i - 1]!]! : BOUNDARY_START;
      const shortPrev = i > 0 ? shortOf[slotsOf[i - 1]!]! : BOUNDARY_START;
      const lowerNext = i + 1 < n ? lowerOf[slotsOf[i + 1]!]! : BOUNDARY_END;
      const shortNext = i + 1 < n ? shortOf[slotsOf[i + 1]!]! : BOUNDARY_END;
      this.add(scores, 0, mix(T.bigramPrev, mix(lowerPrev, lower)));
      this.add(scores, 0, mix(T.bigramNext, mix(lower, lowerNext)));
      this.add(scores, 0, mix(T.prevShortCur, mix(shortPrev, short)));
      this.add(scores, 0, mix(T.curShortNext, mix(short, shortNext)));
      if (i === 0) {
        this.add(scores, 0, mix(T.initialShort, short));
        this.add(scores, 0, mix(T.initialShort + 100, lower));
      }
      // Tag-dependent features.
      const pair = ((prev + 1) * (nc + 1) + prev2 + 1) * nc;
      const tp = this.tagPairs;
      for (let c = 0; c < nc; c++) scores[c] = scores[c]! + tp[pair + c]!;
      const p = prev + 2;
      this.add(scores, 0, mix(T.prevTagLower, mix(p, lower)));
      this.add(scores, 0, mix(T.prevTagShort, mix(p, short)));
      const allowed = this.allowed[prev + 1]!;
      let arg = 0;
      let top = -Infinity;
      for (let c = 0; c < nc; c++) {
        if (allowed[c] && scores[c]! > top) {
          top = scores[c]!;
          arg = c;
        }
      }
      out[i] = arg;
      if (namesOnly && i > lastCap && !this.inside[arg]) {
        // Any span from here on holds no capitalised word: stop, leaving O.
        out[i] = 0;
        return n;
      }
      prev2 = prev;
      prev = arg;
    }
    return n;
  }

  /** Adds the vector `part` of the word at position j (or of the boundary word) into the scores. */
  private neighbour(j: number, part: number, boundary: Int32Array): void {
    const nc = this.nc;
    const scores = this.scores;
    const n = this.current;
    let src: Int32Array;
    let at: number;
    if (j < 0 || j >= n) {
      src = boundary;
      at = part * nc;
    } else {
      src = this.pool;
      at = this.tokSlot[j]! * this.stride + part * nc;
    }
    for (let c = 0; c < nc; c++) scores[c] = scores[c]! + src[at + c]!;
  }
}
