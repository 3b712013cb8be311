/**
 * The events stage: trigger words from the lexicon, then actors, place, date, fatalities,
 * source and modality attached from the trigger's clause or sentence (see README.md).
 */
import type { ConflictEvent, Doc, Entity, EventsLayer, PlaceMention, Sentence, Token } from '../../core/document.js';
import type { Span } from '../../core/span.js';
import { textSpan } from '../../core/span.js';
import type { Modality, SubEventType, EventType } from '../../core/taxonomy.js';
import type { Stage } from '../stage.js';
import { layer } from '../stage.js';
import { isParty, isBackground, pickDate, pickLocation, pickSource, usablePlaces } from './attach.js';
import { isStateActor, pickActors } from './actors.js';
import { clausesOf } from './clauses.js';
import { createFatalityMatcher, type FatalityMatcher } from './fatalities.js';
import { loadLexicon, type Lexicon, type TriggerRule } from './lexicon.js';
import { mergeEvents, type Candidate } from './merge.js';
import { modalityOf } from './modality.js';

interface Hit extends Span {
  readonly rule: TriggerRule;
}

const MODALITY_WEIGHT: Record<Modality, number> = {
  asserted: 1,
  claimed: 0.9,
  denied: 0.75,
  negated: 0.75,
  planned: 0.8,
  hypothetical: 0.8,
};
const PLUPERFECT = /(?<![\p{L}])had\s+(?:[\p{L}]+ly\s+)?(?:been\s+)?$/iu;
const AIR_CAPABLE_SIDE = /coalition|nato|air force/i;
const ATTRIBUTIVE_BEFORE = /(?<![\p{L}])(the|these|those|its|their|newly|recently)\s+$/iu;
const TERRITORY: readonly string[] = ['Government regains territory', 'Non-state actor overtakes territory'];

/** Every trigger match in the body, longest first where two overlap ("air strike" over "strike"). */
function findHits(body: string, rules: readonly TriggerRule[]): Hit[] {
  const all: Hit[] = [];
  // Lower-casing keeps offsets for all but a few exotic letters ("İ"); then match as written.
  const lower = body.toLowerCase();
  const text = lower.length === body.length ? lower : body;
  for (const rule of rules) {
    rule.regex.lastIndex = 0;
    for (let m = rule.regex.exec(text); m; m = rule.regex.exec(text)) {
      if (m[0].length === 0) {
        rule.regex.lastIndex++;
        continue;
      }
      all.push({ rule, start: m.index, end: m.index + m[0].length });
    }
  }
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Hit[] = [];
  for (const h of all) if (!kept.some((k) => k.start < h.end && h.start < k.end)) kept.push(h);
  return kept.sort((a, b) => a.start - b.start);
}

const PROGRESSIVE_BEFORE = /(?<![\p{L}])(is|are|am|been|be)\s+(?:[\p{L}]+ly\s+)?$/iu;

/** A present or perfect progressive ("are fighting"), or a participle right after a noun ("rebels fighting"). */
function ongoing(body: string, tokens: readonly Token[], hit: Span, clause: Span): boolean {
  if (PROGRESSIVE_BEFORE.test(body.slice(Math.max(clause.start, hit.start - 20), hit.start))) return true;
  const prev = tokens.findLast((t) => t.end <= hit.start && t.start >= clause.start);
  return (
    prev !== undefined && (prev.pos === 'NOUN' || prev.pos === 'PROPN') && body.slice(prev.end, hit.start).trim() === ''
  );
}

function sentenceIndexAt(sentences: readonly Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** ACLED sub-type that depends on who acted (territory, air power, civilian victims). */
function resolveType(
  rule: TriggerRule,
  actor1: Entity | null,
  actor2: Entity | null,
  sentenceText: string,
  objectText: string,
  triggerText: string,
  lex: Lexicon,
): { eventType: EventType; subEventType: SubEventType; civilians: boolean } {
  const base = { eventType: rule.eventType, subEventType: rule.subEventType, civilians: false };
  if (rule.resolve === 'territory' && actor1) {
    return {
      ...base,
      subEventType: isStateActor(actor1) ? 'Government regains territory' : 'Non-state actor overtakes territory',
    };
  }
  if (rule.resolve === 'bombing') {
    const airNamed = lex.cues.aircraft.test(sentenceText);
    const bombard = /bombard/i.test(triggerText);
    const airCapable = (isStateActor(actor1) || AIR_CAPABLE_SIDE.test(actor1?.actor?.name ?? '')) && !bombard;
    if (airNamed || airCapable) return { ...base, subEventType: 'Air/drone strike' };
    // Without aircraft, "a bombing" in a town is a planted or thrown explosive; a bombardment is artillery.
    return { ...base, subEventType: bombard ? 'Shelling/artillery/missile attack' : 'Remote explosive/landmine/IED' };
  }
  if (rule.resolve === 'victims') {
    if (!actor2 && lex.cues.civilians.test(objectText))
      return { eventType: 'Violence against civilians', subEventType: 'Attack', civilians: true };
    if (actor2) return { eventType: 'Battles', subEventType: 'Armed clash', civilians: false };
  }
  return base;
}

const PREP_OR_DET_BEFORE =
  /(?<![\p{L}])(in|at|near|around|outside|inside|into|of|across|from|to|with|on|by|for|against|toward|towards|between|the)\s+(?:the\s+)?(?:[\p{L}-]+ern\s+)?$/iu;

/** "Turkey mounted an incursion": a country or a capital in subject position acts through its forces. */
function countriesAsActors(body: string, places: readonly PlaceMention[], named: readonly Entity[]): Entity[] {
  return places
    .filter(
      (p) =>
        p.countryName !== null &&
        (p.metonymFor !== null || (p.kind === 'country' && p.text.toLowerCase() === p.countryName.toLowerCase())),
    )
    .filter((p) => !named.some((e) => e.start < p.end && p.start < e.end))
    .filter(
      (p) =>
        !PREP_OR_DET_BEFORE.test(body.slice(Math.max(0, p.start - 24), p.start)) &&
        !/^['’]s\b/u.test(body.slice(p.end, p.end + 3)),
    )
    .map((p) => ({
      start: p.start,
      end: p.end,
      text: p.text,
      type: 'place' as const,
      canonical: p.countryName!,
      via: 'rule' as const,
      actor: { name: `Military Forces of ${p.countryName}`, side: null, country: p.country, generic: false },
    }));
}

/**
 * "A recaptured areas which B had seized": two changes of hands in one sentence, each by a
 * different side with no loser named, took the ground from each other.
 */
function pairTerritory(candidates: Candidate[]): void {
  for (let i = 0; i < candidates.length; i++) {
    const a = candidates[i]!;
    if (!TERRITORY.includes(a.subEventType) || a.actor1 === null) continue;
    for (let j = i + 1; j < candidates.length && candidates[j]!.sentenceIndex === a.sentenceIndex; j++) {
      const b = candidates[j]!;
      if (!TERRITORY.includes(b.subEventType) || b.actor1 === null || b.actor1 === a.actor1) continue;
      if (a.actor2 === null) candidates[i] = { ...candidates[i]!, actor2: b.actor1 };
      if (b.actor2 === null) candidates[j] = { ...b, actor2: a.actor1 };
    }
  }
}

function countryName(
  places: readonly PlaceMention[],
  location: PlaceMention | null,
  context: readonly string[],
): string | null {
  if (location?.countryName) return location.countryName;
  const code = context[0];
  return places.find((p) => p.country === code && p.countryName)?.countryName ?? null;
}

function confidenceOf(rule: TriggerRule, c: Omit<Candidate, 'confidence'>, hasActor1: boolean): number {
  const raw =
    0.45 * rule.strength +
    (hasActor1 ? 0.2 : 0) +
    (c.actor2 ? 0.08 : 0) +
    (c.location ? 0.15 : 0) +
    (c.dateStated ? 0.05 : 0) +
    (c.sourceFromText ? 0.05 : 0);
  return Math.round(Math.min(1, raw * MODALITY_WEIGHT[c.modality]) * 100) / 100;
}

export function extractEvents(doc: Doc, lex: Lexicon, deaths: FatalityMatcher): EventsLayer {
  const clean = layer(doc, 'clean');
  const sents = layer(doc, 'sentences');
  if (!sents.english) return { events: [], warnings: [] };
  const body = clean.body;
  const entities = layer(doc, 'entities').entities;
  const placesLayer = layer(doc, 'places');
  const dates = layer(doc, 'dates').dates;
  const quotes = layer(doc, 'quotes').quotes;
  const named = entities.filter((e) => e.actor !== null);
  const actors = [...named, ...countriesAsActors(body, placesLayer.places, named)].sort((a, b) => a.start - b.start);
  // A dateline names where the reporter filed from, not where the events happened.
  const dateline = clean.dateline;
  const places = usablePlaces(body, placesLayer.places, actors).filter(
    (p) => !dateline || p.end <= dateline.start || p.start >= dateline.end,
  );
  const published = doc.input.published ?? clean.published;

  const bySentence = new Map<number, Hit[]>();
  for (const hit of findHits(body, lex.rules)) {
    const i = sentenceIndexAt(sents.sentences, hit.start);
    if (i < 0 || hit.end > sents.sentences[i]!.end) continue;
    bySentence.set(i, [...(bySentence.get(i) ?? []), hit]);
  }

  const candidates: Candidate[] = [];
  for (const [si, hits] of bySentence) {
    const sentence = sents.sentences[si]!;
    const clauses = clausesOf(body, sentence, sents.tokens);
    const clauseOf = (h: Span) => clauses.find((c) => h.start >= c.start && h.start < c.end) ?? sentence;
    const busy = (h: Hit) => hits.filter((o) => o !== h).map(clauseOf);
    const sentenceText = body.slice(sentence.start, sentence.end);
    for (const hit of hits) {
      const rule = hit.rule;
      const clause = clauseOf(hit);
      const clauseText = body.slice(clause.start, clause.end);
      // An outcome ("killing 12") belongs to the act in its clause; it is only an event on its own.
      if (rule.role === 'outcome' && hits.some((o) => o !== hit && o.rule.role !== 'outcome' && clauseOf(o) === clause))
        continue;
      if (rule.role === 'generic' && hits.some((o) => o !== hit && o.rule.role === 'act')) continue;
      // "rebels fighting the government", "groups which are fighting IS": a state of affairs, not an event.
      if (
        /ing$/i.test(body.slice(hit.start, hit.end)) &&
        ongoing(body, sents.tokens.slice(sentence.tokenStart, sentence.tokenEnd), hit, clause)
      )
        continue;
      if (lex.cues.durative.test(clauseText)) continue;
      // "the retaken areas": a participle used as an adjective refers back to an event, it does not tell one.
      if (
        ATTRIBUTIVE_BEFORE.test(body.slice(Math.max(clause.start, hit.start - 8), hit.start)) &&
        /^[\p{L}]+(ed|en)$/u.test(body.slice(hit.start, hit.end))
      )
        continue;
      if (rule.role === 'outcome' && deaths.cumulative(clauseText)) continue;

      const sentenceTokens = sents.tokens.slice(sentence.tokenStart, sentence.tokenEnd);
      const head = sentenceTokens.find((t) => t.start >= hit.start && t.start < hit.end);
      const pick = pickActors(
        body,
        clause,
        hit,
        rule,
        actors,
        head !== undefined && (head.pos === 'NOUN' || head.pos === 'ADJ'),
      );
      const objectText = body.slice(hit.start, Math.min(clause.end, hit.end + 60));
      const type = resolveType(
        rule,
        pick.actor1,
        pick.actor2,
        sentenceText,
        objectText,
        body.slice(hit.start, hit.end),
        lex,
      );
      const location = pickLocation(body, places, clause, sentence, sents.sentences[si - 1] ?? null, hit);
      const country = countryName(placesLayer.places, location, placesLayer.countryContext);
      const generic = (role: string | null) => (role ? (country ? `${role} (${country})` : role) : null);
      const actor2Default = type.civilians ? generic('Civilians') : pick.actor2 ? null : generic(rule.defaultActor2);
      let actor1 = pick.actor1?.actor?.name ?? generic(rule.defaultActor1);
      let actor2 = pick.actor2?.actor?.name ?? actor2Default;
      if (rule.requiresActor && !pick.actor1 && !pick.actor2) continue;
      // ACLED needs an actor1; its actors have no direction, except that territory names who took it.
      if (actor1 === null && actor2 !== null && pick.actor2 && rule.resolve !== 'territory' && !pick.passive)
        [actor1, actor2] = [actor2, null];
      // ACLED codes no event without a place; a trend ("fighting has escalated") has none either.
      if (location === null) continue;

      const pluperfect = PLUPERFECT.test(body.slice(Math.max(clause.start, hit.start - 25), hit.start));
      const datePick = pickDate(dates, clause, sentence, busy(hit), hit, published);
      const clauseDeaths = deaths.count(clauseText);
      const sentenceDeaths = hits.length === 1 && !deaths.cumulative(sentenceText) ? deaths.count(sentenceText) : null;
      const source = pickSource(body, sentence, hit, entities, quotes, clean, doc.input.sourceName, lex.cues);
      const modality = modalityOf(
        {
          clausePrefix: body.slice(clause.start, hit.start),
          sentencePrefix: body.slice(sentence.start, hit.start),
          sourceIsParty: isParty(source, lex.cues),
        },
        lex.cues,
      );
      const span = textSpan(body, sentence.start, sentence.end);
      const draft: Omit<Candidate, 'confidence'> = {
        ...span,
        eventType: type.eventType,
        subEventType: type.subEventType,
        tags: rule.tag ? [rule.tag] : [],
        actor1,
        assocActor1: pick.assoc1?.actor?.name ?? null,
        actor2,
        assocActor2: null,
        location,
        date: datePick.date,
        fatalities: clauseDeaths ?? sentenceDeaths,
        modality,
        source: source.source,
        trigger: textSpan(body, hit.start, hit.end),
        background: isBackground(datePick.date, published, pluperfect),
        sentenceIndex: si,
        dateStated: datePick.stated,
        sourceFromText: source.fromText,
      };
      candidates.push({ ...draft, confidence: confidenceOf(rule, draft, pick.actor1 !== null) });
    }
  }
  candidates.sort((a, b) => a.start - b.start || a.trigger.start - b.trigger.start);
  pairTerritory(candidates);
  const events: ConflictEvent[] = mergeEvents(candidates).map(
    ({ sentenceIndex: _s, dateStated: _d, sourceFromText: _f, ...e }) => e,
  );
  const warnings = published
    ? []
    : events.length
      ? ['W701 No publication date: events without a date in the text have no date']
      : [];
  return { events, warnings };
}

/** Builds the stage; the lexicon is loaded and compiled once, here. */
export function createEventsStage(lexicon: Lexicon = loadLexicon()): Stage<'events'> {
  const deaths = createFatalityMatcher(lexicon.cues);
  return {
    adds: 'events',
    needs: ['clean', 'sentences', 'entities', 'places', 'dates', 'quotes'],
    run: (doc) => extractEvents(doc, lexicon, deaths),
  };
}
