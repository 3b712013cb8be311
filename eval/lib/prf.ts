/** Precision, recall and F1 from counts, and label-weighted F1 (scikit-learn's "weighted" average). */

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Prf {
  readonly p: number;
  readonly r: number;
  readonly f1: number;
}

export const zeroCounts = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

export function addCounts(into: Counts, c: Counts): Counts {
  into.tp += c.tp;
  into.fp += c.fp;
  into.fn += c.fn;
  return into;
}

export function prf(c: Counts): Prf {
  const p = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

/** Per-label F1 averaged with each gold label's support as its weight. */
export function weightedF1(gold: readonly string[], predicted: readonly string[]): number {
  const labels = new Set(gold);
  let total = 0;
  for (const label of labels) {
    const c = zeroCounts();
    gold.forEach((g, i) => {
      const p = predicted[i];
      if (g === label && p === label) c.tp++;
      else if (g === label) c.fn++;
      else if (p === label) c.fp++;
    });
    total += prf(c).f1 * (c.tp + c.fn);
  }
  return gold.length === 0 ? 0 : total / gold.length;
}
