/**
 * Finds candidate place names: runs of capitalised words (with Arabic articles and hyphens inside)
 * looked up in the folded-name index, longest first. Work is linear in the words of the text.
 */
import type { Sentence, Token } from '../../core/document.js';
import { lowerOf, type TokenTexts } from '../sentences/token-text.js';
import { ARTICLES, normalise, normaliseWord } from './fold.js';
import type { Gazetteer, GazEntry } from './gazetteer.js';

export interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly key: string;
  readonly entries: readonly GazEntry[];
  readonly sentence: Sentence;
  /** True when the name opens its sentence (capitalisation then proves nothing). */
  readonly initial: boolean;
  /** wink-nlp's POS of the name's last word ("PROPN" for most real names). */
  readonly pos: string;
  /** True when capitalised words run on before or after the name ("Aaron Stein", "Energy Agency"). */
  readonly inLongerName: boolean;
  /** True when an article and a capitalised word follow ("Bab" in "Bab al-Salama"). */
  readonly continuesArabic: boolean;
  /** Set by the places stage: the name opens one of its town's institutions ("X Press Club"). */
  readonly institution?: boolean;
}

/** A demonym ("Syrian") in the text; it weighs the country context and may name the country. */
export interface DemonymHit {
  readonly start: number;
  readonly end: number;
  readonly country: string;
  readonly sentence: Sentence;
}

/** A word of the sentence being scanned (the scanner reuses these objects from sentence to sentence). */
interface Word {
  start: number;
  end: number;
  /** Lower-cased, diacritics and apostrophes stripped ("Ra'i" -> "rai"). */
  norm: string;
  upper: boolean;
  article: boolean;
  pos: string;
  /** The memo of a capitalised word's text. */
  u: UpperText | null;
}

/** The scanner's words: `words` holds the current sentence's, taken from `pool`. */
interface WordBuffer {
  readonly words: Word[];
  readonly pool: Word[];
}

function putWord(
  buffer: WordBuffer,
  start: number,
  end: number,
  norm: string,
  upper: boolean,
  article: boolean,
  pos: string,
  u: UpperText | null,
): void {
  const { words, pool } = buffer;
  const n = words.length;
  let w = pool[n];
  if (w === undefined) pool.push((w = { start, end, norm, upper, article, pos, u }));
  else {
    w.start = start;
    w.end = end;
    w.norm = norm;
    w.upper = upper;
    w.article = article;
    w.pos = pos;
    w.u = u;
  }
  words.push(w);
}

// A space or a no-break space, by UTF-16 code.
const isSpace = (c: number): boolean => c === 32 || c === 0xa0;
// The Persian ezafe joins a name's words ("Pul-e Khumri", "Sar-i Pul", "Qala-ye Naw"); it never ends one.
const EZAFE = ['e', 'i', 'ye', 'yi'];
// "Rakhine State", "Idlib Province": a capitalised type word after a name does not make it another name.
const TYPE_WORDS: ReadonlySet<string> = new Set([
  'state',
  'province',
  'governorate',
  'division',
  'region',
  'district',
  'county',
  'oblast',
  'prefecture',
  'upazila',
  'tehsil',
]);
// "Jammu and Kashmir", "Trinidad and Tobago": a name may hold "and" (never at its ends).
const CONNECTORS = ['and'];
const FUNCTION_POS: ReadonlySet<string> = new Set(['ADP', 'DET', 'PRON', 'CCONJ', 'SCONJ', 'AUX', 'PART']);
// '-', '‐' (U+2010) or '‑' (U+2011), by UTF-16 code.
const isHyphen = (c: number): boolean => c === 45 || c === 0x2010 || c === 0x2011;
const UPPER_RE = /^\p{Lu}/u;
// normaliseWord's fast path: plain ASCII letters only lower-case.
const SIMPLE = /^[A-Za-z]+$/;
const DOTTED_ABBREVIATION = /^(?:\p{Lu}\.){2,}$/u;
const POSSESSIVE = /['’ʼ‘]s$/;
const LETTER = /\p{L}/gu;
// Space-separated articles that are also English words cannot open a name ("As Aleppo burned").
const ENGLISH_ARTICLES = new Set(['as', 'at', 'an', 'en', 'ed', 'es', 'ad']);

/**
 * What a capitalised token's text makes of a word: its folded form, the characters cut off its end,
 * and what the gazetteer says of the word alone (looked up once).
 */
interface UpperText {
  readonly norm: string;
  readonly article: boolean;
  /** 1 for a final period ("St."), 2 for a possessive ("Syria's"), else 0. */
  readonly cut: number;
  /** The country of the word as a demonym. */
  readonly demonym: string | undefined;
  /** An article that is also an English word ("As"), see ENGLISH_ARTICLES. */
  readonly englishArticle: boolean;
  /** `byName.get(norm)`, once looked up (null: not yet). */
  entries: readonly GazEntry[] | undefined | null;
  /** `byName.opensName(norm)`, once asked (null: not yet). */
  opens: boolean | null;
}

/** The scanner's memo of capitalised token texts: wink-nlp's token strings recur report after report. */
type UpperTexts = Map<string, UpperText | null>;
const UPPER_TEXTS_LIMIT = 100_000;

function upperText(uppers: UpperTexts, gaz: Gazetteer, text: string): UpperText | null {
  let known = uppers.get(text);
  if (known !== undefined) return known;
  let cut = 0;
  // "St.": the period is not part of the name ("U.S." keeps its own).
  if (text.endsWith('.') && !DOTTED_ABBREVIATION.test(text)) cut = 1;
  else if (POSSESSIVE.test(text) && text.length > 2) cut = 2;
  // `normaliseWord`, with the memoised lower case of plain words.
  const norm = cut > 0 ? normaliseWord(text.slice(0, -cut)) : SIMPLE.test(text) ? lowerOf(text) : normalise(text);
  known = norm
    ? {
        norm,
        article: ARTICLES.has(norm),
        cut,
        demonym: gaz.demonyms.get(norm),
        englishArticle: ENGLISH_ARTICLES.has(norm),
        entries: null,
        opens: null,
      }
    : null;
  if (uppers.size >= UPPER_TEXTS_LIMIT) uppers.clear();
  uppers.set(text, known);
  return known;
}

/**
 * The sentence's tokens that can be part of a name: capitalised ones ("U.S." whole, "Ra'i" with its
 * apostrophe) and the lower-case articles and alias leads ("al", "eastern"); the rest break runs.
 */
function wordsOf(
  body: string,
  s: Sentence,
  tokens: readonly Token[],
  known: TokenTexts,
  lowers: LowerWords,
  uppers: UpperTexts,
  gaz: Gazetteer,
  buffer: WordBuffer,
): Word[] {
  const words = buffer.words;
  words.length = 0;
  for (let k = s.tokenStart; k < s.tokenEnd; k++) {
    const t = tokens[k]!;
    const c = body.charCodeAt(t.start);
    let upper: boolean;
    if (c >= 65 && c <= 90) upper = true;
    else if (c >= 97 && c <= 122) upper = false;
    else if (c < 128) continue;
    else upper = UPPER_RE.test(body.slice(t.start, t.start + 2));
    // Most tokens are lower-case English words: rule them out before looking at their text.
    if (!upper && (t.end - t.start > lowers.maxLength || lowers.firsts[c] === 0)) continue;
    // The token's own string (shared across reports, never sliced).
    const text = known.texts[k]!;
    if (upper) {
      const u = upperText(uppers, gaz, text);
      if (u === null) continue;
      putWord(buffer, t.start, t.end - u.cut, u.norm, upper, u.article, t.pos, u);
      continue;
    }
    if (!lowers.words.has(text)) continue;
    // "and" (in every other sentence) only between two capitalised words ("Jammu and Kashmir").
    if (text === 'and' && !(capitalised(body, tokens[k - 1]) && capitalised(body, tokens[k + 1]))) continue;
    const norm = SIMPLE.test(text) ? known.lower(k) : normalise(text);
    if (!norm) continue;
    putWord(buffer, t.start, t.end, norm, upper, ARTICLES.has(norm), t.pos, null);
  }
  return words;
}

function capitalised(body: string, t: Token | undefined): boolean {
  if (!t) return false;
  const c = body.charCodeAt(t.start);
  return (c >= 65 && c <= 90) || (c >= 128 && UPPER_RE.test(body.slice(t.start, t.start + 2)));
}

/** Lower-case words that may be part of a name, with quick filters on their length and first letter. */
interface LowerWords {
  readonly words: ReadonlySet<string>;
  /** 1 at the UTF-16 code of each word's first unit. */
  readonly firsts: Uint8Array;
  readonly maxLength: number;
}

function lowerWords(words: ReadonlySet<string>): LowerWords {
  const list = [...words];
  const firsts = new Uint8Array(0x10000);
  for (const w of list) firsts[w.charCodeAt(0)] = 1;
  return { words, firsts, maxLength: Math.max(...list.map((w) => w.length)) };
}

/** Offset of the sentence's first letter (ASCII read directly, the regex from any other character). */
function firstLetter(body: string, s: Sentence): number {
  let i = s.start;
  for (let c = body.charCodeAt(i); i < s.end && c < 128; c = body.charCodeAt(++i))
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return i;
  LETTER.lastIndex = i;
  const m = LETTER.exec(body);
  return m && m.index < s.end ? m.index : s.end;
}

/** Two words belong to one name when only a space, a hyphen or a spaced dash lies between them. */
function joined(body: string, a: Word, b: Word): boolean {
  const gap = b.start - a.end;
  const c = body.charCodeAt(a.end);
  if (gap === 1) return isSpace(c) || isHyphen(c);
  return gap === 3 && isSpace(c) && isHyphen(body.charCodeAt(a.end + 1)) && isSpace(body.charCodeAt(a.end + 2));
}

export type SentenceScanner = (
  body: string,
  sentence: Sentence,
  tokens: readonly Token[],
  /** The texts of `tokens` (`tokenTexts` of the sentences layer). */
  known: TokenTexts,
  out: Candidate[],
  demonyms: DemonymHit[],
  /** Whole capitalised runs that matched nothing (entries empty): possible districts. */
  unknown: Candidate[],
) => void;

/** Builds the scanner once per gazetteer; it appends one sentence's candidates and demonyms. */
export function createScanner(gaz: Gazetteer): SentenceScanner {
  const lowers = lowerWords(new Set([...ARTICLES, ...EZAFE, ...CONNECTORS, ...gaz.lowerLeads]));
  const uppers: UpperTexts = new Map();
  const buffer: WordBuffer = { words: [], pool: [] };
  return (body, sentence, tokens, known, out, demonyms, unknown) =>
    scanSentence(body, sentence, tokens, known, gaz, lowers, uppers, buffer, out, demonyms, unknown);
}

function scanSentence(
  body: string,
  sentence: Sentence,
  tokens: readonly Token[],
  known: TokenTexts,
  gaz: Gazetteer,
  lowers: LowerWords,
  uppers: UpperTexts,
  buffer: WordBuffer,
  out: Candidate[],
  demonyms: DemonymHit[],
  unknown: Candidate[],
): void {
  const words = wordsOf(body, sentence, tokens, known, lowers, uppers, gaz, buffer);
  if (words.length === 0) return;
  const opening = firstLetter(body, sentence);
  let i = 0;
  while (i < words.length) {
    const w = words[i]!;
    if (w.u) {
      const country = w.u.demonym;
      if (country) demonyms.push({ start: w.start, end: w.end, country, sentence });
    }
    const next = words[i + 1];
    const hyphenArticle = w.article && next !== undefined && body[w.end] === '-';
    const canStart = w.upper
      ? !((w.u ? w.u.englishArticle : ENGLISH_ARTICLES.has(w.norm)) && next !== undefined && body[w.end] === ' ')
      : hyphenArticle || gaz.lowerLeads.has(w.norm);
    if (!canStart) {
      i++;
      continue;
    }
    // Extend the run as far as names can go, then try the longest span first.
    let last = i;
    while (last + 1 < words.length && last - i < gaz.maxWords + 2 && joined(body, words[last]!, words[last + 1]!))
      last++;
    // A span holding two words besides articles has a key of two words opening with the first of them:
    // none is looked up when no name opens so (most runs are one name, or none).
    let first = i;
    while (first <= last && words[first]!.article) first++;
    let second = first + 1;
    while (second <= last && words[second]!.article) second++;
    const opens = first > last || second > last || opensName(gaz, words[first]!);
    let matched = -1;
    for (let j = last; j >= i; j--) {
      const end = words[j]!;
      // A name ends on a capitalised word that is not an article ("Syria An aid convoy").
      if (!end.upper || (j > i && end.article)) continue;
      if (!opens && j >= second) continue;
      const key = keyOf(words, i, j);
      let entries: readonly GazEntry[] | undefined;
      if (j === i && w.u) {
        if (w.u.entries === null) w.u.entries = gaz.byName.get(key);
        entries = w.u.entries;
      } else entries = gaz.byName.get(key);
      if (!entries) continue;
      const prev = words[i - 1];
      const after = words[j + 1];
      // A capitalised function word ("In Tangail", "At Jalalabad") runs on into no name.
      const inLongerName =
        (prev !== undefined && prev.upper && !FUNCTION_POS.has(prev.pos) && joined(body, prev, w)) ||
        (after !== undefined &&
          after.upper &&
          !FUNCTION_POS.has(after.pos) &&
          !TYPE_WORDS.has(after.norm) &&
          joined(body, end, after));
      const after2 = words[j + 2];
      const continuesArabic =
        after !== undefined &&
        (after.article || (!after.upper && EZAFE.includes(after.norm))) &&
        joined(body, end, after) &&
        after2 !== undefined &&
        after2.upper &&
        joined(body, after, after2);
      out.push({
        start: w.start,
        end: end.end,
        key,
        entries,
        sentence,
        initial: w.start <= opening,
        pos: end.pos,
        inLongerName,
        continuesArabic,
      });
      matched = j;
      break;
    }
    const runBefore = words[i - 1];
    // "In Mirpurkhas, ...": a capitalised function word opening a sentence is no part of the name after it.
    const opener = last > i && w.start <= opening && FUNCTION_POS.has(w.pos);
    const runOn =
      runBefore !== undefined &&
      !(runBefore.start <= opening && FUNCTION_POS.has(runBefore.pos)) &&
      joined(body, runBefore, w);
    if (matched < 0 && w.upper && !opener && !runOn) {
      // A whole run that names nothing we know; it ends on its last capitalised non-article word.
      let end = last;
      while (end > i && (!words[end]!.upper || words[end]!.article)) end--;
      unknown.push({
        start: w.start,
        end: words[end]!.end,
        key: keyOf(words, i, end),
        entries: [],
        sentence,
        initial: w.start <= opening,
        pos: words[end]!.pos,
        inLongerName: false,
        continuesArabic: false,
      });
    }
    i = matched >= 0 ? matched + 1 : i + 1;
  }
}

/** `byName.opensName` of the word's norm, kept with a capitalised text's memo. */
function opensName(gaz: Gazetteer, w: Word): boolean {
  if (w.u === null) return gaz.byName.opensName(w.norm);
  if (w.u.opens === null) w.u.opens = gaz.byName.opensName(w.norm);
  return w.u.opens;
}

/** `foldWords` of the norms of `words[from..to]`, with no array made (an article's `article` is set). */
function keyOf(words: readonly Word[], from: number, to: number): string {
  if (from === to) return words[from]!.norm;
  let key: string | null = null;
  for (let k = from; k <= to; k++) {
    const w = words[k]!;
    if (!w.article) key = key === null ? w.norm : `${key} ${w.norm}`;
  }
  if (key !== null) return key;
  // Only articles ("As Al"): the name keeps them all.
  key = words[from]!.norm;
  for (let k = from + 1; k <= to; k++) key = `${key} ${words[k]!.norm}`;
  return key;
}
