/**
 * Remote fire answered in kind: ACLED codes shelling, an air strike or a grenade that the other side
 * fired back at ("the Rangers retaliated", "returned fire") as a battle, an exchange between two
 * armed sides, and keeps Explosions/Remote violence for fire nobody answered ("did not retaliate",
 * "no reports on whether the army retaliated").
 */
import type { SubEventType } from '../../core/taxonomy.js';
import type { Found } from './found.js';
import type { Cues, TriggerRule } from './lexicon.js';
import { type Candidate, setField } from './merge.js';

/** The sub-types of remote fire one side can answer in kind. */
const ANSWERABLE: ReadonlySet<SubEventType> = new Set<SubEventType>([
  'Shelling/artillery/missile attack',
  'Air/drone strike',
  'Grenade',
]);

/** True when a sentence of the span says the other side fired back, and none says it did not. */
export function firedBack(text: string, cues: Pick<Cues, 'returnedFire' | 'noReturnFireBefore'>): boolean {
  let back = false;
  for (const m of text.matchAll(cues.returnedFire)) {
    const sentenceStart = Math.max(text.lastIndexOf('.', m.index) + 1, text.lastIndexOf('[', m.index) + 1);
    if (cues.noReturnFireBefore.test(text.slice(sentenceStart, m.index))) return false;
    back = true;
  }
  return back;
}

/** The clash rule's words ("clashed", "gun battle", "exchange of fire"), tested on a trigger lower-cased; built once per lexicon. */
const CLASH_WORDS = new WeakMap<readonly TriggerRule[], RegExp | null>();

function clashWords(rules: readonly TriggerRule[]): RegExp | null {
  let re = CLASH_WORDS.get(rules);
  if (re === undefined) {
    const rule = rules.find((r) => r.id === 'clash');
    re = rule ? new RegExp(rule.regex.source, rule.regex.flags.replace(/[gy]/g, '')) : null;
    CLASH_WORDS.set(rules, re);
  }
  return re;
}

/**
 * A clash told as having happened, by a word for fighting between two sides (not a battle read
 * from its outcome: "militants were killed" as jets bombed them is no clash).
 */
const isClash = (c: Candidate, words: RegExp | null): boolean =>
  words !== null &&
  c.eventType === 'Battles' &&
  c.subEventType === 'Armed clash' &&
  (c.modality === 'asserted' || c.modality === 'claimed') &&
  words.test(c.trigger.text.toLowerCase());

/**
 * Retypes answered remote fire as an armed clash; a civilian actor2 gives way (a battle has none).
 * Fire is answered when its paragraph says the other side fired back, or tells a clash of its own
 * ("X and the army clashed near Y. The army fired artillery at X": the shelling is the battle's).
 */
export function answeredFire(found: Found, cues: Cues, rules: readonly TriggerRule[] = []): void {
  const answered = new Map<number, boolean>();
  const words = clashWords(rules);
  for (const c of found.candidates) {
    if (c.eventType !== 'Explosions/Remote violence' || !ANSWERABLE.has(c.subEventType)) continue;
    const p = found.sentences[c.sentenceIndex]!.paragraph;
    let back = answered.get(p);
    if (back === undefined) {
      const span = found.paragraphs[p];
      back =
        (span !== undefined && firedBack(found.body.slice(span.start, span.end), cues)) ||
        found.candidates.some((o) => isClash(o, words) && found.sentences[o.sentenceIndex]!.paragraph === p);
      answered.set(p, back);
    }
    if (!back) continue;
    setField(c, 'eventType', 'Battles');
    setField(c, 'subEventType', 'Armed clash');
    if (c.actor2?.startsWith('Civilians')) setField(c, 'actor2', null);
  }
}
