/**
 * ACLED's actor2 from the victims a sentence names (data/events/roles.yaml): "2 soldiers were
 * killed when their vehicle hit a Taliban-planted IED" has the Taliban as actor1 and the country's
 * Military Forces as actor2, though no soldier is an actor the entities stage names. Only events
 * the scan left without actor2 take one, only of the kinds of victim their type allows, and never
 * of the actor1's own kind. The name is left without its country here: actor-country.ts gives it.
 */
import { loadDataFile } from '../../core/data-file.js';
import { rolesSchema, type RolesData } from './actor-data.schema.js';
import type { Found } from './found.js';
import { setField, type Candidate } from './merge.js';
import { claimant } from './doers.js';

export function loadRoles(): RolesData {
  return loadDataFile('events/roles.yaml', rolesSchema);
}

/** The generic name of a patient kind before its country is known ("Military Forces (country unknown)", "Civilians"). */
function countryless(actor: string, country: boolean): string {
  if (!country) return actor;
  return /^(?:Police Forces|Military Forces)$/.test(actor) ? `${actor} (country unknown)` : actor;
}

/** The first victim in `lower` (one sentence, lower-cased) of the kinds given: its kind, or null. */
export function firstVictim(lower: string, kinds: readonly string[], roles: RolesData): string | null {
  let best: { kind: string; at: number } | null = null;
  for (const kind of kinds) {
    const words = roles.patients.get(kind)!.words;
    words.lastIndex = 0;
    for (let m = words.exec(lower); m; m = words.exec(lower)) {
      if (best && m.index >= best.at) break;
      const before = lower.slice(Math.max(0, m.index - 60), m.index);
      const after = lower.slice(m.index + m[0].length, m.index + m[0].length + 60);
      if (roles.victimBefore.test(before) || roles.victimAfter.test(after)) {
        best = { kind, at: m.index };
        break;
      }
    }
  }
  return best?.kind ?? null;
}

/** The first kind of `kinds` whose words `lower` names at all. */
function firstMention(lower: string, kinds: readonly string[], roles: RolesData): string | null {
  let best: { kind: string; at: number } | null = null;
  for (const kind of kinds) {
    const words = roles.patients.get(kind)!.words;
    words.lastIndex = 0;
    const m = words.exec(lower);
    if (m && (!best || m.index < best.at)) best = { kind, at: m.index };
  }
  return best?.kind ?? null;
}

const STATE = /^(?:Police Forces|Military Forces|Government)(?: of |\s*\(|$)/;
const UNIDENTIFIED = /^Unidentified Armed Group(?: \(|$)/;
const ARMY = /^Military Forces(?= of |\s*\(|$)/;

/**
 * Whether the paragraph of a protest tells the crowd's own violence (roles.yaml `crowd_violence`:
 * "protesters torched two buses", "pelted stones at the police"), which makes it a riot by ACLED's
 * line; an act the protest is against ("protested against the vandalism of") does not count.
 */
export function violentCrowd(found: Found, sentenceIndex: number, roles: RolesData): boolean {
  const v = roles.crowdViolence;
  const paragraph = found.paragraphs[found.sentences[sentenceIndex]!.paragraph];
  if (!v || !paragraph) return false;
  const text = found.lower.slice(paragraph.start, paragraph.end);
  v.acts.lastIndex = 0;
  for (let m = v.acts.exec(text); m; m = v.acts.exec(text))
    if (!v.notAfter.test(text.slice(Math.max(0, m.index - 40), m.index))) return true;
  return false;
}

/**
 * A protest's or riot's actor1 is its crowd (roles.yaml `crowds`): a state force or government the
 * scan took as actor1 is the crowd's opponent (actor2), a named group its organiser when the type
 * says so, and unidentified attackers are the crowd itself. The "security forces" it faced are the
 * police unless its paragraph names an army (roles.yaml `crowd_army`). The crowd is named without
 * its country here (actor-country.ts gives it).
 */
export function crowdFirst(found: Found, roles: RolesData | null): void {
  if (!roles) return;
  arrestsOfCrowds(found, roles);
  unnamedWreckers(found);
  for (const c of found.candidates) {
    if (c.eventType === 'Protests' && violentCrowd(found, c.sentenceIndex, roles)) {
      setField(c, 'eventType', 'Riots');
      setField(c, 'subEventType', 'Violent demonstration');
      if (c.actor1 === null || c.actor1.startsWith('Protesters'))
        setField(c, 'actor1', (c.actor1 ?? 'Protesters').replace(/^Protesters/, 'Rioters'));
    }
    const crowd = roles.crowds.get(c.eventType);
    if (!crowd || c.actor1 === null || c.actor1.startsWith(crowd.actor)) continue;
    // Unidentified attackers in a riot are its rioters (ACLED codes no unidentified group in one).
    if (UNIDENTIFIED.test(c.actor1)) {
      setField(c, 'actor1', crowd.actor);
      continue;
    }
    if (STATE.test(c.actor1)) {
      if (c.actor2 === null) setField(c, 'actor2', c.actor1);
    } else if (crowd.organisers) {
      if (c.assocActor1 === null) setField(c, 'assocActor1', c.actor1);
    } else continue;
    setField(c, 'actor1', crowd.actor);
  }
  for (const c of found.candidates) {
    if (!roles.crowdArmy || !roles.crowds.has(c.eventType) || c.actor2 === null || !ARMY.test(c.actor2)) continue;
    if (!roles.crowdArmy.test(paragraphOf(found, c.sentenceIndex)))
      setField(c, 'actor2', c.actor2.replace(ARMY, 'Police Forces'));
  }
}

/**
 * ACLED codes the arrest of a crowd as the protest the police broke up: an arrest told in a
 * paragraph that tells a protest (roles.yaml `protest_told`: "staged a dharna", "blocked the
 * highway") or a crowd's violence ("arrested 15 people for ransacking a shop") is a protest with intervention by the Protesters, the police its second side (a riot
 * when the crowd's own violence is told too: crowdFirst).
 */
function arrestsOfCrowds(found: Found, roles: RolesData): void {
  const told = roles.protestTold;
  if (!told) return;
  for (const c of found.candidates) {
    if (c.subEventType !== 'Arrests') continue;
    if (!told.test(paragraphOf(found, c.sentenceIndex)) && !violentCrowd(found, c.sentenceIndex, roles)) continue;
    const police = [c.actor1, c.actor2].find((a) => a !== null && STATE.test(a)) ?? 'Police Forces';
    if (c.actor1 !== null && c.actor1 !== police && c.assocActor1 === null) setField(c, 'assocActor1', c.actor1);
    setField(c, 'eventType', 'Protests');
    setField(c, 'subEventType', 'Protest with intervention');
    setField(c, 'actor1', 'Protesters');
    setField(c, 'actor2', police);
  }
}

/** Whether `lower` names members of `kind` as the subject of a passive casualty verb ("three policemen were killed"). */
function passiveVictim(lower: string, kind: string, roles: RolesData): boolean {
  const words = roles.patients.get(kind)!.words;
  words.lastIndex = 0;
  for (let m = words.exec(lower); m; m = words.exec(lower))
    if (roles.victimAfter.test(lower.slice(m.index + m[0].length, m.index + m[0].length + 60))) return true;
  return false;
}

/** Event types whose state-force victims are ACLED's actor2 (a battle, a bombing). */
const FOUGHT: ReadonlySet<string> = new Set(['Battles', 'Explosions/Remote violence']);

/**
 * Property wrecked or burnt by people nobody names ("assailants torched a bus", "a land office was
 * set on fire") is ACLED's mob violence by Rioters, not a strategic development by an armed group.
 */
function unnamedWreckers(found: Found): void {
  for (const c of found.candidates) {
    if (c.subEventType !== 'Looting/property destruction') continue;
    if (c.actor1 !== null && !c.actor1.startsWith('Unidentified Armed Group')) continue;
    setField(c, 'eventType', 'Riots');
    setField(c, 'subEventType', 'Mob violence');
    setField(c, 'actor1', 'Rioters');
  }
}

/** The patient kind whose actor a state force's name starts with ("Police Forces of India" -> police). */
function stateKind(actor: string, roles: RolesData): string | null {
  for (const [kind, p] of roles.patients) if (p.country && actor.startsWith(p.actor)) return kind;
  return null;
}

/**
 * "Three policemen were killed in an ambush", "a military convoy came under attack": a state
 * force the scan took as actor1 of a battle or a bombing, with no second side, whose own members
 * its sentence names as the victims, is the target (actor2). The doer is the group its paragraph
 * says claimed the act or is suspected, else ACLED's Unidentified Armed Group.
 */
function victimsNotDoers(found: Found, roles: RolesData): void {
  for (const c of found.candidates) {
    if (c.actor2 !== null || c.actor1 === null || !STATE.test(c.actor1) || !FOUGHT.has(c.eventType)) continue;
    const kind = stateKind(c.actor1, roles);
    if (!kind || !passiveVictim(found.lower.slice(c.start, c.end), kind, roles)) continue;
    setField(c, 'actor2', c.actor1);
    setField(c, 'actor1', claimant(found, c) ?? 'Unidentified Armed Group');
  }
}

/** An operation, a raid or an air strike: the state's forces acted even where no force is named. */
const OPERATION =
  /(?<![\p{L}])(?:(?:military|security|search|army|clearance|combing) operations?|operations? (?:against|in|by)|air ?strikes?|air ?force|fighter jets|jets|gunships?|drones?)(?![\p{L}])/u;

/** After a group's name: its own members were killed or caught ("TTP militant commanders were killed"). */
const GROUP_KILLED =
  /^(?:\s+[\p{L}-]+){0,2}\s+(?:were|was|have been|has been|had been)\s+(?:[\p{L}]+ly\s+)?(?:killed|shot dead|gunned down|wounded|injured|arrested)(?![\p{L}])/u;

/** The state force a battle's sentence names (soldiers, police), or the military when it tells an operation. */
function stateForce(lower: string, roles: RolesData): string | null {
  const kinds = [...roles.patients].filter(([, p]) => p.country && /^(?:Police|Military) Forces$/.test(p.actor));
  const kind = firstMention(
    lower,
    kinds.map(([k]) => k),
    roles,
  );
  if (kind) return countryless(roles.patients.get(kind)!.actor, true);
  return OPERATION.test(lower) ? countryless('Military Forces', true) : null;
}

/** A named group of the event whose own members were killed or caught in it, else null. */
function killedGroup(found: Found, c: Candidate): string | null {
  const e = found.actors.find(
    (a) =>
      a.start >= c.start &&
      a.end <= c.end &&
      a.actor !== null &&
      !a.actor.generic &&
      !STATE.test(a.actor.name) &&
      !UNIDENTIFIED.test(a.actor.name) &&
      GROUP_KILLED.test(found.lower.slice(a.end, a.end + 60)),
  );
  return e?.actor?.name ?? null;
}

/**
 * "Six TTP militants were killed in an encounter with police", "ten militants were killed in a
 * search operation": a group whose members were killed in a battle with nobody else named fought
 * the state force its sentence names (or the military, for an operation or an air strike), which
 * ACLED codes as actor1; a group found only as the target gets that force as actor1 too.
 */
function forcesAgainstGroups(found: Found, roles: RolesData): void {
  for (const c of found.candidates) {
    if (!FOUGHT.has(c.eventType)) continue;
    const group = c.actor1 === null ? c.actor2 : c.actor2 === null ? c.actor1 : null;
    if (group !== null && STATE.test(group) && c.actor2 === null) {
      // "8 TTP militants were killed when army jets bombed their hideouts": the group whose members
      // the state's forces killed is their second side.
      const target = killedGroup(found, c);
      if (target !== null) setField(c, 'actor2', target);
      continue;
    }
    if (group === null || STATE.test(group) || /^(?:Civilians|Protesters|Rioters)/.test(group)) continue;
    const lower = found.lower.slice(c.start, c.end);
    if (c.actor1 !== null) {
      // The group is actor1: only when its own members are the ones killed.
      const e = found.actors.find((a) => a.actor?.name === group && a.start >= c.start && a.end <= c.end);
      if (!e || !GROUP_KILLED.test(found.lower.slice(e.end, e.end + 60))) continue;
    }
    const force = stateForce(lower, roles);
    if (force === null) continue;
    setField(c, 'actor1', force);
    setField(c, 'actor2', group);
  }
}

/** A kind of victim that is not the actor1's own kind. */
function notOwn(actor1: string | null, kind: string, roles: RolesData): boolean {
  return !(actor1 !== null && actor1.startsWith(roles.patients.get(kind)!.actor));
}

/** The lower-cased paragraph of a sentence. */
function paragraphOf(found: Found, sentenceIndex: number): string {
  const paragraph = found.paragraphs[found.sentences[sentenceIndex]!.paragraph];
  return paragraph ? found.lower.slice(paragraph.start, paragraph.end) : '';
}

/** A clash of two crowds told in `paragraph`, with no police in it (police facing a crowd are its second side). */
function twoCrowds(paragraph: string, roles: RolesData): boolean {
  if (!roles.twoCrowds?.test(paragraph)) return false;
  const police = roles.patients.get('police')?.words;
  if (!police) return true;
  police.lastIndex = 0;
  return !police.test(paragraph);
}

/**
 * A peaceful protest the police stopped, detained or dispersed is a protest with intervention
 * (its second side the force, below); a riot between two crowds has Rioters on both sides.
 */
function interventionsAndCrowds(found: Found, roles: RolesData): void {
  for (const c of found.candidates) {
    if (
      c.subEventType === 'Peaceful protest' &&
      (c.actor2 === null || STATE.test(c.actor2)) &&
      roles.intervention?.test(paragraphOf(found, c.sentenceIndex))
    )
      setField(c, 'subEventType', 'Protest with intervention');
    else if (
      c.actor2 === null &&
      c.eventType === 'Riots' &&
      c.actor1 !== null &&
      c.actor1.startsWith('Rioters') &&
      twoCrowds(paragraphOf(found, c.sentenceIndex), roles)
    )
      setField(c, 'actor2', 'Rioters');
  }
}

/** Gives events without actor2 the victims their sentence names, by ACLED's conventions for their type. */
export function namePatients(found: Found, roles: RolesData | null): void {
  if (!roles) return;
  interventionsAndCrowds(found, roles);
  victimsNotDoers(found, roles);
  for (const c of found.candidates) {
    const rule = roles.types.get(c.subEventType) ?? roles.types.get(c.eventType);
    if (!rule) continue;
    // A peaceful protest has no second side: a force or a government named in it only stood by.
    if (rule.alone) {
      if (c.actor2 !== null) setField(c, 'actor2', null);
      continue;
    }
    if (c.actor2 !== null) continue;
    // Soldiers killed by soldiers are no second side: the actor1's own kind is left out.
    const kinds = rule.patients.filter((k) => notOwn(c.actor1, k, roles));
    const present = rule.present.filter((k) => notOwn(c.actor1, k, roles));
    // The force a crowd faced comes before its victims ("rioters clashed with police, injuring two").
    let kind: string | null = null;
    if (present.length) {
      const paragraph = found.paragraphs[found.sentences[c.sentenceIndex]!.paragraph];
      if (paragraph) kind = firstMention(found.lower.slice(paragraph.start, paragraph.end), present, roles);
    }
    if (!kind && kinds.length) kind = firstVictim(found.lower.slice(c.start, c.end), kinds, roles);
    kind ??= rule.otherwise;
    if (!kind) continue;
    const p = roles.patients.get(kind)!;
    setField(c, 'actor2', countryless(p.actor, p.country));
  }
  forcesAgainstGroups(found, roles);
}
