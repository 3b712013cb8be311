/**
 * Finds candidate place names: runs of capitalised words (with Arabic articles and hyphens inside)
 * looked up in the folded-name index, longest first. Work is linear in the words of the text.
 */
import type { Sentence, Token } from '../../core/document.js';
import { ARTICLES, foldWords, normaliseWord } from './fold.js';
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
}

/** A demonym ("Syrian") in the text; it weighs the country context and may name the country. */
export interface DemonymHit {
  readonly start: number;
  readonly end: number;
  readonly country: string;
  readonly sentence: Sentence;
}

interface Word {
  readonly start: number;
  readonly end: number;
  /** Lower-cased, diacritics and apostrophes stripped ("Ra'i" -> "rai"). */
  readonly norm: string;
  readonly upper: boolean;
}

// Only words that can be part of a name are matched: capitalised ones ("U.S." whole, "Ra'i" with its
// apostrophe but not a possessive "'s"), and the lower-case articles and alias leads ("al", "eastern").
const UPPER_WORD = String.raw`(?:\p{Lu}\.){2,}|\p{Lu}[\p{L}\p{M}\p{N}]*(?:['’ʼ‘](?!s\b)[\p{L}\p{M}]+)*`;

function wordRegex(lowers: Iterable<string>): RegExp {
  const alternatives = [...lowers]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`${UPPER_WORD}|(?<![\\p{L}\\p{M}])(?:${alternatives.join('|')})(?![\\p{L}\\p{M}])`, 'gu');
}
const SPACE = new Set([' ', '\u00a0']);
const HYPHEN = new Set(['-', '‐', '‑']);
const UPPER_RE = /^\p{Lu}/u;
// Space-separated articles that are also English words cannot open a name ("As Aleppo burned").
const ENGLISH_ARTICLES = new Set(['as', 'at', 'an', 'en', 'ed', 'es', 'ad']);

function wordsOf(body: string, s: Sentence, re: RegExp): Word[] {
  const text = body.slice(s.start, s.end);
  const words: Word[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    words.push({
      start: s.start + m.index,
      end: s.start + m.index + m[0].length,
      norm: normaliseWord(m[0]),
      upper: UPPER_RE.test(m[0]),
    });
  }
  return words;
}

function posAt(tokens: readonly Token[], offset: number): string {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid]!;
    if (t.end <= offset) lo = mid + 1;
    else if (t.start > offset) hi = mid - 1;
    else return t.pos;
  }
  return '';
}

export type SentenceScanner = (
  body: string,
  sentence: Sentence,
  tokens: readonly Token[],
  out: Candidate[],
  demonyms: DemonymHit[],
) => void;

/** Builds the scanner once per gazetteer; it appends one sentence's candidates and demonyms. */
export function createScanner(gaz: Gazetteer): SentenceScanner {
  const re = wordRegex(new Set([...ARTICLES, ...gaz.lowerLeads]));
  return (body, sentence, tokens, out, demonyms) => scanSentence(body, sentence, tokens, gaz, re, out, demonyms);
}

function scanSentence(
  body: string,
  sentence: Sentence,
  tokens: readonly Token[],
  gaz: Gazetteer,
  re: RegExp,
  out: Candidate[],
  demonyms: DemonymHit[],
): void {
  const words = wordsOf(body, sentence, re);
  const isArticle = (w: Word): boolean => ARTICLES.has(w.norm);
  const nameish = (w: Word): boolean => w.upper || isArticle(w) || gaz.lowerLeads.has(w.norm);
  const joined = (a: Word, b: Word): boolean => {
    const gap = b.start - a.end;
    const c = body[a.end]!;
    if (gap === 1) return SPACE.has(c) || HYPHEN.has(c);
    return gap === 3 && SPACE.has(c) && HYPHEN.has(body[a.end + 1]!) && SPACE.has(body[a.end + 2]!);
  };
  let i = 0;
  while (i < words.length) {
    const w = words[i]!;
    if (w.upper) {
      const country = gaz.demonyms.get(w.norm);
      if (country) demonyms.push({ start: w.start, end: w.end, country, sentence });
    }
    const next = words[i + 1];
    const hyphenArticle = isArticle(w) && next !== undefined && body[w.end] === '-';
    const canStart = w.upper
      ? !(ENGLISH_ARTICLES.has(w.norm) && next !== undefined && body[w.end] === ' ')
      : hyphenArticle || gaz.lowerLeads.has(w.norm);
    if (!canStart) {
      i++;
      continue;
    }
    // Extend the run as far as names can go, then try the longest span first.
    let last = i;
    while (
      last + 1 < words.length &&
      last - i < gaz.maxWords + 2 &&
      nameish(words[last + 1]!) &&
      joined(words[last]!, words[last + 1]!)
    )
      last++;
    let matched = -1;
    const norms = words.slice(i, last + 1).map((x) => x.norm);
    for (let j = last; j >= i; j--) {
      const end = words[j]!;
      // A name ends on a capitalised word that is not an article ("Syria An aid convoy").
      if (!end.upper || (j > i && isArticle(end))) continue;
      const key = foldWords(j === last ? norms : norms.slice(0, j - i + 1));
      const entries = gaz.byName.get(key);
      if (!entries) continue;
      const prev = words[i - 1];
      const after = words[j + 1];
      const inLongerName =
        (prev !== undefined && prev.upper && joined(prev, w)) ||
        (after !== undefined && after.upper && joined(end, after));
      const initial = !/\p{L}/u.test(body.slice(sentence.start, w.start));
      const after2 = words[j + 2];
      const continuesArabic =
        after !== undefined &&
        isArticle(after) &&
        joined(end, after) &&
        after2 !== undefined &&
        after2.upper &&
        joined(after, after2);
      out.push({
        start: w.start,
        end: end.end,
        key,
        entries,
        sentence,
        initial,
        pos: posAt(tokens, end.start),
        inLongerName,
        continuesArabic,
      });
      matched = j;
      break;
    }
    i = matched >= 0 ? matched + 1 : i + 1;
  }
}
