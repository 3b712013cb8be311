/**
 * Finds the mentions that are not names, one sentence at a time over the sentence layer's tokens:
 * pronouns, and noun phrases whose head noun is in the lexicon, with their determiner, modifiers
 * and an "of <Name>" complement ("the city of Mosul").
 */
import type { Mention, SentencesLayer, Token } from '../../core/document.js';
import { textSpan } from '../../core/span.js';
import { tokenTexts } from '../sentences/token-text.js';
import type { MentionLexicon, Reading } from './mentions.schema.js';

/** POS tags a noun phrase's modifiers carry ("the [Iraqi security] forces", "[60] civilians"). */
const MODIFIER_POS = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM']);

const isLower = (c: number) => c >= 97 && c <= 122;
const isUpper = (c: number) => c >= 65 && c <= 90;

/** True when `a` ends where `b` starts (a hyphenated word split by the tokeniser: "ISIL-held"). */
const glued = (a: Token, b: Token) => a.end === b.start;

interface Scan {
  readonly body: string;
  readonly toks: readonly Token[];
  /** Lower-cased token texts (the sentences layer's, shared with the other stages). */
  readonly lower: (i: number) => string;
  readonly lex: MentionLexicon;
}

/** True when token `i` is a hyphen joining the words on both sides ("US-led"). */
function joiningHyphen(s: Scan, i: number, from: number, to: number): boolean {
  const t = s.toks[i]!;
  return (
    i > from &&
    i + 1 < to &&
    s.body.charCodeAt(t.start) === 45 &&
    t.end - t.start === 1 &&
    glued(s.toks[i - 1]!, t) &&
    glued(t, s.toks[i + 1]!)
  );
}

const isApostropheS = (text: string) => text === "'s" || text === '\u2019s';

/** True when token `j` is all capitals ("IS", "ISIL"): a name whatever POS the tagger gave it. */
function acronym(s: Scan, j: number): boolean {
  const t = s.toks[j]!;
  if (t.end - t.start < 2) return false;
  for (let k = t.start; k < t.end; k++) if (!isUpper(s.body.charCodeAt(k))) return false;
  return true;
}

/**
 * The first token of the phrase ending at head `h`, or -1 when there is none: modifiers (adjectives,
 * nouns, names, a hyphenated word such as "ISIL-held" or "US-led", a possessive "the coalition's"),
 * then a determiner. A count is left out ("three ISIL tactical units" -> "ISIL tactical units"), and
 * so is a determiner before it. Sets `det` when the phrase opens with a determiner or a possessive.
 */
function phraseStart(s: Scan, h: number, from: number, to: number, det: { found: boolean }): number {
  let start = h;
  for (let j = h - 1; j >= from; j--) {
    const t = s.toks[j]!;
    const text = s.lower(j);
    if (t.pos === 'NUM') break;
    if (s.lex.determiners.has(text)) {
      det.found = true;
      return j;
    }
    if (MODIFIER_POS.has(t.pos) || acronym(s, j)) start = j;
    else if (t.pos === 'PART' && isApostropheS(text) && j > from && glued(s.toks[j - 1]!, t)) {
      det.found = true;
      start = j;
    } else if (joiningHyphen(s, j, from, to)) start = j;
    // A participle only inside a hyphenated word ("ISIL-held", "bombed-out"), never alone ("killed civilians").
    else if (t.pos === 'VERB' && (joiningHyphen(s, j - 1, from, to) || joiningHyphen(s, j + 1, from, to))) start = j;
    else break;
  }
  // A hyphen or participle cannot open the phrase ("-held buildings" after a count).
  while (start < h && (s.toks[start]!.pos === 'VERB' || joiningHyphen(s, start, from, to))) start++;
  return start;
}

/** One past the last token of an "of <Name>" complement after the head ("the city of Mosul"), or h + 1. */
function complementEnd(s: Scan, h: number, to: number): number {
  let k = h + 1;
  if (k >= to || s.lower(k) !== 'of') return h + 1;
  k++;
  if (k < to && s.lower(k) === 'the') k++;
  let end = -1;
  while (k < to && s.toks[k]!.pos === 'PROPN' && isUpper(s.body.charCodeAt(s.toks[k]!.start))) end = ++k;
  return end > 0 ? end : h + 1;
}

function mention(s: Scan, start: number, end: number, h: number, r: Reading, kind: Mention['kind']): Mention {
  const a = s.toks[start]!.start;
  const b = s.toks[end - 1]!.end;
  const head = s.toks[h]!;
  return {
    start: a,
    end: b,
    text: s.body.slice(a, b),
    type: r.type,
    kind,
    head: textSpan(s.body, head.start, head.end),
    plural: r.plural,
  };
}

/** True when token `i` is a capitalised word opening its sentence (after quotes or brackets only). */
function opensSentence(s: Scan, i: number, from: number): boolean {
  const t = s.toks[i]!;
  if (t.end - t.start < 2 || !isLower(s.body.charCodeAt(t.start + 1))) return false;
  for (let j = from; j < i; j++) if (s.toks[j]!.pos !== 'PUNCT') return false;
  return true;
}

/**
 * The head's reading when token `i` heads a noun phrase: a listed noun the phrase ends with. The
 * head is lower case, or capitalised right after "the" and its capitalised modifiers ("the Foreign
 * Secretary", "the Coalition"), unless a name follows ("the Foreign Secretary Ana Vell" is a name).
 */
function headReading(s: Scan, i: number, from: number, to: number): Reading | null {
  const t = s.toks[i]!;
  if (t.pos !== 'NOUN' && t.pos !== 'PROPN') return null;
  const r = s.lex.heads.get(s.lower(i));
  if (!r) return null;
  const next = i + 1 < to ? s.toks[i + 1]! : null;
  if (!isLower(s.body.charCodeAt(t.start)) && !opensSentence(s, i, from)) {
    if (next && isUpper(s.body.charCodeAt(next.start))) return null;
    let j = i - 1;
    while (j >= from && isUpper(s.body.charCodeAt(s.toks[j]!.start)) && s.lower(j) !== 'the') j--;
    if (j < from || s.lower(j) !== 'the') return null;
  } else if (t.pos !== 'NOUN' && isLower(s.body.charCodeAt(t.start))) return null;
  // A noun followed by another noun or a possessive is a modifier ("government forces", "the town's").
  if (next && (next.pos === 'NOUN' || (next.pos === 'PART' && glued(t, next)))) return null;
  if (next && s.body.charCodeAt(next.start) === 45 && glued(t, next)) return null;
  return r;
}

const PEOPLE: Reading = { type: 'organization', plural: true };

/** True when token `i` is a plural demonym as written ("Syrians"). */
function isDemonymPlural(s: Scan, i: number): boolean {
  const t = s.toks[i]!;
  return (
    s.body.charCodeAt(t.end - 1) === 115 &&
    isUpper(s.body.charCodeAt(t.start)) &&
    s.lex.peoples.has(s.body.slice(t.start, t.end))
  );
}

/** Words after an existential "there" ("there is", "there will be", "there seem"). */
const EXISTENTIAL_NEXT = new Set(['AUX', 'VERB', 'PART']);

function pronounReading(s: Scan, i: number, from: number, to: number): Reading | null {
  const t = s.toks[i]!;
  if (t.pos !== 'PRON' && t.pos !== 'ADV') return null;
  const c = s.body.charCodeAt(t.start);
  const text = s.lower(i);
  // "I" only as a capital; every other form lower case or capitalised, never in capitals ("US" is not "us").
  const capitalised = isUpper(c) && t.end - t.start > 1 && isLower(s.body.charCodeAt(t.start + 1));
  if (text === 'i' ? c !== 73 : !isLower(c) && !capitalised) return null;
  if (text === 'there') {
    // Locative "there" ("went there", "from there"), not the existential one ("there were clashes").
    const prev = i > from ? s.toks[i - 1]!.pos : 'START';
    const next = i + 1 < to ? s.toks[i + 1]!.pos : 'END';
    return (prev === 'VERB' || prev === 'AUX' || prev === 'ADP') && !EXISTENTIAL_NEXT.has(next)
      ? { type: 'place', plural: false }
      : null;
  }
  return s.lex.pronouns.get(text) ?? null;
}

interface Found {
  start: number;
  end: number;
  readonly h: number;
  readonly r: Reading;
  readonly kind: Mention['kind'];
  /** The phrase opens with its own determiner or possessive. */
  readonly det: boolean;
}

/**
 * Coordinated groups of people that share one determiner are one mention ("their wives and
 * children", "women and children"): two plural organisation phrases joined by "and", the second
 * without a determiner of its own, merge; "government forces and their allies" stay two.
 */
function coordinate(s: Scan, found: Found[]): Found[] {
  const out: Found[] = [];
  for (const f of found) {
    const prev = out[out.length - 1];
    if (
      prev &&
      f.kind === 'nominal' &&
      prev.kind === 'nominal' &&
      prev.r.type === 'organization' &&
      f.r.type === 'organization' &&
      prev.r.plural &&
      f.r.plural &&
      !f.det &&
      f.start === prev.end + 1 &&
      s.lower(prev.end) === 'and'
    ) {
      prev.end = f.end;
      continue;
    }
    out.push(f);
  }
  return out;
}

/** Mentions of one sentence's tokens `[from, to)`, in text order, never overlapping. */
function sentenceMentions(s: Scan, from: number, to: number, out: Mention[]): void {
  let last = from;
  const found: Found[] = [];
  for (let i = from; i < to; i++) {
    const p = pronounReading(s, i, from, to);
    if (p) {
      found.push({ start: i, end: i + 1, h: i, r: p, kind: 'pronoun', det: false });
      last = i + 1;
      continue;
    }
    if (isDemonymPlural(s, i)) {
      // The people of a country, a group: "the Syrians", "Iraqis".
      const the = i > last && s.lower(i - 1) === 'the';
      found.push({ start: the ? i - 1 : i, end: i + 1, h: i, r: PEOPLE, kind: 'nominal', det: the });
      last = i + 1;
      continue;
    }
    const r = headReading(s, i, from, to);
    if (!r) continue;
    const det = { found: false };
    const start = Math.max(phraseStart(s, i, from, to, det), last);
    // A singular count noun needs a determiner: a bare "commander" is a title or an apposition.
    if (!det.found && r.type === 'person') continue;
    const end = complementEnd(s, i, to);
    found.push({ start, end, h: i, r, kind: 'nominal', det: det.found });
    last = end;
    i = end - 1;
  }
  for (const f of coordinate(s, found)) out.push(mention(s, f.start, f.end, f.h, f.r, f.kind));
}

/** All mentions of a document's body, sentence by sentence. */
export function findMentions(body: string, layer: SentencesLayer, lex: MentionLexicon): Mention[] {
  const texts = tokenTexts(layer, body);
  const s: Scan = { body, toks: layer.tokens, lower: (i) => texts.lower(i), lex };
  const out: Mention[] = [];
  for (const sent of layer.sentences) sentenceMentions(s, sent.tokenStart, sent.tokenEnd, out);
  return out;
}
