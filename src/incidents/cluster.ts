/**
 * Groups events into incidents, deterministically: events are taken in id order and each joins the
 * earliest-formed incident whose EVERY member it matches (complete link, so a chain of near
 * neighbours cannot drag an incident across a province), or starts a new one. Because a decision
 * depends only on events with smaller ids, adding an event with a new, larger id never moves
 * earlier events: it joins an incident or makes a new one.
 */
import { dayToDate, type IsoDay } from '../core/date.js';
import { eventDays, type IncidentEvent } from './event.js';
import { compareEvents } from './match.js';
import type { IncidentRules } from './rules.js';

export interface Cluster {
  /** Members in id order; the first is the anchor. */
  readonly events: IncidentEvent[];
}

/** Events that can be part of an incident: a known date and a modality saying it happened. */
export function eligible(e: IncidentEvent, rules: IncidentRules): boolean {
  return rules.incidentModalities.has(e.modality) && eventDays(e) !== null;
}

const DAY_MS = 86_400_000;
const TIME_BUCKET_DAYS = 8;
const dayNumber = (d: IsoDay) => Math.floor(dayToDate(d).getTime() / DAY_MS);

/** Buckets an event can be found in: time buckets x (1-degree cells | admin1 name). */
function keys(e: IncidentEvent, slack: number, neighbours: boolean): string[] {
  const days = eventDays(e)!;
  const t0 = Math.floor((dayNumber(days.first) - slack) / TIME_BUCKET_DAYS);
  const t1 = Math.floor((dayNumber(days.last) + slack) / TIME_BUCKET_DAYS);
  const places: string[] = [];
  if (e.latitude !== null && e.longitude !== null) {
    // One-degree cells (>= 75 km, the widest threshold, away from the poles); lookups scan 3x3.
    const y = Math.floor(e.latitude);
    const x = Math.floor(e.longitude + 180);
    const span = neighbours ? [-1, 0, 1] : [0];
    for (const dy of span) for (const dx of span) places.push(`g${y + dy}:${(x + dx + 360) % 360}`);
  }
  const admin = `${(e.country ?? '').toLowerCase()}|${(e.admin1 ?? '').toLowerCase()}`;
  if (e.admin1 !== null || e.location !== null) places.push(`a${admin}`);
  if (e.location !== null) places.push(`l${(e.location ?? '').toLowerCase()}`);
  const out: string[] = [];
  for (let t = t0; t <= t1; t++) for (const p of places) out.push(`${t}/${p}`);
  return out;
}

/** Clusters eligible events (others are ignored). Input order does not matter; ids decide. */
export function clusterEvents(events: readonly IncidentEvent[], rules: IncidentRules): Cluster[] {
  const sorted = events.filter((e) => eligible(e, rules)).sort((a, b) => a.id - b.id);
  const clusters: Cluster[] = [];
  const index = new Map<string, number[]>();
  const slack = rules.dateSlackDays;
  for (const e of sorted) {
    const candidates = new Set<number>();
    for (const k of keys(e, slack, true)) for (const c of index.get(k) ?? []) candidates.add(c);
    let chosen = -1;
    for (const c of [...candidates].sort((x, y) => x - y)) {
      if (clusters[c]!.events.every((m) => compareEvents(e, m, rules).match)) {
        chosen = c;
        break;
      }
    }
    if (chosen === -1) {
      chosen = clusters.length;
      clusters.push({ events: [] });
    }
    clusters[chosen]!.events.push(e);
    for (const k of keys(e, slack, false)) {
      const list = index.get(k) ?? [];
      if (list.at(-1) !== chosen) list.push(chosen);
      index.set(k, list);
    }
  }
  return clusters;
}
