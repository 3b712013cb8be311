/**
 * The trigger scan: every rule is indexed by the first words it can start with, so a report is
 * scanned once, token by token, and a rule's regex runs only where its first word stands.
 */
import type { Token } from '../../core/document.js';
import type { Span } from '../../core/span.js';
import { isSpace } from '../../core/chars.js';
import type { TriggerRule } from './lexicon.js';
import { ASCII_STOP, LOW, SMI, TRIGGER_WORD, tokenWords, wordHash, type TokenWords } from './token-words.js';

export interface Hit extends Span {
  readonly rule: TriggerRule;
}

interface Entry {
  readonly rule: TriggerRule;
  readonly re: RegExp;
}

export interface TriggerIndex {
  /** Lower-cased first word -> the patterns (rule + sticky regex) that can start there. */
  readonly byFirstWord: ReadonlyMap<string, readonly Entry[]>;
  /** Rules whose first word could not be listed: scanned over the whole body as before. */
  readonly unindexed: readonly TriggerRule[];
  /**
   * Hash of an ASCII first word -> its words and entries: looked up without slicing the token out. Each
   * entry has what may follow the word for it to match (`follows`, by the entry's index; see followOf).
   */
  readonly byHash: ReadonlyMap<
    number,
    readonly {
      readonly word: string;
      readonly entries: readonly Entry[];
      readonly follows: readonly (Follow | null)[];
    }[]
  >;
  /**
   * One byte per low 16 bits of a hash, 1 where some first word has them: most tokens start no
   * trigger, and reading a byte rejects them more cheaply than a Map lookup.
   */
  readonly hashSeen: Uint8Array;
}

const LEAD = /^[\p{L}\p{N}]+/u;

/** Splits `a|b|c` at top-level bars. */
function alternatives(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (ch === '\\') {
      cur += ch + (src[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '(' || ch === '[') depth++;
    if (ch === ')' || ch === ']') depth--;
    if (ch === '|' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/**
 * The strings a small regex (literals, groups, classes, `?`, `\\s+`) can match; with `cut`, only
 * up to the first non-letter, which is all the index needs. Null when it uses anything else.
 */
export function expand(src: string, cut: boolean, limit = 400): Set<string> | null {
  let states: { text: string; done: boolean }[] = [{ text: '', done: false }];
  let i = 0;
  while (i < src.length && !states.every((s) => s.done)) {
    let options: string[];
    let j: number;
    const ch = src[i]!;
    if (ch === '(') {
      let depth = 1;
      j = i + 1;
      while (j < src.length && depth > 0) {
        if (src[j] === '\\') j++;
        else if (src[j] === '(') depth++;
        else if (src[j] === ')') depth--;
        j++;
      }
      const sets = alternatives(src.slice(i + 1, j - 1).replace(/^\?:/, '')).map((a) => expand(a, false, limit));
      if (sets.some((x) => x === null)) return null;
      options = sets.flatMap((x) => [...x!]);
    } else if (ch === '[') {
      j = src.indexOf(']', i);
      const body = j < 0 ? '\\' : src.slice(i + 1, j);
      if (/[\\^]|.-./.test(body.replace(/^-|-$/g, ''))) return null;
      options = [...body];
      j++;
    } else if (ch === '\\') {
      const next = src[i + 1] ?? '';
      j = i + 2;
      if (next === 's' && (src[j] === '+' || src[j] === '*')) {
        options = src[j] === '*' ? [' ', ''] : [' '];
        j += src[j + 1] === '?' ? 2 : 1;
      } else if (next === 's') options = [' '];
      else if (/[.\-'’]/.test(next)) options = [next];
      else return null;
    } else if ('*+{}.^$|)'.includes(ch)) {
      return null;
    } else {
      options = [ch];
      j = i + 1;
    }
    if (src[j] === '?') {
      options = [...options, ''];
      j++;
    } else if (src[j] === '+' || src[j] === '*' || src[j] === '{') return null;
    const next: { text: string; done: boolean }[] = [];
    for (const st of states) {
      if (st.done) next.push(st);
      else
        for (const o of options) {
          const lead = cut ? (LEAD.exec(o)?.[0] ?? '') : o;
          next.push({ text: st.text + lead, done: lead.length < o.length });
        }
    }
    if (next.length > limit) return null;
    states = next;
    i = j;
  }
  return new Set(states.map((st) => st.text));
}

/**
 * What may stand right after an entry's first word for its pattern to match there, read from the
 * strings the pattern can match (expand; white space read as one space): whether the pattern may end
 * with the word, the characters that may follow it, and whether white space may, and then the
 * characters the next word may start with (null: any). The regex is tried only where the text goes on
 * so (mayFollow): most entries of a first word fail on the next word ("human rights" for "human chain").
 */
export interface Follow {
  readonly end: boolean;
  readonly chars: string;
  readonly space: boolean;
  readonly next: string | null;
}

/** The word-bounded alternation of one pattern (wordAlt, as the lexicon builds each sticky regex). */
const WORD_START = String.raw`(?<![\p{L}\p{N}])(?:(?:`;
const WORD_END = String.raw`))(?![\p{L}\p{N}])`;

/**
 * The Follow of a sticky pattern after `word`, or null (the regex is always tried) when its strings
 * cannot all be listed: gaps, repeats, classes with ranges or escapes, look-arounds, lazy `??`.
 */
export function followOf(re: RegExp, word: string): Follow | null {
  const src = re.source;
  if (!src.startsWith(WORD_START) || !src.endsWith(WORD_END)) return null;
  const body = src.slice(WORD_START.length, src.length - WORD_END.length);
  // expand reads neither a look-around or named group (only `(?:`) nor a lazy `??`.
  if (/\(\?(?!:)|\?\?/.test(body)) return null;
  const strings = expand(body, false);
  if (!strings) return null;
  let end = false;
  let chars = '';
  let space = false;
  let next: string | null = '';
  let found = false;
  for (const s of strings) {
    if (!s.startsWith(word)) continue;
    found = true;
    const c = s[word.length];
    if (c === undefined) end = true;
    else if (c !== ' ') {
      if (!chars.includes(c)) chars += c;
    } else {
      space = true;
      const d = s[word.length + 1];
      if (d === undefined || d === ' ') next = null;
      else if (next !== null && !next.includes(d)) next += d;
    }
  }
  return found ? { end, chars, space, next } : null;
}

/**
 * Whether the text from `k` (right after a first word) can go on as `f` says: a necessary condition
 * for the entry's regex to match at the word, so its test can be skipped where this is false.
 */
export function mayFollow(f: Follow | null, text: string, k: number): boolean {
  if (f === null || f.end) return true;
  if (k >= text.length) return false;
  if (f.chars.includes(text[k]!)) return true;
  if (!f.space || !isSpace(text.charCodeAt(k))) return false;
  if (f.next === null) return true;
  let j = k + 1;
  while (j < text.length && isSpace(text.charCodeAt(j))) j++;
  return j < text.length && f.next.includes(text[j]!);
}

/** Indexes the rules by the first words of their patterns. */
export function buildTriggerIndex(rules: readonly TriggerRule[]): TriggerIndex {
  const byFirstWord = new Map<string, Entry[]>();
  const unindexed: TriggerRule[] = [];
  for (const rule of rules) {
    const words = rule.patternSources.map((src) => expand(src, true));
    if (words.some((w) => !w || w.has(''))) {
      unindexed.push(rule);
      continue;
    }
    words.forEach((w, i) => {
      for (const word of w!) {
        const list = byFirstWord.get(word) ?? [];
        list.push({ rule, re: rule.stickies[i]! });
        byFirstWord.set(word, list);
      }
    });
  }
  const byHash = new Map<number, { word: string; entries: Entry[]; follows: (Follow | null)[] }[]>();
  for (const [word, entries] of byFirstWord) {
    if (!/^[a-z0-9]+$/.test(word)) continue;
    const h = wordHash(word) & SMI;
    const list = byHash.get(h) ?? [];
    list.push({ word, entries, follows: entries.map((e) => followOf(e.re, word)) });
    byHash.set(h, list);
  }
  const hashSeen = new Uint8Array(LOW + 1);
  for (const h of byHash.keys()) hashSeen[h & LOW] = 1;
  return { byFirstWord, unindexed, byHash, hashSeen };
}

/**
 * Parts of speech no trigger starts with (PUNCT, DET, ADP, CCONJ, SCONJ, PRON, NUM, PART, AUX, SYM,
 * SPACE): skipping them halves the lookups. A switch on the string is cheaper than a Set lookup.
 */
function skipPos(pos: string): boolean {
  switch (pos) {
    case 'PUNCT':
    case 'DET':
    case 'ADP':
    case 'CCONJ':
    case 'SCONJ':
    case 'PRON':
    case 'NUM':
    case 'PART':
    case 'AUX':
    case 'SYM':
    case 'SPACE':
      return true;
    default:
      return false;
  }
}

/**
 * Every trigger match starting at a token, longest first where two overlap ("air strike" over
 * "strike"). `text` is the body lower-cased once by the caller (same offsets); `words` its tokens'
 * words (token-words.ts), when the caller has them.
 */
export function findHits(
  text: string,
  tokens: readonly Token[],
  index: TriggerIndex,
  words: TokenWords = tokenWords(text, tokens, index.hashSeen, null),
): Hit[] {
  const all: Hit[] = [];
  // Only the tokens whose word can start a trigger (and those with other letters) are listed.
  for (let w = 0; w < words.token.length; w++) {
    const flags = words.flags[w]!;
    const ascii = (flags & ASCII_STOP) !== 0;
    if (ascii && (flags & TRIGGER_WORD) === 0) continue;
    const t = tokens[words.token[w]!]!;
    if (skipPos(t.pos)) continue;
    let entries: readonly Entry[] | undefined;
    // What may follow the first word for each entry (ASCII words only; the others are always tried).
    let follows: readonly (Follow | null)[] | null = null;
    if (ascii) {
      const bucket = index.byHash.get(words.hash[w]! & SMI);
      if (!bucket) continue;
      const len = words.runEnd[w]! - t.start;
      for (const b of bucket)
        if (b.word.length === len && text.startsWith(b.word, t.start)) {
          entries = b.entries;
          follows = b.follows;
        }
    } else {
      const key = LEAD.exec(text.slice(t.start, t.end))?.[0];
      if (!key) continue;
      entries = index.byFirstWord.get(key);
    }
    if (!entries) continue;
    for (let e = 0; e < entries.length; e++) {
      const { rule, re } = entries[e]!;
      if (follows && !mayFollow(follows[e]!, text, words.runEnd[w]!)) continue;
      // A sticky test leaves lastIndex at the match's end: no match array is built.
      re.lastIndex = t.start;
      if (re.test(text) && re.lastIndex > t.start) all.push({ rule, start: t.start, end: re.lastIndex });
    }
  }
  for (const rule of index.unindexed) {
    rule.regex.lastIndex = 0;
    for (let m = rule.regex.exec(text); m; m = rule.regex.exec(text)) {
      if (m[0].length === 0) rule.regex.lastIndex++;
      else all.push({ rule, start: m.index, end: m.index + m[0].length });
    }
  }
  if (all.length < 2) return all;
  // Hits of the token scan are in text order: when none overlaps the next, the longest-first pass
  // below would keep them all, in this order.
  let disjoint = index.unindexed.length === 0;
  for (let i = 1; disjoint && i < all.length; i++) disjoint = all[i - 1]!.end <= all[i]!.start;
  if (disjoint) return all;
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Hit[] = [];
  for (const h of all) if (!kept.some((k) => k.start < h.end && h.start < k.end)) kept.push(h);
  return kept.sort((a, b) => a.start - b.start);
}
