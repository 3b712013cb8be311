/**
 * Overlap resolution of the entities stage: where two finders claim the same words, one span wins
 * (a dictionary match, then a coreference, then a rule; then the longer span; then the earlier).
 */
import type { Entity } from '../../core/document.js';
import { firstAtLeast, startOf } from '../../core/search.js';

const VIA_RANK = { dictionary: 0, coreference: 1, rule: 2 } as const;

/**
 * Spans never overlap: where two finders claim the same words ("Front Turkish" by the name rule,
 * "Turkish-backed rebels" by the generic rule), a dictionary match wins, then the longer span.
 */
export function withoutOverlaps(found: readonly Entity[]): Entity[] {
  const byClaim = byClaimOrder(found);
  for (const e of found) if (e.start >= e.end) return keptNaively(byClaim);
  // Kept spans are disjoint and non-empty, so in start order their ends rise too: a new span overlaps
  // some kept one if and only if it overlaps the last kept span that starts before it ends.
  const kept: Entity[] = [];
  for (const e of byClaim) {
    const lo = firstAtLeast(kept, e.end, startOf);
    if (lo > 0 && kept[lo - 1]!.end > e.start) continue;
    kept.splice(lo, 0, e);
  }
  return kept;
}

/**
 * `found` sorted by via rank, then longer first, then by start (stable): as the comparator sort, but
 * with one number key per entity, (((rank * L + L - 1 - length) * S + start) * C + position), sorted
 * as numbers in a Float64Array (exact below 2^53; past that, the comparator sort).
 */
function byClaimOrder(found: readonly Entity[]): Entity[] {
  const count = found.length;
  let maxLen = 0;
  let maxStart = 0;
  for (const e of found) {
    maxLen = Math.max(maxLen, e.end - e.start);
    maxStart = Math.max(maxStart, e.start);
  }
  const L = maxLen + 1;
  const S = maxStart + 1;
  let ok =
    count > 0 &&
    found.every((e) => Number.isInteger(e.start) && Number.isInteger(e.end) && e.start >= 0 && e.end >= e.start);
  ok &&= 3 * L * S * count <= Number.MAX_SAFE_INTEGER;
  if (!ok) {
    return [...found].sort(
      (a, b) => VIA_RANK[a.via] - VIA_RANK[b.via] || b.end - b.start - (a.end - a.start) || a.start - b.start,
    );
  }
  const keys = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const e = found[k]!;
    keys[k] = ((VIA_RANK[e.via] * L + (L - 1 - (e.end - e.start))) * S + e.start) * count + k;
  }
  keys.sort();
  const out = new Array<Entity>(count);
  for (let k = 0; k < count; k++) out[k] = found[keys[k]! % count]!;
  return out;
}

/** withoutOverlaps for any spans (an empty one too), pair by pair. */
function keptNaively(byClaim: readonly Entity[]): Entity[] {
  const kept: Entity[] = [];
  for (const e of byClaim) if (!kept.some((k) => k.start < e.end && e.start < k.end)) kept.push(e);
  return kept.sort((a, b) => a.start - b.start || b.end - a.end);
}
