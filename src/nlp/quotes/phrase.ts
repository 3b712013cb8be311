/**
 * Shallow noun-phrase chunking around a cue: the subject before it ("A senior official, who
 * declined to be named, said") or after it ("said Kerry"). Entity spans count as one unit.
 */
import type { QuoteContext } from './context.js';

/** A token range [start, end). */
export interface TokenRange {
  readonly start: number;
  readonly end: number;
}

const NOMINAL = new Set(['PROPN', 'NOUN', 'ADJ', 'NUM']);
const HEAD = new Set(['PROPN', 'NOUN', 'NUM', 'PRON']);
const POSSESSIVE = new Set(["'s", '’s', "'", '’']);
const LINKS = new Set(['of', 'for', 'on']);
/** Read backwards from a cue, a phrase may also hold "from", "in", "at" ("records from the ministry show"). */
const BACK_LINKS = new Set(['of', 'for', 'on', 'from', 'in', 'at']);
const RELATIVE = new Set(['who', 'which', 'that']);
const RELATIVE_PRONOUN = new Set(['who', 'which']);
/** Longest apposition or relative clause skipped between a subject and its cue. */
const MAX_APPOSITION = 24;
const MAX_NP = 12;

const pos = (ctx: QuoteContext, t: number): string => ctx.pos[t] ?? '';

export function isPronoun(ctx: QuoteContext, t: number): boolean {
  const w = ctx.words[t] ?? '';
  return pos(ctx, t) === 'PRON' && (ctx.lex.personPronouns.has(w) || ctx.lex.otherPronouns.has(w));
}

/** Skips words that may stand between a subject and its cue ("also", "has", "earlier"), backwards. */
export function skipAdverbsBack(ctx: QuoteContext, j: number, lo: number): number {
  while (
    j >= lo &&
    (ctx.lex.adverbs.has(ctx.words[j]!) || (pos(ctx, j) === 'ADV' && !ctx.lex.negators.has(ctx.words[j]!)))
  )
    j--;
  return j;
}

/**
 * Skips a progressive "be" before an -ing cue and a modal before any cue, with the adverbs and
 * auxiliaries around them: "is also praising", "has been saying", "could announce".
 */
function skipAuxiliariesBack(ctx: QuoteContext, cue: number, j: number, lo: number): number {
  let ing = ctx.words[cue]!.endsWith('ing');
  for (let guard = 0; guard < 4 && j >= lo; guard++) {
    const w = ctx.words[j]!;
    // "is trying to show", "continues to insist": the verb before "to" and its own auxiliaries.
    if (w === 'to' && j - 1 >= lo && ctx.lex.catenatives.has(ctx.words[j - 1]!) && pos(ctx, j - 1) === 'VERB') {
      ing = ctx.words[j - 1]!.endsWith('ing');
      j = skipAdverbsBack(ctx, j - 2, lo);
      continue;
    }
    // "did not mention", "hasn't ignored", "would never back".
    if (NEGATION.has(w) && j - 1 >= lo && DO_HAVE.has(ctx.words[j - 1]!)) {
      j = skipAdverbsBack(ctx, j - 2, lo);
      continue;
    }
    if (!((ing && ctx.lex.progressive.has(w)) || ctx.lex.modals.has(w))) break;
    j = skipAdverbsBack(ctx, j - 1, lo);
  }
  return j;
}

const NEGATION = new Set(['not', "n't", 'n’t', 'never']);
const DO_HAVE = new Set([
  'do',
  'does',
  'did',
  'has',
  'have',
  'had',
  'would',
  'will',
  'wo',
  'could',
  'can',
  'ca',
  'should',
]);

const TIME_DETERMINER = new Set(['the', 'this', 'that', 'last', 'next', 'late', 'early', 'same']);
const TIME_PREPOSITION = new Set(['at', 'on', 'in', 'during', 'over', 'by', 'earlier', 'later']);

/**
 * Skips a time phrase between a subject and its cue, backwards: "Trump earlier Tuesday said", "X at
 * the time said", "the ministry last week announced". Returns j unchanged when no subject precedes it.
 */
// A module function, not a closure made per call: tsx names every closure it creates (a defineProperty).
function isTime(ctx: QuoteContext, k: number): boolean {
  return DATE_WORD.test(ctx.words[k]!) || ctx.lex.timeNouns.has(ctx.words[k]!);
}

function skipTimeBack(ctx: QuoteContext, j: number, lo: number): number {
  if (j <= lo || !isTime(ctx, j)) return j;
  let k = j - 1;
  while (k >= lo && (isTime(ctx, k) || pos(ctx, k) === 'NUM' || TIME_DETERMINER.has(ctx.words[k]!))) k--;
  if (k >= lo && TIME_PREPOSITION.has(ctx.words[k]!)) k--;
  k = skipAdverbsBack(ctx, k, lo);
  if (k < lo) return j;
  const p = pos(ctx, k);
  return p === 'PROPN' || p === 'NOUN' || p === 'PRON' || ctx.entityOf[k]! >= 0 || ctx.words[k] === ')' ? k : j;
}

/** True when a noun phrase may start at token t (used to tell a clause from a prepositional phrase). */
function hasHead(ctx: QuoteContext, r: TokenRange): boolean {
  for (let k = r.start; k < r.end; k++) if (HEAD.has(pos(ctx, k)) || ctx.entityOf[k]! >= 0) return true;
  // An adjective after a determiner heads a phrase too ("the general", "the wounded").
  return r.end - r.start >= 2 && pos(ctx, r.end - 1) === 'ADJ' && ctx.lex.determiners.has(ctx.words[r.start]!);
}

const MAX_PAREN = 8;

function matchingOpen(ctx: QuoteContext, close: number, lo: number): number {
  for (let k = close - 1; k >= lo && k > close - MAX_PAREN; k--) if (ctx.words[k] === '(') return k;
  return -1;
}

/** The token after a parenthesis that opens at `open`, or `open` itself when there is none. */
export function skipParenthesis(ctx: QuoteContext, open: number, hi: number): number {
  if (ctx.words[open] !== '(') return open;
  const close = matchingClose(ctx, open, hi);
  return close < 0 ? open : close + 1;
}

function matchingClose(ctx: QuoteContext, open: number, hi: number): number {
  for (let k = open + 1; k < hi && k < open + MAX_PAREN; k++) if (ctx.words[k] === ')') return k;
  return -1;
}

/** The noun phrase that ends at token `j` (inclusive), scanning back no further than `lo`. */
export function npEndingAt(ctx: QuoteContext, j: number, lo: number): TokenRange | null {
  if (j < lo || ctx.inQuote[j]) return null;
  // A parenthesis after a name is skipped: "Rep. Jane Doe (D-Ohio) said", "the Observatory (SOHR) said".
  if (ctx.words[j] === ')') {
    const open = matchingOpen(ctx, j, lo);
    if (open < 0) return null;
    j = open - 1;
  }
  if (j < lo) return null;
  if (isPronoun(ctx, j)) return { start: j, end: j + 1 };
  const end = j + 1;
  let start = end;
  while (j >= lo && end - j <= MAX_NP && !ctx.inQuote[j]) {
    const e = ctx.entityOf[j]!;
    if (e >= 0) {
      while (j - 1 >= lo && ctx.entityOf[j - 1] === e) j--;
      start = j--;
      continue;
    }
    const w = ctx.words[j]!;
    const p = pos(ctx, j);
    if (
      NOMINAL.has(p) ||
      (POSSESSIVE.has(w) && start < end) ||
      (w === '-' && !isClauseDash(ctx, j)) ||
      (w === '.' && start < end && j > lo && pos(ctx, j - 1) === 'PROPN')
    ) {
      start = j--;
      continue;
    }
    if (p === 'DET' || ctx.lex.determiners.has(w)) {
      start = j;
      break;
    }
    const prev = pos(ctx, j - 1);
    if (BACK_LINKS.has(w) && start < end && j > lo && (prev === 'PROPN' || prev === 'NOUN' || prev === 'NUM')) {
      start = j--;
      continue;
    }
    // A reduced relative clause inside the phrase: "the letter dated Sept. 3".
    if (p === 'VERB' && start < end && /(?:ed|ing)$/.test(w) && j > lo && (prev === 'NOUN' || prev === 'PROPN')) {
      start = j--;
      continue;
    }
    break;
  }
  const r = { start, end };
  return start < end && hasHead(ctx, r) ? r : null;
}

/**
 * The subject standing before a cue at token `cue`: skips adverbs and one apposition or
 * relative clause set off by commas ("X, the spokesman, said"; "X, who ..., said").
 */
export function subjectBefore(ctx: QuoteContext, cue: number, lo: number): TokenRange | null {
  let j = skipAuxiliariesBack(ctx, cue, skipAdverbsBack(ctx, cue - 1, lo), lo);
  // "Jane Doe on Wednesday said": a date between the subject and its cue.
  if (j - 1 > lo && DATE_WORD.test(ctx.words[j]!) && (ctx.words[j - 1] === 'on' || ctx.words[j - 1] === 'in'))
    j = skipAdverbsBack(ctx, j - 2, lo);
  j = skipTimeBack(ctx, j, lo);
  if (j < lo) return null;
  if (ctx.words[j] === ',') {
    // Comma-separated appositions and relative clauses: "X, who ..., a member of ..., said". The
    // subject is the leftmost segment that is a whole noun phrase, walking back past relative clauses.
    const found = leftmostNominalSegment(ctx, j, lo);
    if (found) return found;
    // A name right before the comma is the subject itself: "After the vote, Gov. Jane Doe (R-OH), said".
    const named = npEndingAt(ctx, j - 1, lo);
    if (named && holdsName(ctx, named) && (named.start === lo || ctx.words[named.start - 1] === ',')) return named;
    let k = j - 1;
    while (k >= lo && k > j - MAX_APPOSITION && ctx.words[k] !== ',' && ctx.words[k] !== '.') k--;
    if (k < lo || ctx.words[k] !== ',' || k === j - 1) return null;
    j = k - 1;
  }
  // "Jane Doe — named by the paper as a likely pick — told": a phrase between dashes.
  if (isClauseDash(ctx, j)) {
    let k = j - 1;
    while (k > lo && k > j - MAX_APPOSITION * 2 && !isClauseDash(ctx, k) && !/^[.;:]$/.test(ctx.words[k]!)) k--;
    if (k <= lo || !isClauseDash(ctx, k)) return null;
    const named = npEndingAt(ctx, k - 1, lo);
    return named && holdsName(ctx, named) ? named : null;
  }
  if (RELATIVE.has(ctx.words[j]!) && pos(ctx, j) !== 'DET') {
    j--;
    if (ctx.words[j] === ',') j--;
  }
  const np = bareRelative(ctx, j, lo) ?? npEndingAt(ctx, j, lo);
  return np ? (documentAuthor(ctx, np, lo) ?? np) : null;
}

const CLAUSE_DASH = new Set(['—', '–', '--']);

/**
 * A dash that opens or closes an aside or stands between clauses: an em or en dash, a double hyphen,
 * or a hyphen with a space on each side standing for one ("... - others say").
 */
export function isClauseDash(ctx: QuoteContext, k: number): boolean {
  const w = ctx.words[k]!;
  if (CLAUSE_DASH.has(w)) return true;
  if (w !== '-') return false;
  const tok = ctx.tokens[k]!;
  return ctx.body.charCodeAt(tok.start - 1) === 32 && ctx.body.charCodeAt(tok.end) === 32;
}

/**
 * The author of a document that is the object of a verb: "X released a statement saying" -> X,
 * "she issued a statement Wednesday that" -> she. Null when the phrase is no such document.
 */
function documentAuthor(ctx: QuoteContext, np: TokenRange, lo: number): TokenRange | null {
  let doc = false;
  for (let k = np.start; k < np.end && !doc; k++) {
    if (ctx.entityOf[k]! >= 0) return null;
    doc = ctx.lex.documents.has(ctx.words[k]!);
  }
  const v = np.start - 1;
  if (!doc || v <= lo || pos(ctx, v) !== 'VERB' || ctx.inQuote[v]) return null;
  return subjectBefore(ctx, v, lo);
}

/** Most comma-separated segments read back from a cue, and the longest one. */
const MAX_SEGMENTS = 4;
const MAX_SEGMENT = 30;

function leftmostNominalSegment(ctx: QuoteContext, comma: number, lo: number): TokenRange | null {
  let best: TokenRange | null = null;
  let e = comma;
  for (let n = 0; n < MAX_SEGMENTS && e > lo; n++) {
    let k = e - 1;
    while (k >= lo && k > e - MAX_SEGMENT && ctx.words[k] !== ',' && !ctx.inQuote[k] && !/^[;:]$/.test(ctx.words[k]!))
      k--;
    const segStart = k + 1;
    if (segStart >= e) break;
    const atBoundary = k < lo || ctx.words[k] === ',';
    // Relative clauses, ages and "of Flint" / "in Aurora" pieces between the commas are passed over.
    const w = ctx.words[segStart]!;
    const skip =
      (RELATIVE.has(w) && pos(ctx, segStart) !== 'DET') ||
      pos(ctx, segStart) === 'ADP' ||
      ((pos(ctx, segStart) === 'NUM' || pos(ctx, segStart) === 'ADV') && e - segStart === 1);
    if (skip) {
      if (!atBoundary || k < lo) break;
      e = k;
      continue;
    }
    // "X, a senator who has refused to endorse him, said": the phrase before the relative clause.
    let rel = segStart + 1;
    while (rel < e && !(RELATIVE_PRONOUN.has(ctx.words[rel]!) && pos(ctx, rel) !== 'DET')) rel++;
    const np = npEndingAt(ctx, rel - 1, segStart);
    // "X, also a candidate, said": adverbs may open an apposition.
    let from = segStart;
    while (from < e && pos(ctx, from) === 'ADV') from++;
    if (!np || np.start !== from || !atBoundary) break;
    // "A Taliban spokesman, Jane Doe, said": the name in apposition names the speaker.
    if (!(best && namesPerson(ctx, best) && !namesPerson(ctx, np))) best = np;
    if (k < lo) break;
    e = k;
  }
  return best && holdsName(ctx, best) ? best : null;
}

function namesPerson(ctx: QuoteContext, r: TokenRange): boolean {
  const e = ctx.entityOf[r.end - 1]!;
  return e >= 0 && ctx.entities[e]!.type === 'person';
}

/** The subject before a relative clause without commas: "an official who spoke anonymously said". */
function bareRelative(ctx: QuoteContext, j: number, lo: number): TokenRange | null {
  for (let k = j; k > lo && k > j - MAX_APPOSITION; k--) {
    const w = ctx.words[k]!;
    if (w === ',' || w === '.' || w === ';' || ctx.inQuote[k]) return null;
    if (w === 'who') {
      const np = npEndingAt(ctx, k - 1, lo);
      return np && holdsName(ctx, np) ? np : null;
    }
  }
  return null;
}

/**
 * The noun phrase starting at token `t`, ending before `hi` ("said Kerry", "said a spokesman").
 * With `coordinated`, "X and Y" is one phrase ("the Ohio senator and party candidate said").
 */
export function npStartingAt(ctx: QuoteContext, t: number, hi: number, coordinated = false): TokenRange | null {
  if (t >= hi || ctx.inQuote[t]) return null;
  if (isPronoun(ctx, t)) return { start: t, end: t + 1 };
  let j = t;
  if (pos(ctx, j) === 'DET' || ctx.lex.determiners.has(ctx.words[j]!)) j++;
  while (j < hi && j - t <= MAX_NP && !ctx.inQuote[j]) {
    const e = ctx.entityOf[j]!;
    if (e >= 0) {
      while (j < hi && ctx.entityOf[j] === e) j++;
      continue;
    }
    const w = ctx.words[j]!;
    const p = pos(ctx, j);
    if (NOMINAL.has(p) || POSSESSIVE.has(w) || w === '-') {
      j++;
      continue;
    }
    if (p === 'DET' && j > t && LINKS.has(ctx.words[j - 1]!)) {
      j++;
      continue;
    }
    const next = pos(ctx, j + 1);
    // A hyphenated modifier ("Ohio-based", "U.S.-backed") and a participle after the determiner
    // ("the printed card") belong to the phrase.
    if (
      j > t &&
      p !== 'PUNCT' &&
      ((ctx.words[j - 1] === '-' && ctx.tokens[j - 1]!.end === ctx.tokens[j]!.start) ||
        (p === 'VERB' && w.endsWith('ed') && j === t + 1 && pos(ctx, t) === 'DET' && NOMINAL.has(next)))
    ) {
      j++;
      continue;
    }
    if (coordinated && w === 'and' && j > t && j + 1 < hi && (NOMINAL.has(next) || next === 'DET')) {
      j++;
      continue;
    }
    // "Jane Doe on Wednesday said": a date is no part of the name.
    if (
      LINKS.has(w) &&
      j > t &&
      j + 1 < hi &&
      (next === 'PROPN' || next === 'NOUN' || next === 'DET') &&
      !DATE_WORD.test(ctx.words[j + 1]!)
    ) {
      j++;
      continue;
    }
    break;
  }
  const r = { start: t, end: j };
  return j > t && hasHead(ctx, r) ? r : null;
}

/** Longest introductory phrase skipped before a sentence's subject ("Speaking in Homs on Sunday, ..."). */
const MAX_INTRO = 14;
const INTRO = new Set(['ADP', 'SCONJ', 'VERB', 'PART', 'ADV']);

/** The subject of a sentence's main clause: its first noun phrase, before token `before`. */
export function sentenceSubject(ctx: QuoteContext, sentence: number, before: number): TokenRange | null {
  const s = ctx.layer.sentences[sentence];
  if (!s) return null;
  let t = s.tokenStart;
  while (
    t < before &&
    (pos(ctx, t) === 'CCONJ' || pos(ctx, t) === 'PUNCT' || pos(ctx, t) === 'SPACE' || ctx.inQuote[t])
  )
    t++;
  // An introductory phrase or clause ends at its comma: "When the convoy arrived, the governor said".
  if (INTRO.has(pos(ctx, t)) && !isPronoun(ctx, t)) {
    for (let k = t + 1; k < before && k < t + MAX_INTRO; k++) {
      if (ctx.words[k] !== ',') continue;
      const np = npStartingAt(ctx, k + 1, before);
      if (np) return np;
      break;
    }
  }
  while (t < before && (pos(ctx, t) === 'ADV' || pos(ctx, t) === 'PUNCT' || ctx.inQuote[t])) t++;
  t = afterDateline(ctx, t, before);
  const np = npStartingAt(ctx, t, before);
  // A time phrase before the subject: "A few minutes later, they ...", "Two days ago, the envoy ...".
  if (np && pos(ctx, np.end) === 'ADV' && ctx.words[np.end + 1] === ',')
    return npStartingAt(ctx, np.end + 2, before) ?? np;
  return np;
}

export const DATE_WORD =
  /^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|aug|sept?|oct|nov|dec)\.?$/;

const DASH = new Set(['—', '–', '-', '--']);

/** The token after a dateline that opens a sentence ("WASHINGTON — ..."), else `t`. */
function afterDateline(ctx: QuoteContext, t: number, before: number): number {
  for (let k = t; k < before && k < t + 6; k++) {
    if (DASH.has(ctx.words[k]!)) return k > t ? k + 1 : t;
    const text = ctx.body.slice(ctx.tokens[k]!.start, ctx.tokens[k]!.end);
    if (!(text === text.toUpperCase() && /\p{Lu}/u.test(text)) && text !== ',' && text !== '(' && text !== ')')
      return t;
  }
  return t;
}

/**
 * Where the subject of a cue that opens sentence `sentence` may be looked for: the sentence start,
 * or the previous sentence of the paragraph when this one opens with a lower-case word (the splitter
 * cut after an abbreviation: "Jane Doe (R-Fla.) | said ...").
 */
export function subjectFloor(ctx: QuoteContext, sentence: number): number {
  const sentences = ctx.layer.sentences;
  const s = sentences[sentence]!;
  const c = ctx.body.charCodeAt(ctx.tokens[s.tokenStart]!.start);
  const prev = sentences[sentence - 1];
  return (c >= 97 && c <= 122) || cutInParenthesis(ctx, sentence)
    ? prev && prev.paragraph === s.paragraph
      ? prev.tokenStart
      : s.tokenStart
    : s.tokenStart;
}

/**
 * True when the splitter cut sentence `sentence` off inside or right after a parenthesis that ends
 * in an abbreviation ("Jane Doe (D-N. | Y.) said ...", "Jane Doe (I-Vt.) | on Saturday said ..."):
 * the cue's subject stands before the cut.
 */
export function cutInParenthesis(ctx: QuoteContext, sentence: number): boolean {
  const s = ctx.layer.sentences[sentence]!;
  const prev = ctx.layer.sentences[sentence - 1];
  if (!prev || prev.paragraph !== s.paragraph) return false;
  const last = prev.tokenEnd - 1;
  if (ctx.words[last] === ')' && last > prev.tokenStart && ctx.words[last - 1]!.endsWith('.')) return true;
  let open = 0;
  for (let k = prev.tokenStart; k < prev.tokenEnd; k++)
    if (ctx.words[k] === '(') open++;
    else if (ctx.words[k] === ')') open = Math.max(0, open - 1);
  if (open === 0) return false;
  for (let k = s.tokenStart; k < s.tokenEnd && k < s.tokenStart + 4; k++) if (ctx.words[k] === ')') return true;
  return false;
}

/** A verb coordinated with the main one shares its subject: "X arrived and said ...". */
export function coordinatedSubject(ctx: QuoteContext, sentence: number, t: number): TokenRange | null {
  let j = t - 1;
  while (j > 0 && (ctx.lex.adverbs.has(ctx.words[j]!) || pos(ctx, j) === 'ADV')) j--;
  if (ctx.words[j] === ',') j--;
  if (ctx.words[j] !== 'and' && ctx.words[j] !== 'but') return null;
  // The subject of the nearest cue before it ("a commander told the agency, and said ..."), else the sentence's.
  const s = ctx.layer.sentences[sentence];
  for (let k = j - 1; s && k > s.tokenStart; k--) {
    if (ctx.lex.verbs.has(ctx.words[k]!) && pos(ctx, k) === 'VERB') {
      const subject = subjectBefore(ctx, k, s.tokenStart);
      if (subject) return subject;
      break;
    }
  }
  return sentenceSubject(ctx, sentence, j);
}

/**
 * True when a phrase names a possible speaker: a person or organisation entity, he or she, or a
 * role, institution or document noun ("the spokesman", "the ministry", "the letter").
 */
export function holdsName(ctx: QuoteContext, r: TokenRange): boolean {
  for (let k = r.start; k < r.end; k++) {
    const w = ctx.words[k]!;
    if (ctx.entityOf[k]! >= 0 || ctx.lex.personPronouns.has(w)) return true;
    if (ctx.lex.roles.has(w) || ctx.lex.institutions.has(w) || ctx.lex.documents.has(w)) return true;
  }
  return false;
}

/** True for a present participle cue ("..., saying", "..., adding"), whose subject is the clause's. */
export function isParticiple(ctx: QuoteContext, t: number): boolean {
  // After a closing quotation mark too: "“We will stay,” adding ..." (the comma inside the marks).
  return ctx.words[t]!.endsWith('ing') && (PARTICIPLE_AFTER.has(ctx.words[t - 1] ?? '') || ctx.inQuote[t - 1]! > 0);
}

/** Words after which an -ing cue takes the clause's subject: "..., adding", "before adding". */
const PARTICIPLE_AFTER = new Set([',', 'before', 'after', 'while', 'when', 'by']);
