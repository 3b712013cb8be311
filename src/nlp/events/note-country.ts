/**
 * The country of a report whose places stage resolved none, from every cue the text gives: names
 * the gazetteer knows as a country, a region or a sizeable town even where the places stage did not
 * take them as the event's place ("outside the Lahore Press Club", "the Communist Party of India",
 * "Punjab University"), country-bound parties and organisations, demonyms, and the words that belong
 * to one country's public life (data/actors/country-cues.yaml). Each cue votes; a name the
 * gazetteer gives to several countries splits its vote. It names generic actors only ("Protesters
 * (India)"): it places nothing.
 */
import { loadDataFile } from '../../core/data-file.js';
import type { Entity } from '../../core/document.js';
import { fold } from '../places/fold.js';
import { loadGazetteer, type GazEntry, type Gazetteer, type Source } from '../places/gazetteer.js';
import { countryCuesSchema, type CountryCuesData } from './actor-data.schema.js';
import { stateForcesSchema } from '../entities/dictionary.schema.js';
import { buildCountries } from '../entities/state-forces.js';
import { entityCountry, type CountryData } from '../entities/entity-country.js';

export interface NoteCountryData {
  readonly countries: CountryData;
  readonly cues: CountryCuesData;
  /** Folded country name or demonym -> its country and how strong a cue it is. */
  readonly forms: ReadonlyMap<string, { readonly code: string; readonly weight: number }>;
  /** Folded words that never vote as places: institutions (country-cues.yaml `not_places`) and cue words. */
  readonly notPlaces: ReadonlySet<string>;
  /** Loaded on first use: most reports name their country through the places stage. */
  gazetteer(): Gazetteer;
}

/** The least a country needs: one cue (a town unique to one country is mostly right even alone). */
const MIN_VOTES = 0.5;

/** A country's name ("of India") and its demonym ("Indian Youth Congress"). */
const NAME_WEIGHT = 2;
const DEMONYM_WEIGHT = 1;

export function loadNoteCountryData(countries: CountryData): NoteCountryData {
  let gaz: Gazetteer | null = null;
  const cues = loadDataFile('actors/country-cues.yaml', countryCuesSchema);
  const forms = new Map<string, { code: string; weight: number }>();
  for (const c of buildCountries(loadDataFile('entities/state-forces.yaml', stateForcesSchema))) {
    // Short codes ("US", "UK") and possessives are the entities stage's; full words only.
    for (const d of c.demonyms) if (d.length > 3) forms.set(fold(d), { code: c.code, weight: DEMONYM_WEIGHT });
    for (const n of c.names) if (n.length > 3) forms.set(fold(n), { code: c.code, weight: NAME_WEIGHT });
  }
  const notPlaces = new Set([...cues.notPlaces, ...cues.words].map(fold));
  return { countries, cues, forms, notPlaces, gazetteer: () => (gaz ??= loadGazetteer()) };
}

/**
 * How strongly a gazetteer place tells its country: provinces and seats of government more than
 * towns. Countries come from `forms` (the gazetteer's country spellings include codes and odd
 * alternatives such as "Aland").
 */
const WEIGHT: Record<Source, number> = {
  country: 0,
  alias: 2,
  capital: 2,
  'admin1-capital': 2,
  admin1: 2,
  'admin2-capital': 0.5,
  admin2: 0.5,
  city: 0.5,
};

/** Capitalised words in a row, "of" allowed inside ("West Bengal", "Communist Party of India"); not "pro-X". */
const NAME_RUN = /(?<![\p{L}-])\p{Lu}[\p{L}'’-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}'’-]*)*/gu;

function bump(votes: Map<string, number>, code: string | null, w: number): void {
  if (code) votes.set(code, (votes.get(code) ?? 0) + w);
}

/**
 * A name several countries share belongs to one of them when its place there is a sizeable town
 * (`DOMINANT_POPULATION`) at least `DOMINANCE` times as populous as any other of known size
 * ("Delhi", "Patna": small towns of the same name elsewhere are not what a report means).
 */
const DOMINANCE = 10;
const DOMINANT_POPULATION = 50_000;

/** Per country, the weight of its strongest entry; one country when its place dwarfs the others. */
function byCountry(key: string, entries: readonly GazEntry[]): Map<string, number> {
  const out = new Map<string, number>();
  const people = new Map<string, number>();
  for (const e of entries) {
    const w = WEIGHT[e.source];
    if (!w || !e.country) continue;
    out.set(e.country, Math.max(out.get(e.country) ?? 0, w));
    people.set(e.country, Math.max(people.get(e.country) ?? 0, e.population));
  }
  // Short words ("Man") are too often something else. A place of unknown size (0) is outweighed
  // only by a seat of government.
  if (out.size < 2 || key.length < 4) return out;
  const [first, ...rest] = [...people].sort((a, b) => b[1] - a[1]);
  const seat = entries.some(
    (e) => e.country === first![0] && (e.source === 'capital' || e.source === 'admin1-capital'),
  );
  if (first![1] >= DOMINANT_POPULATION && rest.every(([, p]) => (p > 0 || seat) && first![1] >= DOMINANCE * p))
    return new Map([[first![0], out.get(first![0])!]]);
  return out;
}

/**
 * Votes of the place names, country names and demonyms in the capitalised runs of `body` (the
 * longest name at each word wins). A name of one country votes at once; a name several countries
 * share ("Punjab", "Hyderabad", and words like "Forest" that name towns somewhere) only adds to
 * the countries the unambiguous names already point to, split between those.
 */
function placeVotes(
  body: string,
  gaz: Gazetteer,
  forms: NoteCountryData['forms'],
  notPlaces: ReadonlySet<string>,
  votes: Map<string, number>,
): void {
  const shared: Map<string, number>[] = [];
  for (const run of body.matchAll(NAME_RUN)) {
    // "Srinagar-Gulmarg road", "UGC-Kolkata": capitalised parts joined by a hyphen are names of their own.
    const words = run[0].split(/\s+|(?<=\p{Lu}\p{L}*)-(?=\p{Lu})/u);
    for (let i = 0; i < words.length;) {
      let used = 1;
      for (let n = Math.min(4, words.length - i); n >= 1; n--) {
        const last = words[i + n - 1]!;
        if (/^of$/i.test(last)) continue;
        const key = fold(
          words
            .slice(i, i + n)
            .join(' ')
            .replace(/['’]s$/, ''),
        );
        if (key.length < 3) continue;
        const form = forms.get(key);
        if (form) {
          bump(votes, form.code, form.weight);
          used = n;
          break;
        }
        if (gaz.stop.has(key) || notPlaces.has(key)) continue;
        const entries = gaz.byName.get(key);
        const countries = entries ? byCountry(key, entries) : null;
        if (!countries || countries.size === 0) continue;
        if (countries.size === 1) {
          const [code, w] = [...countries][0]!;
          bump(votes, code, w);
        } else shared.push(countries);
        used = n;
        break;
      }
      i += used;
    }
  }
  const supported = new Set(votes.keys());
  for (const countries of shared) {
    const mine = [...countries].filter(([code]) => supported.has(code));
    for (const [code, w] of mine) bump(votes, code, w / mine.length);
  }
}

/** Votes of the country-bound entities (each distinct one once). */
function entityVotes(entities: readonly Entity[], data: CountryData, votes: Map<string, number>): void {
  const seen = new Set<string>();
  for (const e of entities) {
    if (seen.has(e.canonical)) continue;
    // A party word ("Maoists") has no country: the group's own name later in the report still votes.
    const code = entityCountry(e, data);
    if (code === null) continue;
    seen.add(e.canonical);
    bump(votes, code, 2);
  }
}

/** Votes of the words of one country's public life ("Lok Sabha", "tehsil"), each word once. */
function cueVotes(lower: string, cues: CountryCuesData, votes: Map<string, number>): void {
  for (const c of cues.cues)
    if (c.pattern.test(lower)) for (const code of c.countries) bump(votes, code, c.weight / c.countries.length);
}

/** Every country the text's cues point to, with its votes, most first. */
export function countryVotes(
  body: string,
  lower: string,
  entities: readonly Entity[],
  data: NoteCountryData,
): [string, number][] {
  const votes = new Map<string, number>();
  entityVotes(entities, data.countries, votes);
  cueVotes(lower, data.cues, votes);
  placeVotes(body, data.gazetteer(), data.forms, data.notPlaces, votes);
  return [...votes].sort((a, b) => b[1] - a[1]);
}

/**
 * The country most cues point to, as ISO code and ACLED name; null when there is none, or when two
 * come within `margin` of each other (a report about two countries names neither).
 */
export function noteCountry(
  body: string,
  lower: string,
  entities: readonly Entity[],
  data: NoteCountryData,
  margin = 0.5,
): { code: string; name: string } | null {
  const ranked = countryVotes(body, lower, entities, data);
  const [best, second] = ranked;
  if (!best || best[1] < MIN_VOTES || (second && best[1] - second[1] < margin)) return null;
  const name = data.countries.names.get(best[0]);
  return name ? { code: best[0], name } : null;
}
