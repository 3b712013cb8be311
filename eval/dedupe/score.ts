/**
 * Scores copy/version detection on labelled pairs. What the store decides is a link from each report
 * to its story's canonical report; two posts are predicted to be one story when they end in the same
 * story, which is what makes them one source downstream. Pure functions, no data.
 */
import type { Relation } from '../../src/ingest/dedupe/index.js';

export interface Scored {
  readonly gold: Relation;
  readonly predicted: Relation;
  /** How many pairs of its stratum this labelled pair stands for (population / labelled); 1 if omitted. */
  readonly weight?: number;
}

export interface BinaryScore {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** Precision, recall and F1 of one class (or of `sameStory`), counting each pair by its weight. */
export function binaryScore(rows: readonly Scored[], positive: (r: Relation) => boolean): BinaryScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const r of rows) {
    const w = r.weight ?? 1;
    const g = positive(r.gold);
    const p = positive(r.predicted);
    if (g && p) tp += w;
    else if (p) fp += w;
    else if (g) fn += w;
  }
  // An empty denominator means nothing to get wrong: score it 1, as most scorers do.
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

export const sameStory = (r: Relation): boolean => r !== 'distinct';

/** Rows gold x predicted, in the order copy, version, distinct (unweighted counts). */
export function confusion(rows: readonly Scored[]): number[][] {
  const order: Relation[] = ['copy', 'version', 'distinct'];
  return order.map((g) => order.map((p) => rows.filter((r) => r.gold === g && r.predicted === p).length));
}

/** One stored report: its id, its canonical (null when canonical itself) and how it was linked. */
export interface StoredLink {
  readonly reportId: number;
  readonly canonical: number | null;
  readonly relation: 'copy' | 'version' | null;
}

/**
 * The relation the store implies between two posts: distinct unless both belong to one story (the
 * same canonical report). Within a story the pair is a copy when every non-canonical report of the
 * pair was linked as a copy (or both posts are one stored report: identical content), else a version.
 */
export function storedRelation(a: StoredLink | undefined, b: StoredLink | undefined): Relation {
  if (!a || !b) return 'distinct';
  if (a.reportId === b.reportId) return 'copy';
  if ((a.canonical ?? a.reportId) !== (b.canonical ?? b.reportId)) return 'distinct';
  const linked = [a, b].filter((x) => x.canonical !== null);
  return linked.every((x) => x.relation === 'copy') ? 'copy' : 'version';
}

/** Share of pairs two annotators label alike, and Cohen's kappa on the same-story decision. */
export function agreement(pairs: readonly { readonly x: Relation; readonly y: Relation }[]): {
  readonly n: number;
  readonly same: number;
  readonly kappa: number;
} {
  const n = pairs.length;
  if (n === 0) return { n, same: 0, kappa: 0 };
  const same = pairs.filter((p) => p.x === p.y).length;
  const pos = (r: Relation) => (sameStory(r) ? 1 : 0);
  const observed = pairs.filter((p) => pos(p.x) === pos(p.y)).length / n;
  const px = pairs.reduce((s, p) => s + pos(p.x), 0) / n;
  const py = pairs.reduce((s, p) => s + pos(p.y), 0) / n;
  const expected = px * py + (1 - px) * (1 - py);
  return { n, same, kappa: expected === 1 ? 1 : (observed - expected) / (1 - expected) };
}
