/**
 * The places stage: finds place names in the cleaned body, resolves each to one gazetteer entry
 * (ranked by the report's country context, then our alias file, then size), and gives it
 * coordinates, an ACLED geoPrecision and, for a capital acting as its government, a metonym.
 */
import type { CleanLayer, Doc, Entity, PlaceMention, PlacesLayer, SentencesLayer } from '../../core/document.js';
import { byStart } from '../../core/span.js';
import type { GeoPrecision } from '../../core/taxonomy.js';
import type { Stage } from '../stage.js';
import { layer } from '../stage.js';
import { tokenTexts } from '../sentences/token-text.js';
import { fold } from './fold.js';
import { loadGazetteer, type Gazetteer, type GazEntry, type Source } from './gazetteer.js';
import { firstMatch, loadRules, type PlaceRules } from './rules.js';
import { createScanner, type Candidate, type DemonymHit } from './scan.js';
import { overlapsAny, overlapsOther, spanIndex, type SpanIndex } from './span-index.js';
import {
  areaKey,
  areasAround,
  inNamedArea,
  NO_AREAS,
  provinceSpelling,
  respelled,
  type Areas,
  type Holder,
} from './areas.js';

/** How far around a name the context rules look, in characters (within its sentence). */
const WINDOW = 80;
const BIG: ReadonlySet<Source> = new Set(['country', 'alias', 'capital', 'admin1-capital']);
const SOURCE_SCORE: Record<Source, number> = {
  country: 60,
  alias: 50,
  capital: 40,
  'admin1-capital': 30,
  'admin2-capital': 5,
  city: 0,
  admin1: -10,
  admin2: -15,
};
// Weights of the evidence that a report is about a country.
const WEIGHT = { dateline: 5, country: 3, place: 2, demonym: 1 } as const;
// A locative cue ("in X", "the town of X") is what lets a small gazetteer place count as a place.
// "in Alishing district, Laghman": the name after a lower unit and a comma is where that unit lies.
// End first, the rest in a look-behind: the matches of the same pattern ending in `$` (places.regex
// property test), but the engine tests one cheap `$` at each position instead of the words.
export const LOCATIVE_RE =
  /$(?<=\b(?:in|near|at|outside|into|from|to|towards?|around|across|entered|reached|(?:city|town|village|port|province|district|area)\s+of)\s+(?:the\s+)?|\b(?:district|village|town|city|area|upazila|tehsil|subdivision|county)\s*,\s*)/i;
// "the Dora neighborhood": a district of some town, not the GeoNames town of that name.
const DISTRICT_AFTER_RE = /^\s+(?:neighbou?rhood|district|quarter|suburb)\b/i;
const SEAT_DISTRICT_RE = /^\s+district\b/i;
// "X area of Y", "X village of Y", "X of Y district": X is a part of the place named after it.
const PART_OF_AFTER_RE =
  /^\s+(?:(?:area|village|locality)\s+of\b|of\s+(?:the\s+)?\p{Lu}[\p{L}'’ -]{0,30}?\s(?:district|upazila|tehsil)\b)/u;
const LOCATIVE_AFTER_RE = /^\s+(?:province|governorate|district|area|countryside|village|town|city)\b/i;

export interface PlacesInput {
  readonly body: string;
  readonly sentences: SentencesLayer;
  readonly entities: readonly Entity[];
  readonly dateline?: CleanLayer['dateline'];
}

export interface PlacesFinder {
  find(input: PlacesInput): PlacesLayer;
}

function bump(ctx: Map<string, number>, country: string | null, by: number): void {
  if (country) ctx.set(country, (ctx.get(country) ?? 0) + by);
}

function datelineCountry(gaz: Gazetteer, place: string | null | undefined): string | null {
  if (!place) return null;
  const parts = place.split(',').map((p) => gaz.byName.get(fold(p))?.[0]);
  const country = parts.find((e) => e?.kind === 'country') ?? parts.find((e) => e && BIG.has(e.source));
  return country?.country ?? null;
}

// A capitalised word right before the name (not a sentence's "The" or "In"): the name is inside another.
// End first, the rest in a look-behind, as LOCATIVE_RE.
export const CAPITALISED_BEFORE =
  /$(?<=(?<!^|[.!?]\s*)\b(?!(?:The|In|At|Near|Outside|From|Of)\b)\p{Lu}[\p{L}'’-]*\s+)/u;

const notCountry = (e: GazEntry): boolean => e.kind !== 'country';

/** The countries of the big places of the name other than `e`'s country, in order, or null when none. */
function rivalsOf(c: Candidate, e: GazEntry): Set<string | null> | null {
  let rivals: Set<string | null> | null = null;
  for (const x of c.entries) if (BIG.has(x.source) && x.country !== e.country) (rivals ??= new Set()).add(x.country);
  return rivals;
}

/** Entities that are not places and not a place name used as an actor ("Moscow" as a government). */
function blockers(entities: SpanIndex<Entity>, c: Candidate | DemonymHit): boolean {
  return overlapsOther(entities, c);
}

const BIG_CITY = 300_000;
// Bounds the memo of province spellings (country pairs, and names under each); only odd input reaches it.
const SPELLING_MEMO_LIMIT = 50_000;

function choose(c: Candidate, ctx: ReadonlyMap<string, number>, areas: Areas = NO_AREAS): GazEntry {
  let best = c.entries[0]!;
  let bestScore = -Infinity;
  for (const e of c.entries) {
    // Our own entries with no country (regions) stand outside any country's context.
    const inContext = e.country ? (ctx.get(e.country) ?? 0) : e.source === 'alias' ? 1 : 0;
    // Context decides among big places; a small place in context still loses to a capital elsewhere
    // ("Vienna" is Austria's even in a story about the United States).
    // A city this large counts as big in its country ("Hyderabad" of Sindh in a story about Pakistan).
    const big = BIG.has(e.source) || e.population >= BIG_CITY;
    const bonus = inContext > 0 ? (big ? 100 : 20) + Math.min(inContext, 20) / 100 : 0;
    // "X district, Kunar": X inside the province its sentence names beats every X elsewhere.
    const area = inNamedArea(e, areas, c.key) ? 150 : 0;
    // Among equals, the larger town (population is known for GeoNames towns only).
    const size = e.population > 0 ? Math.log10(e.population) / 2 : 0;
    const score = bonus + area + SOURCE_SCORE[e.source] + size;
    if (score > bestScore) [best, bestScore] = [e, score];
  }
  return best;
}

/** True when no other town of the name comes near the chosen one's size (a tenth of it at most). */
function dominant(c: Candidate, e: GazEntry): boolean {
  if (e.population < 50_000) return false;
  return c.entries.every((x) => x === e || x.population * 10 <= e.population);
}

/** A town inside a name is the report's place from this size, unless a seat of the report's country. */
const TOWN_IN_NAME_SIZE = 100_000;
const ACRONYM_RE = /^[\p{Lu}\d.\s-]+$/u;
const SEATS: ReadonlySet<Source> = new Set(['admin1-capital', 'admin2-capital', 'admin2']);
/** A town this large names its own district ("Bhuj district"), not a neighbourhood of another town. */
const TOWN_SIZE = 50_000;
/** A town named nowhere else, abroad from the report's countries, is taken from this size. */
const ABROAD_SIZE = 5_000;

/** Small gazetteer places need support: the report is about their country, or a locative cue and no rival. */
function accepted(
  c: Candidate,
  e: GazEntry,
  gaz: Gazetteer,
  ctx: ReadonlyMap<string, number>,
  before: string,
  after: string,
  areas: Areas = NO_AREAS,
): boolean {
  // "Bab al-Salama" is not "al-Bab": an Arabic name that runs on is another name.
  if (c.continuesArabic) return false;
  if (e.source === 'country' || e.source === 'alias') return true;
  // A stop-listed name ("Hassan") is a place only as the district of its seat in the report's country.
  const district =
    SEATS.has(e.source) && SEAT_DISTRICT_RE.test(after) && e.country !== null && (ctx.get(e.country) ?? 0) > 0;
  if ((gaz.stop.has(c.key) && !district) || gaz.demonyms.has(c.key)) return false;
  if (c.initial && c.pos !== 'PROPN') return false;
  if (e.source === 'capital') return true;
  // An admin1 capital abroad inside a longer name is usually a person ("Andreas Rinke").
  if (e.source === 'admin1-capital') return !c.inLongerName || (e.country !== null && (ctx.get(e.country) ?? 0) > 0);
  // Small places: a proper noun standing alone, after a locative cue, in a country the report is about
  // (or the only place of that name anywhere).
  if (c.pos !== 'PROPN' || c.inLongerName) return false;
  // "in Alishing district, Laghman": a place inside the province its sentence names.
  if (inNamedArea(e, areas, c.key)) return true;
  // "Shopian district" names the district that Shopian is the seat of (or a GeoNames district, or a
  // district named after a real town), not a part of some town.
  const seat = (SEATS.has(e.source) || e.population >= TOWN_SIZE) && SEAT_DISTRICT_RE.test(after);
  const cue = c.institution === true || LOCATIVE_RE.test(before) || LOCATIVE_AFTER_RE.test(after);
  if (!seat && (!cue || DISTRICT_AFTER_RE.test(after))) return false;
  // A place abroad needs its country in the report; being the only place of its name is enough only
  // when the report has no country at all ("Hamdaniya" in an Aleppo story is not Iraq's Al-Hamdaniya).
  // A district seat is also enough when no other district seat shares its name ("Patna" in Bihar, not Scotland's).
  if (e.country !== null && (ctx.get(e.country) ?? 0) > 0) return true;
  // Abroad only when the name is found nowhere else and is a town or district GeoNames knows well, and
  // is not told as a part of another place ("the Bazar area of X district": a village of X, not a town abroad).
  if (ctx.size > 0)
    return (
      !PART_OF_AFTER_RE.test(after) && c.entries.length === 1 && (SEATS.has(e.source) || e.population >= ABROAD_SIZE)
    );
  if (c.entries.length === 1 || dominant(c, e)) return true;
  return e.source === 'admin2-capital' && c.entries.filter((x) => x.source !== 'city').length === 1;
}

/** The town of the dateline ("ALEPPO, Syria" -> Aleppo), where unplaced districts of the story lie. */
function datelineTown(gaz: Gazetteer, place: string | null | undefined): GazEntry | null {
  const first = place?.split(',')[0];
  if (!first) return null;
  const e = gaz.byName.get(fold(first))?.find((x) => x.kind === 'city' && BIG.has(x.source));
  return e ?? null;
}

/** "the district of X" in a story datelined in a town: X is a part of that town (geoPrecision 2). */
function districtOfTown(body: string, c: Candidate, town: GazEntry, gaz: Gazetteer): PlaceMention {
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

function mention(
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

function countryMention(body: string, d: DemonymHit, gaz: Gazetteer): PlaceMention {
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

/** What one resolution of a report's names needs besides the context. */
interface ReportNames {
  readonly spelled: ReadonlyMap<Candidate, GazEntry>;
  /** Unknown names after a locative cue, which may be a place of the context spelled another way. */
  readonly respell: readonly Candidate[];
  readonly body: string;
  readonly kept: readonly Candidate[];
  readonly unknown: readonly Candidate[];
  readonly demonyms: readonly DemonymHit[];
  readonly others: SpanIndex<Entity>;
  /** `kept`, indexed for overlap tests. */
  readonly keptIndex: SpanIndex<Candidate>;
  readonly dateline: CleanLayer['dateline'] | undefined;
  readonly areasOf: (c: Candidate) => Areas;
}

export function createPlacesFinder(gaz: Gazetteer = loadGazetteer(), rules: PlaceRules = loadRules()): PlacesFinder {
  const scan = createScanner(gaz);
  // provinceSpelling's answers, by the report's main countries then the name (reports share both).
  const spellingMemo = new Map<string, Map<string, GazEntry | null>>();
  const spellingsIn = (main: readonly string[]): Map<string, GazEntry | null> => {
    const countries = main.join('|');
    let memo = spellingMemo.get(countries);
    if (memo === undefined || memo.size >= SPELLING_MEMO_LIMIT) {
      if (spellingMemo.size >= SPELLING_MEMO_LIMIT) spellingMemo.clear();
      spellingMemo.set(countries, (memo = new Map()));
    }
    return memo;
  };

  /** Resolves every name in one country context; `supported` lists the countries of well-supported places. */
  function resolve(
    r: ReportNames,
    ctx: ReadonlyMap<string, number>,
  ): { layer: PlacesLayer; supported: (string | null)[] } {
    const { body, kept, unknown, demonyms, others, dateline, areasOf, keptIndex } = r;
    const supported: (string | null)[] = [];
    const places: PlaceMention[] = [];
    const warnings: string[] = [];
    const about = new Map<string, number>(ctx);
    const town = datelineTown(gaz, dateline?.place);
    // A name the gazetteer does not place in the report's countries, marked as a district of a town.
    const inTown = (c: Candidate, before: string, after: string): boolean => {
      // Religious and ethnic adjectives ("a Sunni district") are no district's name.
      if (!town || (c.initial && c.pos !== 'PROPN') || gaz.stop.has(c.key)) return false;
      // The first word of the key (the key itself when one word, already tested).
      const space = c.key.indexOf(' ');
      if (space >= 0 && gaz.stop.has(c.key.slice(0, space))) return false;
      if (!firstMatch(rules.districtBefore, before) && !firstMatch(rules.districtAfter, after)) return false;
      places.push(districtOfTown(body, c, town, gaz));
      warnings.push(
        `W202 "${body.slice(c.start, c.end)}" is not in the gazetteer for the report's countries; placed in ${town.name} as a district`,
      );
      return true;
    };
    for (const c of kept) {
      const before = body.slice(Math.max(c.sentence.start, c.start - WINDOW), c.start);
      const after = body.slice(c.end, Math.min(c.sentence.end, c.end + WINDOW));
      const areas = areasOf(c);
      const e = choose(c, ctx, areas);
      if (!accepted(c, e, gaz, ctx, before, after, areas)) {
        if (!c.continuesArabic && !c.inLongerName && e.country !== town?.country) inTown(c, before, after);
        continue;
      }
      const m = mention(body, c, e, gaz, rules, before, after);
      places.push(m);
      if (m.kind !== 'country' && m.kind !== 'region') bump(about, m.country, WEIGHT.place);
      // Provincial and national capitals, and places unique or dominant of their name, tell the country.
      if (m.kind !== 'country' && (BIG.has(e.source) || c.entries.length === 1 || dominant(c, e)))
        supported.push(e.country);
      // Big places of other countries with the name, when the report's countries do not decide.
      const rivals = e.country && ctx.get(e.country) ? null : rivalsOf(c, e);
      if (rivals) {
        warnings.push(
          `W201 "${m.text}" is ambiguous (${[e.country, ...rivals].join(', ')}); chose ${e.country ?? '?'} without support from the report's countries`,
        );
      }
    }
    for (const [c, e] of r.spelled) {
      const before = body.slice(Math.max(c.sentence.start, c.start - WINDOW), c.start);
      const after = body.slice(c.end, Math.min(c.sentence.end, c.end + WINDOW));
      places.push(mention(body, c, e, gaz, rules, before, after));
    }
    if (ctx.size > 0)
      for (const c of r.respell) {
        const e = respelled(gaz, c.key, ctx, areasOf(c));
        if (e === null) continue;
        const before = body.slice(Math.max(c.sentence.start, c.start - WINDOW), c.start);
        const after = body.slice(c.end, Math.min(c.sentence.end, c.end + WINDOW));
        places.push(mention(body, c, e, gaz, rules, before, after));
      }
    if (town)
      for (const c of unknown) {
        if (overlapsAny(keptIndex, c) || blockers(others, c)) continue;
        const before = body.slice(Math.max(c.sentence.start, c.start - WINDOW), c.start);
        const after = body.slice(c.end, Math.min(c.sentence.end, c.end + WINDOW));
        inTown(c, before, after);
      }
    for (const d of demonyms) {
      const after = body.slice(d.end, Math.min(d.sentence.end, d.end + WINDOW));
      if (!firstMatch(rules.demonymPlace, after) || blockers(others, d)) continue;
      places.push(countryMention(body, d, gaz));
    }
    places.sort(byStart);
    const countryContext = [...about.entries()]
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([k]) => k);
    return { layer: { places, countryContext, warnings }, supported };
  }

  /**
   * A report that places nothing may still name its town inside a name: "the Karachi chapter of X",
   * "the X Union of Sukkur", "Delhi Chief Minister's residence". The first seat or large town so
   * named is its place (the events stage uses it only when no party's name holds it, or as the
   * report's fallback place).
   */
  function townInName(
    body: string,
    layer: PlacesLayer,
    named: readonly Candidate[],
    ctx: ReadonlyMap<string, number>,
  ): PlacesLayer {
    for (const c of named) {
      if (c.continuesArabic || (c.initial && c.pos !== 'PROPN') || gaz.stop.has(c.key) || gaz.demonyms.has(c.key))
        continue;
      // An acronym ("JI") is a party's, not a town's name.
      if (ACRONYM_RE.test(body.slice(c.start, c.end))) continue;
      const e = choose(c, ctx);
      if (e.kind !== 'city' || e.latitude === null) continue;
      // A capital, a large town, or a district seat of the report's country: not "Forest" of "Forest Department".
      const known =
        BIG.has(e.source) ||
        e.population >= TOWN_IN_NAME_SIZE ||
        (e.source === 'admin2-capital' && e.country !== null && (ctx.get(e.country) ?? 0) > 0);
      if (!known) continue;
      const before = body.slice(Math.max(c.sentence.start, c.start - WINDOW), c.start);
      const after = body.slice(c.end, Math.min(c.sentence.end, c.end + WINDOW));
      // The town opens the name ("Karachi chapter") or follows "of" ("University of X"), not "Lok Sabha".
      if (CAPITALISED_BEFORE.test(before)) continue;
      const m = mention(body, c, e, gaz, rules, before, after);
      const countryContext =
        e.country && !layer.countryContext.includes(e.country)
          ? [...layer.countryContext, e.country]
          : layer.countryContext;
      return { places: [...layer.places, m].sort(byStart), countryContext, warnings: layer.warnings };
    }
    return layer;
  }

  return {
    find({ body, sentences, entities, dateline }) {
      const candidates: Candidate[] = [];
      const demonyms: DemonymHit[] = [];
      const unknown: Candidate[] = [];
      const known = tokenTexts(sentences, body);
      for (const s of sentences.sentences) scan(body, s, sentences.tokens, known, candidates, demonyms, unknown);
      // Only entities that are not places can block a name; filter them once, not per candidate.
      const otherList = entities.filter((e) => e.type !== 'place');
      const others = spanIndex(otherList);
      const nonPersons = spanIndex(otherList.filter((e) => e.type !== 'person'));
      const persons = spanIndex(otherList.filter((e) => e.type === 'person'));
      // A name after a locative cue ("in Khost", "Nadir Shah Kot district") is a place even when the
      // name tagger took a word of it for a person.
      const located = (c: Candidate): boolean =>
        LOCATIVE_RE.test(body.slice(Math.max(c.sentence.start, c.start - WINDOW), c.start)) ||
        LOCATIVE_AFTER_RE.test(body.slice(c.end, Math.min(c.sentence.end, c.end + WINDOW)));
      // "outside the Karachi Press Club": the town that opens one of its institutions' names is the place,
      // though the name runs on and may be tagged an organisation.
      const named = candidates.map((c) =>
        c.inLongerName &&
        !CAPITALISED_BEFORE.test(body.slice(Math.max(c.sentence.start, c.start - 30), c.start)) &&
        firstMatch(rules.institution, body.slice(c.end, Math.min(c.sentence.end, c.end + WINDOW)))
          ? { ...c, inLongerName: false, institution: true }
          : c,
      );
      // The names kept, and (in order) those an entity blocks.
      let kept = named;
      const dropped: Candidate[] = [];
      if (otherList.length) {
        kept = [];
        for (const c of named) {
          const keep =
            !blockers(others, c) ||
            (!blockers(persons, c) && c.institution === true) ||
            (!blockers(nonPersons, c) && c.entries.some(notCountry) && located(c));
          (keep ? kept : dropped).push(c);
        }
      }
      // First pass: context from what is unambiguous (countries, the dateline, demonyms, alias places).
      const ctx = new Map<string, number>();
      bump(ctx, datelineCountry(gaz, dateline?.place), WEIGHT.dateline);
      for (const d of demonyms) bump(ctx, d.country, WEIGHT.demonym);
      // A country named inside an organisation's name ("National Bank of Pakistan") tells the country
      // as a demonym does, though it is no place of the report.
      for (const c of dropped)
        if (c.entries[0]!.kind === 'country' && !blockers(persons, c)) bump(ctx, c.entries[0]!.country, WEIGHT.demonym);
      for (const c of kept) {
        const top = c.entries[0]!;
        if (top.kind === 'country') bump(ctx, top.country, WEIGHT.country);
        else if (top.source === 'alias' && c.entries.every((e) => e.source !== 'alias' || e.country === top.country))
          bump(ctx, top.country, 1);
      }
      // Unknown names after a locative cue that are a province of the report's countries spelled another way.
      const spelled = new Map<Candidate, GazEntry>();
      const keptIndex = spanIndex(kept);
      if (ctx.size > 0) {
        // The report's two main countries only: a province of a country named in passing is rare.
        const main = [...ctx.entries()]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 2)
          .map(([k]) => k);
        const spellings = spellingsIn(main);
        for (const c of unknown) {
          if (c.key.length < 4 || gaz.stop.has(c.key) || gaz.demonyms.has(c.key) || !located(c)) continue;
          if (overlapsAny(keptIndex, c) || blockers(nonPersons, c)) continue;
          let e = spellings.get(c.key);
          if (e === undefined) spellings.set(c.key, (e = provinceSpelling(gaz, c.key, main)));
          if (e) spelled.set(c, e);
        }
      }
      // Names that may be the province or country holding a place named just before or after them.
      const holders = new Map<number, Holder[]>();
      const hold = (c: Candidate): void => {
        const province = spelled.get(c);
        const top = province ?? c.entries[0];
        let list = holders.get(c.sentence.start);
        if (list === undefined) holders.set(c.sentence.start, (list = []));
        list.push({
          start: c.start,
          end: c.end,
          key: province ? areaKey(province.name) : c.key,
          country: top?.kind === 'country' ? top.country : null,
        });
      };
      for (const c of kept) hold(c);
      for (const c of unknown) hold(c);
      // Unknown names after a locative cue, for another spelling of a place (`respelled`, per context).
      const respell: Candidate[] = [];
      for (const c of unknown) {
        if (spelled.has(c) || (c.initial && c.pos !== 'PROPN') || gaz.stop.has(c.key) || !located(c)) continue;
        if (!overlapsAny(keptIndex, c) && !blockers(nonPersons, c)) respell.push(c);
      }
      const names: ReportNames = {
        spelled,
        respell,
        body,
        kept,
        unknown,
        demonyms,
        others,
        dateline,
        keptIndex,
        areasOf: (c) => areasAround(body, c, holders),
      };
      const first = resolve(names, ctx);
      // A report that names no country is about the countries of its well-supported places
      // ("in Quetta" -> Pakistan); its other names are then resolved again in that context.
      let result = first.layer;
      let final: ReadonlyMap<string, number> = ctx;
      if (ctx.size === 0) {
        const learned = new Map<string, number>();
        for (const country of first.supported) bump(learned, country, WEIGHT.place);
        if (learned.size > 0) [result, final] = [resolve(names, learned).layer, learned];
      }
      return result.places.some((p) => p.latitude !== null) ? result : townInName(body, result, named, final);
    },
  };
}

export function createPlacesStage(): Stage<'places'> {
  const finder = createPlacesFinder();
  return {
    adds: 'places',
    needs: ['clean', 'sentences', 'entities'],
    run(doc: Doc): PlacesLayer {
      const clean = layer(doc, 'clean');
      return finder.find({
        body: clean.body,
        sentences: layer(doc, 'sentences'),
        entities: layer(doc, 'entities').entities,
        dateline: clean.dateline,
      });
    },
  };
}
