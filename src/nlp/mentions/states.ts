/**
 * A country named as an actor is its state, an organisation: re3d's guidelines type "the
 * government, a company" and a country acting as one ("the United States said", "Britain
 * refused") as organisations, and a country as ground ("in Syria") as a location.
 */
import type { Mention, PlaceMention, Token } from '../../core/document.js';
import { textSpan } from '../../core/span.js';

/** POS of a word after a subject: a verb, an auxiliary ("has"), an adverb before the verb ("also"). */
const SUBJECT_NEXT = new Set(['VERB', 'AUX', 'ADV']);

/**
 * The countries of the places layer that act: written with "the" ("the UK"), or a clause's subject
 * (a verb follows, no preposition before). The mention keeps "the" when it has one.
 */
export function stateMentions(body: string, tokens: readonly Token[], places: readonly PlaceMention[]): Mention[] {
  const out: Mention[] = [];
  let k = 0;
  for (const p of places) {
    if (p.kind !== 'country') continue;
    while (k < tokens.length && tokens[k]!.end <= p.start) k++;
    let after = k;
    while (after < tokens.length && tokens[after]!.start < p.end) after++;
    const prev = k > 0 ? tokens[k - 1]! : null;
    const next = after < tokens.length ? tokens[after]! : null;
    const the = prev !== null && prev.end + 1 === p.start && body.slice(prev.start, prev.end).toLowerCase() === 'the';
    // A country inside a longer name or compound ("the UK Special Envoy", "the U.S.-led coalition",
    // "the UK's forces") or after a preposition ("strikes in Syria include") is not the actor.
    const nextText = next ? body.slice(next.start, next.end) : '';
    const possessive = nextText === "'s" || nextText === '\u2019s';
    if (next && !possessive && (next.start === p.end || next.pos === 'NOUN' || next.pos === 'PROPN')) continue;
    if (!the && prev && prev.pos === 'ADP') continue;
    const acts = the || possessive || (next !== null && SUBJECT_NEXT.has(next.pos));
    if (!acts) continue;
    const start = the ? prev.start : p.start;
    out.push({
      ...textSpan(body, start, p.end),
      type: 'organization',
      kind: 'state',
      head: textSpan(body, p.start, p.end),
      plural: false,
    });
  }
  return out;
}
