/**
 * Spans sorted by start, with the greatest end up to each, so the spans overlapping a name are found
 * by a binary search and a short walk back instead of a test of every span of the report.
 */
import type { Span } from '../../core/span.js';
import { firstAtLeast, itself } from '../../core/search.js';

export interface SpanIndex<T extends Span> {
  readonly items: readonly T[];
  /** `starts[k]`: `items[k].start`. */
  readonly starts: readonly number[];
  /** `maxEnd[k]`: the greatest end of `items[0..k]`. */
  readonly maxEnd: readonly number[];
}

export function spanIndex<T extends Span>(spans: readonly T[]): SpanIndex<T> {
  let sorted = true;
  for (let k = 1; k < spans.length && sorted; k++) sorted = spans[k - 1]!.start <= spans[k]!.start;
  const items = sorted ? spans : [...spans].sort((a, b) => a.start - b.start);
  // Plain arrays: a few dozen numbers a report, which typed arrays cost more to allocate than to search.
  const starts: number[] = [];
  const maxEnd: number[] = [];
  let most = -Infinity;
  for (let k = 0; k < items.length; k++) {
    starts.push(items[k]!.start);
    maxEnd.push((most = Math.max(most, items[k]!.end)));
  }
  return { items, starts, maxEnd };
}

/** Index of the first span that starts at or after `end` (every span before it starts before `end`). */
function firstFrom<T extends Span>(ix: SpanIndex<T>, end: number): number {
  return firstAtLeast(ix.starts, end, itself);
}

/** Some span of the index overlaps `s` (`overlaps` of core/span). */
export function overlapsAny<T extends Span>(ix: SpanIndex<T>, s: Span): boolean {
  for (let k = firstFrom(ix, s.end) - 1; k >= 0 && ix.maxEnd[k]! > s.start; k--)
    if (ix.items[k]!.end > s.start) return true;
  return false;
}

/**
 * Some span of the index overlaps `s` without having exactly its bounds, or overlaps it and is a
 * person (`overlaps(e, s) && (e.type === 'person' || e.start !== s.start || e.end !== s.end)`).
 */
export function overlapsOther<T extends Span & { readonly type: string }>(ix: SpanIndex<T>, s: Span): boolean {
  for (let k = firstFrom(ix, s.end) - 1; k >= 0 && ix.maxEnd[k]! > s.start; k--) {
    const e = ix.items[k]!;
    if (e.end > s.start && (e.type === 'person' || e.start !== s.start || e.end !== s.end)) return true;
  }
  return false;
}
