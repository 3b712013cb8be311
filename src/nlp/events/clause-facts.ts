/**
 * The events stage's per-clause facts (candidates.ts): a clause's cue tests and toll, each read once,
 * and where a hit's clause is.
 */
import type { Token } from '../../core/document.js';
import type { Span } from '../../core/span.js';
import { deathWordTest, type FatalityMatcher } from './fatalities.js';
import type { Cues, Lexicon, TriggerRule } from './lexicon.js';
import { riotSubType, type ResolvedType } from './resolve.js';
import { isStateActor } from './actors.js';
import type { Entity } from '../../core/document.js';
import { mayMatch, type CueGate } from './cue-gate.js';

export interface ClauseFacts {
  deaths: number | null | undefined;
  readonly durative: boolean;
  readonly continuing: boolean;
  readonly cumulative: boolean;
}

const ANY_CUE = new WeakMap<Cues, RegExp | null>();

/**
 * One regex that tests whether any of the three clause cues would: their lists as one (clauseCuesLc),
 * else their sources as alternatives (a text matches it exactly when it matches one of them), or null
 * when they cannot be joined (other flags, a back-reference whose number would shift, a named group).
 */
export function anyClauseCue(cues: Cues): RegExp | null {
  if (cues.clauseCuesLc) return cues.clauseCuesLc;
  let any = ANY_CUE.get(cues);
  if (any === undefined) {
    const parts = [cues.durativeLc, cues.continuingLc, cues.cumulativeLc];
    any = parts.every((re) => re.flags === 'u' && !/\\[1-9k]|\(\?</.test(re.source.replace(/\(\?<[=!]/g, '')))
      ? new RegExp(parts.map((re) => `(?:${re.source})`).join('|'), 'u')
      : null;
    ANY_CUE.set(cues, any);
  }
  return any;
}

/**
 * The clause's cue tests, once per clause (cached in `cache` by its start). Most clauses have none of
 * the three cues: one scan with their union says so, instead of three.
 */
export function factsOf(
  cache: Map<number, ClauseFacts>,
  c: Span,
  lower: string,
  lex: Lexicon,
  gate: CueGate | null = null,
): ClauseFacts {
  let f = cache.get(c.start);
  if (!f) {
    const lc = lower.slice(c.start, c.end);
    const any = anyClauseCue(lex.cues);
    // The union's anchor words first (the gate): most clauses hold none.
    const some = any === null || ((gate === null || mayMatch(gate, any, c.start, c.end)) && any.test(lc));
    f = {
      deaths: undefined,
      durative: some && lex.cues.durativeLc.test(lc),
      continuing: some && lex.cues.continuingLc.test(lc),
      cumulative: some && lex.cues.cumulativeLc.test(lc),
    };
    cache.set(c.start, f);
  }
  return f;
}

/**
 * The clause's toll, counted on first use. `lowerExact`: the clause's cumulative test on the lower-cased
 * text is the fatality matcher's own (see lowerTestsExact), so count does not repeat it. `lowerSlices`:
 * the body lower-cased when its slices are the slices lower-cased (slicesLowerExact), else null.
 */
export function clauseToll(
  f: ClauseFacts,
  c: Span,
  body: string,
  deaths: FatalityMatcher,
  lowerExact: boolean,
  lowerSlices: string | null = null,
): number | null {
  if (f.deaths === undefined)
    f.deaths = f.cumulative
      ? null
      : deaths.count(body.slice(c.start, c.end), lowerExact, lowerSlices?.slice(c.start, c.end));
  return f.deaths;
}

/** The index of the clause a span starts in, or -1. */
export function clauseIndexOf(clauses: readonly Span[], h: Span): number {
  for (let i = 0; i < clauses.length; i++) if (h.start >= clauses[i]!.start && h.start < clauses[i]!.end) return i;
  return -1;
}

/**
 * An event told (or a word silenced) in `clause`: an act, or (act false) anything but an outcome. A
 * word silenced `from` a position (a time anchor: "following the bombing") quiets only what comes
 * after it: "militants were killed in raids following the bombing" tells the raids' deaths.
 */
export function quietIn(
  list: readonly { clause: Span; role: string; from?: number }[],
  clause: Span,
  act: boolean,
  at = Infinity,
): boolean {
  for (const t of list)
    if (
      t.clause === clause &&
      (act ? t.role === 'act' : t.role !== 'outcome') &&
      (t.from === undefined || at >= t.from)
    )
      return true;
  return false;
}

/** Words that stand between a subject and its verb ("allegedly attacked", "also clashed"). */
const BETWEEN = new Set(['ADV', 'AUX', 'PART']);

/**
 * A violent word with nobody the actor list knows is still an event when the text says it happened:
 * a noun with "took place / erupted / was reported" after it or "came under" before it ("clashes
 * erupted", "a bus came under attack"), or a verb with a subject of its own ("political opponents
 * attacked the mayor", "Hindus and Muslims clashed"): someone did it, whom ACLED names.
 */
export function happened(
  body: string,
  clause: Span,
  hit: Span,
  nominal: boolean,
  headAt: number,
  tokens: readonly Token[],
  sentenceStart: number,
  lex: Lexicon,
): boolean {
  if (nominal)
    return (
      lex.cues.happenedAfter.test(body.slice(hit.end, clause.end)) ||
      lex.cues.underBefore.test(body.slice(Math.max(clause.start, hit.start - 40), hit.start))
    );
  let k = headAt - 1;
  while (k >= sentenceStart && tokens[k]!.start >= clause.start && BETWEEN.has(tokens[k]!.pos)) k--;
  const subject = k >= sentenceStart && tokens[k]!.start >= clause.start ? tokens[k]! : undefined;
  if (!subject) return false;
  return (
    subject.pos === 'NOUN' ||
    subject.pos === 'PROPN' ||
    (subject.pos === 'PRON' && /^(they|he|she)$/i.test(body.slice(subject.start, subject.end)))
  );
}

/** A known event named as a time or cause ("following the shrine bombing"): it quiets only what follows it. */
const TIME_ANCHOR =
  /(?<![\p{L}])(?:after|following|since|in the wake of|in (?:response|retaliation) (?:to|for)|ahead of)\s+(?:[\p{L}'’-]+\s+){0,4}$/u;

const DEATH_TESTS = new WeakMap<Lexicon, RegExp>();
/** The death-word test, built once per lexicon. */
export function deathTestOf(lex: Lexicon): RegExp {
  let re = DEATH_TESTS.get(lex);
  if (!re) DEATH_TESTS.set(lex, (re = deathWordTest(lex.cues)));
  return re;
}

/**
 * Whether a clause's duration ("for two months", "daily") silences this word: ACLED codes each day of
 * a protest ("have been on strike for two months"), so a protest only by a history told right before
 * its word ("a series of protests", "daily protests").
 */
export function durativeFor(rule: TriggerRule, lower: string, clause: Span, hit: Span, lex: Lexicon): boolean {
  return (
    rule.eventType !== 'Protests' ||
    lex.cues.durativeLc.test(lower.slice(Math.max(clause.start, hit.start - 40), hit.start))
  );
}

/** Incendiary and crude devices: ACLED codes them as the mob's or the attacker's act, not as explosions. */
const INCENDIARY = /(?<![\p{L}])(?:petrol|cocktails?|molotov|fire-?bomb|crude)(?![\p{L}])/iu;
/** "no casualties", "no one was hurt": a statement that nobody was hurt. */
const NOBODY_HURT =
  /(?<![\p{L}])(?:no|without)\s+(?:[\p{L}]+\s+)?(?:casualties|injuries|injury|one\s+(?:was\s+)?(?:hurt|injured|wounded))/giu;

/**
 * The type of an explosion told by a petrol bomb, a Molotov cocktail or a crude bomb (thrown by
 * pickets, party activists or "assailants"): ACLED does not count these as explosive weapons; one
 * that hurt people (told anywhere in the sentence) is violence against them, otherwise a riot. A
 * state's forces keep the explosion.
 */
export function incendiaryType(
  resolved: ResolvedType,
  c: {
    rule: TriggerRule;
    clauseText: string;
    sentenceText: string;
    actor1: Entity | null;
    victim: string | null;
    clauseDeaths: number | null;
  },
  lex: Lexicon,
): ResolvedType {
  if (c.rule.resolve !== 'bombing' || isStateActor(c.actor1) || !INCENDIARY.test(c.clauseText)) return resolved;
  // The hurt are often told in the sentence's other clause ("four people were injured as assailants
  // hurled a crude bomb at a bus"); "no casualties were reported" tells nobody hurt.
  const hurt =
    c.victim === 'civilian' ||
    c.clauseDeaths !== null ||
    lex.cues.injured.test(c.sentenceText.replace(NOBODY_HURT, ''));
  if (hurt) return { eventType: 'Violence against civilians', subEventType: 'Attack', civilians: true };
  return { eventType: 'Riots', subEventType: riotSubType(lex, c.sentenceText), civilians: false };
}

/** A silenced word's entry; a time anchor ("following the bombing") quiets only what follows it. */
export function silencedAt(
  lower: string,
  clause: Span,
  role: TriggerRule['role'],
  at: number,
): { clause: Span; role: TriggerRule['role']; from?: number } {
  return TIME_ANCHOR.test(lower.slice(Math.max(clause.start, at - 50), at))
    ? { clause, role, from: at }
    : { clause, role };
}

/**
 * A weapon noun tells an explosion only when it hurt someone ("a bomb planted by X injured 2
 * policemen"), and not as a modifier ("a bomb attack": the attack tells it).
 */
export function weaponHurt(
  after: Token | undefined,
  hit: Span,
  clause: Span,
  body: string,
  lower: string,
  lex: Lexicon,
  deaths: FatalityMatcher,
  perClause: Map<number, ClauseFacts>,
  lowerExact: boolean,
  lowerSlices: string | null = null,
): boolean {
  return (
    !(after?.pos === 'NOUN' && after.start === hit.end + 1) &&
    (lex.cues.injured.test(body.slice(hit.end, clause.end)) ||
      clauseToll(factsOf(perClause, clause, lower, lex), clause, body, deaths, lowerExact, lowerSlices) !== null)
  );
}
