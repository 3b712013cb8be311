/**
 * Simple clause chunking over wink-nlp tokens, instead of a parser: a sentence is cut at ";",
 * at ", which/while/but ...", at dashes, and at "and"/"which"/"where" when a new subject follows.
 */
import type { Sentence, Token } from '../../core/document.js';
import type { Span } from '../../core/span.js';

const COMMA_OPENERS = new Set(['which', 'who', 'whose', 'while', 'whereas', 'but', 'although', 'though', 'whilst']);
const BARE_OPENERS = new Set(['but', 'while', 'whereas', 'whilst']);
const SUBJECT_OPENERS = new Set(['and', 'which', 'where', 'as', 'when', 'after', 'before']);
const NOMINAL = new Set(['DET', 'ADJ', 'PROPN', 'NOUN', 'PRON', 'NUM']);
const HEAD = new Set(['PROPN', 'NOUN', 'PRON']);
/**
 * Every word clausesOf compares a token with (the sets above, ";", dashes, ":", ","), by first
 * character: an array indexed by the character's code (up to the last such code), read without a Map.
 */
const COMPARED: (string[] | undefined)[] = [];
for (const w of new Set([...COMMA_OPENERS, ...BARE_OPENERS, ...SUBJECT_OPENERS, ';', '–', '—', ':', ','])) {
  const c = w.charCodeAt(0);
  while (COMPARED.length <= c) COMPARED.push(undefined);
  (COMPARED[c] ??= []).push(w);
}

/**
 * The compared word the token is, or "" (most tokens): found by its first character and length, so
 * no token is sliced out and the sets look up their own (interned) strings.
 */
function comparedWord(body: string, t: Token): string {
  const words = COMPARED[body.charCodeAt(t.start)];
  if (words === undefined) return '';
  const len = t.end - t.start;
  for (const w of words) if (w.length === len && body.startsWith(w, t.start)) return w;
  return '';
}

/** True when tokens from `i` read as a noun phrase followed by a finite verb: a new subject. */
function newSubjectAt(body: string, tokens: readonly Token[], i: number, end: number): boolean {
  let sawHead = false;
  for (let k = i; k < end && k < i + 9; k++) {
    const t = tokens[k]!;
    // Only "-", "'s" and "’s" are compared: longer tokens are not sliced out.
    const text = t.end - t.start <= 2 ? body.slice(t.start, t.end) : '';
    if (NOMINAL.has(t.pos) || text === '-' || text === "'s" || text === '’s') {
      if (HEAD.has(t.pos)) sawHead = true;
      continue;
    }
    return sawHead && (t.pos === 'AUX' || t.pos === 'VERB');
  }
  return false;
}

/** Clause spans of one sentence, in order, covering it without gaps; `body` is lower-cased by the caller. */
export function clausesOf(body: string, sentence: Sentence, tokens: readonly Token[]): Span[] {
  const cuts: number[] = [];
  // "X and their allies recaptured" coordinates subjects: cut at "and" only once this clause has a verb.
  let verbSinceCut = false;
  for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
    const t = tokens[i]!;
    const cutsBefore = cuts.length;
    // Only the words compared below matter: any other token is "" (never sliced out).
    const word = comparedWord(body, t);
    const next = tokens[i + 1];
    const nextWord = word === ',' && next && i + 1 < sentence.tokenEnd ? body.slice(next.start, next.end) : '';
    if (word === '') {
      // No word compared below (most tokens).
    } else if (word === ';' || word === '–' || word === '—' || word === ':') {
      if (next && i + 1 < sentence.tokenEnd) cuts.push(next.start);
    } else if (
      word === ',' &&
      next &&
      (COMMA_OPENERS.has(nextWord) ||
        (nextWord === 'and' && verbSinceCut && newSubjectAt(body, tokens, i + 2, sentence.tokenEnd)))
    ) {
      cuts.push(next.start);
    } else if (i > sentence.tokenStart && BARE_OPENERS.has(word)) {
      cuts.push(t.start);
    } else if (
      i > sentence.tokenStart &&
      SUBJECT_OPENERS.has(word) &&
      (word !== 'and' || verbSinceCut) &&
      newSubjectAt(body, tokens, i + 1, sentence.tokenEnd)
    ) {
      const prev = tokens[i - 1]!;
      if (body.slice(prev.start, prev.end) !== ',') cuts.push(t.start);
    }
    if (cuts.length > cutsBefore) verbSinceCut = false;
    if (t.pos === 'VERB' || t.pos === 'AUX') verbSinceCut = true;
  }
  const spans: Span[] = [];
  let start = sentence.start;
  for (const cut of cuts) {
    if (cut > start && cut < sentence.end) {
      spans.push({ start, end: cut });
      start = cut;
    }
  }
  spans.push({ start, end: sentence.end });
  return spans;
}
