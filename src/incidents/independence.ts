/**
 * How many independent sources an incident has (ADR 0008). Two events are NOT independent when they
 * share any provenance key: the story (a report and its copies and versions share the canonical
 * report's key; a dataset is one key), the outlet that published the report, or a named original
 * source both cite ("the Observatory said", an ACLED row's listed sources). The count is the largest
 * number of the incident's events that are pairwise independent, so two outlets that each relay
 * a different monitor count twice, and two outlets relaying one monitor count once.
 */
import type { IncidentEvent } from './event.js';
import type { IncidentRules } from './rules.js';
import { sourceId, splitSources } from './source-name.js';

/** Sorted keys; two events sharing any of them are one source. */
export function provenanceKeys(
  e: Pick<IncidentEvent, 'sourceKey' | 'outlet' | 'source'>,
  rules: IncidentRules,
): string[] {
  const keys = new Set([e.sourceKey]);
  const outlet = e.outlet === null ? null : sourceId(e.outlet, rules.identities);
  if (outlet !== null) keys.add(`src:${outlet}`);
  for (const cited of splitSources(e.source)) {
    const id = sourceId(cited, rules.identities);
    if (id !== null) keys.add(`src:${id}`);
  }
  return [...keys].sort();
}

/** Above this many distinct provenances the count is greedy (a lower bound), not exact. */
export const EXACT_LIMIT = 20;

/** The largest number of key sets that are pairwise disjoint (maximum set packing). */
export function maxIndependent(sets: readonly (readonly string[])[]): number {
  const unique = [...new Map(sets.map((s) => [[...s].sort().join('\u0000'), [...new Set(s)]])).values()];
  // Fewest conflicts first: good for the greedy bound and for pruning the exact search early.
  const conflicts = (s: readonly string[]) => unique.filter((t) => t !== s && t.some((k) => s.includes(k))).length;
  const order = unique.map((s) => ({ s, c: conflicts(s) })).sort((a, b) => a.c - b.c || a.s.length - b.s.length);
  const sorted = order.map((o) => o.s);
  const used = new Set<string>();
  if (sorted.length > EXACT_LIMIT) {
    let n = 0;
    for (const s of sorted)
      if (s.every((k) => !used.has(k))) {
        s.forEach((k) => used.add(k));
        n++;
      }
    return n;
  }
  let best = 0;
  const search = (i: number, count: number): void => {
    if (count + (sorted.length - i) <= best) return;
    if (i === sorted.length) {
      best = count;
      return;
    }
    const s = sorted[i]!;
    if (s.every((k) => !used.has(k))) {
      s.forEach((k) => used.add(k));
      search(i + 1, count + 1);
      s.forEach((k) => used.delete(k));
    }
    search(i + 1, count);
  };
  search(0, 0);
  return best;
}

/** Independent sources among an incident's events (at least 1 for a non-empty incident). */
export function independentSources(
  events: readonly Pick<IncidentEvent, 'sourceKey' | 'outlet' | 'source'>[],
  rules: IncidentRules,
): number {
  return maxIndependent(events.map((e) => provenanceKeys(e, rules)));
}
