/**
 * The grade, fatality range and summary of one incident, in the spirit of Airwars' grading and
 * UCDP's low/best/high. Pure: the same members always give the same verdict.
 */
import { eventDays, type IncidentEvent } from './event.js';
import { independentSources } from './independence.js';
import { compareEvents } from './match.js';
import type { IncidentRules } from './rules.js';

export type ComputedGrade = 'single_source' | 'corroborated' | 'contested';

export interface Verdict {
  readonly grade: ComputedGrade;
  /**
   * Independent sources (independence.ts, ADR 0008): the most events that share no story, no outlet
   * and no named original source. A story and its copies count once; so does one outlet's reporting.
   */
  readonly sources: number;
  /** Distinct stories (a report with its copies and versions) and datasets among the events. */
  readonly stories: number;
  readonly fatalitiesLow: number | null;
  readonly fatalitiesBest: number | null;
  readonly fatalitiesHigh: number | null;
  /** Why the incident is contested; empty otherwise. */
  readonly contested: readonly string[];
}

/**
 * One figure per independent source (its highest: a story updating its own toll), then UCDP-style
 * low = min, high = max, best = median of the sources' figures (lower middle value when even, so
 * best is a figure some source actually stated). Sources stating no figure are left out.
 */
export function fatalityRange(
  events: readonly IncidentEvent[],
): Pick<Verdict, 'fatalitiesLow' | 'fatalitiesBest' | 'fatalitiesHigh'> {
  const bySource = new Map<string, number>();
  for (const e of events)
    if (e.fatalities !== null) bySource.set(e.sourceKey, Math.max(bySource.get(e.sourceKey) ?? 0, e.fatalities));
  const figures = [...bySource.values()].sort((a, b) => a - b);
  if (figures.length === 0) return { fatalitiesLow: null, fatalitiesBest: null, fatalitiesHigh: null };
  return {
    fatalitiesLow: figures[0]!,
    fatalitiesBest: figures[Math.floor((figures.length - 1) / 2)]!,
    fatalitiesHigh: figures.at(-1)!,
  };
}

export function gradeIncident(events: readonly IncidentEvent[], rules: IncidentRules): Verdict {
  const contested = new Set<string>();
  for (const e of events) if (e.modality === 'denied') contested.add(`denied in ${e.sourceKey}`);
  for (let i = 0; i < events.length; i++)
    for (let j = i + 1; j < events.length; j++) {
      const c = compareEvents(events[i]!, events[j]!, rules);
      if (c.match && c.contested !== null) contested.add(c.contested);
    }
  const sources = independentSources(events, rules);
  const stories = new Set(events.map((e) => e.sourceKey)).size;
  const grade: ComputedGrade = contested.size > 0 ? 'contested' : sources >= 2 ? 'corroborated' : 'single_source';
  return { grade, sources, stories, contested: [...contested].sort(), ...fatalityRange(events) };
}

export interface IncidentSummary {
  readonly first: string;
  readonly last: string;
  readonly eventType: string;
  readonly subEventTypes: readonly string[];
  readonly location: string | null;
  readonly admin1: string | null;
  readonly country: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly geoPrecision: number | null;
  readonly actors: readonly string[];
}

/** What to show for an incident: the most precisely placed member's place, every actor, the days covered. */
export function summariseIncident(events: readonly IncidentEvent[]): IncidentSummary {
  const sorted = [...events].sort((a, b) => a.id - b.id);
  const spans = sorted.map(eventDays).filter((d) => d !== null);
  const placed = [...sorted].sort(
    (a, b) =>
      Number(a.latitude === null) - Number(b.latitude === null) || (a.geo_precision ?? 4) - (b.geo_precision ?? 4),
  )[0];
  const typeCount = new Map<string, number>();
  for (const e of sorted) typeCount.set(e.event_type, (typeCount.get(e.event_type) ?? 0) + 1);
  const eventType = [...typeCount].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  const actors = new Set<string>();
  for (const e of sorted)
    for (const a of [e.actor1, e.assoc_actor_1, e.actor2, e.assoc_actor_2]) if (a !== null && a !== '') actors.add(a);
  return {
    first: spans.map((s) => s.first).sort()[0] ?? '',
    last:
      spans
        .map((s) => s.last)
        .sort()
        .at(-1) ?? '',
    eventType,
    subEventTypes: [...new Set(sorted.map((e) => e.sub_event_type))],
    location: placed?.location ?? null,
    admin1: placed?.admin1 ?? null,
    country: placed?.country ?? null,
    latitude: placed?.latitude ?? null,
    longitude: placed?.longitude ?? null,
    geoPrecision: placed?.geo_precision ?? null,
    actors: [...actors],
  };
}
