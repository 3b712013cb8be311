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
import { guessLanguage, loadFunctionWords, type FunctionWords } from './language.js';

// Only sentence splitting and POS tags: the other wink pipes (NER, negation, sentiment) go unused.
const nlp = winkNLP(model, ['sbd', 'pos']);
const its = nlp.its;

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

/** Tokenises one paragraph with wink-nlp and appends its tokens and sentences. */
function readParagraph(body: string, para: Span, index: number, tokens: Token[], sentences: Sentence[]): void {
  const doc = nlp.readDoc(body.slice(para.start, para.end));
  // Reading each property for all tokens at once is much cheaper than three calls per token.
  const all = doc.tokens();
  const values = all.out() as string[];
  const spaces = all.out(its.precedingSpaces) as string[];
  const tags = all.out(its.pos) as string[];
  const firstToken = tokens.length;
  let offset = para.start;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    offset += spaces[i]!.length;
    // wink-nlp is lossless; if a token is ever not where expected, realign by searching.
    if (!body.startsWith(value, offset)) {
      const found = body.indexOf(value, offset);
      if (found >= 0 && found < para.end) offset = found;
    }
    tokens.push({ start: offset, end: offset + value.length, pos: tags[i]! });
    offset += value.length;
  }
  for (const [a, b] of doc.sentences().out(its.span) as unknown as Array<[number, number]>) {
    const first = tokens[firstToken + a];
    const last = tokens[firstToken + b];
    if (!first || !last) continue;
    sentences.push({
      start: first.start,
      end: last.end,
      paragraph: index,
      tokenStart: firstToken + a,
      tokenEnd: firstToken + b + 1,
    });
  }
}

export function readSentences(body: string, functionWords: FunctionWords = defaultFunctionWords()): SentencesLayer {
  const paragraphs = paragraphsOf(body);
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  paragraphs.forEach((p, i) => readParagraph(body, p, i, tokens, sentences));
  const guess = guessLanguage(body, tokens, functionWords);
  const warnings = guess.english
    ? []
    : [`W101 The report does not look like English (${guess.reason}); entities, quotes and events were not extracted`];
  return { paragraphs, sentences, tokens, englishScore: guess.englishScore, english: guess.english, warnings };
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
