/**
 * Binary searches over items kept in ascending order of a number (spans by start, tokens by end...).
 * Pass a module-level key function: under tsx, a closure made at every call costs more than the search.
 */

/** Reads the number the items are ordered by. */
export type NumberKey<T> = (item: T) => number;

/** The first index in [lo, hi) whose key is at least `value` (hi when there is none). */
export function firstAtLeast<T>(
  items: ArrayLike<T>,
  value: number,
  key: NumberKey<T>,
  lo = 0,
  hi = items.length,
): number {
  return bound(items, value, key, lo, hi, false);
}

/** The first index in [lo, hi) whose key is above `value` (hi when there is none). */
export function firstAbove<T>(
  items: ArrayLike<T>,
  value: number,
  key: NumberKey<T>,
  lo = 0,
  hi = items.length,
): number {
  return bound(items, value, key, lo, hi, true);
}

function bound<T>(
  items: ArrayLike<T>,
  value: number,
  key: NumberKey<T>,
  lo: number,
  hi: number,
  above: boolean,
): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const k = key(items[mid]!);
    if (k < value || (above && k === value)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Key functions for the common cases. */
export const startOf = (s: { readonly start: number }): number => s.start;
export const endOf = (s: { readonly end: number }): number => s.end;
export const itself = (n: number): number => n;
