/**
 * Document-level second pass: a name is usually tagged the same way throughout a document
 * ("Leeds" the club in every line of a results table, a surname after the full name). The first
 * model tags every sentence; the second model sees, for each capitalised word, the types the first
 * one gave the same word (case-insensitive) elsewhere in the document, besides its usual features.
 */
import { fnv1a32 } from '../../../core/hash.js';
import { mix, sentenceFeatures, type SentenceFeatures } from './features.js';

/** Templates of the document features (features.ts numbers its own below 100, never reused here). */
const DOC = {
  majority: 120,
  seen: 121,
  alone: 122,
  majorityPrev: 123,
  majorityNext: 124,
  headWord: 125,
  headPrev: 126,
  headNext: 127,
  prevExact: 128,
  nextExact: 129,
  numbers: 131,
  docNumbers: 132,
  runBefore: 133,
  runAfter: 134,
  runAfterShape: 135,
  runBeforeShape: 136,
  runLength: 137,
  numbersNext: 138,
  nbrFirst: 139,
  runMajority: 140,
  runText: 141,
  runFirst: 142,
  runLast: 143,
  spanLast: 144,
  docTypes: 146,
  sentTypes: 148,
} as const;

/** Lowercase words that may join two runs of capitalised words into one name ("Bank of England"). */
const CONNECTORS = new Set(['of', 'the', 'de', 'del', 'and', '&', 'for', 'on', 'la', 'le', 'van', 'von', 'al']);

/** Has a digit and nothing but digits and score / table punctuation ("2", "3-1", "10.11", "(0-0)"). */
const numeric = /^[\d.,:\-/()]*\d[\d.,:\-/()]*$/;
const capital = /^\p{Lu}/u;

/** 0: no numbers; 1..3: share of numeric tokens under 0.2, under 0.4, more. */
/** Per token, the first and last index of its run of capitalised words (-1 outside one). */
function capitalRuns(s: readonly string[]): { start: Int32Array; end: Int32Array } {
  const start = new Int32Array(s.length).fill(-1);
  const end = new Int32Array(s.length).fill(-1);
  for (let i = 0; i < s.length; i++) {
    if (!capital.test(s[i]!)) continue;
    let j = i;
    while (j + 1 < s.length && capital.test(s[j + 1]!)) j++;
    start.fill(i, i, j + 1);
    end.fill(j, i, j + 1);
    i = j;
  }
  return { start, end };
}

/** What stands beside a run of capitalised words: "d" a number, "x" a word, else the token. */
function sideShape(w: string | undefined, edge: string): string {
  if (w === undefined) return edge;
  return numeric.test(w) ? 'd' : /^\p{L}/u.test(w) ? 'x' : w;
}

function numberBucket(s: readonly string[]): number {
  let n = 0;
  for (const w of s) if (numeric.test(w)) n++;
  if (n === 0) return 0;
  const r = n / s.length;
  return r < 0.2 ? 1 : r < 0.4 ? 2 : 3;
}

const TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;

/** Type index (0 = none, 1..4 = TYPES) of each class name. */
function typeOfClass(classes: readonly string[]): Int8Array {
  return Int8Array.from(classes, (c) => (c === 'O' ? 0 : TYPES.indexOf(c.slice(2) as (typeof TYPES)[number]) + 1));
}

const hasLetter = /\p{L}/u;

/**
 * Per sentence, per token, the document feature ids given the first pass's classes. A token's
 * own tag is not counted; words without letters or never capitalised in the document get none.
 */
export function documentFeatures(
  doc: ReadonlyArray<readonly string[]>,
  firstPass: ReadonlyArray<ArrayLike<number>>,
  classes: readonly string[],
): number[][][] {
  const typeOf = typeOfClass(classes);
  const isBegin = Uint8Array.from(classes, (c) => (c.startsWith('B-') ? 1 : 0));
  // Per lowercased word: counts of types 0..4 over its capitalised occurrences.
  const counts = new Map<string, Int32Array>();
  const keys = doc.map((s) => s.map((w) => w.toLowerCase()));
  doc.forEach((s, si) =>
    s.forEach((w, i) => {
      if (!/^\p{Lu}/u.test(w)) return;
      const k = keys[si]![i]!;
      const c = counts.get(k) ?? counts.set(k, new Int32Array(5)).get(k)!;
      c[typeOf[firstPass[si]![i]!]!]!++;
    }),
  );
  // The majority type of the word's other occurrences (-1: none), per token.
  const majority = doc.map((s, si) =>
    s.map((w, i) => {
      const c = counts.get(keys[si]![i]!);
      if (!c || !hasLetter.test(w)) return -1;
      return majorityBesides(c, /^\p{Lu}/u.test(w) ? typeOf[firstPass[si]![i]!]! : -1);
    }),
  );
  const buckets = doc.map(numberBucket);
  // Per capitalised run (lowercased, space-joined): counts of its first token's first-pass types.
  const runs = doc.map(capitalRuns);
  const runCounts = new Map<string, Int32Array>();
  doc.forEach((s, si) => {
    const { start, end } = runs[si]!;
    for (let i = 0; i < s.length; i++) {
      if (start[i] !== i) continue;
      const key = keys[si]!.slice(i, end[i]! + 1).join(' ');
      const c = runCounts.get(key) ?? runCounts.set(key, new Int32Array(5)).get(key)!;
      c[typeOf[firstPass[si]![i]!]!]!++;
    }
  });
  const tables = buckets.filter((b) => b >= 2).length / Math.max(1, doc.length);
  const docBucket = tables === 0 ? 0 : tables < 0.15 ? 1 : tables < 0.4 ? 2 : 3;
  // The first pass's mix of types over the document's names (B- tags): the most frequent type and the
  // share of organisations in fifths (a sports or business story names its clubs and firms throughout).
  const typeCounts = new Int32Array(5);
  for (let si = 0; si < doc.length; si++) {
    const tags = firstPass[si]!;
    for (let i = 0; i < tags.length; i++) if (isBegin[tags[i]!]) typeCounts[typeOf[tags[i]!]!]!++;
  }
  let topType = 0;
  for (let t = 1; t < 5; t++) if (typeCounts[t]! > typeCounts[topType]!) topType = t;
  const named = typeCounts[1]! + typeCounts[2]! + typeCounts[3]! + typeCounts[4]!;
  const orgShare = named === 0 ? 0 : Math.min(4, Math.floor((typeCounts[2]! / named) * 5));
  // The majority first-pass type of the sentence's other capitalised runs (their first tokens; -1: none):
  // the names of one line tend to share a type ("Northtown 2 Eastport 1", "Paris and Rome").
  const runTypes = doc.map((_, si) => {
    const c = new Int32Array(5);
    const { start } = runs[si]!;
    for (let j = 0; j < start.length; j++) if (start[j] === j) c[typeOf[firstPass[si]![j]!]!]!++;
    return c;
  });
  const sentMajority = (si: number, own: number): number =>
    majorityBesides(runTypes[si]!, own >= 0 ? typeOf[firstPass[si]![own]!]! : -1);
  return doc.map((s, si) => {
    const { start: runStart, end: runEnd } = runs[si]!;
    const bucket = buckets[si]!;
    // A headline (every word with letters in capitals): its own word and neighbour features,
    // since case, the strongest cue elsewhere, says nothing there.
    const lettered = s.filter((w) => hasLetter.test(w));
    const headline = lettered.length > 1 && lettered.every((w) => w === w.toUpperCase());
    const lower = keys[si]!;
    return s.map((w, i) => {
      const m = majority[si]![i]!;
      const cap = /^\p{Lu}/u.test(w) ? 1 : 0;
      const ids: number[] = [
        mix(DOC.prevExact, i > 0 ? fnv1a32(s[i - 1]!) : 0),
        mix(DOC.nextExact, i + 1 < s.length ? fnv1a32(s[i + 1]!) : 0),
      ];
      // Numbers: results and tables ("Leeds 2 Chelsea 1") name clubs by their towns.
      const nextKind = i + 1 < s.length ? (numeric.test(s[i + 1]!) ? 1 : 2) : 0;
      ids.push(
        mix(DOC.numbers, bucket * 2 + cap),
        mix(DOC.docNumbers, (docBucket * 4 + bucket) * 2 + cap),
        mix(DOC.numbersNext, (bucket * 3 + nextKind) * 2 + cap),
      );
      // The first pass's types of the two neighbours (5: sentence edge).
      const p = i > 0 ? typeOf[firstPass[si]![i - 1]!]! : 5;
      const n = i + 1 < s.length ? typeOf[firstPass[si]![i + 1]!]! : 5;
      ids.push(mix(DOC.nbrFirst, (p * 6 + n) * 2 + cap));
      if (cap) {
        ids.push(mix(DOC.docTypes, topType * 8 + orgShare));
        ids.push(mix(DOC.sentTypes, sentMajority(si, runStart[i]!) * 3 + nextKind));
      }
      // A run of capitalised words: the majority type of the same run elsewhere, the run itself, what
      // stands before and after it, its length, the token's place in it.
      if (runStart[i]! >= 0) {
        const key = lower.slice(runStart[i]!, runEnd[i]! + 1).join(' ');
        const seen = runCounts.get(key)!;
        const best = majorityBesides(seen, typeOf[firstPass[si]![runStart[i]!]!]!);
        const at = runStart[i] === runEnd[i] ? 0 : i === runStart[i] ? 1 : 2;
        ids.push(mix(DOC.runMajority, (best + 1) * 3 + at), mix(DOC.runText, mix(at, fnv1a32(key))));
        const a = runStart[i]!;
        const b = runEnd[i]!;
        const pos = a === b ? 0 : i === a ? 1 : i === b ? 3 : 2;
        const before = a > 0 ? lower[a - 1]! : '<s>';
        const after = b + 1 < s.length ? lower[b + 1]! : '</s>';
        const afterShape = sideShape(s[b + 1], '</s>');
        const beforeShape = sideShape(s[a - 1], '<s>');
        // Its first and last words ("Leeds United", "Mallinckrodt Group Inc"), and the last word of the
        // name it may be part of through connectors ("Bank of England"), with whether one comes before.
        let e = b;
        while (e + 2 < s.length && CONNECTORS.has(lower[e + 1]!) && capital.test(s[e + 2]!)) e = runEnd[e + 2]!;
        let f = a;
        while (f - 2 >= 0 && CONNECTORS.has(lower[f - 1]!) && capital.test(s[f - 2]!)) f = runStart[f - 2]!;
        ids.push(
          mix(DOC.runFirst, mix(pos, fnv1a32(lower[a]!))),
          mix(DOC.runLast, mix(pos, fnv1a32(lower[b]!))),
          mix(DOC.spanLast, mix(f < a ? 1 : 0, fnv1a32(lower[e]!))),
        );
        ids.push(
          mix(DOC.runBefore, mix(pos, fnv1a32(before))),
          mix(DOC.runAfter, mix(pos, fnv1a32(after))),
          mix(DOC.runAfterShape, mix(pos * 4 + bucket, fnv1a32(afterShape))),
          mix(DOC.runBeforeShape, mix(pos * 4 + bucket, fnv1a32(beforeShape))),
          mix(DOC.runLength, mix(pos, Math.min(b - a + 1, 4))),
        );
      }
      if (headline) {
        ids.push(
          mix(DOC.headWord, fnv1a32(lower[i]!)),
          mix(DOC.headPrev, i > 0 ? fnv1a32(lower[i - 1]!) : 0),
          mix(DOC.headNext, i + 1 < s.length ? fnv1a32(lower[i + 1]!) : 0),
        );
      }
      if (m < 0) {
        if (hasLetter.test(w) && cap) ids.push(mix(DOC.alone, cap));
        return ids;
      }
      ids.push(mix(DOC.majority, m * 2 + cap));
      const c = counts.get(keys[si]![i]!)!;
      const own = cap ? typeOf[firstPass[si]![i]!]! : -1;
      for (let t = 1; t < 5; t++) if (c[t]! - (t === own ? 1 : 0) > 0) ids.push(mix(DOC.seen, t * 2 + cap));
      const prev = i > 0 ? majority[si]![i - 1]! : -2;
      const next = i + 1 < s.length ? majority[si]![i + 1]! : -2;
      ids.push(mix(DOC.majorityPrev, mix(prev + 3, m)), mix(DOC.majorityNext, mix(next + 3, m)));
      return ids;
    });
  });
}

/** A sentence's features with extra ids appended to each token's static ones. */
export function withExtra(f: SentenceFeatures, extra: readonly (readonly number[])[]): SentenceFeatures {
  const n = f.offsets.length - 1;
  let total = f.ids.length;
  for (const e of extra) total += e.length;
  const ids = new Uint32Array(total);
  const offsets = new Uint32Array(n + 1);
  let k = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = k;
    ids.set(f.ids.subarray(f.offsets[i]!, f.offsets[i + 1]!), k);
    k += f.offsets[i + 1]! - f.offsets[i]!;
    for (const id of extra[i] ?? []) ids[k++] = id >>> 0;
  }
  offsets[n] = k;
  return { ids, offsets, lower: f.lower, short: f.short };
}

/** The second pass's features of every sentence of a document. */
export function documentSentenceFeatures(
  doc: ReadonlyArray<readonly string[]>,
  firstPass: ReadonlyArray<ArrayLike<number>>,
  classes: readonly string[],
): SentenceFeatures[] {
  const extra = documentFeatures(doc, firstPass, classes);
  return doc.map((s, si) => withExtra(sentenceFeatures(s), extra[si]!));
}

/**
 * The type (0..4) counted most often in `counts` once one occurrence of `own` (the token's own, or
 * -1) is left out, or -1 when no other occurrence has a type.
 */
function majorityBesides(counts: ArrayLike<number>, own: number): number {
  let best = -1;
  let top = 0;
  for (let t = 0; t < 5; t++) {
    const n = counts[t]! - (t === own ? 1 : 0);
    if (n > top) {
      top = n;
      best = t;
    }
  }
  return best;
}
