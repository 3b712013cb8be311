/**
 * ACLED's names for local crowds that fight as armed sides (data/events/roles.yaml `militias`).
 * Party members who clash, bomb or attack people are the party's militia ("Bangladesh Awami League
 * Militia"), not Rioters or an unidentified group: in a battle every party its sentence names is a
 * side (the second party, or the same one when "two factions" of it clashed), in an attack or a
 * bombing the party that did it (not the one whose member was the victim; the victim's own party
 * when the attackers were "party rivals"). Villagers of no party who fight a battle ("a clash
 * between two groups of villagers over a land dispute at X village") are "X Communal Militia" on
 * both sides. Protests and riots keep their crowds (patients.ts).
 */
import type { Entity } from '../../core/document.js';
import { CAPITALISED_NAME, type RolesData } from './actor-data.schema.js';
import type { Found } from './found.js';
import { setField, type Candidate } from './merge.js';

type Militias = NonNullable<RolesData['militias']>;

/** A crowd or nobody named: the sides a militia name replaces. */
const UNNAMED = /^(?:Rioters|Protesters|Unidentified Armed Group)(?: \(|$)/;
const CROWD = /^Rioters(?: \(|$)/;
const UNIDENTIFIED = /^Unidentified Armed Group(?: \(|$)/;

/** Before a party: it is the agent of a passive ("attacked by BNP men", "by a group of its supporters"). */
const AGENT_BEFORE = /(?<![\p{L}])by\s+(?:[\p{L}\d'’-]+\s+){0,4}$/u;
/** A short bracket after a name ("(BCL)", "(AL)"): skipped before the victim test. */
const BRACKET = /^\s*\([^)]{1,20}\)/u;

/** After "members of X": they are the subject of no passive ("cadres of X were arrested"). */
const NOT_PASSIVE = /^\s*(?!(?:were|was|are|is|have been|has been|had been|got)(?![\p{L}]))[\p{L}]/u;

interface Party {
  readonly militia: string;
  /** Its members did the act ("BNP militants hurled bombs", "attacked by AL men"). */
  readonly doer: boolean;
  /** Its members are the ones hurt ("two BNP activists were injured", "a leader of X was hacked to death"). */
  readonly victim: boolean;
}

/** Whether a party mention names the doers, and whether it names the victims. */
function partyRole(lower: string, e: Entity, roles: RolesData, m: Militias): Omit<Party, 'militia'> {
  const before = lower.slice(Math.max(0, e.start - 60), e.start);
  const after = lower.slice(e.end, e.end + 80).replace(BRACKET, '');
  if (AGENT_BEFORE.test(before)) return { doer: true, victim: false };
  if (roles.victimAfter.test(after)) return { doer: false, victim: true };
  const doer = m.membersAct.test(after) || (m.membersOf.test(before) && NOT_PASSIVE.test(after));
  return { doer, victim: !doer && roles.victimBefore.test(before) };
}

/** The parties with a militia named between `start` and `end`, in text order. */
function partiesIn(found: Found, start: number, end: number, m: Militias, roles: RolesData): Party[] {
  const out: Party[] = [];
  for (const e of found.entities) {
    if (e.start < start || e.end > end || e.actor !== null) continue;
    const militia = m.ofGroup.get(e.canonical);
    if (militia) out.push({ militia, ...partyRole(found.lower, e, roles, m) });
  }
  return out;
}

/** The capitalised name right before or after a place head ("at Khanpur village", "village Khanpur"). */
function headName(text: string, m: Militias): string | null {
  const b = m.nameBeforeHead.exec(text);
  const a = m.nameAfterHead.exec(text);
  if (b && (!a || b.index <= a.index)) return b[1]!;
  return a ? a[1]! : null;
}

/** "at X", "in X": the first capitalised name after a locative preposition that may be a place. */
const AT_NAME = new RegExp(String.raw`(?<![\p{L}])(?:at|in)\s+(${CAPITALISED_NAME})`, 'gu');

/** An actor or a name of the entity dictionary (a name the entities stage only guessed may be a village's). */
const named = (e: Entity): boolean => e.actor !== null || (e.via === 'dictionary' && e.type !== 'place');

/** The first name after "at" or "in" that is no date word, determiner, acronym or named entity. */
function atName(found: Found, start: number, end: number, notPlaces: ReadonlySet<string>): string | null {
  const text = found.body.slice(start, end);
  for (const m of text.matchAll(AT_NAME)) {
    const name = m[1]!;
    const at = start + m.index + m[0].length - name.length;
    if (notPlaces.has(name.split(/\s+/)[0]!.toLowerCase()) || /^[\p{Lu}\d]+$/u.test(name)) continue;
    if (found.entities.some((e) => named(e) && e.start < at + name.length && at < e.end)) continue;
    return name;
  }
  return null;
}

/** The place a communal battle's sides are named after: its village, else the first place its sentence names, else the event's. */
function communityPlace(found: Found, c: Candidate, m: Militias, notPlaces: ReadonlySet<string>): string | null {
  const s = found.sentences[c.sentenceIndex]!;
  const village = headName(found.body.slice(s.start, s.end), m);
  if (village) return village;
  const named = atName(found, s.start, s.end, notPlaces);
  if (named) return named;
  const loc = c.location;
  if (!loc || loc.kind === 'country' || loc.kind === 'admin1' || loc.start < s.start || loc.end > s.end) return null;
  return loc.name;
}

/** A battle between party members: each party named is a side, else both sides are the one party. */
function partyBattle(c: Candidate, parties: readonly Party[], lower: string, m: Militias): void {
  const ranked = [
    ...parties.filter((p) => p.doer),
    ...parties.filter((p) => !p.doer && !p.victim),
    ...parties.filter((p) => p.victim),
  ];
  const sides = [...new Set(ranked.map((p) => p.militia))];
  // Party members shot by "an unidentified armed group" fought no battle of their party's.
  if (c.actor1 !== null && UNIDENTIFIED.test(c.actor1) && parties.every((p) => p.victim)) return;
  setField(c, 'actor1', sides[0]!);
  if (c.actor2 !== null && !UNNAMED.test(c.actor2)) return;
  const second = sides[1] ?? (c.actor2 !== null || m.sameParty.test(lower) || m.rivals.test(lower) ? sides[0]! : null);
  setField(c, 'actor2', second);
}

/** An attack or a bombing by party members: the party that did it, or the victim's own party's rivals. */
function partyAttack(c: Candidate, parties: readonly Party[], lower: string, m: Militias): void {
  const doer = parties.find((p) => p.doer);
  if (doer) setField(c, 'actor1', doer.militia);
  else if (m.rivals.test(lower) && parties.every((p) => p.victim)) setField(c, 'actor1', parties[0]!.militia);
}

/**
 * A battle between local crowds: the scan's Rioters (a crowd never fights a battle in ACLED's
 * coding), or nobody or an unidentified group when the sentence tells a local quarrel.
 */
function communalFight(c: Candidate, lower: string, m: Militias): boolean {
  if (c.actor1 !== null && CROWD.test(c.actor1)) return true;
  if (c.actor2 !== null && !UNNAMED.test(c.actor2)) return false;
  return (c.actor1 === null || UNIDENTIFIED.test(c.actor1)) && m.communal.test(lower);
}

/** Names the party and communal militias of the fights whose sides are a crowd or nobody. */
export function nameMilitias(found: Found, roles: RolesData | null, notPlaces: ReadonlySet<string>): void {
  const m = roles?.militias;
  if (!m || !roles) return;
  for (const c of found.candidates) {
    if (!m.types.has(c.eventType) || (c.actor1 !== null && !UNNAMED.test(c.actor1))) continue;
    const s = found.sentences[c.sentenceIndex]!;
    const lower = found.lower.slice(s.start, s.end);
    const parties = partiesIn(found, s.start, s.end, m, roles);
    if (parties.length) {
      if (c.eventType === 'Battles') partyBattle(c, parties, lower, m);
      else partyAttack(c, parties, lower, m);
      continue;
    }
    if (c.eventType !== 'Battles' || !communalFight(c, lower, m)) continue;
    const place = communityPlace(found, c, m, notPlaces);
    if (place === null) continue;
    const militia = `${place} Communal Militia`;
    setField(c, 'actor1', militia);
    if (c.actor2 === null || UNNAMED.test(c.actor2)) setField(c, 'actor2', militia);
  }
}
