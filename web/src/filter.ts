/** Which incidents a view shows: the filters of the URL applied to the list. Pure. */
import type { Incident } from './api-types.js';
import type { Filters } from './state.js';
import {
  agreementPeriod,
  extent,
  overlaps,
  windowRange,
  type AgreementTime,
  type DayRangeSpan,
} from './time-window.js';

export interface Selection {
  /**
   * The days the window moves in (the slider's ends): the agreement's period, or with span=all the
   * first to the last day of what the other filters keep. Null when nothing is dated.
   */
  readonly record: DayRangeSpan | null;
  /** The agreement's period (null without an agreement or a start). */
  readonly period?: DayRangeSpan | null;
  /** The first and last day of everything the other filters keep (what "whole record" shows). */
  readonly whole?: DayRangeSpan | null;
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
 * The incidents the filters keep, newest first. By default time is the agreement's period (`time`:
 * its start and end; open-ended, it runs while the incidents in its area continue), so its days fill
 * the slider; span=all widens it to the whole record. The window ("last 7 days") counts back from
 * the period's last day, or from the latest incident that the other filters keep.
 */
export function select(
  all: readonly Incident[],
  f: Filters,
  inArea: ((i: Incident) => boolean) | null = null,
  time: AgreementTime | null = null,
): Selection {
  const kept = all.filter((i) => matchesBesidesTime(i, f, inArea));
  const whole = extent(kept.map((i) => i.date));
  // The period does not move with the party or type filters: it is the agreement's, found from
  // every incident in its area.
  const inside = inArea ? all.filter(inArea) : all;
  const period = agreementPeriod(time, inside.map((i) => i.date.start ?? '').filter(Boolean));
  const record = f.span === 'agreement' && period ? period : whole;
  const range = record ? windowRange(record, f.win, f.to) : null;
  const items = kept
    .filter((i) => !range || overlaps(i.date, range))
    .sort((a, b) => (b.date.start ?? '').localeCompare(a.date.start ?? '') || String(a.id).localeCompare(String(b.id)));
  return { record, range, items, period, whole };
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
