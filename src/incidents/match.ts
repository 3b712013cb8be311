/**
 * Do two events describe the same incident? Type, date, place and actors are checked in that
 * order; the first failure is the reason. A match may still be contested (sources blame opposite
 * sides). Thresholds come from data/incidents/matching.yaml, sides from sides.yaml.
 */
import type { GeoPrecision } from '../core/taxonomy.js';
import { daysOverlap, eventDays, opposed, sideOf, type IncidentEvent } from './event.js';
import type { IncidentRules } from './rules.js';

export type Comparison =
  { readonly match: false; readonly reason: string } | { readonly match: true; readonly contested: string | null };

const EARTH_RADIUS_KM = 6371.0088;

export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function typesCompatible(a: IncidentEvent, b: IncidentEvent, rules: IncidentRules): boolean {
  if (a.event_type === b.event_type) return true;
  for (const sa of [a.sub_event_type, '*'])
    for (const sb of [b.sub_event_type, '*'])
      if (rules.compatibleTypes.has(`${a.event_type}|${sa}#${b.event_type}|${sb}`)) return true;
  return false;
}

const norm = (s: string | null): string | null => (s === null || s.trim() === '' ? null : s.trim().toLowerCase());
const coarser = (a: GeoPrecision | null, b: GeoPrecision | null): GeoPrecision =>
  Math.max(a ?? 3, b ?? 3) as GeoPrecision;

/** Null when the places are compatible, else why not. */
/** Placed only in a country (no province, or the country's name as the place): too vague to merge. */
function countryOnly(e: IncidentEvent): boolean {
  const [loc, country] = [norm(e.location), norm(e.country)];
  return norm(e.admin1) === null && (loc === null || loc === country);
}

export function placeMismatch(a: IncidentEvent, b: IncidentEvent, rules: IncidentRules): string | null {
  if (countryOnly(a) || countryOnly(b)) return 'placed only at country level';
  const [ca, cb] = [norm(a.country), norm(b.country)];
  const sameAdmin1 =
    norm(a.admin1) !== null && norm(a.admin1) === norm(b.admin1) && (ca === null || cb === null || ca === cb);
  const precision = coarser(a.geo_precision, b.geo_precision);
  const admin1Enough = precision >= rules.admin1AtPrecision;
  if (a.latitude !== null && a.longitude !== null && b.latitude !== null && b.longitude !== null) {
    const km = distanceKm(a.latitude, a.longitude, b.latitude, b.longitude);
    const limit = rules.kmByPrecision.get(precision) ?? rules.maxKm;
    if (km <= limit || (admin1Enough && sameAdmin1)) return null;
    return `${km.toFixed(1)} km apart, more than ${limit} km at geo precision ${precision}`;
  }
  if (ca !== null && cb !== null && ca !== cb) return `different countries (${a.country} / ${b.country})`;
  const [la, lb] = [norm(a.location), norm(b.location)];
  if (la !== null && la === lb) return null;
  if (sameAdmin1 && (admin1Enough || la === null || lb === null)) return null;
  if (la === null && lb === null && norm(a.admin1) === null && norm(b.admin1) === null) return 'no place to compare';
  return `different places (${a.location ?? a.admin1 ?? '?'} / ${b.location ?? b.admin1 ?? '?'})`;
}

const perpetrator = (e: IncidentEvent, r: IncidentRules) => sideOf(e.actor1, r) ?? sideOf(e.assoc_actor_1, r);
const target = (e: IncidentEvent, r: IncidentRules) => sideOf(e.actor2, r) ?? sideOf(e.assoc_actor_2, r);

/** Actor check: null contested on agreement, a reason string when contested, or 'different' to refuse. */
function compareActors(a: IncidentEvent, b: IncidentEvent, rules: IncidentRules): string | null | 'different' {
  const [pa, ta, pb, tb] = [perpetrator(a, rules), target(a, rules), perpetrator(b, rules), target(b, rules)];
  if (a.event_type === 'Battles' || b.event_type === 'Battles') {
    // In a battle actor1/actor2 order means nothing (and a battle reported as shelling names either
    // side first): refuse only two fully known, unrelated pairs; never contest on order.
    const sa = [pa, ta].filter((s): s is string => s !== null);
    const sb = [pb, tb].filter((s): s is string => s !== null);
    if (sa.length === 2 && sb.length === 2 && sa.every((x) => sb.every((y) => opposed(x, y, rules))))
      return 'different';
    return null;
  }
  if (!opposed(pa, pb, rules)) return null;
  // Each side blaming the other for the same strike: one incident, contested.
  if (!opposed(pa, tb, rules) && !opposed(pb, ta, rules) && ta !== null && tb !== null)
    return `sources blame opposite sides (${pa} / ${pb})`;
  if (ta !== null && tb !== null && opposed(ta, tb, rules)) return 'different';
  return `sources blame opposite sides (${pa} / ${pb})`;
}

export function compareEvents(a: IncidentEvent, b: IncidentEvent, rules: IncidentRules): Comparison {
  if (a.documentKey === b.documentKey) return { match: false, reason: `two events of one document (${a.documentKey})` };
  if (!typesCompatible(a, b, rules))
    return { match: false, reason: `incompatible types (${a.sub_event_type} / ${b.sub_event_type})` };
  const [da, db] = [eventDays(a), eventDays(b)];
  if (da === null || db === null) return { match: false, reason: 'a date is unknown' };
  if (!daysOverlap(da, db, rules.dateSlackDays))
    return { match: false, reason: `dates do not overlap (${da.first}..${da.last} / ${db.first}..${db.last})` };
  const place = placeMismatch(a, b, rules);
  if (place !== null) return { match: false, reason: place };
  const actors = compareActors(a, b, rules);
  if (actors === 'different') return { match: false, reason: 'different parties' };
  return { match: true, contested: actors };
}
