/**
 * The type model at work on one report's candidates, sentence by sentence: each candidate's
 * confidence is re-weighed by the model's probability for its type, and when no candidate of a
 * sentence has the type the model is sure of, the sentence's surest candidate takes that type (its
 * sub-type and generic actors follow the new type). The model never creates or removes an event.
 */
import type { Entity } from '../../../core/document.js';
import type { EventType, SubEventType } from '../../../core/taxonomy.js';
import type { Found } from '../candidates.js';
import type { Lexicon } from '../lexicon.js';
import { setField, type Candidate } from '../merge.js';
import { riotSubType } from '../resolve.js';
import type { Hit } from '../scan.js';
import { probabilities, type TypeModel } from './classifier.js';
import { actorKind, featureIds } from './features.js';

export interface ModelPolicy {
  /** Re-type a sentence when the model gives a type no candidate has at least this probability. */
  readonly retype: number;
  /** Re-type only sentences whose candidates all rest on words that do not fix the type (weak triggers). */
  readonly weakOnly?: boolean;
  /** confidence x (1 - weight + weight x p(type) / p(best type in the sentence)): how much the model's view counts. */
  readonly weight: number;
}

export const DEFAULT_POLICY: ModelPolicy = { retype: 0.8, weight: 0.5, weakOnly: true };

/** Rules that choose the type (not only the sub-type) from context. */
const TYPE_FROM_CONTEXT: ReadonlySet<string | null> = new Set(['victims', 'property', 'intervention']);

/**
 * A trigger whose words do not fix the ACLED type: a generic word ("attack", "clash"), an outcome
 * ("killed"), or a rule that guesses the type from context (victims, property, police). "Air
 * strike", "shelled", "blast", "protested", "arrested" fix it: the model never overrides them.
 */
export function weakTrigger(hit: Hit): boolean {
  if (hit.rule.eventType === 'Explosions/Remote violence') return false;
  return hit.rule.role !== 'act' || TYPE_FROM_CONTEXT.has(hit.rule.resolve);
}

/** The policy stored with the weights (tuned by the training command), else the default. */
export function policyOf(model: TypeModel): ModelPolicy {
  const p = model.meta.policy as Partial<ModelPolicy> | undefined;
  return {
    retype: p?.retype ?? DEFAULT_POLICY.retype,
    weight: p?.weight ?? DEFAULT_POLICY.weight,
    weakOnly: p?.weakOnly ?? true,
  };
}

const HAPPENED = new Set(['asserted', 'claimed']);

/**
 * "Protesters (India)" -> "India". A named group's brackets ("CPI (Maoist): Communist Party of India
 * (Maoist)", ACLED's "ABBREVIATION: full name") are part of its name, not a country.
 */
function countryIn(name: string | null): string | null {
  return name && !name.includes(':') ? (/\(([^()]+)\)$/.exec(name)?.[1] ?? null) : null;
}

/** The sub-type a re-typed event takes: from a trigger of that type in the sentence, else the type's usual one. */
function subTypeFor(type: EventType, hits: readonly Hit[], lex: Lexicon, sentenceText: string): SubEventType {
  if (type === 'Riots') return riotSubType(lex, sentenceText);
  if (type === 'Protests')
    return hits.some((h) => h.rule.resolve === 'intervention') ? 'Protest with intervention' : 'Peaceful protest';
  const own = hits.filter((h) => h.rule.eventType === type && h.rule.tag === null);
  const hit = own.find((h) => h.rule.role === 'act') ?? own[0];
  if (hit && hit.rule.resolve !== 'bombing' && hit.rule.resolve !== 'territory') return hit.rule.subEventType;
  if (type === 'Explosions/Remote violence')
    return lex.cues.aircraft.test(sentenceText) ? 'Air/drone strike' : 'Remote explosive/landmine/IED';
  return USUAL[type];
}

/** The sub-type of a type when nothing more is known. */
const USUAL: Record<EventType, SubEventType> = {
  Battles: 'Armed clash',
  'Explosions/Remote violence': 'Remote explosive/landmine/IED',
  'Violence against civilians': 'Attack',
  Protests: 'Peaceful protest',
  Riots: 'Mob violence',
  'Strategic developments': 'Other',
};

/** The candidate as an event of `type`: sub-type, and the generic actors ACLED gives that type. */
export function retype(
  c: Candidate,
  type: EventType,
  hits: readonly Hit[],
  lex: Lexicon,
  fallbackCountry: string | null,
): Candidate {
  const country = c.location?.countryName ?? countryIn(c.actor1) ?? countryIn(c.actor2) ?? fallbackCountry;
  const generic = (role: string) => (country ? `${role} (${country})` : role);
  const kind1 = c.actor1 ? actorKind(c.actor1) : null;
  let actor1 = c.actor1;
  let actor2 = c.actor2;
  if (type === 'Protests' || type === 'Riots') {
    const crowd = type === 'Protests' ? 'Protesters' : 'Rioters';
    // A crowd is ACLED's actor1; the police or army facing it is actor2.
    if (kind1 !== 'group' || type === 'Protests') {
      if (kind1 === 'state') actor2 = c.actor1;
      else if (actor2 && actorKind(actor2) === 'civilians') actor2 = null;
      actor1 = generic(crowd);
    }
  } else if (type === 'Violence against civilians') {
    if (!actor2 || actorKind(actor2) !== 'state') actor2 = actor2 ?? generic('Civilians');
    if (kind1 === 'protesters' || kind1 === 'rioters') actor1 = generic('Unidentified Armed Group');
  } else if (actor2 && actorKind(actor2) === 'civilians') actor2 = null;
  return { ...c, eventType: type, subEventType: subTypeFor(type, hits, lex, c.text), actor1, actor2 };
}

/** Violence whose type hangs on who was hurt and how: one can become another. */
const VIOLENCE: ReadonlySet<string> = new Set(['Battles', 'Violence against civilians', 'Riots']);

/**
 * A sentence may take type `to` only when its words support it: a trigger of that type stands in
 * it ("protested against the killing"), or both are kinds of violence told by who was hurt
 * (a clash, an attack on civilians, a riot).
 */
function supported(to: EventType, from: EventType, hits: readonly Hit[]): boolean {
  return hits.some((h) => h.rule.eventType === to) || (VIOLENCE.has(to) && VIOLENCE.has(from));
}

/** The model's probability of the candidate's type. */
function pOf(model: TypeModel, p: Float64Array, c: Candidate): number {
  const k = model.classes.indexOf(c.eventType);
  return k < 0 ? 0 : p[k]!;
}

/** The candidate's trigger is weak (the sentence's hit at its start). */
function weakAt(hits: readonly Hit[], c: Candidate): boolean {
  for (const h of hits) if (h.start === c.trigger.start && weakTrigger(h)) return true;
  return false;
}

/** The surest candidate that happened (asserted or claimed) ranks first, then by confidence. */
const rank = (c: Candidate): number => (HAPPENED.has(c.modality) ? 1 : 0) + c.confidence;

/** Re-weighs and re-types `found.candidates` in place. */
export function applyTypeModel(found: Found, model: TypeModel, lex: Lexicon, policy = policyOf(model)): void {
  const bySentence = new Map<number, number[]>();
  found.candidates.forEach((c, i) => {
    const list = bySentence.get(c.sentenceIndex);
    if (list) list.push(i);
    else bySentence.set(c.sentenceIndex, [i]);
  });
  const p = new Float64Array(model.classes.length);
  for (const [si, indices] of bySentence) {
    const sentence = found.sentences[si]!;
    const group = indices.map((i) => found.candidates[i]!);
    const hits = found.bySentence.get(si) ?? [];
    // Nothing to weigh or re-type: one type in the sentence, on a trigger that fixes it.
    let allWeak = true;
    for (const c of group) if (!weakAt(hits, c)) allWeak = false;
    if (!allWeak && group.every((c) => c.eventType === group[0]!.eventType)) continue;
    const actors: Entity[] = found.actors.filter((a) => a.start >= sentence.start && a.end <= sentence.end);
    probabilities(
      model,
      featureIds({ lower: found.lower, tokens: found.tokens, ...sentence, hits, candidates: group, actors }),
      p,
    );
    let top = 0;
    for (let k = 1; k < p.length; k++) if (p[k]! > p[top]!) top = k;
    const topType = model.classes[top] as EventType;
    if (
      p[top]! >= policy.retype &&
      !group.some((c) => c.eventType === topType || c.tags.length > 0) &&
      (!policy.weakOnly || allWeak) &&
      group.some((c) => supported(topType, c.eventType, hits))
    ) {
      // The surest candidate that happened (asserted or claimed), else the surest.
      let best = indices[0]!;
      for (const i of indices) if (rank(found.candidates[i]!) > rank(found.candidates[best]!)) best = i;
      found.candidates[best] = retype(found.candidates[best]!, topType, hits, lex, found.countryName);
    }
    // Within the sentence, the candidate of the type the model likes best keeps its confidence and
    // the others lose in proportion; across sentences the rules' confidence still decides.
    let pMax = 0;
    for (const i of indices) pMax = Math.max(pMax, pOf(model, p, found.candidates[i]!));
    for (const i of indices) {
      const c = found.candidates[i]!;
      const share = pMax > 0 ? pOf(model, p, c) / pMax : 1;
      const confidence = Math.round(c.confidence * (1 - policy.weight + policy.weight * share) * 100) / 100;
      setField(c, 'confidence', confidence);
    }
  }
}
