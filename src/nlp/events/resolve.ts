/**
 * The ACLED type and sub-type of a trigger that depend on who acted and on whom: territory taken by
 * a state or not, air power, armed or civilian victims, property destroyed by armed men or by a
 * crowd, and a protest the police broke up.
 */
import type { Entity } from '../../core/document.js';
import type { EventType, SubEventType } from '../../core/taxonomy.js';
import { isStateActor } from './actors.js';
import type { Cues, Lexicon, TriggerRule } from './lexicon.js';
import { lowerTestsExact, lowerVariant } from './cue-regex.js';

const AIR_CAPABLE_SIDE = /coalition|nato|air force/i;
/** ACLED's crowd actors: property they destroy is a riot, not an armed group's looting. */
const CROWD = /^(Rioters|Protesters)(?![\p{L}])/u;
/** "A woman was killed in an attack": the victim of a noun trigger told in the passive before it. */
const PASSIVE_EARLIER =
  /(?<![\p{L}])(was|were|been|got)\s+(?:[\p{L}]+\s+)?(killed|injured|wounded|hurt|shot|hit|targeted)(?![\p{L}])/iu;

/** "was (reportedly) shot dead": a passive trigger even when its agent is no actor ("by unidentified men"). */
const PASSIVE_AUX = /(?<![\p{L}])(?:was|were|been|got|being)\s+(?:[\p{L}]+ly\s+)?$/iu;

export interface ResolvedType {
  readonly eventType: EventType;
  readonly subEventType: SubEventType;
  /** The victims are civilians: actor2 is ACLED's "Civilians (Country)". */
  readonly civilians: boolean;
}

export interface TypeContext {
  readonly rule: TriggerRule;
  readonly actor1: Entity | null;
  readonly actor2: Entity | null;
  readonly sentenceText: string;
  readonly victim: 'armed' | 'civilian' | null;
  readonly triggerText: string;
  /** The clause before the trigger (its agent, for "warplanes carried out raids"). */
  readonly agentText: string;
  /** Protesters are the victims ("fired on the demonstrators"). */
  readonly protesterVictims?: boolean;
}

/** A riot in a demonstration ("protesters torched buses") or a crowd's violence with none ("a mob lynched"). */
export function riotSubType(lex: Lexicon, sentenceText: string): SubEventType {
  return lex.cues.demonstration.test(sentenceText) ? 'Violent demonstration' : 'Mob violence';
}

/** The ACLED type and sub-type of one trigger in its context. */
export function resolveType(c: TypeContext, lex: Lexicon): ResolvedType {
  const { rule, actor1, actor2, sentenceText, victim } = c;
  const base = { eventType: rule.eventType, subEventType: rule.subEventType, civilians: false };
  if (rule.resolve === 'territory' && actor1) {
    return {
      ...base,
      subEventType: isStateActor(actor1) ? 'Government regains territory' : 'Non-state actor overtakes territory',
    };
  }
  if (rule.resolve === 'bombing') {
    const airNamed = lex.cues.aircraft.test(sentenceText);
    const bombard = /bombard/i.test(c.triggerText);
    const airCapable = (isStateActor(actor1) || AIR_CAPABLE_SIDE.test(actor1?.actor?.name ?? '')) && !bombard;
    if (airNamed || airCapable) return { ...base, subEventType: 'Air/drone strike' };
    // Without aircraft, "a bombing" in a town is a planted or thrown explosive; a bombardment is artillery.
    return { ...base, subEventType: bombard ? 'Shelling/artillery/missile attack' : 'Remote explosive/landmine/IED' };
  }
  // "warplanes carried out 12 raids": an attack by aircraft is an air strike.
  if (rule.resolve === 'victims' && rule.role === 'generic' && lex.cues.aircraft.test(c.agentText))
    return { eventType: 'Explosions/Remote violence', subEventType: 'Air/drone strike', civilians: false };
  if (rule.resolve === 'victims' && c.protesterVictims && isStateActor(actor1))
    // "Police opened fire on the demonstrators, killing two": force against a protest.
    return { eventType: 'Protests', subEventType: 'Excessive force against protesters', civilians: false };
  if (rule.resolve === 'victims') {
    // Who died decides: soldiers, police or fighters make a battle; civilians an attack on them.
    if (actor2 || victim === 'armed') return { eventType: 'Battles', subEventType: 'Armed clash', civilians: false };
    if (victim === 'civilian')
      return { eventType: 'Violence against civilians', subEventType: 'Attack', civilians: true };
  }
  if (rule.resolve === 'property') {
    // Armed men (a state, a group, unidentified gunmen) destroying property: looting or destruction;
    // a crowd doing it, or nobody named: a riot.
    const armed = actor1?.actor && !CROWD.test(actor1.actor.name);
    if (armed)
      return { eventType: 'Strategic developments', subEventType: 'Looting/property destruction', civilians: false };
    return { eventType: 'Riots', subEventType: riotSubType(lex, sentenceText), civilians: false };
  }
  if (rule.resolve === 'intervention') {
    // The police broke up a gathering: a protest with intervention, or a riot when the crowd was violent.
    if (lex.cues.crowdViolence.test(sentenceText))
      return { eventType: 'Riots', subEventType: 'Violent demonstration', civilians: false };
    return base;
  }
  if (base.eventType === 'Riots') return { ...base, subEventType: riotSubType(lex, sentenceText) };
  return base;
}

/**
 * The first victim noun after an active trigger, or before a passive one ("ten soldiers were
 * killed"); for a noun trigger with none after it, the victim named before it ("a woman was killed
 * in an attack").
 */
export function victimOf(
  lex: Lexicon,
  after: string,
  before: string,
  passive: boolean,
  nominal: boolean,
): 'armed' | 'civilian' | null {
  // Case-sensitive on the texts lower-cased, where that is the same test (lowerVariant): much faster.
  const afterLc = after.toLowerCase();
  const beforeLc = before.toLowerCase();
  const lc = lowerTestsExact(after, afterLc) && lowerTestsExact(before, beforeLc) ? lowerVictimTests(lex.cues) : null;
  if (lc) [after, before] = [afterLc, beforeLc];
  const t = lc ?? {
    victimBefore: lex.cues.victimBefore,
    victimAfter: lex.cues.victimAfter,
    PASSIVE_AUX,
    PASSIVE_EARLIER,
  };
  passive ||= t.PASSIVE_AUX.test(before);
  const m =
    (passive ? t.victimBefore : t.victimAfter).exec(passive ? before : after) ??
    (nominal && !passive && t.PASSIVE_EARLIER.test(before) ? t.victimBefore.exec(before) : null);
  return m ? (m[1] ? 'armed' : 'civilian') : null;
}

interface VictimTests {
  readonly victimBefore: RegExp;
  readonly victimAfter: RegExp;
  readonly PASSIVE_AUX: RegExp;
  readonly PASSIVE_EARLIER: RegExp;
}
const VICTIM_TESTS = new WeakMap<Cues, VictimTests | null>();

/** victimOf's regexes for lower-cased text (lowerVariant), or null when one of them has none; built once. */
function lowerVictimTests(cues: Cues): VictimTests | null {
  let tests = VICTIM_TESTS.get(cues);
  if (tests === undefined) {
    const [b, a, aux, earlier] = [cues.victimBefore, cues.victimAfter, PASSIVE_AUX, PASSIVE_EARLIER].map(lowerVariant);
    tests =
      b && a && aux && earlier ? { victimBefore: b, victimAfter: a, PASSIVE_AUX: aux, PASSIVE_EARLIER: earlier } : null;
    VICTIM_TESTS.set(cues, tests);
  }
  return tests;
}
