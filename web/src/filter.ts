/** Which incidents a view shows: the filters of the URL applied to the list. Pure. */
import type { Incident } from './api-types.js';
import type { Filters } from './state.js';
import { extent, overlaps, windowRange, type DayRangeSpan } from './time-window.js';

export interface Selection {
  /** The record's first and last day (null when nothing is dated). */
  readonly record: DayRangeSpan | null;
  /** The days shown. */
  readonly range: DayRangeSpan | null;
  readonly items: readonly Incident[];
}

/** Every filter but time (the record's first and last day are found after these). */
export function matchesBesidesTime(i: Incident, f: Filters, inArea: ((i: Incident) => boolean) | null = null): boolean {
  if (f.area === 'agreement' && inArea && !inArea(i)) return false;
  if (f.types.length > 0 && !f.types.some((t) => t === i.eventType)) return false;
  if (f.grades.length > 0 && !f.grades.some((g) => g === i.grade)) return false;
  if (f.reviews.length > 0 && !f.reviews.some((r) => r === (i.reviewState ?? 'machine'))) return false;
  if (f.parties.length > 0 && !(i.parties ?? []).some((p) => f.parties.includes(p))) return false;
  return true;
}

/**
 * The incidents the filters keep, newest first. The window ("last 7 days") counts back from the
 * latest incident that the other filters keep, so it always ends where there is something to see.
 */
export function select(
  all: readonly Incident[],
  f: Filters,
  inArea: ((i: Incident) => boolean) | null = null,
): Selection {
  const kept = all.filter((i) => matchesBesidesTime(i, f, inArea));
  const record = extent(kept.map((i) => i.date));
  const range = record ? windowRange(record, f.win, f.to) : null;
  const items = kept
    .filter((i) => !range || overlaps(i.date, range))
    .sort((a, b) => (b.date.start ?? '').localeCompare(a.date.start ?? '') || String(a.id).localeCompare(String(b.id)));
  return { record, range, items };
}

/** Incidents per day per party (an incident with two parties counts for both; none = "unattributed"). */
export function incidentsPerDay(items: readonly Incident[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const i of items) {
    const day = i.date.start?.slice(0, 10);
    if (!day) continue;
    const row = out.get(day) ?? new Map<string, number>();
    out.set(day, row);
    const ps = i.parties && i.parties.length > 0 ? i.parties : ['unattributed'];
    for (const p of new Set(ps)) row.set(p, (row.get(p) ?? 0) + 1);
  }
  return out;
}
