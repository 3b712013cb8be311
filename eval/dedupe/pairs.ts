/**
 * Pair features for sampling pairs to label, from EXACT shingle sets (not MinHash, LSH or the
 * thresholds under test), and the strata they fall into. Pure functions over already-cleaned text.
 */
import { normalisedWords, shingleHashes } from '../../src/ingest/dedupe/index.js';

export interface PostText {
  readonly id: string;
  readonly posted: string;
  readonly title: string;
  readonly body: string;
}

export interface PairFeatures {
  readonly a: string;
  readonly b: string;
  /** Exact Jaccard of 5-word shingle sets (the method's own unit, computed exactly). */
  readonly j5: number;
  /** Exact share of the smaller text's 5-shingles found in the other. */
  readonly c5: number;
  /** Exact Jaccard of 3-word shingle sets: catches rewrites that keep short phrases. */
  readonly j3: number;
  /**
   * Headline words of 4+ letters shared by both headlines, counting only words found in at most
   * `MAX_HEADLINE_DF` headlines of the corpus ("Islamic State" or "Syria" alone say nothing).
   */
  readonly headlineShared: number;
  /** Hours between the two posting times. */
  readonly hours: number;
}

export const STRATA = ['high', 'mid', 'low', 'headline-near', 'headline-far', 'near-in-time', 'rest'] as const;
export type Stratum = (typeof STRATA)[number];

/** What each stratum holds; pairs fall into the first that fits, in this order. */
export const STRATUM_RULES: Readonly<Record<Stratum, string>> = {
  high: 'exact 5-shingle Jaccard >= 0.25',
  mid: '5-shingle Jaccard >= 0.05, or 5-shingle containment >= 0.10',
  low: '5-shingle Jaccard >= 0.01, or 3-shingle Jaccard >= 0.04',
  'headline-near': 'low text similarity, posted within 48 hours, headlines share a less common word (4+ letters)',
  'headline-far': 'low text similarity, headlines share 2+ less common words (4+ letters), posted over 48 hours apart',
  'near-in-time': 'none of the above, posted within 36 hours',
  rest: 'every other pair',
};

export function stratumOf(f: PairFeatures): Stratum {
  if (f.j5 >= 0.25) return 'high';
  if (f.j5 >= 0.05 || f.c5 >= 0.1) return 'mid';
  if (f.j5 >= 0.01 || f.j3 >= 0.04) return 'low';
  if (f.hours <= 48 && f.headlineShared >= 1) return 'headline-near';
  if (f.headlineShared >= 2) return 'headline-far';
  if (f.hours <= 36) return 'near-in-time';
  return 'rest';
}

/** A headline word shared by more headlines than this is too common to point to one story. */
export const MAX_HEADLINE_DF = 14;

const IGNORED_HEADLINE_WORDS = new Set(['reuters', 'says', 'said', 'with', 'from', 'after', 'over', 'into', 'that']);

export function headlineWords(title: string): Set<string> {
  return new Set(normalisedWords(title).filter((w) => w.length >= 4 && !IGNORED_HEADLINE_WORDS.has(w)));
}

function overlap(a: Uint32Array, b: Uint32Array): number {
  // Both sorted and distinct (shingleHashes): a merge walk.
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! === b[j]!) {
      n++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return n;
}

const jaccard = (inter: number, a: number, b: number) => (a + b - inter === 0 ? 0 : inter / (a + b - inter));

/** Features of every unordered pair (a before b in the input order). */
export function allPairFeatures(posts: readonly PostText[]): PairFeatures[] {
  const s5 = posts.map((p) => shingleHashes(p.body, 5));
  const s3 = posts.map((p) => shingleHashes(p.body, 3));
  const heads = posts.map((p) => headlineWords(p.title));
  const df = new Map<string, number>();
  for (const h of heads) for (const w of h) df.set(w, (df.get(w) ?? 0) + 1);
  const times = posts.map((p) => Date.parse(`${p.posted.replace(' ', 'T')}Z`));
  const out: PairFeatures[] = [];
  for (let i = 0; i < posts.length; i++)
    for (let j = i + 1; j < posts.length; j++) {
      const i5 = overlap(s5[i]!, s5[j]!);
      const i3 = overlap(s3[i]!, s3[j]!);
      const smaller = Math.min(s5[i]!.length, s5[j]!.length);
      let shared = 0;
      for (const w of heads[i]!) if (heads[j]!.has(w) && df.get(w)! <= MAX_HEADLINE_DF) shared++;
      out.push({
        a: posts[i]!.id,
        b: posts[j]!.id,
        j5: jaccard(i5, s5[i]!.length, s5[j]!.length),
        c5: smaller === 0 ? 0 : i5 / smaller,
        j3: jaccard(i3, s3[i]!.length, s3[j]!.length),
        headlineShared: shared,
        hours: Math.abs(times[i]! - times[j]!) / 3_600_000,
      });
    }
  return out;
}

/** A small seeded generator (mulberry32): the same sample on every machine. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Up to `n` items drawn without replacement (a seeded partial Fisher-Yates), in drawn order. */
export function drawSample<T>(items: readonly T[], n: number, random: () => number): T[] {
  const pool = [...items];
  const k = Math.min(n, pool.length);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, k);
}
