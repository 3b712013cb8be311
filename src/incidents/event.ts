/**
 * What the incident layer needs of an event: the ACLED fields (`source` is who the report cites), its
 * id, and where it comes from (story, document, outlet), set by the service.
 */
import type { AnalysisEvent } from '../core/analysis.js';
import { addDays, parseIsoDay, type IsoDay } from '../core/date.js';
import type { IncidentRules } from './rules.js';

export type IncidentEvent = Omit<AnalysisEvent, 'start' | 'end'> & {
  readonly id: number;
  /**
   * The story: `report:<canonical report id>` (so copies and versions of one story share it) or
   * `dataset:<name>` for imported rows. Events with the same key are never independent; neither are
   * events sharing an outlet or a cited original source (independence.ts).
   */
  readonly sourceKey: string;
  /**
   * Who published the report: its source name (an outlet, an agency or a domain), or null when
   * unknown and for imported rows (their dataset is the `sourceKey`).
   */
  readonly outlet: string | null;
  /**
   * The document the event was read from (`report:<id>`, or `dataset:<name>` for imported rows).
   * Two events of one document are two incidents: the reader already merged its own repetitions,
   * and a dataset such as ACLED codes each incident once.
   */
  readonly documentKey: string;
};

export interface DaySpan {
  readonly first: IsoDay;
  readonly last: IsoDay;
}

/**
 * The days an event may have happened on. event_date is the first day of its range (core/date.ts):
 * a week is 7 days from it, a month is the rest of its calendar month. Null when the date is unknown.
 */
export function eventDays(e: Pick<IncidentEvent, 'event_date' | 'time_precision'>): DaySpan | null {
  const day = e.event_date === null ? null : parseIsoDay(e.event_date);
  if (day === null) return null;
  if (e.time_precision === 2) return { first: day, last: addDays(day, 6) };
  if (e.time_precision === 3) {
    const d = new Date(`${day}T00:00:00Z`);
    const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).toISOString().slice(0, 10) as IsoDay;
    return { first: day, last };
  }
  return { first: day, last: day };
}

/** Do two events' day ranges overlap, allowing the slack of the rules on both sides? */
export function daysOverlap(a: DaySpan, b: DaySpan, slackDays: number): boolean {
  return addDays(a.first, -slackDays) <= b.last && addDays(b.first, -slackDays) <= a.last;
}

/** The side an actor name belongs to, or null when the lexicon does not know it. */
export function sideOf(actor: string | null, rules: IncidentRules): string | null {
  if (actor === null || actor.trim() === '') return null;
  for (const s of rules.sides) if (s.pattern.test(actor)) return s.side;
  return null;
}

/** Same side or allied (one camp); unknown sides are never opposed. */
export function opposed(a: string | null, b: string | null, rules: IncidentRules): boolean {
  if (a === null || b === null || a === 'civilians' || b === 'civilians') return false;
  return !(rules.allies.get(a)?.has(b) ?? a === b);
}
