/**
 * The fixed cues and orders the events stage's candidate filter reads (candidates.ts): patterns of
 * the words around a trigger, and sets of ACLED event types.
 */
import type { TriggerRule } from './lexicon.js';
import type { Hit } from './scan.js';

/** "had (recently) (been)" right before a trigger: a pluperfect, told as background. */
export const PLUPERFECT = /(?<![\p{L}])had\s+(?:[\p{L}]+ly\s+)?(?:been\s+)?$/iu;
/** A determiner or "newly/recently" right before a participle trigger used as an adjective ("the retaken areas"). */
export const ATTRIBUTIVE_BEFORE = /(?<![\p{L}])(the|these|those|its|their|newly|recently)\s+$/iu;
/**
 * Protesters, or their gathering, right after a violent act are its victims ("fired on the
 * demonstrators", "opened fire on a procession": ACLED's excessive force against protesters).
 */
export const PROTESTER_VICTIMS =
  /^[^.;]{0,20}?(?<![\p{L}])(?:protesters|protestors|demonstrators|marchers|agitators|processions?|rall(?:y|ies)|demonstrations?|protest\s+march(?:es)?)(?![\p{L}])/iu;
/** The order hits of one sentence are read in: acts, then generic words, then outcomes. */
export const ROLE_ORDER: Record<TriggerRule['role'], number> = { act: 0, generic: 1, outcome: 2 };

const byRoleThenStart = (a: Hit, b: Hit): number =>
  ROLE_ORDER[a.rule.role] - ROLE_ORDER[b.rule.role] || a.start - b.start;

/**
 * A sentence's hits (in text order) by role, then start: the hits themselves when they already are
 * (one hit, or no hit after one of a later role), else a sorted copy.
 */
export function readingOrder(hits: readonly Hit[]): readonly Hit[] {
  for (let i = 1; i < hits.length; i++)
    if (ROLE_ORDER[hits[i]!.rule.role] < ROLE_ORDER[hits[i - 1]!.rule.role]) return [...hits].sort(byRoleThenStart);
  return hits;
}

/** Violence a crowd of unarmed people can do (not explosions, not arrests). */
export const CROWD_CAN: ReadonlySet<string> = new Set(['Battles', 'Violence against civilians', 'Riots']);
/** Event types of political violence: only these can be told by their casualties alone. */
export const VIOLENT: ReadonlySet<string> = new Set([
  'Battles',
  'Explosions/Remote violence',
  'Violence against civilians',
  'Riots',
]);
/** A clause opened by "and" or "then" continues the clause before it (its date, its actors). */
export const COORDINATED = /^[,\s]*(and|then)(?![a-z])/;
/** Weapon nouns that tell an explosion only when they hurt someone. */
export const WEAPON_NOUN = /^(bombs?|shells?|mortars?|rockets?|missiles?)$/i;
/** A trigger written as an acronym ("IED", "RPGs"): always in capitals, so no sign of a name. */
const ACRONYM = /^\p{Lu}{2,}s?$/u;
/** A trigger's words capitalised as a name's would be ("Shell"), not an acronym ("IED"). */
export function capitalisedWord(text: string): boolean {
  return /^\p{Lu}/u.test(text) && !ACRONYM.test(text);
}
/** A trigger that opens with its auxiliary ("was shot"): passive, its victim named before it (resolve.ts victimOf). */
export const PASSIVE_HIT = /^(?:was|were)\s/iu;
/** ACLED's sub-type for force used on a protest: the deaths told beside it are its own. */
export const FORCE = 'Excessive force against protesters';
/**
 * A trigger in -ing that may tell a state of affairs ("rebels fighting the government"); not a
 * protest: "are protesting", "have been protesting" tell that day's protest (ACLED codes each day).
 */
export function mayBeOngoing(rule: TriggerRule, word: string): boolean {
  return rule.eventType !== 'Protests' && /ing$/i.test(word);
}
