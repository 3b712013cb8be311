/**
 * The events stage: trigger words from the lexicon, then actors, place, date, fatalities,
 * source and modality attached from the trigger's clause or sentence (see README.md).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dataPath } from '../../core/data-file.js';
import type { ConflictEvent, Doc, EventsLayer, Sentence } from '../../core/document.js';
import type { Stage } from '../stage.js';
import { nameActorCountries } from './actor-country.js';
import { applyBlame } from './blame.js';
import { findCandidates, type Found } from './candidates.js';
import { codedFatalities, createFatalityMatcher, type FatalityMatcher } from './fatalities.js';
import { loadLexicon, type Lexicon } from './lexicon.js';
import { mergeEvents, setField, type Candidate } from './merge.js';
import { applyTypeModel } from './model/apply.js';
import { decodeModel, type TypeModel } from './model/classifier.js';
import { loadNoteCountryData, type NoteCountryData } from './note-country.js';
import { nameMilitias } from './militias.js';
import { crowdFirst, loadRoles, namePatients } from './patients.js';
import { nameDoers } from './doers.js';
import { answeredFire } from './exchange.js';
import type { RolesData } from './actor-data.schema.js';
import { loadCountryData, type CountryData } from '../entities/entity-country.js';
import { buildTriggerIndex, type TriggerIndex } from './scan.js';

/** The sentence type model's weights (`npm run train:events`; ADR 0010). */
export const TYPE_MODEL_PATH = dataPath('events', 'model', 'type.bin.gz');

const TERRITORY: readonly string[] = ['Government regains territory', 'Non-state actor overtakes territory'];

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

/** "Fatalities coded as 0 (VoJ reported 3)": an ACLED-style note says what its event's toll is. */
function codedTolls(found: Found): void {
  if (!found.lower.includes('fatalities')) return;
  const coded = found.paragraphs.map((p) => codedFatalities(found.body.slice(p.start, p.end)));
  if (coded.every((n) => n === null)) return;
  for (const c of found.candidates) {
    const n = coded[found.sentences[c.sentenceIndex]!.paragraph];
    if (n !== null && n !== undefined) setField(c, 'fatalities', n);
  }
}

/** Paragraph -> the indices of its candidates, in order (the tolls passes change no candidate's sentence). */
type ParagraphCandidates = ReadonlyMap<number, readonly number[]>;

function candidatesByParagraph(found: Found): ParagraphCandidates {
  const byParagraph = new Map<number, number[]>();
  found.candidates.forEach((c, i) => {
    const p = found.sentences[c.sentenceIndex]!.paragraph;
    (byParagraph.get(p) ?? byParagraph.set(p, []).get(p)!).push(i);
  });
  return byParagraph;
}

/** Kinds of armed violence: one attack or clash is often told over several sentences of a note. */
const ARMED = new Set<string>(['Battles', 'Explosions/Remote violence', 'Violence against civilians']);

/**
 * A field note's toll is often told in a sentence of its own ("2 soldiers killed, 1 injured."):
 * when every event of a paragraph is of one type and none has a toll, the paragraph's deaths,
 * sentence by sentence, are theirs. So also when every event of a paragraph is armed violence
 * ("Militants opened fire on a checkpoint. Two soldiers were killed."): those told without a toll
 * take the paragraph's (ACLED codes the note's dead to its event).
 */
function paragraphTolls(found: Found, deaths: FatalityMatcher, byParagraph: ParagraphCandidates): void {
  // Paragraphs with candidates of one type and no toll, or all armed violence and one without a toll,
  // and more than one sentence (a one-sentence paragraph has had its sentence's toll already) -> their
  // sentences.
  const open = new Map<number, Sentence[]>();
  for (const [p, indices] of byParagraph) {
    const first = found.candidates[indices[0]!]!;
    if (
      indices.every(
        (i) => found.candidates[i]!.fatalities === null && found.candidates[i]!.eventType === first.eventType,
      ) ||
      (indices.every((i) => ARMED.has(found.candidates[i]!.eventType)) &&
        indices.some((i) => found.candidates[i]!.fatalities === null))
    )
      open.set(p, []);
  }
  if (open.size === 0) return;
  for (const s of found.sentences) open.get(s.paragraph)?.push(s);
  for (const [p, sentences] of open) {
    if (sentences.length < 2) continue;
    let total: number | null = null;
    for (const s of sentences) {
      const text = found.body.slice(s.start, s.end);
      // Null when cumulative; the death-word test first (most sentences have none).
      const n = deaths.count(text);
      if (n !== null) total = (total ?? 0) + n;
    }
    if (total !== null)
      for (const i of byParagraph.get(p)!)
        if (found.candidates[i]!.fatalities === null) setField(found.candidates[i]!, 'fatalities', total);
  }
}

/** A later sentence's dead that add to a clash told before ("One soldier was also killed", "Troops retaliated and killed 4"). */
const ADDED_DEAD = /(?<![\p{L}])(?:also|too|as\s+well|in\s+addition)(?![\p{L}])/iu;

/**
 * ACLED codes a clash's dead on both sides as one toll: in a paragraph whose events are all armed
 * violence, a later sentence that adds dead ("were also killed", "retaliated and killed 4") adds them
 * to the toll of the events told before it, and its own events take the sum.
 */
function addedTolls(found: Found, deaths: FatalityMatcher, byParagraph: ParagraphCandidates): void {
  for (const [p, indices] of byParagraph) {
    if (!indices.every((i) => ARMED.has(found.candidates[i]!.eventType))) continue;
    const first = Math.min(...indices.map((i) => found.candidates[i]!.sentenceIndex));
    for (let si = first + 1; si < found.sentences.length; si++) {
      const s = found.sentences[si]!;
      if (s.paragraph !== p) continue;
      const text = found.body.slice(s.start, s.end);
      if (!ADDED_DEAD.test(text)) continue;
      const n = deaths.count(text);
      if (n === null) continue;
      let before: number | null = null;
      for (const i of indices) {
        const c = found.candidates[i]!;
        if (c.sentenceIndex < si && c.fatalities !== null) before = Math.max(before ?? 0, c.fatalities);
      }
      if (before === null) continue;
      // The clash's toll so far and the added dead: the events told up to this sentence all take it.
      for (const i of indices) {
        const c = found.candidates[i]!;
        if (c.sentenceIndex <= si && (c.fatalities !== null || c.sentenceIndex === si))
          setField(c, 'fatalities', before + n);
      }
    }
  }
}

/**
 * The event without the merge's bookkeeping (sentence index, where the date and source came from):
 * the fields of ConflictEvent in the order candidates.ts writes them (a literal is much cheaper than
 * an object rest pattern).
 */
function eventOf(c: Candidate): ConflictEvent {
  return {
    start: c.start,
    end: c.end,
    text: c.text,
    eventType: c.eventType,
    subEventType: c.subEventType,
    tags: c.tags,
    actor1: c.actor1,
    assocActor1: c.assocActor1,
    actor2: c.actor2,
    assocActor2: c.assocActor2,
    location: c.location,
    date: c.date,
    fatalities: c.fatalities,
    modality: c.modality,
    source: c.source,
    trigger: c.trigger,
    background: c.background,
    confidence: c.confidence,
  };
}

/**
 * The fatality matcher with its counts kept for one report: a one-clause sentence is counted as its
 * clause, then as its sentence, and the paragraph tolls count sentences again. count is a function of
 * its text; count(text) is cumulative(text) ? null : count(text, true) (both null when the text has no
 * death word), so a non-null count(text) is count(text, true), and a null count(text, true) makes
 * count(text) null.
 */
export function memoTolls(deaths: FatalityMatcher): FatalityMatcher {
  const checked = new Map<string, number | null>();
  const plain = new Map<string, number | null>();
  return {
    cumulative(text) {
      return deaths.cumulative(text);
    },
    count(text, notCumulative = false, lower?: string) {
      if (notCumulative) {
        let n = checked.get(text);
        if (n === undefined) {
          const p = plain.get(text);
          n = p !== undefined && p !== null ? p : deaths.count(text, true, lower);
          checked.set(text, n);
        }
        return n;
      }
      let n = plain.get(text);
      if (n === undefined) {
        const c = checked.get(text);
        n = c === undefined ? deaths.count(text, false, lower) : c === null || deaths.cumulative(text) ? null : c;
        plain.set(text, n);
      }
      return n;
    },
  };
}

/** Reads one report's events: candidates, then sides of territory swaps, blame, and merging. */
export function extractEvents(
  doc: Doc,
  lex: Lexicon,
  deaths: FatalityMatcher,
  index: TriggerIndex = indexOf(lex),
  model: TypeModel | null = null,
  countries: CountryData | null = null,
  noteCountries: NoteCountryData | null = null,
  roles: RolesData | null = null,
): EventsLayer {
  const tolls = memoTolls(deaths);
  const found = findCandidates(doc, lex, tolls, index, countries, noteCountries);
  if (!found) return { events: [], warnings: [] };
  if (model) applyTypeModel(found, model, lex);
  answeredFire(found, lex.cues, lex.rules);
  const byParagraph = candidatesByParagraph(found);
  addedTolls(found, tolls, byParagraph);
  paragraphTolls(found, tolls, byParagraph);
  codedTolls(found);
  const { body, lower, sentences, candidates, warnings, actors, entities, published } = found;
  candidates.sort((a, b) => a.start - b.start || a.trigger.start - b.trigger.start);
  pairTerritory(candidates);
  warnings.push(...applyBlame(body, lower, sentences, candidates, actors, entities, lex.cues));
  nameDoers(found);
  crowdFirst(found, roles);
  namePatients(found, roles);
  nameMilitias(found, roles, lex.cues.notPlaceNames);
  nameActorCountries(found, lex, noteCountries);
  const events: ConflictEvent[] = mergeEvents(candidates).map(eventOf);
  if (!published && events.length)
    warnings.push('W701 No publication date: events without a date in the text have no date');
  return { events, warnings: [...new Set(warnings)] };
}

const INDEXES = new WeakMap<Lexicon, TriggerIndex>();
function indexOf(lex: Lexicon): TriggerIndex {
  let index = INDEXES.get(lex);
  if (!index) INDEXES.set(lex, (index = buildTriggerIndex(lex.rules)));
  return index;
}

/** The committed type model (data/events/model/), or null when the file is absent. */
export function loadTypeModel(path = TYPE_MODEL_PATH): TypeModel | null {
  return existsSync(path) ? decodeModel(readFileSync(path)) : null;
}

/**
 * Builds the stage; the lexicon, the type model and the entities' countries are loaded once, here.
 * `model: null` runs the rules alone (the training command reads their candidates that way).
 */
export function createEventsStage(
  lexicon: Lexicon = loadLexicon(),
  model: TypeModel | null = loadTypeModel(),
  countries: CountryData | null = loadCountryData(),
): Stage<'events'> {
  const deaths = createFatalityMatcher(lexicon.cues);
  const index = buildTriggerIndex(lexicon.rules);
  const noteCountries = countries && loadNoteCountryData(countries);
  const roles = loadRoles();
  return {
    adds: 'events',
    needs: ['clean', 'sentences', 'entities', 'places', 'dates', 'quotes'],
    run: (doc) => extractEvents(doc, lexicon, deaths, index, model, countries, noteCountries, roles),
  };
}
