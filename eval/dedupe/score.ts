/** Scores predicted relations against labels: 'same story' (copy or version) and the copy/version split. */
import type { Relation } from '../../src/ingest/dedupe/index.js';

export interface Scored {
  readonly gold: Relation;
  readonly predicted: Relation;
}

export interface BinaryScore {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export function binaryScore(rows: readonly Scored[], positive: (r: Relation) => boolean): BinaryScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const r of rows) {
    const g = positive(r.gold);
    const p = positive(r.predicted);
    if (g && p) tp++;
    else if (p) fp++;
    else if (g) fn++;
  }
  // An empty denominator means nothing to get wrong: score it 1, as most scorers do.
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

export const sameStory = (r: Relation): boolean => r !== 'distinct';

/** Rows gold x predicted, in the order copy, version, distinct. */
export function confusion(rows: readonly Scored[]): number[][] {
  const order: Relation[] = ['copy', 'version', 'distinct'];
  return order.map((g) => order.map((p) => rows.filter((r) => r.gold === g && r.predicted === p).length));
}
