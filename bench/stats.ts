/** Small statistics for the benchmark: the machine is shared and noisy, so we report medians of rounds. */

/** Median of a non-empty list (mean of the two middle values when the count is even). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** a / b; NaN when b is zero or either side is not finite, so a broken ratio never looks like a good one. */
export function ratio(a: number, b: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return Number.NaN;
  return a / b;
}

/** Items per second for a cost of `msPerItem` milliseconds each. */
export function perSecond(msPerItem: number): number {
  return ratio(1000, msPerItem);
}

/** Median of per-round ratios: each round's pair ran back to back, so noise hits both sides alike. */
export function medianRatio(numerators: readonly number[], denominators: readonly number[]): number {
  if (numerators.length !== denominators.length) throw new RangeError('ratio lists differ in length');
  return median(numerators.map((n, i) => ratio(n, denominators[i]!)));
}

/** Whitespace-separated words, the unit of the "800-word report". */
export function countWords(text: string): number {
  const m = text.match(/\S+/g);
  return m ? m.length : 0;
}

/** Adds each timing to its stage's total, keeping first-seen stage order. */
export function sumByStage(
  timings: ReadonlyArray<{ readonly stage: string; readonly ms: number }>,
  into: Map<string, number> = new Map(),
): Map<string, number> {
  for (const t of timings) into.set(t.stage, (into.get(t.stage) ?? 0) + t.ms);
  return into;
}

/** Pass/fail mark for a target, and "?" when the figure could not be measured. */
export function verdict(value: number, target: { readonly atLeast?: number; readonly atMost?: number }): string {
  if (!Number.isFinite(value)) return '?';
  const ok =
    (target.atLeast === undefined || value >= target.atLeast) &&
    (target.atMost === undefined || value <= target.atMost);
  return ok ? 'ok' : 'MISSED';
}
