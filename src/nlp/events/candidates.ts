/**
 * The events stage's candidates: each trigger hit that survives the filters, with its actors,
 * type, place, date, fatalities, source, modality and confidence (see README.md, steps 1-9).
 */
import type { Doc, PlaceMention } from '../../core/document.js';
import type { Span } from '../../core/span.js';
import { textSpan } from '../../core/span.js';
import { layer } from '../stage.js';
import { actorList, genericActorName, unnamedFirstWords } from './actor-list.js';
import { crowdAgent, isStateActor, pickActors } from './actors.js';
import {
  descriptorOnce,
  type DescriptorMemo,
  type PlaceContext,
  isParty,
  isBackground,
  pickDate,
  pickLocation,
  pickSource,
  type SourcePick,
  usablePlaces,
} from './attach.js';
import { countryAsPlace, mainCountryOf, placeContextOf, placeCountryName } from './country-place.js';
import { clausesOf } from './clauses.js';
import {
  type ClauseFacts,
  clauseIndexOf,
  clauseToll,
  deathTestOf,
  durativeFor,
  factsOf,
  happened,
  incendiaryType,
  quietIn,
  silencedAt,
  weaponHurt,
} from './clause-facts.js';
import { lowerForms } from './cue-regex.js';
import { cueGate, gatedSpan, gatedTest } from './cue-gate.js';
import type { Lexicon, TriggerRule } from './lexicon.js';
import type { Candidate } from './merge.js';
import { confidenceOf } from './confidence.js';
import type { FatalityMatcher } from './fatalities.js';
import type { Found } from './found.js';
export type { Found } from './found.js';
import { modalityOf } from './modality.js';
import type { CountryData } from '../entities/entity-country.js';
import { localEntities, type NoteCountryData } from './actor-country.js';
import { resolveType, riotSubType, victimOf, type ResolvedType } from './resolve.js';
import { findHits, type Hit, type TriggerIndex } from './scan.js';
import {
  ATTRIBUTIVE_BEFORE,
  capitalisedWord,
  COORDINATED,
  CROWD_CAN,
  FORCE,
  mayBeOngoing,
  PASSIVE_HIT,
  PLUPERFECT,
  PROTESTER_VICTIMS,
  readingOrder,
  VIOLENT,
  WEAPON_NOUN,
} from './candidate-cues.js';
import { firstIndex, nameStart, ongoing } from './tokens.js';
import { tokenWords } from './token-words.js';

/** What isParty gets when it will not read the actors' names. */
const NO_NAMES: ReadonlySet<string> = new Set();

export function findCandidates(
  doc: Doc,
  lex: Lexicon,
  deaths: FatalityMatcher,
  index: TriggerIndex,
  countries: CountryData | null = null,
  notes: NoteCountryData | null = null,
): Found | null {
  const clean = layer(doc, 'clean');
  const sents = layer(doc, 'sentences');
  if (!sents.english) return null;
  const body = clean.body;
  const named = layer(doc, 'entities').entities;
  const placesLayer = layer(doc, 'places');
  const dates = layer(doc, 'dates').dates;
  const quotes = layer(doc, 'quotes').quotes;
  // Lower-cased once for every case-blind scan (cue-regex.ts: when each form may stand for the body).
  const { lower, exact: lowerExact, forTests: lowerForTests, slices: lowerSlices } = lowerForms(body);
  // A cue list is tested on a stretch only where its anchor words stand (cue-gate.ts).
  const gate = cueGate(lowerForTests, lex.cues.gate);
  const cue = (re: RegExp, start: number, end: number): boolean => gatedSpan(gate, re, body, start, end);
  const dateline = clean.dateline;
  const { code: mainCountry, name: mainCountryName, fallbackName } = mainCountryOf(placesLayer, named, countries);
  const entities = countries ? localEntities(body, lower, named, mainCountry ?? null, countries, notes) : named;
  // Each token's leading word hashed once, for the unnamed-actor walk and the trigger scan.
  const words = tokenWords(lower, sents.tokens, index.hashSeen, unnamedFirstWords(lex.cues));
  const actors = actorList(
    body,
    lower,
    entities,
    placesLayer.places,
    sents.tokens,
    dateline,
    mainCountry && mainCountryName ? { code: mainCountry, name: mainCountryName } : null,
    lex.cues,
    words,
  );
  // A dateline names where the reporter filed from, not where the events happened.
  const places = usablePlaces(body, placesLayer.places, actors).filter(
    (p) => !dateline || p.end <= dateline.start || p.start >= dateline.end,
  );
  const published = doc.input.published ?? clean.published;
  // Built on first use: most reports have no hit that needs it.
  let actorNames: Set<string> | null = null;
  // Built on first use, for hits with no gazetteer place.
  let placeCtx: PlaceContext | null = null;
  let countryAt: PlaceMention | null | undefined;
  const warnings: string[] = [];

  const bySentence = new Map<number, Hit[]>();
  let si = 0;
  for (const hit of findHits(lower, sents.tokens, index, words)) {
    while (si < sents.sentences.length && sents.sentences[si]!.end <= hit.start) si++;
    const s = sents.sentences[si];
    if (!s || hit.start < s.start || hit.end > s.end) continue;
    const list = bySentence.get(si);
    if (list) list.push(hit);
    else bySentence.set(si, [hit]);
  }

  const candidates: Candidate[] = [];
  // The report's country name (no event place): the generic actors' country when an event has no place.
  const country0 = placeCountryName(placesLayer.places, null, placesLayer.countryContext, fallbackName);
  for (const [si, hits] of bySentence) {
    const sentence = sents.sentences[si]!;
    const clauses = clausesOf(lower, sentence, sents.tokens);
    // Per clause: the cheap cue tests at once, the toll (three regexes) only when a hit gets that far.
    // (Plain calls rather than closures made per sentence.)
    const perClause = new Map<number, ClauseFacts>();
    let unverified: boolean | null = null;
    const sentenceText = body.slice(sentence.start, sentence.end);
    const tokens = sents.tokens;
    // Acts first, then generic words, then outcomes: each of the latter yields to an event told in
    // its clause, and stands for one when the act's word was only a weapon ("a bomb") or lacked an
    // actor or a place.
    // Clauses where an event was told, and where a word of the lexicon told none (a reference back,
    // a history, a trend): an outcome or a generic word there belongs to that word, not to a new event.
    const told: { clause: Span; role: TriggerRule['role'] }[] = [];
    const silenced: { clause: Span; role: TriggerRule['role']; from?: number }[] = [];
    const inSentence: Candidate[] = [];
    const unknownMemo: DescriptorMemo = { byClause: new Map() };
    let sentenceSource: SourcePick | undefined;
    let sentenceToll: number | null | undefined;
    for (const hit of readingOrder(hits)) {
      const rule = hit.rule;
      const clause = clauses[clauseIndexOf(clauses, hit)] ?? sentence;
      const clauseText = body.slice(clause.start, clause.end);
      const clausePrefix = body.slice(clause.start, hit.start);
      // An outcome ("killing 12") belongs to the act in its clause; it is only an event on its own.
      if (rule.role === 'outcome' && (quietIn(told, clause, false) || quietIn(silenced, clause, false, hit.start)))
        continue;
      // "attacked positions near X, and the army answered with artillery fire": two acts, two clauses.
      if (rule.role === 'generic' && (quietIn(told, clause, true) || quietIn(silenced, clause, true))) continue;
      // "rebels fighting the government", "groups which are fighting IS": a state of affairs, not an event.
      if (mayBeOngoing(rule, body.slice(hit.start, hit.end)) && ongoing(body, tokens, sentence, hit, clause)) {
        silenced.push(silencedAt(lower, clause, rule.role, hit.start));
        continue;
      }
      const clauseFacts = factsOf(perClause, clause, lower, lex, gate);
      if (clauseFacts.durative && durativeFor(rule, lower, clause, hit, lex)) {
        silenced.push(silencedAt(lower, clause, rule.role, hit.start));
        continue;
      }
      // "continued to target": a habit; "continued their protest": that day's protest.
      if (clauseFacts.continuing && rule.eventType !== 'Protests') {
        silenced.push(silencedAt(lower, clause, rule.role, hit.start));
        continue;
      }
      // "the retaken areas", "the newly signed peace deal": a participle used as an adjective refers
      // back to an event, it does not tell one.
      if (
        cue(ATTRIBUTIVE_BEFORE, Math.max(clause.start, hit.start - 8), hit.start) &&
        /^[\p{L}]+(ed|en)(?![\p{L}])/u.test(body.slice(hit.start, hit.end))
      ) {
        silenced.push(silencedAt(lower, clause, rule.role, hit.start));
        continue;
      }
      if (rule.role === 'outcome' && clauseFacts.cumulative) {
        silenced.push(silencedAt(lower, clause, rule.role, hit.start));
        continue;
      }
      const stated = dates.some((d) => d.range && d.start >= clause.start && d.end <= clause.end);
      // "air strikes have killed 1,400 civilians since Moscow intervened": a tally, not one event.
      // "on strike for two months" is that day's protest, unless the clause tallies deaths.
      if (
        clauseFacts.cumulative &&
        !stated &&
        (rule.eventType !== 'Protests' || cue(deathTestOf(lex), clause.start, clause.end))
      ) {
        silenced.push(silencedAt(lower, clause, rule.role, hit.start));
        continue;
      }
      // "Shell and Total": a capitalised trigger inside a sentence is a name; an acronym ("IED", "RPGs") is not.
      if (capitalisedWord(body.slice(hit.start, hit.end)) && nameStart(body, tokens, sentence, hit.start)) continue;

      const headAt = firstIndex(tokens, sentence, (t) => t.start >= hit.start);
      const head = headAt < sentence.tokenEnd && tokens[headAt]!.start < hit.end ? tokens[headAt] : undefined;
      const afterAt = firstIndex(tokens, sentence, (t) => t.start >= hit.end);
      const after = afterAt < sentence.tokenEnd ? tokens[afterAt] : undefined;
      // "battle lines", "attack helicopters": a generic trigger modifying a noun names no event.
      if (
        rule.role === 'generic' &&
        head?.pos === 'NOUN' &&
        after?.pos === 'NOUN' &&
        !/s$/i.test(body.slice(hit.start, hit.end)) &&
        body.slice(hit.end, after.start).trim() === ''
      )
        continue;
      const nominal = head !== undefined && (head.pos === 'NOUN' || head.pos === 'ADJ' || head.pos === 'PROPN');
      // "condemned the bombing", "the Paris attacks": a definite noun phrase names a known event.
      if (
        nominal &&
        rule.tag === null &&
        !rule.definiteOk &&
        lex.cues.referenceBeforeLc.test(lower.slice(Math.max(clause.start, hit.start - 40), hit.start)) &&
        // "the rebels attack Hama": a plural actor right before is a subject, and the trigger its verb.
        !actors.some((e) => e.end <= hit.start && hit.start - e.end <= 2 && /s$/i.test(e.text)) &&
        (candidates.some((c) => c.eventType === rule.eventType) ||
          inSentence.some((c) => c.eventType === rule.eventType) ||
          ((cue(lex.cues.reaction, clause.start, hit.start) ||
            (!stated && clauseToll(clauseFacts, clause, body, deaths, lowerExact, lowerSlices) === null)) &&
            // "a man was injured following the explosion", "the clash injured four": the first event
            // word of a report, in a clause where people were hurt, tells that event.
            !(candidates.length === 0 && inSentence.length === 0 && lex.cues.injured.test(clauseText)))) &&
        // "continued their protest", "staged the demonstration": doing it, not referring to it.
        !cue(lex.cues.performedBefore, Math.max(clause.start, hit.start - 50), hit.start)
      ) {
        // "the bandh enforcers clashed": a noun modifying the next one names people, not an event
        // told before, so the clause's other words still tell theirs.
        if (!(after?.pos === 'NOUN' && after.start === hit.end + 1))
          silenced.push(silencedAt(lower, clause, rule.role, hit.start));
        continue;
      }

      // "backed by Russian air strikes": support for another act; "smart bombs": a weapon, not its use.
      if (nominal && cue(lex.cues.supportBefore, Math.max(clause.start, hit.start - 40), hit.start)) continue;
      if (
        nominal &&
        WEAPON_NOUN.test(body.slice(hit.start, hit.end)) &&
        !weaponHurt(after, hit, clause, body, lower, lex, deaths, perClause, lowerExact, lowerSlices)
      )
        continue;
      // "more than 2,000 explosions", "dozens of attacks": a tally of many events, not one.
      if (
        nominal &&
        /s$/i.test(body.slice(hit.start, hit.end)) &&
        cue(lex.cues.tallyBefore, Math.max(clause.start, hit.start - 30), hit.start)
      ) {
        silenced.push(silencedAt(lower, clause, rule.role, hit.start));
        continue;
      }
      // "protests have spread", "fighting escalated": a trend, not one event.
      if (nominal && cue(lex.cues.trendAfter, hit.end, Math.min(clause.end, hit.end + 40))) {
        silenced.push(silencedAt(lower, clause, rule.role, hit.start));
        continue;
      }

      // The place first: in a report that names places, a hit with none near it is dropped before
      // the costlier steps.
      const near = pickLocation(body, places, clause, sentence, sents.sentences[si - 1] ?? null, hit);
      let unknown: PlaceMention | null = null;
      if (!near) {
        // The same for every hit of the clause, and the sentence's for every clause: looked for once.
        const ctx = (placeCtx ??= placeContextOf(mainCountry, country0, entities, placesLayer.places));
        unknown = descriptorOnce(body, clause, sentence, ctx, lex.cues, unknownMemo);
      }
      // A paragraph tells one story: a sentence with no place of its own takes the nearest place
      // named elsewhere in its paragraph (a field note's later sentence names the village).
      const paragraph = sents.paragraphs[sentence.paragraph];
      const picked =
        near ?? (!unknown && paragraph ? pickLocation(body, places, paragraph, sentence, null, hit) : null);
      const described = picked ?? unknown;
      // ACLED codes no event without a place. A report that names no usable place at all (a field note,
      // a short report) still tells its events: placed in the report's country when one is named
      // (W704), else without a location (W705). In a story that does name places, a sentence without
      // one is mostly history or summary, so it gets no fallback.
      if (!described && places.length > 0) continue;
      const clauseDeaths = clauseToll(clauseFacts, clause, body, deaths, lowerExact, lowerSlices);
      const pick = pickActors(body, clause, hit, rule, actors, nominal && head.pos !== 'PROPN', lowerForTests);
      const victim = victimOf(
        lex,
        body.slice(hit.end, Math.min(clause.end, hit.end + 60)),
        body.slice(Math.max(clause.start, hit.start - 50), hit.start),
        pick.passive || PASSIVE_HIT.test(body.slice(hit.start, hit.end)), // "(was) shot": passive
        nominal,
      );
      // "supporters of the two parties clashed": partisans fighting each other riot, they do not battle.
      const partisan = rule.symmetric && rule.role === 'generic' && cue(lex.cues.partisans, clause.start, clause.end);
      const resolved: ResolvedType = partisan
        ? { eventType: 'Riots', subEventType: 'Mob violence', civilians: false }
        : resolveType(
            {
              rule,
              actor1: pick.actor1,
              actor2: pick.actor2,
              sentenceText,
              victim,
              triggerText: body.slice(hit.start, hit.end),
              agentText: clausePrefix,
              protesterVictims: cue(PROTESTER_VICTIMS, hit.end, Math.min(clause.end, hit.end + 40)),
            },
            lex,
          );
      // "A man was hacked to death": a passive killing with no perpetrator named is by an unidentified group,
      // unless another act in the sentence (a bombing, a clash) is what killed him.
      const unnamedKiller = !pick.actor1 && !pick.actor2 && pick.passive && rule.passiveActor1 !== null;
      if (unnamedKiller && inSentence.length > 0) continue;
      // A word for violence with nobody named is an event when someone was hurt or killed in it
      // ("five people were injured in a clash"); otherwise it may be a figure of speech ("a fight for jobs").

      // "Some persons attacked the shop", "the car was attacked by party supporters": people with no
      // armed group named, doing violence, are a crowd: ACLED codes a riot by "Rioters".
      const crowd =
        !pick.actor1 &&
        CROWD_CAN.has(resolved.eventType) &&
        rule.role !== 'outcome' &&
        crowdAgent(body, clause, hit, pick.passive || nominal, lex.cues);
      if (
        rule.requiresActor &&
        !pick.actor1 &&
        !pick.actor2 &&
        !unnamedKiller &&
        !partisan &&
        !crowd &&
        !(
          VIOLENT.has(resolved.eventType) &&
          (victim !== null ||
            clauseDeaths !== null ||
            cue(lex.cues.injured, clause.start, clause.end) ||
            (rule.resolve !== 'territory' &&
              happened(body, clause, hit, nominal, headAt, tokens, sentence.tokenStart, lex)))
        )
      )
        continue;
      const type: ResolvedType = crowd
        ? { eventType: 'Riots', subEventType: riotSubType(lex, sentenceText), civilians: resolved.civilians }
        : incendiaryType(resolved, { rule, clauseText, sentenceText, actor1: pick.actor1, victim, clauseDeaths }, lex);
      // "Explosions" of gas cylinders, transformers or fireworks are accidents.
      if (rule.resolve === 'bombing' && rule.role === 'generic' && lex.cues.accidental.test(sentenceText)) {
        silenced.push(silencedAt(lower, clause, rule.role, hit.start));
        continue;
      }
      const location = described ?? (countryAt ??= countryAsPlace(placesLayer.places, mainCountry));
      if (!described && location)
        warnings.push(`W704 No place named: event placed in ${location.name} (geo precision 3)`);
      else if (!location) warnings.push('W705 No place or country named: event recorded without a location');
      else if (!picked)
        warnings.push(`W703 "${location.name}" is not in the gazetteer: event placed without coordinates`);
      const country = placeCountryName(placesLayer.places, location, placesLayer.countryContext, fallbackName);
      const actor2Default = type.civilians
        ? genericActorName('Civilians', country)
        : pick.actor2 || !rule.defaultActor2
          ? null
          : genericActorName(rule.defaultActor2, country);
      const defaultActor1 = unnamedKiller ? rule.passiveActor1 : partisan || crowd ? 'Rioters' : rule.defaultActor1;
      let actor1 = pick.actor1?.actor?.name ?? (defaultActor1 ? genericActorName(defaultActor1, country) : null);
      let actor2 = pick.actor2?.actor?.name ?? actor2Default;
      // "Police used tear gas to disperse protesters", "police fired on the protesters": in a protest
      // or a riot the crowd is actor1 (ACLED), and the police or army facing it actor2.
      const crowdType = type.eventType === 'Protests' || type.eventType === 'Riots';
      if (rule.resolve === 'intervention' || (crowdType && pick.actor1 && isStateActor(pick.actor1))) {
        actor2 = pick.actor1?.actor?.name ?? actor2;
        actor1 = genericActorName(type.eventType === 'Riots' ? 'Rioters' : 'Protesters', country);
      }
      // ACLED needs an actor1; its actors have no direction, except that territory names who took it.
      if (actor1 === null && actor2 !== null && pick.actor2 && rule.resolve !== 'territory' && !pick.passive)
        [actor1, actor2] = [actor2, null];

      const sentencePrefix = body.slice(sentence.start, hit.start);
      // "said the fighters had killed": in reported speech the pluperfect is only the tense shifted back.
      const pluperfect =
        cue(PLUPERFECT, Math.max(clause.start, hit.start - 25), hit.start) &&
        !cue(lex.cues.attributionVerbs, sentence.start, hit.start);
      const ci = clauseIndexOf(clauses, hit);
      const inherited =
        ci > 0 && COORDINATED.test(lower.slice(clause.start, clause.start + 12)) ? clauses[ci - 1]! : null;
      const busy: Span[] = [];
      for (const o of hits) if (o !== hit) busy.push(clauses[clauseIndexOf(clauses, o)] ?? sentence);
      const datePick = pickDate(dates, clause, sentence, busy, hit, published, inherited);
      // The sentence's toll: its only event's, or that of an event whose clause states none when another
      // clause does ("20 militants were killed as jets pounded their hideouts"); never a protest's
      // among other events (the deaths told beside a protest are mostly its cause), unless force was used on it.
      const sentenceDeaths =
        clauseDeaths === null && (hits.length === 1 || type.eventType !== 'Protests' || type.subEventType === FORCE)
          ? sentenceToll === undefined
            ? (sentenceToll = deaths.count(sentenceText, false, lowerSlices?.slice(sentence.start, sentence.end)))
            : sentenceToll
          : null;
      // The source is the sentence's unless a quote holds the trigger: the sentence's looked for once.
      const quoted = quotes.some((q) => q.speaker !== null && q.start <= hit.start && hit.end <= q.end);
      const source = quoted
        ? pickSource(body, sentence, hit, entities, quotes, clean, doc.input.sourceName, lex.cues)
        : (sentenceSource ??= pickSource(body, sentence, hit, entities, [], clean, doc.input.sourceName, lex.cues));
      const modality = modalityOf(
        {
          clausePrefix,
          sentencePrefix,
          // isParty reads the actors' names only for a source from the text with no entity: built then.
          sourceIsParty: isParty(
            source,
            lex.cues,
            source.fromText && source.source !== null && !source.entity
              ? (actorNames ??= new Set(actors.map((e) => e.actor!.name.toLowerCase())))
              : NO_NAMES,
          ),
          unverified: (unverified ??= lowerExact
            ? gatedTest(gate, lex.cues.unverifiedLc, lower, sentence.start, sentence.end)
            : lex.cues.unverified.test(sentenceText)),
          protest: rule.eventType === 'Protests',
          crowd: type.eventType === 'Protests' || type.eventType === 'Riots',
          trigger: body.slice(hit.start, hit.end),
          sentencePrefixLc: lowerExact ? lower.slice(sentence.start, hit.start) : undefined,
          gated: { gate, sentenceStart: sentence.start, clauseStart: clause.start, end: hit.start },
        },
        lex.cues,
      );
      const claimedAfter = modality === 'asserted' && cue(lex.cues.claimedAfter, hit.end, clause.end);
      const past = !datePick.stated && cue(lex.cues.pastMarkers, clause.start, clause.end);
      // A plain literal (no spread) keeps one object shape; keys in the order of a TextSpan.
      const draft: { -readonly [K in keyof Candidate]: Candidate[K] } = {
        start: sentence.start,
        end: sentence.end,
        text: sentenceText,
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
        modality: claimedAfter ? 'claimed' : modality,
        source: source.source,
        trigger: textSpan(body, hit.start, hit.end),
        background: past || isBackground(datePick.date, published, pluperfect),
        sentenceIndex: si,
        dateStated: datePick.stated,
        sourceFromText: source.fromText,
        confidence: 0,
      };
      draft.confidence = confidenceOf(rule, draft, pick.actor1 !== null);
      candidates.push(draft);
      inSentence.push(draft);
      told.push({ clause, role: rule.role });
    }
  }
  return {
    body,
    lower,
    sentences: sents.sentences,
    paragraphs: sents.paragraphs,
    tokens: sents.tokens,
    candidates,
    warnings,
    actors,
    entities,
    published,
    countryName: country0,
    bySentence,
  };
}
