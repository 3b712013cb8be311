/**
 * The facts a term is judged on, each with its own doubt: who acted (a party, an excluded group,
 * nobody identified), against whom, where relative to a zone, when relative to a time window.
 * Each answer is definite or `uncertain` with the reason a person can check.
 */
import { addDays, monthRange, parseIsoDay, type DateRange, type IsoDay } from '../core/date.js';
import type { Acts, Zone } from './agreement.schema.js';
import type { CompiledAgreement, CompiledParty } from './agreement.js';
import { haversineM, pointToLineM, signedDistanceToPolygonM, type LonLat } from './geometry.js';
import type { AssessableEvent } from './incident.js';
import { describeInstant, localDaysToInstants } from './time.js';

export type ActorRole =
  | { kind: 'party'; party: CompiledParty; name: string }
  | { kind: 'excluded'; group: string; name: string }
  | { kind: 'unidentified'; name: string | null }
  | { kind: 'other'; name: string };

/** Who an actor string is under this agreement. Unidentified first: "Unidentified Armed Group" is nobody's. */
export function resolveActor(ca: CompiledAgreement, actor: string | null): ActorRole {
  if (actor === null || actor.trim() === '') return { kind: 'unidentified', name: null };
  if (ca.unidentified.some((m) => m.test(actor))) return { kind: 'unidentified', name: actor };
  for (const g of ca.excluded)
    if (g.matchers.some((m) => m.test(actor))) return { kind: 'excluded', group: g.name, name: actor };
  for (const p of ca.parties)
    if (p.matchers.some((m) => m.test(actor))) return { kind: 'party', party: p, name: actor };
  return { kind: 'other', name: actor };
}

/** The acting side: actor1, or assoc_actor_1 when actor1 names nobody. */
export function perpetrator(ca: CompiledAgreement, e: AssessableEvent): ActorRole {
  const first = resolveActor(ca, e.actor1);
  if (first.kind !== 'unidentified' || !e.assoc_actor_1) return first;
  const assoc = resolveActor(ca, e.assoc_actor_1);
  return assoc.kind === 'unidentified' ? first : assoc;
}

/** Every target actor named (actor2, assoc_actor_2 split on ';' as ACLED does). */
export function targets(ca: CompiledAgreement, e: AssessableEvent): ActorRole[] {
  const names = [e.actor2, ...(e.assoc_actor_2?.split(';') ?? [])].map((s) => s?.trim() ?? '').filter(Boolean);
  return names.map((n) => resolveActor(ca, n));
}

/** Every actor on either side, for presence checks. */
export function allParties(ca: CompiledAgreement, e: AssessableEvent): CompiledParty[] {
  const names = [e.actor1, e.actor2, ...(e.assoc_actor_1?.split(';') ?? []), ...(e.assoc_actor_2?.split(';') ?? [])];
  const out = new Map<string, CompiledParty>();
  for (const n of names) {
    const r = resolveActor(ca, n?.trim() || null);
    if (r.kind === 'party') out.set(r.party.id, r.party);
  }
  return [...out.values()];
}

export function actsMatch(ca: CompiledAgreement, acts: Acts, e: AssessableEvent): boolean {
  if (acts.event_types && !acts.event_types.includes(e.event_type)) return false;
  if (acts.sub_event_types && !acts.sub_event_types.includes(e.sub_event_type)) return false;
  if (!acts.tags && !acts.evidence_pattern) return true;
  // Tags and the evidence pattern are alternatives: the pattern catches what the reader did not tag.
  if (acts.tags?.some((t) => e.tags?.includes(t))) return true;
  return acts.evidence_pattern !== undefined && ca.patterns.get(acts.evidence_pattern)!.test(e.evidence ?? '');
}

export type Relation = 'inside' | 'outside' | 'uncertain';
export interface Placed {
  readonly rel: Relation;
  readonly detail: string;
}

const km = (m: number) => (m >= 10_000 ? `${Math.round(m / 1000)} km` : `${(m / 1000).toFixed(1)} km`);

/** Where the event is relative to the zone, allowing the radius of doubt of its geo precision. */
export function placeInZone(ca: CompiledAgreement, zone: Zone, e: AssessableEvent): Placed {
  const loc = e.location?.trim().toLowerCase();
  if (loc && zone.place_names?.some((n) => n.toLowerCase() === loc))
    return { rel: 'inside', detail: `${e.location}, named as inside zone “${zone.name}”` };
  if (zone.kind === 'admin') {
    const country = e.country?.trim().toLowerCase();
    if (!country) return { rel: 'uncertain', detail: `country not stated, so zone “${zone.name}” cannot be checked` };
    if (country !== zone.country.toLowerCase())
      return { rel: 'outside', detail: `in ${e.country}, outside zone “${zone.name}”` };
    if (!zone.admin1) return { rel: 'inside', detail: `in ${zone.country}, inside zone “${zone.name}”` };
    const a1 = e.admin1?.trim().toLowerCase();
    if (!a1) return { rel: 'uncertain', detail: `province not stated, so zone “${zone.name}” cannot be checked` };
    const hit = zone.admin1.some((x) => x.toLowerCase() === a1);
    return {
      rel: hit ? 'inside' : 'outside',
      detail: `in ${e.admin1}, ${hit ? 'inside' : 'outside'} zone “${zone.name}”`,
    };
  }
  if (e.latitude === null || e.longitude === null)
    return {
      rel: 'uncertain',
      detail: `no coordinates for ${e.location ?? 'the place'}, so zone “${zone.name}” cannot be checked`,
    };
  const p: LonLat = [e.longitude, e.latitude];
  // Signed distance to the zone's edge: negative inside.
  let d: number;
  if (zone.kind === 'polygon') d = signedDistanceToPolygonM(p, zone.geometry.coordinates as LonLat[][]);
  else if (zone.kind === 'route') d = pointToLineM(p, zone.geometry.coordinates as LonLat[]) - zone.buffer_m;
  else d = haversineM(p, zone.center as LonLat) - zone.radius_m;
  const precision = e.geo_precision ?? 3;
  const doubt = ca.agreement.geo_uncertainty_m[String(precision) as '1' | '2' | '3'];
  const where = `${e.location ?? 'the place'} (geo precision ${e.geo_precision ?? 'unknown'})`;
  if (d <= -doubt) return { rel: 'inside', detail: `${where}, inside zone “${zone.name}”` };
  if (d >= doubt) return { rel: 'outside', detail: `${where}, ${km(d)} outside zone “${zone.name}”` };
  return {
    rel: 'uncertain',
    detail: `${where} is ${km(Math.abs(d))} ${d < 0 ? 'inside' : 'outside'} the edge of zone “${zone.name}”, within its ${km(doubt)} radius of doubt`,
  };
}

/** Inside any of the zones (uncertain if only possibly); no zones means anywhere. */
export function placeInZones(
  ca: CompiledAgreement,
  zoneIds: readonly string[] | undefined,
  e: AssessableEvent,
): Placed {
  if (!zoneIds || zoneIds.length === 0) return { rel: 'inside', detail: `at ${e.location ?? 'an unstated place'}` };
  const all = zoneIds.map((id) => placeInZone(ca, ca.zones.get(id)!, e));
  return all.find((x) => x.rel === 'inside') ?? all.find((x) => x.rel === 'uncertain') ?? all[0]!;
}

/** The event's possible days as [start, end) instants in the agreement's zone. */
export function eventInstants(ca: CompiledAgreement, date: DateRange): [number, number] {
  return localDaysToInstants(date.first, date.last, ca.timeZone);
}

export interface Timed {
  readonly rel: 'inside' | 'before' | 'after' | 'uncertain';
  readonly detail: string;
}

/** When the event happened relative to [from, to): uncertain when its possible days straddle an edge. */
export function placeInTime(ca: CompiledAgreement, date: DateRange | null, from: number, to: number | null): Timed {
  const fromText = describeInstant(from, ca.timeZone);
  if (!date) return { rel: 'uncertain', detail: 'date unknown' };
  const [s, e] = eventInstants(ca, date);
  const known =
    date.precision === 1
      ? `on ${date.first}`
      : `between ${date.first} and ${date.last} (time precision ${date.precision})`;
  if (e <= from) return { rel: 'before', detail: `${known}, before the start (${fromText})` };
  if (to !== null && s >= to)
    return { rel: 'after', detail: `${known}, after the end (${describeInstant(to, ca.timeZone)})` };
  if (s < from)
    return {
      rel: 'uncertain',
      detail: `${known}: the time is not known closely enough to tell whether it was before or after ${fromText}`,
    };
  if (to !== null && e > to)
    return { rel: 'uncertain', detail: `${known}: may be after the end (${describeInstant(to, ca.timeZone)})` };
  return { rel: 'inside', detail: `${known}, after the effective time (${fromText})` };
}

/** ACLED codes: precision 2 = within the week starting at the day given, 3 = the month. */
export function eventDateRange(day: string | null, precision: 1 | 2 | 3 | null): DateRange | null {
  const d = day ? parseIsoDay(day) : null;
  if (!d) return null;
  if (precision === 3) return monthRange(Number(d.slice(0, 4)), Number(d.slice(5, 7)));
  if (precision === 2) return { first: d, last: addDays(d, 6) as IsoDay, precision: 2 };
  return { first: d, last: d, precision: 1 };
}
