/**
 * Location, date and source of an event, taken from the trigger's clause, else its sentence
 * (else, for the place, the previous sentence of the same paragraph).
 */
import type { CleanLayer, DateMention, Entity, PlaceMention, Quote, Sentence } from '../../core/document.js';
import type { DateRange, IsoDay } from '../../core/date.js';
import type { Span } from '../../core/span.js';
import { contains, overlaps } from '../../core/span.js';
import type { Cues } from './lexicon.js';
import { isSpace } from '../../core/chars.js';
import { shiftDay } from './days.js';
import { firstAtLeast, startOf } from '../../core/search.js';

const LOCATIVE_BEFORE =
  /(?<![\p{L}])(in|at|near|around|outside|inside|into|of|across|throughout|within)\s+(?:the\s+)?(?:[\p{L}-]+ern\s+)?$/iu;
/** "To the northeast of Aleppo": the event is somewhere else, only placed relative to it. */
export const RELATIVE_BEFORE = /(?<![\p{L}])(?:north|south|east|west)(?:-?east|-?west)?\s+of\s+$/iu;
/** ACLED geo_precision 2: the event is near the place or in part of it, not in the town itself. */
const NEAR_BEFORE =
  /(?<![\p{L}])(near|outside|outskirts\s+of|close\s+to|vicinity\s+of|countryside\s+of|suburbs?\s+of|(?:north|south|east|west)(?:ern|-?east(?:ern)?|-?west(?:ern)?)?(?:\s+of)?)\s+(?:the\s+)?$/iu;
const RUNS_ON = /^\s\p{Lu}/u;
const NEAR_AFTER = /^['’]s\s+(?:[\p{L}-]+\s+)?(outskirts|suburbs|countryside)/iu;
const KIND_PENALTY: Record<PlaceMention['kind'], number> = {
  facility: 0,
  district: 0,
  city: 0,
  route: 10,
  region: 60,
  admin1: 80,
  country: 200,
};

/** "X-bound": a vehicle's destination. */
const BOUND_AFTER = /^[-‐‑]bound\b/i;
// A route named after the towns it joins: "the X-Y highway", "X-Y Road" (X the first town, or the last).
const ROUTE_WORD = String.raw`(?:[Nn]ational\s+|[Rr]egional\s+)?(?:[Hh]ighway|[Rr]oad|[Ee]xpressway|[Rr]ailway|[Rr]ail\s+[Ll]ine)\b`;
const ROUTE_FIRST_AFTER = new RegExp(String.raw`^\s?[-–]\s?\p{Lu}\p{L}*(?:\s\p{Lu}\p{L}*)?\s+${ROUTE_WORD}`, 'u');
const ROUTE_LAST_AFTER = new RegExp(String.raw`^\s+${ROUTE_WORD}`, 'u');
const ROUTE_LAST_BEFORE = /\p{Lu}\p{L}*\s?[-–]\s?$/u;

/** Places that can be an event's location: not an actor's name, not a capital standing for its government. */
export function usablePlaces(body: string, places: readonly PlaceMention[], actors: readonly Entity[]): Usable[] {
  const overlapsActor = actorOverlapTest(actors);
  const usable = places.filter((p) => {
    if (overlapsActor(p)) return false;
    // A capital standing for its government, or a country named as a party, is not where things happened.
    if (p.metonymFor !== null || p.kind === 'country')
      return LOCATIVE_BEFORE.test(body.slice(Math.max(0, p.start - 24), p.start));
    return true;
  });
  return usable.flatMap((p) => {
    const after = body.slice(p.end, p.end + 48);
    // "a Dhaka-bound bus": where the bus was going, not where the event happened.
    if (BOUND_AFTER.test(after)) return [];
    const relative =
      (endsWithOf(body, p.start) && RELATIVE_BEFORE.test(body.slice(Math.max(0, p.start - 20), p.start))) ||
      // "on the Jessore-Benapole highway": somewhere on the road, near (not in) each town it joins.
      ROUTE_FIRST_AFTER.test(after) ||
      (ROUTE_LAST_AFTER.test(after) && ROUTE_LAST_BEFORE.test(body.slice(Math.max(0, p.start - 40), p.start)));
    return [relative ? { ...p, relative: true } : p];
  });
}

/**
 * Whether a span overlaps one of `actors`: for actors in order of start (the actor list's order), a
 * binary search for the actors starting before the span's end and the furthest end among them
 * (running maxima), instead of trying every actor for every place; any other order tries every actor.
 */
function actorOverlapTest(actors: readonly Entity[]): (span: Span) => boolean {
  const maxEnd: number[] = [];
  for (let i = 0; i < actors.length; i++) {
    const a = actors[i]!;
    if (i > 0 && a.start < actors[i - 1]!.start) return (span) => actors.some((e) => overlaps(e, span));
    maxEnd.push(i > 0 ? Math.max(maxEnd[i - 1]!, a.end) : a.end);
  }
  return (span) => {
    const before = firstAtLeast(actors, span.end, startOf);
    return before > 0 && maxEnd[before - 1]! > span.start;
  };
}

/**
 * Whether `body` before `end` ends with "of" and white space (any case): what RELATIVE_BEFORE needs
 * at its end, tested first without a regex (its last non-space characters are "of", then one or more spaces).
 */
export function endsWithOf(body: string, end: number): boolean {
  let j = end;
  while (j > 0 && isSpace(body.charCodeAt(j - 1))) j--;
  return j < end && j >= 2 && (body.charCodeAt(j - 1) | 32) === 102 && (body.charCodeAt(j - 2) | 32) === 111;
}

type Usable = PlaceMention & { readonly relative?: boolean };

/** Whether each list of places passed to `nearest` is in order of start (looked at once per list). */
const SORTED = new WeakMap<readonly Span[], boolean>();

function sortedByStart(places: readonly Span[]): boolean {
  let sorted = SORTED.get(places);
  if (sorted === undefined) {
    sorted = true;
    for (let i = 1; i < places.length && sorted; i++) sorted = places[i - 1]!.start <= places[i]!.start;
    SORTED.set(places, sorted);
  }
  return sorted;
}

/**
 * The best-scored place inside `within` (first of equals), without filtering the list into a new array.
 * A list in order of start is read only from its first place starting in `within` (binary search) to
 * the last that can (a hit asks up to four times, over all the report's places).
 */
function nearest(places: readonly Usable[], within: Span, trigger: Span): PlaceMention | null {
  let best: Usable | null = null;
  let bestScore = Infinity;
  let from = 0;
  let to = places.length;
  if (sortedByStart(places)) {
    from = firstAtLeast(places, within.start, startOf);
    to = from;
    while (to < places.length && places[to]!.start <= within.end) to++;
  }
  for (let i = from; i < to; i++) {
    const p = places[i]!;
    if (!contains(within, p)) continue;
    const distance = p.end <= trigger.start ? trigger.start - p.end : Math.max(0, p.start - trigger.end);
    const score =
      distance +
      KIND_PENALTY[p.kind] +
      (p.latitude === null ? 30 : 0) +
      (p.geoPrecision - 1) * 15 +
      (p.relative ? 40 : 0);
    if (score < bestScore) {
      best = p;
      bestScore = score;
    }
  }
  return best;
}

/** Nearest usable place in the clause, else the sentence, else the previous sentence of the paragraph. */
export function pickLocation(
  body: string,
  places: readonly PlaceMention[],
  clause: Span,
  sentence: Sentence,
  previous: Sentence | null,
  trigger: Span,
): PlaceMention | null {
  const found =
    nearest(places, clause, trigger) ??
    nearest(places, sentence, trigger) ??
    (previous && previous.paragraph === sentence.paragraph
      ? nearest(places, previous, { start: previous.end, end: previous.end })
      : null);
  if (!found) return null;
  if ((found as Usable).relative) {
    const plain: Usable = { ...found, geoPrecision: Math.max(2, found.geoPrecision) as 2 | 3 };
    delete (plain as { relative?: boolean }).relative;
    return plain;
  }
  // "outside the X Press Club": near the club, in the town (a capitalised name runs on after the town).
  const near =
    (NEAR_BEFORE.test(body.slice(Math.max(0, found.start - 30), found.start)) &&
      !RUNS_ON.test(body.slice(found.end, found.end + 3))) ||
    NEAR_AFTER.test(body.slice(found.end, found.end + 40));
  return near && found.geoPrecision < 2 ? { ...found, geoPrecision: 2 } : found;
}

export interface DatePick {
  readonly date: DateRange | null;
  /** True when the date came from the text rather than the publication date. */
  readonly stated: boolean;
}

/**
 * The date mention in the clause nearest the trigger, else one in the sentence that no other
 * trigger's clause owns; else the publication date at precision 2 (within the week of the report).
 */
export function pickDate(
  dates: readonly DateMention[],
  clause: Span,
  sentence: Span,
  busy: readonly Span[],
  trigger: Span,
  published: IsoDay | null,
  inherited: Span | null = null,
): DatePick {
  const usable = dates.filter((d) => d.range !== null && contains(sentence, d));
  // "X attacked on Tuesday night, and the army answered": a coordinated clause goes on in the same time.
  const inClause =
    usable.filter((d) => contains(clause, d)).sort((a, b) => dist(a, trigger) - dist(b, trigger))[0] ??
    (inherited ? usable.filter((d) => contains(inherited, d)).pop() : undefined);
  const inSentence = usable
    .filter((d) => contains(sentence, d) && !busy.some((c) => contains(c, d)))
    .sort((a, b) => dist(a, trigger) - dist(b, trigger))[0];
  const chosen = inClause ?? inSentence;
  if (chosen?.range) return { date: chosen.range, stated: true };
  return { date: published ? { first: published, last: published, precision: 2 } : null, stated: false };
}

/** Characters between a date mention and the trigger. */
function dist(d: Span, trigger: Span): number {
  return d.end <= trigger.start ? trigger.start - d.end : d.start - trigger.end;
}

/** An event is background when its date ends before the week of the report. */
export function isBackground(date: DateRange | null, published: IsoDay | null, pluperfect: boolean): boolean {
  if (pluperfect) return true;
  if (!date || !published) return false;
  // "last month" in an early-September story: the whole month lies before the report.
  return date.last < weekBefore(published, date.precision === 3 ? 0 : -7);
}

/** `addDays(published, days)` (shiftDay: without parsing a Date string), remembered for the last publication date (a report asks it per event). */
let cutoffs: { published: IsoDay; same: IsoDay; week: IsoDay } | null = null;
function weekBefore(published: IsoDay, days: 0 | -7): IsoDay {
  if (cutoffs?.published !== published)
    cutoffs = { published, same: shiftDay(published, 0), week: shiftDay(published, -7) };
  return days === 0 ? cutoffs.same : cutoffs.week;
}

export interface SourcePick {
  readonly source: string | null;
  /** The entity or speaker the source was resolved to (for the party check). */
  readonly entity: Entity | null;
  readonly fromText: boolean;
}

const NP_TOKEN = /^[\p{L}][\p{L}.'’-]*$/u;
const DETERMINERS = /^(the|a|an|its|their|his|her|local|some)$/i;

/** A short noun phrase ending right before `end` ("activists", "a monitoring group"). */
function phraseBefore(body: string, start: number, end: number): string | null {
  const words = body.slice(start, end).trim().split(/\s+/).slice(-3);
  const kept: string[] = [];
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!;
    if (!NP_TOKEN.test(w) || /^(he|she|they|it|we|i|who|which|that|and|but|also|had|has|have)$/i.test(w)) break;
    kept.unshift(w);
  }
  while (kept.length && DETERMINERS.test(kept[0]!)) kept.shift();
  return kept.length ? kept.join(' ') : null;
}

/** Who the report says the information comes from. */
export function pickSource(
  body: string,
  sentence: Span,
  trigger: Span,
  entities: readonly Entity[],
  quotes: readonly Quote[],
  clean: CleanLayer,
  sourceName: string | undefined,
  cues: Cues,
): SourcePick {
  const quote = quotes.find((q) => q.speaker !== null && contains(q, trigger));
  if (quote?.speaker) {
    const speaker = quote.speaker;
    return { source: speaker, entity: entities.find((e) => e.canonical === speaker) ?? null, fromText: true };
  }
  const text = body.slice(sentence.start, sentence.end);
  const inSentence = entities.filter((e) => contains(sentence, e));
  const according = /according\s+to\s+/giu.exec(text);
  if (according) {
    const at = sentence.start + according.index + according[0].length;
    const e = inSentence.find((x) => x.start >= at && x.start <= at + 12);
    if (e) return { source: e.canonical, entity: e, fromText: true };
    const phrase = /^(?:the\s+|a\s+)?([\p{L}][\p{L} .'’-]{1,40}?)(?=[,.;]|$)/u.exec(body.slice(at, sentence.end));
    if (phrase?.[1]) return { source: phrase[1].trim(), entity: null, fromText: true };
  }
  const verbs = cues.attributionAll;
  verbs.lastIndex = 0;
  for (let m = verbs.exec(text); m; m = verbs.exec(text)) {
    const vStart = sentence.start + m.index;
    const vEnd = vStart + m[0].length;
    const pre = inSentence.filter((e) => e.end <= vStart && vStart - e.end <= 3).pop();
    const post = inSentence.find((e) => e.start >= vEnd && e.start - vEnd <= 6);
    const e = pre ?? post;
    if (e) return { source: e.canonical, entity: e, fromText: true };
    const phrase = phraseBefore(body, Math.max(sentence.start, vStart - 40), vStart);
    if (phrase) return { source: phrase, entity: null, fromText: true };
  }
  const fallback = clean.dateline?.agency ?? sourceName ?? null;
  return { source: fallback, entity: null, fromText: false };
}

/**
 * A party speaks for itself: its statements are claims, a monitor's or an agency's are reports.
 * State media of a party (SANA, IRNA, Amaq) are the party speaking, so their reports are claims too.
 */
export function isParty(source: SourcePick, cues: Cues, actorNames: ReadonlySet<string> = new Set()): boolean {
  if (!source.fromText || source.source === null) return false;
  const name = source.source.toLowerCase();
  if (cues.partyOutlets.has(name)) return true;
  if (cues.monitors.has(name) || (source.entity && cues.monitors.has(source.entity.canonical.toLowerCase())))
    return false;
  if (source.entity) return source.entity.actor != null;
  // "Taliban (unnamed spokesman)": a speaker described as a party's member or spokesman.
  const head = name.replace(/\s*\(.*\)\s*$/, '');
  return actorNames.has(head);
}

/** "the village of Kafr Nabudah": a named place the gazetteer does not know, without coordinates. */
const DESCRIPTOR_PLACE =
  /(?<![\p{L}])(village|town|city|district|neighbou?rhood|hamlet|suburb|area)\s+of\s+((?:(?:al|el|ad|as|ash|ar|an|at|az)-)?\p{Lu}[\p{L}'’-]+(?:\s+(?:(?:al|el|ad|as|ash|ar|an|at|az)-)?\p{Lu}[\p{L}'’-]+){0,3})/gu;
const DISTRICT_HEAD = /district|neighbou?rhood|suburb|area|upazila|union|tehsil|county|province|camp|market|bazaa?r/i;

export interface PlaceContext {
  readonly country: string | null;
  readonly countryName: string | null;
  /** "in/at/near <Name>" is read as a place only when the report's country is known. */
  readonly locative: boolean;
  /** Spans a name may not overlap: actors, persons, organisations, known places. */
  readonly taken: readonly Span[];
}

function unknownPlace(body: string, start: number, end: number, kind: PlaceMention['kind'], ctx: PlaceContext) {
  const text = body.slice(start, end);
  const place: PlaceMention = {
    start,
    end,
    text,
    name: text,
    kind,
    country: ctx.country,
    countryName: ctx.countryName,
    admin1: null,
    latitude: null,
    longitude: null,
    geoPrecision: 1,
    metonymFor: null,
  };
  return place;
}

/** The name in group 1 of a match, without leading words that start no place ("The Rupganj area"). */
function nameOf(m: RegExpExecArray, base: number, cues: Cues, ctx: PlaceContext): Span | null {
  const words = m[1]!.split(/\s+/);
  let skip = 0;
  while (skip < words.length && cues.notPlaceNames.has(words[skip]!.toLowerCase())) skip++;
  if (skip === words.length) return null;
  const offset = words.slice(0, skip).reduce((n, w) => n + w.length, 0);
  // Whitespace between skipped words is single in practice; find the kept name's real offset.
  const inGroup = m[1]!.indexOf(words[skip]!, offset);
  const start = base + m.index + m[0].indexOf(m[1]!) + inGroup;
  const end = base + m.index + m[0].indexOf(m[1]!) + m[1]!.length;
  // An acronym ("in BNP") is a party or an agency, not a place.
  if (skip === words.length - 1 && /^[\p{Lu}\d]+$/u.test(words[skip]!)) return null;
  const span = { start, end };
  return ctx.taken.some((t) => overlaps(t, span)) ? null : span;
}

/**
 * A named place the gazetteer does not know, without coordinates: "the village of X", "X upazila",
 * "X Bazar", and (when the report's country is known) "in/at/near X". Clause first, then sentence.
 */
export function descriptorPlace(
  body: string,
  clause: Span,
  sentence: Span,
  ctx: PlaceContext,
  cues: Cues,
): PlaceMention | null {
  return descriptorIn(body, clause, ctx, cues) ?? descriptorIn(body, sentence, ctx, cues);
}

/** What descriptorPlace found in one sentence: per clause (by its start), and in the sentence itself. */
export interface DescriptorMemo {
  readonly byClause: Map<number, PlaceMention | null>;
  sentence?: PlaceMention | null;
}

/**
 * descriptorPlace, each span looked at once per sentence: a clause's answer is remembered, and the
 * sentence's (the same for every clause that has none of its own).
 */
export function descriptorOnce(
  body: string,
  clause: Span,
  sentence: Span,
  ctx: PlaceContext,
  cues: Cues,
  memo: DescriptorMemo,
): PlaceMention | null {
  let found = memo.byClause.get(clause.start);
  if (found !== undefined) return found;
  found = descriptorIn(body, clause, ctx, cues);
  // A clause that is the whole sentence has been looked at already.
  if (!found && (clause.start !== sentence.start || clause.end !== sentence.end))
    found = memo.sentence === undefined ? (memo.sentence = descriptorIn(body, sentence, ctx, cues)) : memo.sentence;
  memo.byClause.set(clause.start, found);
  return found;
}

/** descriptorPlace within one span (the clause, or the sentence). */
export function descriptorIn(body: string, span: Span, ctx: PlaceContext, cues: Cues): PlaceMention | null {
  const text = body.slice(span.start, span.end);
  DESCRIPTOR_PLACE.lastIndex = 0;
  const m = DESCRIPTOR_PLACE.exec(text);
  if (m?.[2]) {
    const start = span.start + m.index + m[0].length - m[2].length;
    const kind = /district|neighbou?rhood|suburb|area/i.test(m[1]!) ? 'district' : 'city';
    return unknownPlace(body, start, start + m[2].length, kind, ctx);
  }
  cues.headPlace.lastIndex = 0;
  for (let h = cues.headPlace.exec(text); h; h = cues.headPlace.exec(text)) {
    const name = nameOf(h, span.start, cues, ctx);
    if (!name) continue;
    const end = span.start + h.index + h[0].length;
    const head = body.slice(name.end, end).trim();
    const kind = DISTRICT_HEAD.test(head) ? 'district' : 'city';
    // A capitalised head is part of the name ("Kalia Bazar", "Sopore Town").
    return unknownPlace(body, name.start, /^\p{Lu}/u.test(head) ? end : name.end, kind, ctx);
  }
  if (!ctx.locative) return null;
  cues.locativeName.lastIndex = 0;
  for (let l = cues.locativeName.exec(text); l; l = cues.locativeName.exec(text)) {
    const name = nameOf(l, span.start, cues, ctx);
    if (name) return unknownPlace(body, name.start, name.end, 'city', ctx);
  }
  return null;
}
