/**
 * Per-report indexes the quote finders share: which sentence and entity each token belongs to,
 * which tokens lie inside quotation marks, and offset -> token lookup. Built in linear time.
 */
import type { Entity, SentencesLayer, Token } from '../../core/document.js';
import type { Span } from '../../core/span.js';
import { tokenTexts } from '../sentences/token-text.js';
import { wordTable } from '../sentences/word-ids.js';
import type { QuoteLexicon } from './lexicon.js';
import { WORD_VERB } from './lexicon.js';
import type { QuotedSpan } from './marks.js';
import { firstAtLeast, startOf } from '../../core/search.js';

export interface QuoteContext {
  readonly body: string;
  readonly layer: SentencesLayer;
  readonly tokens: readonly Token[];
  readonly entities: readonly Entity[];
  readonly lex: QuoteLexicon;
  /** Token index -> sentence index. */
  readonly sentenceOf: Int32Array;
  /** Token index -> index into `entities`, or -1. */
  readonly entityOf: Int32Array;
  /** Token index -> index into `quoted` + 1 when the token lies inside marks (marks included), else 0. */
  readonly inQuote: Int32Array;
  readonly quoted: readonly QuotedSpan[];
  /** Part of speech per token, with capitalised words inside a sentence read as proper nouns. */
  readonly pos: readonly string[];
  /** Lower-cased token texts, computed once. */
  readonly words: readonly string[];
  /** Per token, the lexicon's WORD_* bits for its word (0 for most), looked up once. */
  readonly flags: Uint8Array;
  /** First token after the dateline (0 when there is none): reported content never starts before it. */
  readonly contentFloor: number;
  /** Phrase cues per sentence index, found once and shared by the direct and indirect finders. */
  readonly phraseCache: Map<number, readonly PhraseHitLike[]>;
}

export interface PhraseHitLike {
  readonly id: string;
  readonly speaker: 'before' | 'after' | 'none';
  readonly content: 'clause' | 'to-comma' | 'or-object' | 'preceding';
  readonly source: 'any' | 'named';
  readonly nested: 'inner' | 'outer';
  readonly start: number;
  readonly end: number;
}

export function buildContext(
  body: string,
  layer: SentencesLayer,
  entities: readonly Entity[],
  quoted: readonly QuotedSpan[],
  lex: QuoteLexicon,
  dateline: Span | null = null,
): QuoteContext {
  const tokens = layer.tokens;
  const n = tokens.length;
  const sentenceOf = new Int32Array(n).fill(-1);
  // 1 on the first token of each sentence.
  const opens = new Uint8Array(n);
  layer.sentences.forEach((s, i) => {
    sentenceOf.fill(i, s.tokenStart, s.tokenEnd);
    if (s.tokenEnd > s.tokenStart && s.tokenStart < n) opens[s.tokenStart] = 1;
  });
  const entityOf = new Int32Array(n).fill(-1);
  const sorted = entities
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.type !== 'place')
    .sort((a, b) => a.e.start - b.e.start);
  let t = 0;
  for (const { e, i } of sorted) {
    while (t < n && tokens[t]!.end <= e.start) t++;
    for (let k = t; k < n && tokens[k]!.start < e.end; k++) if (entityOf[k] === -1) entityOf[k] = i;
  }
  const inQuote = new Int32Array(n);
  t = 0;
  quoted.forEach((q, qi) => {
    // Scare-quoted terms and titles stay ordinary words for the cue and phrase finders.
    if (q.weak) return;
    while (t < n && tokens[t]!.end <= q.open) t++;
    for (let k = t; k < n && tokens[k]!.start < q.close; k++) inQuote[k] = qi + 1;
  });
  const { words, flags } = lowerWords(layer, body, lex);
  // The lite model tags some name parts as verbs or adjectives ("the Red Cross/VERB").
  const pos = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const tok = tokens[i]!;
    const p = tok.pos;
    let tag = p;
    if ((p === 'VERB' || p === 'ADJ' || p === 'NOUN') && i > 0 && opens[i] === 0) {
      const c = body.charCodeAt(tok.start);
      if (c >= 65 && c <= 90) tag = 'PROPN';
    } else if (p === 'ADV' && entityOf[i] !== -1) {
      // A name the tagger read as an adverb ("Jolly/ADV said"): the entity layer knows better.
      const c = body.charCodeAt(tok.start);
      if (c >= 65 && c <= 90) tag = 'PROPN';
    }
    pos[i] = tag;
  }
  for (const s of layer.sentences) markTitleVerbs(s.tokenStart, s.tokenEnd, tokens, body, words, flags, pos);
  return {
    body,
    layer,
    tokens,
    entities,
    lex,
    sentenceOf,
    entityOf,
    inQuote,
    quoted,
    words,
    flags,
    pos,
    contentFloor: dateline ? firstTokenFrom(tokens, dateline.end) : 0,
    phraseCache: new Map(),
  };
}

/** Fewest words of four letters or more for a sentence to be read as a title-cased headline. */
const MIN_TITLE_WORDS = 3;

/**
 * In a title-cased headline ("Farm Leader Endorses Lane For Governor") every word is capitalised, so
 * the tagger and the proper-noun rule above read the cue verb as a name: a finite cue form ("-s",
 * "-ed") after a noun is a verb again.
 */
function markTitleVerbs(
  from: number,
  to: number,
  tokens: readonly Token[],
  body: string,
  words: readonly string[],
  flags: Uint8Array,
  pos: string[],
): void {
  // A capitalised cue word inside the sentence first (most sentences have none: one pass over flags).
  let cue = -1;
  for (let i = from + 1; i < to && cue < 0; i++) {
    if (!(flags[i]! & WORD_VERB)) continue;
    const c = body.charCodeAt(tokens[i]!.start);
    if (c >= 65 && c <= 90) cue = i;
  }
  if (cue < 0) return;
  let long = 0;
  let capital = 0;
  for (let i = from; i < to; i++) {
    const tok = tokens[i]!;
    if (tok.end - tok.start < 4) continue;
    const c = body.charCodeAt(tok.start);
    const lower = c >= 97 && c <= 122;
    if (!lower && !(c >= 65 && c <= 90)) continue;
    long++;
    if (!lower) capital++;
  }
  if (long < MIN_TITLE_WORDS || capital * 5 < long * 4) return;
  let found = false;
  for (let i = cue; i < to; i++) {
    const w = words[i]!;
    const prev = pos[i - 1];
    if (flags[i]! & WORD_VERB && (prev === 'PROPN' || prev === 'NOUN') && (w.endsWith('s') || w.endsWith('ed'))) {
      pos[i] = 'VERB';
      found = true;
    } else if (found && tokens[i]!.pos === 'VERB') {
      // The reported clause's own verbs ("Says He Never Pledged To ..."), as the tagger read them.
      pos[i] = 'VERB';
    }
  }
}

/**
 * Each token's lower-cased text and its lexicon bits. By the tokens' word ids (one string per word, the
 * bits read from an array) whenever lower-casing is context-free, that is unless the body holds a
 * capital sigma (final or not depends on the letter after the token); then the body is lower-cased and
 * sliced as before, and the bits looked up by word.
 */
function lowerWords(
  layer: SentencesLayer,
  body: string,
  lex: QuoteLexicon,
): { words: readonly string[]; flags: Uint8Array } {
  const tokens = layer.tokens;
  const n = tokens.length;
  const flags = new Uint8Array(n);
  if (!body.includes('Σ')) {
    const ids = tokenTexts(layer, body).ids;
    const words = new Array<string>(n);
    const bits = lex.wordFlagsById;
    for (let i = 0; i < n; i++) {
      const id = ids[i]!;
      words[i] = wordTable.lowerText(id);
      flags[i] = bits.get(id);
    }
    return { words, flags };
  }
  const lowered = body.toLowerCase();
  const words =
    lowered.length === body.length
      ? tokens.map((tok) => lowered.slice(tok.start, tok.end))
      : tokens.map((tok) => body.slice(tok.start, tok.end).toLowerCase());
  for (let i = 0; i < n; i++) flags[i] = lex.wordFlags.get(words[i]!) ?? 0;
  return { words, flags };
}

/** Index of the first token starting at or after `offset`. */
export function tokenAt(ctx: QuoteContext, offset: number): number {
  return firstTokenFrom(ctx.tokens, offset);
}

function firstTokenFrom(tokens: readonly Token[], offset: number): number {
  return firstAtLeast(tokens, offset, startOf);
}

export function paragraphOfToken(ctx: QuoteContext, t: number): number {
  const s = ctx.sentenceOf[t] ?? -1;
  return s < 0 ? -1 : ctx.layer.sentences[s]!.paragraph;
}
