/**
 * Sentences and tokens, with wink-nlp's lite English model (fast, keeps "U.S." whole).
 * wink-nlp reproduces the text exactly, so offsets are recovered by walking token lengths.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Sentence, SentencesLayer, Token } from '../../core/document.js';
import type { Span } from '../../core/span.js';
import type { Stage } from '../stage.js';
import { layer } from '../stage.js';
import { LanguageCounter, loadFunctionWords, type FunctionWords } from './language.js';
import { bodyOffset, splitGluedPossessives } from './possessive.js';
import { rejoinNames } from './rejoin.js';
import { rememberTokenTexts, TokenTexts } from './token-text.js';
import { wordTable } from './word-ids.js';

// Only sentence splitting and POS tags: the other wink pipes (NER, negation, sentiment) go unused.
const nlp = winkNLP(model, ['sbd', 'pos']);
/**
 * The wink-nlp instance the stage reads with, for tests that compare the stage with wink itself:
 * wink adds every new token to its lexicon, which can change how it splits the same text later
 * ("A0...." is "A0 . ..." the first time, "A0 ...." after), so such a test must read with the same
 * instance, after the stage has read the text once.
 */
export const winkReader = nlp;
const its = nlp.its;
// Whether wink's own lexicon holds a word (a contraction it splits itself); see possessive.ts.
const lexiconDoc = nlp.readDoc('');
const inWinkLexicon = (word: string) => !lexiconDoc.isOOV(word);

export function paragraphsOf(body: string): Span[] {
  const paragraphs: Span[] = [];
  const re = /\n\s*\n/g;
  let start = 0;
  for (let m = re.exec(body); ; m = re.exec(body)) {
    const end = m ? m.index : body.length;
    let s = start;
    let e = end;
    while (s < e && /\s/.test(body[s]!)) s++;
    while (e > s && /\s/.test(body[e - 1]!)) e--;
    if (e > s) paragraphs.push({ start: s, end: e });
    if (!m) break;
    start = m.index + m[0].length;
  }
  return paragraphs;
}

/**
 * The characters wink-nlp's tokenizer splits on and counts as a token's preceding spaces (its
 * splitter's first group, `[ \u00a0\u2002-\u2005\u2009\u200a\u202f\u205f]+`); line breaks
 * and tabs are tokens of their own.
 */
function isWinkSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 0xa0 &&
      (c === 0xa0 || (c >= 0x2002 && c <= 0x2005) || c === 0x2009 || c === 0x200a || c === 0x202f || c === 0x205f))
  );
}

/** `kept` mark of a wink token with no text (see readBody). */
const EMPTY = -2;

/** What readBody builds: the layer's tokens and sentences, the tokens' texts and ids, and the language count. */
interface BodyRead {
  readonly tokens: Token[];
  readonly texts: string[];
  /** Each token's word id (`wordTable`), set by readBody (empty when the body has no paragraph). */
  ids: Int32Array;
  readonly sentences: Sentence[];
  readonly language: LanguageCounter;
}

/**
 * One wink-nlp read of the whole body (each read has a fixed cost, and a report has a few dozen
 * paragraphs). wink breaks sentences at blank lines and tags each paragraph as it would alone; its
 * tokens outside every paragraph (the blank lines) are dropped, and a sentence is cut where the
 * paragraph changes, so the layer is the one a read per paragraph would give. The tokens' texts,
 * word ids (word-ids.ts) and language counts are taken in the same pass.
 */
function readBody(body: string, paragraphs: readonly Span[], read: BodyRead): void {
  const { tokens, texts, language } = read;
  const split = splitGluedPossessives(body, inWinkLexicon);
  const text = split.text;
  const at = { k: 0 };
  const doc = nlp.readDoc(text);
  // Reading each property for all tokens at once is much cheaper than two calls per token.
  const all = doc.tokens();
  const values = all.out() as string[];
  const tags = all.out(its.pos) as string[];
  // wink's lexicon index of each token's string: our word id is one array read away (word-ids.ts).
  const winkIds = all.out(its.uniqueId) as unknown as number[];
  const ids = new Int32Array(values.length);
  // For each wink token: its index in `tokens` and its paragraph, or -1 when it lies outside them.
  const kept = new Int32Array(values.length);
  const paragraphOf = new Int32Array(values.length);
  let offset = 0;
  // The paragraph the next token can be in.
  let p = 0;
  let para = paragraphs[0]!;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    // wink's preceding spaces (its.precedingSpaces, one string per token) are the run of its
    // splitter's space characters before the token: skip them here instead.
    while (offset < text.length && isWinkSpace(text.charCodeAt(offset))) offset++;
    // wink-nlp gives an empty token between two dots after a digit ("A0..A"): no text, not a token.
    if (value.length === 0) {
      kept[i] = EMPTY;
      continue;
    }
    // wink-nlp is lossless; if a token is ever not where expected, realign by searching.
    let exact = text.startsWith(value, offset);
    if (!exact) {
      const found = text.indexOf(value, offset);
      if (found >= 0) {
        offset = found;
        exact = true;
      }
    }
    const end = offset + value.length;
    // Offsets in the body (wink read `text`, which may hold inserted spaces).
    const start = bodyOffset(split, offset, at);
    const stop = bodyOffset(split, end, at);
    while (para.end <= start && p < paragraphs.length - 1) para = paragraphs[++p]!;
    // Past the last paragraph's end, `stop` is too.
    if (para.start <= start && stop <= para.end) {
      kept[i] = tokens.length;
      paragraphOf[i] = p;
      tokens.push({ start, end: stop, pos: tags[i]! });
      // wink's own string (kept in its lexicon) when it is the token's text, so none is allocated.
      const own = exact ? value : body.slice(start, stop);
      const id = exact ? wordTable.fromWink(winkIds[i]!, value) : wordTable.intern(own);
      ids[texts.length] = id;
      texts.push(own);
      language.add(own, id);
    } else kept[i] = -1;
    offset = end;
  }
  read.ids = ids.subarray(0, texts.length);
  cutSentences(doc.sentences().out(its.span) as unknown as Array<[number, number]>, kept, paragraphOf, read);
}

/** The layer's sentences: wink's (token spans), cut where a paragraph changes or a token was dropped. */
function cutSentences(
  spans: ReadonlyArray<readonly [number, number]>,
  kept: Int32Array,
  paragraphOf: Int32Array,
  { tokens, sentences }: BodyRead,
): void {
  for (const [a, b] of spans) {
    let first = -1;
    let last = -1;
    for (let k = a; k <= b + 1; k++) {
      if (k <= b && kept[k] === EMPTY) continue; // neither a token nor a break
      const cut = k > b || kept[k]! < 0 || (first >= 0 && paragraphOf[k] !== paragraphOf[first]);
      if (cut && first >= 0) {
        const from = kept[first]!;
        const to = kept[last]! + 1;
        sentences.push({
          start: tokens[from]!.start,
          end: tokens[to - 1]!.end,
          paragraph: paragraphOf[first]!,
          tokenStart: from,
          tokenEnd: to,
        });
        first = -1;
      }
      if (k <= b && kept[k]! >= 0) {
        if (first < 0) first = k;
        last = k;
      }
    }
  }
}

export function readSentences(body: string, functionWords: FunctionWords = defaultFunctionWords()): SentencesLayer {
  const paragraphs = paragraphsOf(body);
  const read: BodyRead = {
    tokens: [],
    texts: [],
    ids: new Int32Array(0),
    sentences: [],
    language: new LanguageCounter(functionWords),
  };
  if (paragraphs.length > 0) readBody(body, paragraphs, read);
  const guess = read.language.guess();
  const warnings = guess.english
    ? []
    : [`W101 The report does not look like English (${guess.reason}); entities, quotes and events were not extracted`];
  const result: SentencesLayer = {
    paragraphs,
    sentences: rejoinNames(body, read.tokens, read.sentences),
    tokens: read.tokens,
    englishScore: guess.englishScore,
    english: guess.english,
    warnings,
  };
  rememberTokenTexts(result, new TokenTexts(read.texts, undefined, read.ids));
  return result;
}

let cachedFunctionWords: FunctionWords | null = null;
function defaultFunctionWords(): FunctionWords {
  cachedFunctionWords ??= loadFunctionWords();
  return cachedFunctionWords;
}

export function createSentencesStage(): Stage<'sentences'> {
  const functionWords = loadFunctionWords();
  return { adds: 'sentences', needs: ['clean'], run: (doc) => readSentences(layer(doc, 'clean').body, functionWords) };
}
