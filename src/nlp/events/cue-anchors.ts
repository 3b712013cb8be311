/**
 * The anchor words of a cue list: for each item, a set of whole words one of which every match of the
 * item holds, bounded on both sides by characters other than ASCII letters and digits (a run of the
 * text, see cue-gate.ts). A cue regex built by wordAlt or testAlt cannot match a stretch of text that
 * holds no anchor of its list, so the scan of that stretch can be skipped.
 */
import { groupEnd, topLevelAlternatives } from './cue-regex.js';
import { expand } from './scan.js';

/** One top-level element of an item's source and its quantifier. */
interface Piece {
  readonly src: string;
  /** alnum: a literal letter or digit; bound: a literal other character or `\s`; zero: a look-around or `\b`. */
  readonly kind: 'alnum' | 'bound' | 'group' | 'zero' | 'other';
  /** The group's content (kind group). */
  readonly body: string;
  /** `?`: may be absent; `many`: repeated (`*`, `+`, `{}`); `plus`: `+` on white space (one or more). */
  readonly quant: '' | '?' | 'many' | 'plus';
}

const ALNUM = /^[a-z0-9]$/;
const WORD = /^[a-z0-9]+$/;

/** The item's top-level pieces, or null when it uses what this reader does not know. */
function piecesOf(src: string): Piece[] | null {
  const out: Piece[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    let j = i + 1;
    let kind: Piece['kind'];
    let body = '';
    if (ch === '\\') {
      const next = src[i + 1] ?? '';
      // Escapes that run on (\u0041, \x41, \cA, back-references): not read.
      if (/[uxck0-9]/.test(next)) return null;
      j = i + 2;
      if ((next === 'p' || next === 'P') && src[j] === '{') j = src.indexOf('}', j) + 1;
      if (j <= 0) return null;
      if (next === 's') kind = 'bound';
      else if (next === 'b') kind = 'zero';
      else if (/[^\p{L}\p{N}\s]/u.test(next)) kind = 'bound';
      else kind = 'other';
    } else if (ch === '(') {
      j = groupEnd(src, i);
      if (j < 0) return null;
      const inner = src.slice(i + 1, j - 1);
      if (/^\?<?[=!]/.test(inner)) kind = 'zero';
      else if (inner.startsWith('?') && !inner.startsWith('?:')) return null;
      else {
        kind = 'group';
        body = inner.startsWith('?:') ? inner.slice(2) : inner;
      }
    } else if (ch === '[') {
      j = i + 1;
      while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
      if (j >= src.length) return null;
      j++;
      // A class of plain letters or digits ("[sz]") is part of a word; one of other plain characters ("[- ]") ends a run.
      const chars = src.slice(i + 1, j - 1);
      const plain = /^-?[^\\^\p{L}\p{N}-]+-?$/u.test(chars);
      kind = /^[a-z0-9]+$/.test(chars) ? 'alnum' : plain ? 'bound' : 'other';
    } else if ('.^$|)*+?{}'.includes(ch)) kind = 'other';
    else kind = ALNUM.test(ch) ? 'alnum' : /\s|[^\p{L}\p{N}]/u.test(ch) ? 'bound' : 'other';
    let quant: Piece['quant'] = '';
    const q = src[j];
    if (q === '?') {
      quant = '?';
      j++;
    } else if (q === '*' || q === '+' || q === '{') {
      quant = q === '+' && kind === 'bound' && src.slice(i, j) === '\\s' ? 'plus' : 'many';
      j = q === '{' ? src.indexOf('}', j) + 1 : j + 1;
      if (j <= 0) return null;
      if (src[j] === '?') j++;
    }
    if (kind === 'zero' && quant !== '') return null;
    out.push({ src: src.slice(i, j), kind, body, quant });
    i = j;
  }
  return out;
}

/** The strings a group's content can match (expand), or null when it is not plain enough to list. */
function groupStrings(body: string): Set<string> | null {
  if (/\(\?(?!:)|\\(?!s)|[[.]/.test(body)) return null;
  return expand(`(${body})`, false);
}

/** A group's strings all start (side 0) or end (side 1) with a character that ends a run (none is empty). */
function groupBounds(p: Piece, side: 0 | 1): boolean {
  if (p.quant === 'many') return false;
  const strings = groupStrings(p.body);
  if (!strings) return false;
  for (const s of strings) {
    const c = side === 0 ? s[0] : s[s.length - 1];
    if (c === undefined || ALNUM.test(c)) return false;
  }
  return true;
}

/**
 * Whether the text next to piece `i` (before it when `step` is -1, after it when 1) is always a
 * character that ends a run, or an edge of the item (the word edges of wordAlt: no letter or digit).
 */
function bounded(pieces: readonly Piece[], i: number, step: -1 | 1): boolean {
  for (let k = i + step; k >= 0 && k < pieces.length; k += step) {
    const p = pieces[k]!;
    if (p.kind === 'zero') continue;
    const sure =
      (p.kind === 'bound' && (p.quant === '' || p.quant === 'plus')) ||
      (p.kind === 'group' && groupBounds(p, step === -1 ? 1 : 0));
    if (sure && p.quant !== '?') return true;
    // An optional piece that ends a run when present: what stands beyond it must too.
    if (sure || (p.kind === 'bound' && p.quant === '?')) continue;
    return false;
  }
  return true;
}

/** A piece that can be part of a word: a letter or digit, or a group of words, at most optional. */
function wordish(p: Piece): boolean {
  if (p.quant === 'many' || p.quant === 'plus') return false;
  if (p.kind === 'alnum') return true;
  if (p.kind !== 'group') return false;
  const strings = groupStrings(p.body);
  return strings !== null && [...strings].every((s) => s === '' || WORD.test(s));
}

/**
 * The anchor words of one item (an alternative of a cue list, as written for lower-cased text): the
 * words of the stretch of its source whose every match is one whole run, the one whose shortest word
 * is longest (function words are short and common). Null when no such stretch exists.
 */
export function itemAnchors(item: string): readonly string[] | null {
  if (/\\[A-Z]/.test(item)) return null;
  const alternatives = topLevelAlternatives(item.toLowerCase());
  const out = new Set<string>();
  for (const alternative of alternatives) {
    const pieces = piecesOf(alternative);
    if (!pieces) return null;
    let best: string[] | null = null;
    let bestScore = -1;
    for (let i = 0; i < pieces.length; i++) {
      if (!wordish(pieces[i]!)) continue;
      const start = i;
      while (i + 1 < pieces.length && wordish(pieces[i + 1]!)) i++;
      const slot = pieces.slice(start, i + 1);
      if (!bounded(pieces, start, -1) || !bounded(pieces, i, 1)) continue;
      const strings = expand(slot.map((p) => p.src).join(''), false);
      if (!strings || strings.size === 0 || ![...strings].every((s) => WORD.test(s))) continue;
      const score = Math.min(...[...strings].map((s) => s.length));
      if (score > bestScore) {
        best = [...strings];
        bestScore = score;
      }
    }
    if (!best) return null;
    for (const w of best) out.add(w);
  }
  return [...out];
}

/** The anchor words of a whole list, or null when an item has none. */
export function listAnchors(items: readonly string[]): readonly string[] | null {
  const out = new Set<string>();
  for (const item of items) {
    const words = itemAnchors(item);
    if (!words) return null;
    for (const w of words) out.add(w);
  }
  return [...out];
}
