/**
 * Agent and patient of a trigger, found by position in the clause rather than by a parser:
 * the agent is the nearest actor before the trigger that is not inside a prepositional phrase
 * (or the actor after "by" in the passive), the patient the first actor after it.
 */
import type { Entity } from '../../core/document.js';
import type { Span } from '../../core/span.js';
import type { Cues, TriggerRule } from './lexicon.js';
import { firstAtLeast, startOf } from '../../core/search.js';
import { testSpan } from './cue-regex.js';

export interface ActorPick {
  readonly actor1: Entity | null;
  readonly assoc1: Entity | null;
  readonly actor2: Entity | null;
  /** The trigger is a passive verb ("was captured"): its subject is the patient. */
  readonly passive: boolean;
}

const PREP_BEFORE =
  /(?<![\p{L}])(from|against|on|of|with|at|in|near|into|by|targeting|between|around|towards?|over|among|under|across|inside|outside|like)\s+(?:(?:the|a|an|its|their|his|her|some|several|two|three)\s+)?(?:[\p{L}-]+\s+)?$/iu;
const BY_BEFORE = /(?<![\p{L}])by\s+(?:(?:the|a|an)\s+)?(?:[\p{L}-]+\s+)?$/iu;
/** "planted by", "attacks by", "an ambush by": the actor after it did the act. */
const AGENT_BY_BEFORE =
  /(?<![\p{L}])(?:[\p{L}]+(?:ed|en|wn)|attacks?|ambush(?:es)?|assaults?|raids?|strikes?|bombings?|shelling|offensive|firing)\s+by\s+(?:the\s+|a\s+|an\s+)?(?:[\p{L}-]+\s+)?$/iu;
/** "Taliban-planted IED", "Taliban-laid mine". */
const AGENT_HYPHEN_AFTER = /^-(?:planted|laid|placed|fired|triggered|detonated|made)(?![\p{L}])/iu;
const AND_BEFORE = /(?<![\p{L}])(and|&)\s+(?:(?:the|their|its)\s+)?$/iu;
const PASSIVE_BEFORE = /(?<![\p{L}])(was|were|been|being|is|are|be|got|get)\s+(?:[\p{L}]+ly\s+)?$/iu;

/** "Police Forces of India", and the entities stage's "Military Forces (country unknown)". */
const STATE_NAME = /^(?:Military|Police) Forces(?: of | \(country unknown\)$)/;

/** Whether the actor belongs to a state (army, police): it regains rather than overtakes territory. */
export function isStateActor(e: Entity | null): boolean {
  const a = e?.actor;
  if (!a) return false;
  return STATE_NAME.test(a.name) || (a.side !== null && /-government$/.test(a.side));
}

/** `re` on the 40 characters before the actor (in its clause); `lowered`: see testSpan. */
function before(body: string, clause: Span, e: Entity, re: RegExp, lowered: string | null): boolean {
  return testSpan(re, body, lowered, Math.max(clause.start, e.start - 40), e.start);
}

/** Whether `body[from, to)` holds "by" in any case (no other character folds to b or y): what AGENT_BY_BEFORE needs. */
function holdsBy(body: string, from: number, to: number): boolean {
  for (let i = from; i + 1 < to; i++)
    if ((body.charCodeAt(i) | 32) === 98 && (body.charCodeAt(i + 1) | 32) === 121) return true;
  return false;
}

/** Whether `body[from, to)` holds " by " in any case: the same test as `/ by /i` on that slice, without slicing it. */
function holdsSpacedBy(body: string, from: number, to: number): boolean {
  for (let i = from; i + 3 < to; i++)
    if (
      body.charCodeAt(i) === 32 &&
      (body.charCodeAt(i + 1) | 32) === 98 &&
      (body.charCodeAt(i + 2) | 32) === 121 &&
      body.charCodeAt(i + 3) === 32
    )
      return true;
  return false;
}

/** "planted by" (AGENT_BY_BEFORE) before the actor, or "-planted" (AGENT_HYPHEN_AFTER) after it; each only where its letters stand. */
function doneBy(body: string, clause: Span, e: Entity, lowered: string | null): boolean {
  return (
    (holdsBy(body, Math.max(clause.start, e.start - 40), e.start) &&
      before(body, clause, e, AGENT_BY_BEFORE, lowered)) ||
    (body.charCodeAt(e.end) === 45 && AGENT_HYPHEN_AFTER.test(body.slice(e.end, e.end + 14)))
  );
}

/** "Islamic State's": a possessive right after the actor (`'s` or `’s`, tested only after its apostrophe). */
function possessive(body: string, e: Entity): boolean {
  const c = body.charCodeAt(e.end);
  return (c === 39 || c === 0x2019) && /^['’]s(?![\p{L}])/u.test(body.slice(e.end, e.end + 3));
}

/**
 * Picks actor1, its associate and actor2 for a trigger from the actor entities of its clause
 * (`actors` sorted by start, all with `actor !== null`).
 */
export function pickActors(
  body: string,
  clause: Span,
  trigger: Span,
  rule: TriggerRule,
  actors: readonly Entity[],
  nominal = false,
  lowered: string | null = null,
): ActorPick {
  // Actors are sorted by start: the clause's are found from the first starting in it (binary search).
  const lo = firstAtLeast(actors, clause.start, startOf);
  const inClause: Entity[] = [];
  for (let i = lo; i < actors.length && actors[i]!.start <= clause.end; i++)
    if (actors[i]!.end <= clause.end) inClause.push(actors[i]!);
  const pre = inClause.filter((e) => e.end <= trigger.start);
  const inside = inClause.filter((e) => e.start >= trigger.start && e.end <= trigger.end);
  const post = inClause.filter((e) => e.start >= trigger.end);
  const passive = testSpan(PASSIVE_BEFORE, body, lowered, Math.max(clause.start, trigger.start - 30), trigger.start);
  const byAgent = post.find((e) => before(body, clause, e, BY_BEFORE, lowered)) ?? null;

  let agent: Entity | null = null;
  let patient: Entity | null = null;
  let assoc: Entity | null = null;
  // "Islamic State's capital": a possessor is no subject, unless it owns the act ("Russia's bombing").
  const subjects = pre.filter(
    (e) => !before(body, clause, e, PREP_BEFORE, lowered) && !(possessive(body, e) && trigger.start - e.end > 4),
  );
  // The nearest subject that is not the second member of "X and Y" (that one is X's associate).
  let subject: Entity | null = null;
  for (let i = subjects.length - 1; i >= 0; i--) {
    const e = subjects[i]!;
    const prev = subjects[i - 1];
    if (prev && before(body, clause, e, AND_BEFORE, lowered) && prev.actor?.name !== e.actor?.name) {
      subject = prev;
      assoc = e;
      break;
    }
    subject = e;
    break;
  }

  // "an Islamic State suicide bomber", "a U.S. drone strike": an actor naming the act's noun is its agent.
  const modifier = pre.length ? pre[pre.length - 1]! : null;
  if (nominal && modifier && trigger.start - modifier.end <= 2 && !passive) {
    subject = modifier;
    assoc = null;
  }
  if (rule.agent === 'object') {
    agent = post[0] ?? inside[0] ?? null;
  } else if (passive) {
    agent = byAgent;
    patient = subject;
    assoc = null;
  } else {
    agent = subject ?? byAgent;
    const objects = [...inside, ...post].filter((e) => e !== byAgent && e.actor?.name !== agent?.actor?.name);
    // "recaptured X from the rebels": a subject-less prepositional actor before the trigger can be the patient too.
    const prepPre = pre.filter((e) => e !== agent && e !== assoc && e.actor?.name !== agent?.actor?.name);
    if (rule.patient === 'object')
      patient = objects[0] ?? (rule.symmetric ? null : (prepPre[prepPre.length - 1] ?? null));
    if (agent === null && rule.symmetric && objects.length >= 2) {
      // "clashes between X and Y"
      agent = objects[0]!;
      patient = objects[1]!;
    }
  }
  if (rule.symmetric && patient === null && assoc !== null) {
    // "X and Y clashed": two sides, not allies.
    patient = assoc;
    assoc = null;
  }
  // "a bomb planted by the Taliban hit a tank", "attacks by Taliban militants on posts", "a
  // Taliban-planted IED": the actor of a reduced passive, or of the act's own noun, did it.
  if (
    rule.agent === 'subject' &&
    !(passive && agent) &&
    (holdsSpacedBy(body, clause.start, clause.end) || body.slice(clause.start, clause.end).includes('-'))
  ) {
    const doer = inClause.find((e) => e !== agent && doneBy(body, clause, e, lowered));
    if (doer && doer.actor?.name !== agent?.actor?.name) {
      if (agent && !patient && rule.patient === 'object' && !passive) patient = agent;
      if (passive && !patient) patient = subject;
      agent = doer;
      assoc = null;
      if (patient === doer) patient = null;
    }
  }
  if (patient && agent && patient.actor?.name === agent.actor?.name) patient = null;
  return { actor1: agent, assoc1: assoc, actor2: rule.patient === 'none' ? null : patient, passive };
}

/** Words after which people are the object of a preposition ("of the residents"), not a subject. */
const PREP_BEFORE_PEOPLE =
  /(?<![\p{L}])(?:of|to|at|in|on|with|against|for|from|by|between|among)\s+(?:(?:the|some|a|two)\s+)?(?:[\p{L}-]+\s+)?$/iu;

/** People named by what they are ("some persons", "party supporters") as a subject in `prefix`. */
function peopleSubject(prefix: string, people: RegExp): boolean {
  people.lastIndex = 0;
  for (let m = people.exec(prefix); m; m = people.exec(prefix))
    if (!PREP_BEFORE_PEOPLE.test(prefix.slice(Math.max(0, m.index - 30), m.index))) return true;
  return false;
}

/** "Sixty people were killed in ...": people before a passive verb are victims, not agents. */
const PASSIVE_EARLIER = /(?<![\p{L}])(?:was|were|been|got)\s+(?:[\p{L}]+\s+)?[\p{L}]+(?:ed|en)(?![\p{L}])/iu;
/**
 * People with no group's name doing the act: "some persons attacked the shop" (the subject of an
 * active verb) or "attacked by party supporters" (after "by", for a passive verb or a noun).
 */
export function crowdAgent(body: string, clause: Span, trigger: Span, passiveOrNoun: boolean, cues: Cues): boolean {
  if (passiveOrNoun) return cues.peopleByAgent.test(body.slice(trigger.end, clause.end));
  const prefix = body.slice(clause.start, trigger.start);
  return peopleSubject(prefix, cues.peopleAgent) && !PASSIVE_EARLIER.test(prefix);
}
