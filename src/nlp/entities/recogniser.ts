/**
 * Rule-based recogniser for names the dictionary lacks: capitalised runs (particles such as
 * "al-" and "of" allowed inside) typed as organisation or group by a head word ("Ministry",
 * "Brigade"), or as a person when there is person evidence (a title before it, a known given
 * name, or a verb of speech next to a two-word name). Country names block the person reading.
 */
import type { Tok } from './fold.js';
import type { RecogniserData } from './dictionary.schema.js';

export interface Lexicon {
  readonly titles: ReadonlySet<string>;
  readonly speech: ReadonlySet<string>;
  readonly orgCues: ReadonlySet<string>;
  readonly groupCues: ReadonlySet<string>;
  readonly connectors: ReadonlySet<string>;
  readonly innerOnly: ReadonlySet<string>;
  readonly stopwords: ReadonlySet<string>;
  readonly givenNames: ReadonlySet<string>;
  readonly facilityHeads: ReadonlySet<string>;
  readonly creditWords: ReadonlySet<string>;
  /** Nouns of places ("district"): a name just before one is the place's modifier, not a person's or organisation's. */
  readonly placeNouns: ReadonlySet<string>;
  readonly politicalVerbs: ReadonlySet<string>;
  readonly auxiliaries: ReadonlySet<string>;
  readonly clauseOpeners: ReadonlySet<string>;
  readonly sponsorVerbs: ReadonlySet<string>;
}

export function buildLexicon(data: RecogniserData): Lexicon {
  const keys = (xs: readonly string[]) => new Set(xs.map((x) => x.toLowerCase()));
  return {
    titles: keys(data.titles),
    speech: keys(data.speechVerbs),
    orgCues: keys(data.organizationCues),
    groupCues: keys(data.groupCues),
    connectors: keys(data.connectors),
    innerOnly: keys(data.innerOnly),
    stopwords: keys(data.stopwords),
    givenNames: keys(data.givenNames),
    facilityHeads: keys(data.facilityHeads),
    creditWords: keys(data.creditWords),
    placeNouns: keys(data.placeNouns),
    politicalVerbs: keys(data.politicalVerbs),
    auxiliaries: keys(data.auxiliaries),
    clauseOpeners: keys(data.clauseOpeners),
    sponsorVerbs: keys(data.sponsorVerbs),
  };
}

/** Bits of `lexiconFlags`: the lexicon sets a folded key is in. */
export const STOPWORD = 1;
export const CONNECTOR = 2;
export const INNER_ONLY = 4;
export const FACILITY_HEAD = 8;
export const CREDIT_WORD = 16;
/** The key is "by" (of a credit line, "Reporting by"). */
export const BY = 32;

/** The sets of `lex` holding `key`, as bits: a FormCache's `flagsOf`, so each word is looked up once. */
export function lexiconFlags(lex: Lexicon, key: string): number {
  return (
    (lex.stopwords.has(key) ? STOPWORD : 0) |
    (lex.connectors.has(key) ? CONNECTOR : 0) |
    (lex.innerOnly.has(key) ? INNER_ONLY : 0) |
    (lex.facilityHeads.has(key) ? FACILITY_HEAD : 0) |
    (lex.creditWords.has(key) ? CREDIT_WORD : 0) |
    (key === 'by' ? BY : 0)
  );
}

/**
 * `set.has(t.key)`, from the token's flags when it has them (`bit` is `set`'s bit in `lexiconFlags`,
 * and the flags were made with the same lexicon).
 */
export function inLexicon(t: Tok, bit: number, set: ReadonlySet<string>): boolean {
  return t.flags !== undefined ? (t.flags & bit) !== 0 : set.has(t.key);
}

const BY_KEY: ReadonlySet<string> = new Set(['by']);

/** "Reporting by X; Editing by Y": a credit word followed by "by". */
export function isCreditLine(toks: readonly Tok[], lex: Lexicon): boolean {
  for (let k = 0; k + 1 < toks.length; k++) {
    if (inLexicon(toks[k + 1]!, BY, BY_KEY) && inLexicon(toks[k]!, CREDIT_WORD, lex.creditWords)) return true;
  }
  return false;
}

/** What the dictionary pass left for each token of one sentence. */
export interface TokenMarks {
  /** Covered by an entity, a generic phrase or a title: not part of any run. */
  readonly covered: ArrayLike<number>;
  /** Inside a country cue (name, demonym, capital). */
  readonly cue: ArrayLike<number>;
  /** The token just after a title: 2 after "President", 1 after a lowercase one ("spokesman"), else 0. */
  readonly afterTitle: ArrayLike<number>;
}

export interface Candidate {
  /** Token indices [from, to) in the sentence. */
  readonly from: number;
  readonly to: number;
  readonly type: 'person' | 'organization' | 'group';
  /** 'title', 'given-name', 'speech' or 'head-word': why the run was typed so. */
  readonly evidence: string;
}

function isCap(t: Tok): boolean {
  return t.word && t.shape >= 1;
}

function startable(toks: readonly Tok[], marks: TokenMarks, lex: Lexicon, j: number): boolean {
  const t = toks[j]!;
  if (marks.covered[j]) return false;
  if (isCap(t)) return true;
  // The cheap checks of the next token first: most tokens are followed by a lowercase word.
  return (
    j + 1 < toks.length &&
    isCap(toks[j + 1]!) &&
    !marks.covered[j + 1] &&
    inLexicon(t, CONNECTOR, lex.connectors) &&
    !inLexicon(t, INNER_ONLY, lex.innerOnly)
  );
}

/** Maximal capitalised runs over uncovered tokens, with particles allowed between capitals. */
function runs(toks: readonly Tok[], marks: TokenMarks, lex: Lexicon): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let i = 0;
  while (i < toks.length) {
    if (!startable(toks, marks, lex, i)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < toks.length && !marks.covered[j]) {
      const t = toks[j]!;
      if (isCap(t)) j++;
      else if (
        t.shape === 0 &&
        inLexicon(t, CONNECTOR, lex.connectors) &&
        j + 1 < toks.length &&
        isCap(toks[j + 1]!) &&
        !marks.covered[j + 1]
      )
        j++;
      else break;
    }
    out.push([i, j]);
    i = j;
  }
  return out;
}

function allProper(
  toks: readonly Tok[],
  a: number,
  b: number,
  lex: Lexicon,
  posAt: (t: Tok) => string | undefined,
): boolean {
  for (let k = a; k < b; k++) {
    const p = posAt(toks[k]!);
    if (p !== undefined && p !== 'PROPN' && !lex.connectors.has(toks[k]!.key)) return false;
  }
  return true;
}

export function recognise(
  toks: readonly Tok[],
  marks: TokenMarks,
  lex: Lexicon,
  posAt: (t: Tok) => string | undefined,
): Candidate[] {
  const out: Candidate[] = [];
  let firstWord = 0;
  while (firstWord < toks.length && !toks[firstWord]!.word) firstWord++;
  // Each run, and whether it is the complement of an "of" ("Y" in "X of Y": an affiliation, never a person).
  const work: Array<[number, number, boolean]> = runs(toks, marks, lex).map(([a, b]) => [a, b, false]);
  for (let w = 0; w < work.length; w++) {
    const [a0, b, complement] = work[w]!;
    let a = a0;
    while (a < b && inLexicon(toks[a]!, STOPWORD, lex.stopwords)) a++;
    if (a >= b) continue;
    // A sentence-initial capital is weak evidence: drop it unless the tagger calls it a proper noun.
    if (
      a === firstWord &&
      b - a > 1 &&
      posAt(toks[a]!) !== 'PROPN' &&
      !lex.givenNames.has(toks[a]!.key) &&
      !marks.cue[a]
    )
      a++;
    const len = b - a;
    let allCue = true;
    for (let k = a; k < b; k++) if (!marks.cue[k]) allCue = false;
    if (allCue) continue; // "Russian Federation", "United States": the places stage's
    // The head noun is the last word before an "of"/"for" complement ("Ministry of Defence"),
    // else the last word: "Air Force Academy" is a facility, not a force.
    let h = b - 1;
    let inner = -1;
    for (let k = a + 1; k < b; k++) {
      if (inLexicon(toks[k]!, INNER_ONLY, lex.innerOnly)) {
        h = k - 1;
        inner = k;
        break;
      }
    }
    if (inLexicon(toks[b - 1]!, FACILITY_HEAD, lex.facilityHeads)) continue; // "Army Public School": a place, not an actor
    const headKey = toks[h]!.key;
    let head: 'organization' | 'group' | null = null;
    // The head needs a modifier or a complement: "Idlib Council", "Ministry of Defence", not "Council".
    const named = h > a || inner > 0;
    if (named && lex.groupCues.has(headKey)) head = 'group';
    else if (named && lex.orgCues.has(headKey)) head = 'organization';
    if (head === null && len >= 2 && lex.groupCues.has(toks[a]!.key)) head = 'group'; // "Jaish al-X", "Liwa Y"
    let shouting = len >= 2;
    for (let k = a; k < b && shouting; k++) if (toks[k]!.word && toks[k]!.shape !== 2) shouting = false;
    if (head && len >= 2 && !shouting) {
      out.push({ from: a, to: b, type: head, evidence: 'head-word' });
      continue;
    }
    // A person's name has no "of": "Jamal Haddad of Capital Economics" is a person and a firm.
    if (inner > a && inner < b - 1) {
      work.push([a, inner, complement], [inner + 1, b, true]);
      continue;
    }
    if (complement) continue;
    let hasCue = false;
    for (let k = a; k < b; k++) if (marks.cue[k]) hasCue = true;
    if (hasCue) continue;
    const before = a > 0 ? toks[a - 1]! : null;
    const after = b < toks.length ? toks[b]! : null;
    let evidence: string | null = null;
    if (marks.afterTitle[a] === 2 || (marks.afterTitle[a] === 1 && len >= 2)) evidence = 'title';
    else if (len >= 2 && lex.givenNames.has(toks[a]!.key)) evidence = 'given-name';
    else if (
      len >= 2 &&
      !lex.connectors.has(toks[a]!.key) &&
      allProper(toks, a, b, lex, posAt) &&
      ((after && lex.speech.has(after.key)) || (before && lex.speech.has(before.key) && (!after || !after.word)))
    )
      evidence = 'speech';
    if (evidence) out.push({ from: a, to: b, type: 'person', evidence });
  }
  return out;
}

/**
 * Tokens inside a facility or institution name: a capitalised run ending in a facility head noun
 * ("the Air Force Technical College", "Kandahar Air Base"), so no force inside it becomes an actor.
 */
export function facilityMask(toks: readonly Tok[], lex: Lexicon): Uint8Array | null {
  let mask: Uint8Array | null = null;
  for (let i = 1; i < toks.length; i++) {
    const t = toks[i]!;
    if (!isCap(t) || !inLexicon(t, FACILITY_HEAD, lex.facilityHeads)) continue;
    if (i + 1 < toks.length && isCap(toks[i + 1]!)) continue; // not the head: "Wall Street Journal"
    let j = i - 1;
    while (j >= 0) {
      const u = toks[j]!;
      if (isCap(u) && !inLexicon(u, STOPWORD, lex.stopwords)) j--;
      else if (inLexicon(u, CONNECTOR, lex.connectors) && j > 0 && isCap(toks[j - 1]!)) j--;
      else break;
    }
    if (j + 1 >= i) continue;
    mask ??= new Uint8Array(toks.length);
    for (let k = j + 1; k <= i; k++) mask[k] = 1;
  }
  return mask;
}
