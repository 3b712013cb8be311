/**
 * Inference-only greedy decoder for int16 weights, giving exactly `decode()`'s classes (the scores
 * are integer sums, so the order of additions cannot change them) at a fraction of the cost:
 * - each distinct word's own features, and what it gives its neighbours' context features, are
 *   summed once into per-class vectors and memoised (a bounded pool keyed by the word);
 * - so are the word's tag-with-word features for each previous tag (a row per tag);
 * - features that do not depend on the word (bias, the non-initial "initial" features) and the
 *   previous-tag pair are precomputed vectors; only the bigram and shape-pair features are looked up.
 */
import { nonZeroRows, penalise } from './decoder-tables.js';
import { BOUNDARY_END, BOUNDARY_START, mix, T, wordFeatures } from './features.js';

/**
 * `mix(template, value) | 0`: the same bits as a signed 32-bit integer, which V8 keeps unboxed (a
 * uint32 above 2^31 is a heap number when a call returns it). Every use masks or xors the id, which
 * reads the same bits either way.
 */
function mixInt(template: number, value: number): number {
  let h = Math.imul(template ^ 0x9e3779b9, 0x85ebca6b) ^ value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

// Per word: own features, and its contribution as previous / next / second previous / second next word.
const OWN = 0;
const AS_PREV = 1;
const AS_NEXT = 2;
const AS_PREV2 = 3;
const AS_NEXT2 = 4;
const VECTORS = 5;
/** Then, for each previous tag (p = prev + 2 in 1 .. nc + 1), the word's tag-with-word features (prevTagLower + prevTagShort). */
const TAGS = VECTORS;
// Pool slots 0 and 1 hold the boundary words before the first and after the last token.
const START = 0;
const END = 1;
const RESERVED = 2;
/** Words memoised before the pool is emptied (about 540 bytes each with 9 classes). */
const POOL_LIMIT = 1 << 15;
const CAPITALISED = /^\p{Lu}/u;

/**
 * A caller's per-word memo of the pool slot (e.g. on an object it keeps per distinct word), valid
 * while `slotEpoch` is the decoder's epoch: saves the decoder's own Map lookup.
 */
export interface SlotMemo {
  slot: number;
  slotEpoch: number;
}

// Epochs are unique across decoders, so a memo filled by one is never read as another's.
let epochs = 0;

export class FastDecoder {
  private readonly nc: number;
  private readonly mask: number;
  private readonly stride: number;
  private readonly slots = new Map<string, number>();
  /** Renewed whenever the pool is emptied (SlotMemo). */
  private epoch = ++epochs;
  private pool: Int32Array;
  // Word hashes as signed 32-bit integers (the same bits as features.ts's uint32 ones), kept unboxed.
  private lowerOf: Int32Array;
  private shortOf: Int32Array;
  /** Word-independent features for token 0 (bias) and for the other tokens (bias + "not initial"). */
  private readonly constFirst: Int32Array;
  private readonly constRest: Int32Array;
  /** prevTag + prev2Tags for every (prev, prev2) pair, indexed ((prev + 1) * (nc + 1) + prev2 + 1) * nc. */
  private readonly tagPairs: Int32Array;
  /**
   * Bit r set when weight row r has a non-zero weight. Most bigrams of a report were never seen in
   * training (about 3 in 4 on the examples): their rows are zero, so the decoder reads `zeroRow`, one
   * row that stays in cache, instead of a random row of the large weights array.
   */
  private readonly nonZero: Int32Array;
  private readonly zeroRow: number;
  /** The transition mask is folded into `tagPairs` as DISALLOWED scores (see the constructor). */
  private readonly penalised: boolean;
  // Scratch, grown to the longest sentence seen.
  private tokSlot = new Int32Array(132);
  private scores: Int32Array;
  private out = new Uint8Array(64);

  constructor(
    private readonly weights: Int16Array,
    bits: number,
    numClasses: number,
    private readonly allowed: readonly Uint8Array[],
    /** inside[c]: class c is an I- tag (continues the open span). */
    private readonly inside: Uint8Array,
    /** Words memoised before the pool is emptied. */
    private readonly poolLimit = POOL_LIMIT,
  ) {
    this.nc = numClasses;
    this.mask = (1 << bits) - 1;
    this.stride = (VECTORS + numClasses + 1) * numClasses;
    const initial = Math.min(1024, poolLimit + RESERVED);
    this.pool = new Int32Array(initial * this.stride);
    this.lowerOf = new Int32Array(initial);
    this.shortOf = new Int32Array(initial);
    this.scores = new Int32Array(numClasses);
    const nc = numClasses;
    this.constFirst = new Int32Array(nc);
    this.add(this.constFirst, 0, mix(T.bias, 0));
    this.constRest = this.constFirst.slice();
    this.add(this.constRest, 0, mix(T.initialShort, 0));
    this.add(this.constRest, 0, mix(T.initialShort + 100, 0));
    // The boundary words' context vectors (their own vector stays unused).
    this.fill(START, [], BOUNDARY_START, BOUNDARY_START);
    this.fill(END, [], BOUNDARY_END, BOUNDARY_END);
    this.tagPairs = new Int32Array((nc + 1) * (nc + 1) * nc);
    const rows = nonZeroRows(weights, this.mask + 1, nc);
    this.nonZero = rows.nonZero;
    this.zeroRow = rows.zeroRow;
    for (let prev = -1; prev < nc; prev++) {
      for (let prev2 = -1; prev2 < nc; prev2++) {
        const at = ((prev + 1) * (nc + 1) + prev2 + 1) * nc;
        const p = prev + 2;
        this.add(this.tagPairs, at, mix(T.prevTag, p));
        this.add(this.tagPairs, at, mix(T.prev2Tags, p * 16 + prev2 + 2));
        // Only the first token has no previous tag: the word-independent features ride on the pair.
        const cst = prev < 0 ? this.constFirst : this.constRest;
        for (let c = 0; c < nc; c++) this.tagPairs[at + c]! += cst[c]!;
      }
    }
    this.penalised = penalise(this.tagPairs, allowed, nc);
  }

  /** Adds the weights of feature `id` into `v[at .. at + nc)`. */
  private add(v: Int32Array, at: number, id: number): void {
    const w = this.weights;
    const base = (id & this.mask) * this.nc;
    for (let c = 0; c < this.nc; c++) v[at + c] = v[at + c]! + w[base + c]!;
  }

  /** The pool slot of a word, computing its vectors on first sight. */
  private slotOf(word: string): number {
    let slot = this.slots.get(word);
    if (slot !== undefined) return slot;
    slot = this.slots.size + RESERVED;
    if ((slot + 1) * this.stride > this.pool.length) this.grow();
    const f = wordFeatures(word);
    this.fill(slot, f.own, f.lower, f.short, f.ctx);
    this.slots.set(word, slot);
    return slot;
  }

  private memoSlot(word: string, memo: SlotMemo): number {
    if (memo.slotEpoch === this.epoch) return memo.slot;
    const slot = this.slotOf(word);
    memo.slot = slot;
    memo.slotEpoch = this.epoch;
    return slot;
  }

  private grow(): void {
    const pool = new Int32Array(this.pool.length * 2);
    pool.set(this.pool);
    this.pool = pool;
    const lowerOf = new Int32Array(this.lowerOf.length * 2);
    lowerOf.set(this.lowerOf);
    this.lowerOf = lowerOf;
    const shortOf = new Int32Array(this.shortOf.length * 2);
    shortOf.set(this.shortOf);
    this.shortOf = shortOf;
  }

  /** Sums a word's own and context feature weights into its slot's vectors. */
  private fill(slot: number, own: ArrayLike<number>, lower: number, short: number, ctx: ArrayLike<number> = []): void {
    const nc = this.nc;
    const at = slot * this.stride;
    this.pool.fill(0, at, at + this.stride);
    for (let k = 0; k < own.length; k++) this.add(this.pool, at + OWN * nc, own[k]!);
    this.add(this.pool, at + AS_PREV * nc, mix(T.prevLower, lower));
    this.add(this.pool, at + AS_PREV * nc, mix(T.prevShort, short));
    this.add(this.pool, at + AS_NEXT * nc, mix(T.nextLower, lower));
    this.add(this.pool, at + AS_NEXT * nc, mix(T.nextShort, short));
    this.add(this.pool, at + AS_PREV2 * nc, mix(T.prev2Lower, lower));
    this.add(this.pool, at + AS_NEXT2 * nc, mix(T.next2Lower, lower));
    for (let k = 0; k < ctx.length; k++) {
      this.add(this.pool, at + AS_PREV * nc, mix(T.prevInfo, ctx[k]!));
      this.add(this.pool, at + AS_NEXT * nc, mix(T.nextInfo, ctx[k]!));
      this.add(this.pool, at + AS_PREV2 * nc, mix(T.prev2Info, ctx[k]!));
      this.add(this.pool, at + AS_NEXT2 * nc, mix(T.next2Info, ctx[k]!));
    }
    for (let p = 1; p <= nc + 1; p++) {
      const v = at + (TAGS + p - 1) * nc;
      this.add(this.pool, v, mix(T.prevTagLower, mix(p, lower)));
      this.add(this.pool, v, mix(T.prevTagShort, mix(p, short)));
    }
    this.lowerOf[slot] = lower;
    this.shortOf[slot] = short;
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
   * `anchors` narrows "capitalised word" to the positions it flags (a caller that would drop every
   * span holding only other words): every span holding an anchor is still the same.
   * `memo[memoFrom + i]`, when given, is word i's SlotMemo.
   */
  decode(
    words: readonly string[],
    namesOnly = false,
    anchors?: Uint8Array,
    memo?: readonly SlotMemo[],
    memoFrom = 0,
  ): number {
    const n = words.length;
    if (this.slots.size + n > this.poolLimit) {
      this.slots.clear();
      this.epoch = ++epochs;
    }
    if (this.out.length < n) {
      this.tokSlot = new Int32Array(n * 2 + 4);
      this.out = new Uint8Array(n * 2);
    }
    const out = this.out;
    out.fill(0, 0, n);
    let lastCap = n - 1;
    if (namesOnly) {
      lastCap = -1;
      for (let i = n - 1; i >= 0; i--) {
        if (anchors ? anchors[i] : capitalised(words[i]!)) {
          lastCap = i;
          break;
        }
      }
      if (lastCap < 0) return n;
    }
    // slots[i + 2] is token i's slot; two boundary slots pad each side; resolved lazily.
    const slots = this.tokSlot;
    slots[0] = START;
    slots[1] = START;
    let resolved = 0;
    const nc = this.nc;
    const stride = this.stride;
    const scores = this.scores;
    const w = this.weights;
    const mask = this.mask;
    const tp = this.tagPairs;
    const nonZero = this.nonZero;
    const zeroRow = this.zeroRow;
    const inside = this.inside;
    let prev = -1;
    let prev2 = -1;
    for (let i = 0; i < n; i++) {
      for (const need = Math.min(n, i + 3); resolved < need; resolved++)
        slots[resolved + 2] = memo
          ? this.memoSlot(words[resolved]!, memo[memoFrom + resolved]!)
          : this.slotOf(words[resolved]!);
      if (i + 3 > n) slots[i + 4] = END;
      if (i + 2 > n) slots[i + 3] = END;
      const pool = this.pool;
      const lowerOf = this.lowerOf;
      const shortOf = this.shortOf;
      const me = slots[i + 2]!;
      const lower = lowerOf[me]!;
      const short = shortOf[me]!;
      const lowerPrev = lowerOf[slots[i + 1]!]!;
      const lowerNext = lowerOf[slots[i + 3]!]!;
      const a = me * stride;
      const p1 = slots[i + 1]! * stride + AS_PREV * nc;
      const n1 = slots[i + 3]! * stride + AS_NEXT * nc;
      const p2 = slots[i]! * stride + AS_PREV2 * nc;
      const n2 = slots[i + 4]! * stride + AS_NEXT2 * nc;
      const pair = ((prev + 1) * (nc + 1) + prev2 + 1) * nc;
      const p = prev + 2;
      // Feature rows of the bigrams and the tag-with-word features.
      const r1 = mixInt(T.bigramPrev, mixInt(lowerPrev, lower)) & mask;
      const r2 = mixInt(T.bigramNext, mixInt(lower, lowerNext)) & mask;
      const b1 = ((nonZero[r1 >>> 5]! >>> (r1 & 31)) & 1 ? r1 : zeroRow) * nc;
      const b2 = ((nonZero[r2 >>> 5]! >>> (r2 & 31)) & 1 ? r2 : zeroRow) * nc;
      const b3 = (mixInt(T.prevShortCur, mixInt(shortOf[slots[i + 1]!]!, short)) & mask) * nc;
      const b4 = (mixInt(T.curShortNext, mixInt(short, shortOf[slots[i + 3]!]!)) & mask) * nc;
      const tags = a + (TAGS + p - 1) * nc;
      let arg = 0;
      if (nc === 9 && i > 0 && this.penalised) {
        // The usual 9 classes (O and B-/I- of four types) unrolled, the argmax on the sums as they come.
        let top =
          pool[a]! +
          pool[p1]! +
          pool[n1]! +
          pool[p2]! +
          pool[n2]! +
          tp[pair]! +
          w[b1]! +
          w[b2]! +
          w[b3]! +
          w[b4]! +
          pool[tags]!;
        const s1 =
          pool[a + 1]! +
          pool[p1 + 1]! +
          pool[n1 + 1]! +
          pool[p2 + 1]! +
          pool[n2 + 1]! +
          tp[pair + 1]! +
          w[b1 + 1]! +
          w[b2 + 1]! +
          w[b3 + 1]! +
          w[b4 + 1]! +
          pool[tags + 1]!;
        if (s1 > top) {
          top = s1;
          arg = 1;
        }
        const s2 =
          pool[a + 2]! +
          pool[p1 + 2]! +
          pool[n1 + 2]! +
          pool[p2 + 2]! +
          pool[n2 + 2]! +
          tp[pair + 2]! +
          w[b1 + 2]! +
          w[b2 + 2]! +
          w[b3 + 2]! +
          w[b4 + 2]! +
          pool[tags + 2]!;
        if (s2 > top) {
          top = s2;
          arg = 2;
        }
        const s3 =
          pool[a + 3]! +
          pool[p1 + 3]! +
          pool[n1 + 3]! +
          pool[p2 + 3]! +
          pool[n2 + 3]! +
          tp[pair + 3]! +
          w[b1 + 3]! +
          w[b2 + 3]! +
          w[b3 + 3]! +
          w[b4 + 3]! +
          pool[tags + 3]!;
        if (s3 > top) {
          top = s3;
          arg = 3;
        }
        const s4 =
          pool[a + 4]! +
          pool[p1 + 4]! +
          pool[n1 + 4]! +
          pool[p2 + 4]! +
          pool[n2 + 4]! +
          tp[pair + 4]! +
          w[b1 + 4]! +
          w[b2 + 4]! +
          w[b3 + 4]! +
          w[b4 + 4]! +
          pool[tags + 4]!;
        if (s4 > top) {
          top = s4;
          arg = 4;
        }
        const s5 =
          pool[a + 5]! +
          pool[p1 + 5]! +
          pool[n1 + 5]! +
          pool[p2 + 5]! +
          pool[n2 + 5]! +
          tp[pair + 5]! +
          w[b1 + 5]! +
          w[b2 + 5]! +
          w[b3 + 5]! +
          w[b4 + 5]! +
          pool[tags + 5]!;
        if (s5 > top) {
          top = s5;
          arg = 5;
        }
        const s6 =
          pool[a + 6]! +
          pool[p1 + 6]! +
          pool[n1 + 6]! +
          pool[p2 + 6]! +
          pool[n2 + 6]! +
          tp[pair + 6]! +
          w[b1 + 6]! +
          w[b2 + 6]! +
          w[b3 + 6]! +
          w[b4 + 6]! +
          pool[tags + 6]!;
        if (s6 > top) {
          top = s6;
          arg = 6;
        }
        const s7 =
          pool[a + 7]! +
          pool[p1 + 7]! +
          pool[n1 + 7]! +
          pool[p2 + 7]! +
          pool[n2 + 7]! +
          tp[pair + 7]! +
          w[b1 + 7]! +
          w[b2 + 7]! +
          w[b3 + 7]! +
          w[b4 + 7]! +
          pool[tags + 7]!;
        if (s7 > top) {
          top = s7;
          arg = 7;
        }
        const s8 =
          pool[a + 8]! +
          pool[p1 + 8]! +
          pool[n1 + 8]! +
          pool[p2 + 8]! +
          pool[n2 + 8]! +
          tp[pair + 8]! +
          w[b1 + 8]! +
          w[b2 + 8]! +
          w[b3 + 8]! +
          w[b4 + 8]! +
          pool[tags + 8]!;
        if (s8 > top) arg = 8;
      } else {
        for (let c = 0; c < nc; c++) {
          scores[c] =
            pool[a + c]! +
            pool[p1 + c]! +
            pool[n1 + c]! +
            pool[p2 + c]! +
            pool[n2 + c]! +
            tp[pair + c]! +
            w[b1 + c]! +
            w[b2 + c]! +
            w[b3 + c]! +
            w[b4 + c]! +
            pool[tags + c]!;
        }
        if (i === 0) {
          this.add(scores, 0, mixInt(T.initialShort, short));
          this.add(scores, 0, mixInt(T.initialShort + 100, lower));
        }
        // The masked argmax (a penalty folded into the pair vectors changes only disallowed classes).
        const allowed = this.allowed[prev + 1]!;
        let top = -Infinity;
        for (let c = 0; c < nc; c++) {
          if (allowed[c] && scores[c]! > top) {
            top = scores[c]!;
            arg = c;
          }
        }
      }
      if (i > lastCap && !inside[arg]) return n; // any span from here on holds no capital: leave O
      out[i] = arg;
      prev2 = prev;
      prev = arg;
    }
    return n;
  }
}

/** Starts with an uppercase letter, as /^\p{Lu}/u says (ASCII checked without the regex). */
export function capitalised(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return CAPITALISED.test(word);
}
