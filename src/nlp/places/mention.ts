/** The `PlaceMention` the places stage reports for a chosen entry, a demonym or a district of a town. */
import type { PlaceMention } from '../../core/document.js';
import type { GeoPrecision } from '../../core/taxonomy.js';
import { fold } from './fold.js';
import type { Gazetteer, GazEntry } from './gazetteer.js';
import { firstMatch, type PlaceRules } from './rules.js';
import type { Candidate, DemonymHit } from './scan.js';
import { SEAT_DISTRICT_RE } from './cues.js';

/** "the district of X" in a story datelined in a town: X is a part of that town (geoPrecision 2). */
export function districtOfTown(body: string, c: Candidate, town: GazEntry, gaz: Gazetteer): PlaceMention {
  return {
    start: c.start,
    end: c.end,
    text: body.slice(c.start, c.end),
    name: body.slice(c.start, c.end),
    kind: 'district',
    country: town.country,
    countryName: town.country ? (gaz.countryNames.get(town.country) ?? null) : null,
    admin1: town.admin1,
    latitude: town.latitude,
    longitude: town.longitude,
    geoPrecision: 2,
    metonymFor: null,
  };
}

export function mention(
  body: string,
  c: Candidate,
  e: GazEntry,
  gaz: Gazetteer,
  rules: PlaceRules,
  before: string,
  after: string,
): PlaceMention {
  let entry = e;
  if (e.kind === 'city' && (firstMatch(rules.regionAfter, after) || firstMatch(rules.regionBefore, before))) {
    entry = c.entries.find((x) => x.kind === 'admin1' && x.country === e.country) ?? {
      ...e,
      kind: 'admin1',
      name: e.admin1 ?? e.name,
    };
  }
  // ACLED's fallback chain: a town 1; a district (a GeoNames admin2, or "X district" of its seat), a
  // part of a town or a place near it 2; a province or country 3.
  const districtOfSeat = entry.kind === 'city' && SEAT_DISTRICT_RE.test(after);
  const base: GeoPrecision =
    entry.kind === 'city' && !districtOfSeat
      ? 1
      : districtOfSeat ||
          entry.source === 'admin2' ||
          entry.kind === 'district' ||
          entry.kind === 'facility' ||
          entry.kind === 'route'
        ? 2
        : 3;
  // "outside the X Press Club" is outside the club, in the town.
  const near =
    base === 1 && !c.institution && (firstMatch(rules.nearBefore, before) || firstMatch(rules.nearAfter, after));
  const acts =
    entry.metonymFor !== null &&
    (firstMatch(rules.metonymPossessive, after) !== null ||
      (firstMatch(rules.metonymSubject, after) !== null && !firstMatch(rules.metonymBlocked, before)));
  return {
    start: c.start,
    end: c.end,
    text: body.slice(c.start, c.end),
    name: entry.kind === 'country' && entry.country ? (gaz.countryNames.get(entry.country) ?? entry.name) : entry.name,
    kind: entry.kind,
    country: entry.country,
    countryName: entry.country ? (gaz.countryNames.get(entry.country) ?? null) : null,
    admin1: entry.kind === 'country' ? null : entry.admin1,
    latitude: entry.latitude,
    longitude: entry.longitude,
    geoPrecision: near ? 2 : base,
    metonymFor: acts ? entry.metonymFor : null,
  };
}

export function countryMention(body: string, d: DemonymHit, gaz: Gazetteer): PlaceMention {
  const name = gaz.countryNames.get(d.country) ?? d.country;
  const entry = gaz.byName.get(fold(name))?.find((e) => e.kind === 'country' && e.country === d.country);
  return {
    start: d.start,
    end: d.end,
    text: body.slice(d.start, d.end),
    name,
    kind: 'country',
    country: d.country,
    countryName: name,
    admin1: null,
    latitude: entry?.latitude ?? null,
    longitude: entry?.longitude ?? null,
    geoPrecision: 3,
    metonymFor: null,
  };
}
