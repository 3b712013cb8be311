/**
 * Features of one sentence for the event type model: hashed ids (no string tables), so the
 * weights are one array indexed by `bucket * classes + class`. The sentence's content words
 * (nouns, verbs, adjectives, adverbs: no names, numbers or function words) and pairs of them,
 * plus what the rules saw in it: the trigger rules that fired (before any filter), the
 * types of the candidate events they produced, and the kinds of actors the sentence names.
 */
import type { Entity, Token } from '../../../core/document.js';
import { fnv1a32 } from '../../../core/hash.js';
import { mix } from '../../entities/model/features.js';
import type { Candidate } from '../merge.js';
import type { Hit } from '../scan.js';

/** Feature templates; the numbers are part of the weights file's meaning, so never renumber. */
export const F = {
  bias: 1,
  word: 2,
  stem: 3,
  bigram: 4,
  rule: 5,
  candidateType: 6,
  candidateSub: 7,
  actorKind: 8,
  deaths: 9,
} as const;

/** What one sentence gives the model. */
export interface SentenceInput {
  readonly lower: string;
  readonly tokens: readonly Token[];
  readonly tokenStart: number;
  readonly tokenEnd: number;
  readonly hits: readonly Hit[];
  readonly candidates: readonly Candidate[];
  /** Actors whose span lies in the sentence. */
  readonly actors: readonly Entity[];
}

const WORD = /^[\p{L}][\p{L}'’-]*$/u;
const CONTENT = new Set(['NOUN', 'VERB', 'ADJ', 'ADV']);

/** A crude stem: plural, past and -ing endings off ("protesters" -> "protester", "clashed" -> "clash"). */
export function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith('es')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** ACLED's kind of an actor, by its name: enough for the model to tell a crowd from an army. */
export function actorKind(name: string): string {
  if (/^(Military|Police) Forces/.test(name)) return 'state';
  if (/^Protesters/.test(name)) return 'protesters';
  if (/^Rioters/.test(name)) return 'rioters';
  if (/^Civilians/.test(name)) return 'civilians';
  if (/^Unidentified/.test(name)) return 'unidentified';
  if (/^Government/.test(name)) return 'government';
  return 'group';
}

const kindHash = new Map<string, number>();
const hashOf = (s: string): number => {
  let h = kindHash.get(s);
  if (h === undefined) kindHash.set(s, (h = fnv1a32(s)));
  return h;
};

/** FNV-1a over `text[start, end)`: the same number as fnv1a32 of that slice, without slicing. */
function rangeHash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** How many characters `stem` cuts off the word `text[start, end)`. */
function stemCut(text: string, start: number, end: number): number {
  const len = end - start;
  const c1 = text.charCodeAt(end - 1);
  const c2 = text.charCodeAt(end - 2);
  if (len > 5 && c1 === 103 && c2 === 110 && text.charCodeAt(end - 3) === 105) return 3; // -ing
  if (len > 4 && c1 === 100 && c2 === 101) return 2; // -ed
  if (len > 4 && c1 === 115 && c2 === 101) return 2; // -es
  if (len > 3 && c1 === 115 && c2 !== 115) return 1; // -s, not -ss
  return 0;
}

/**
 * Whether `text[start, end)` is a word for the model: a letter, then letters, apostrophes or hyphens
 * (numbers and symbols are not). ASCII is read by char code; other scripts by the regex.
 */
function isWord(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return WORD.test(text.slice(start, end));
    const letter = c >= 97 && c <= 122;
    if (!letter && (i === start || (c !== 39 && c !== 45))) return false;
  }
  return end > start;
}

/**
 * Feature ids of one sentence (duplicates kept: a word said twice counts twice) as plain numbers, for
 * `probabilities` (whose bucket mask reads a number as its Uint32Array element): a typed array
 * allocated per sentence was a visible part of the events stage.
 */
export function featureIds(s: SentenceInput): number[] {
  const ids: number[] = [mix(F.bias, 0)];
  let prev = 0x5bd1e995; // sentence start
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    const t = s.tokens[i]!;
    // Content words only: names, numbers and function words tell where and how a report was
    // written (one region, one agency), not what happened.
    if (!CONTENT.has(t.pos) || !isWord(s.lower, t.start, t.end)) continue;
    const h = rangeHash(s.lower, t.start, t.end);
    ids.push(mix(F.word, h));
    const cut = stemCut(s.lower, t.start, t.end);
    ids.push(mix(F.stem, cut ? rangeHash(s.lower, t.start, t.end - cut) : h));
    ids.push(mix(F.bigram, Math.imul(prev, 0x01000193) ^ h));
    prev = h;
  }
  for (const hit of s.hits) ids.push(mix(F.rule, hashOf(hit.rule.id)));
  for (const c of s.candidates) {
    ids.push(mix(F.candidateType, hashOf(c.eventType)));
    ids.push(mix(F.candidateSub, hashOf(c.subEventType)));
    if (c.fatalities) ids.push(mix(F.deaths, 1));
  }
  for (const a of s.actors) if (a.actor) ids.push(mix(F.actorKind, hashOf(actorKind(a.actor.name))));
  return ids;
}

/** The feature ids of one sentence as a Uint32Array (training rows). */
export function sentenceFeatures(s: SentenceInput): Uint32Array {
  const ids = featureIds(s);
  // A plain loop: Uint32Array.from with a mapping function is many times slower.
  const out = new Uint32Array(ids.length);
  for (let k = 0; k < ids.length; k++) out[k] = ids[k]! >>> 0;
  return out;
}
