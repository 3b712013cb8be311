/**
 * Finds the stretches of text that stand between quotation marks, paragraph by paragraph.
 * Curly, straight and guillemet double marks enclose speech; single curly marks do only when
 * they are not apostrophes (a ’ followed by a letter is "it’s", not a closing mark).
 */
import type { Span } from '../../core/span.js';

export interface QuotedSpan {
  /** Offset of the opening mark. */
  readonly open: number;
  /** Offset just past the closing mark, or the paragraph end when the quote runs on. */
  readonly close: number;
  /** The quoted content, without the marks, trimmed of spaces and a trailing comma. */
  readonly content: Span;
  readonly paragraph: number;
  /** True when the mark is not closed in its paragraph (a quote that runs into the next one). */
  readonly runsOn: boolean;
  /**
   * True for a quote of one or two words or a title-cased one: a scare-quoted term or a title unless
   * it opens its sentence and a speech cue follows ("“Never,” he said.").
   */
  readonly weak: boolean;
  /** True for a title-cased quote ("Meet the Press"): a name or title, never a speaker's wording. */
  readonly title: boolean;
}

// `''` and `` stand for double marks in ASCII news copy (''We will stay,'' he said).
const MARK = /''|``|[“”"«»‘’]/g;
const LETTER = /[\p{L}\p{N}]/u;
/** A quote needs at least this many words to count as speech, not a scare-quoted term. */
export const MIN_QUOTE_WORDS = 3;

function trimmed(body: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(body[s]!)) s++;
  while (e > s && /[\s,]/.test(body[e - 1]!)) e--;
  return { start: s, end: e };
}

function wordCount(body: string, span: Span): number {
  let n = 0;
  let inWord = false;
  for (let i = span.start; i < span.end; i++) {
    const space = body.charCodeAt(i) <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

const TITLE_WORD = /^(?:[\p{Lu}\p{N}]|(?:of|the|and|a|an|in|on|for|to|with|at|by|or)$)/u;
/** Longest title-cased quote taken for a title ("Fox and Friends"), not speech. */
const MAX_TITLE_WORDS = 8;

/** True for a quoted title or name: every word capitalised apart from short function words. */
function isTitle(body: string, span: Span): boolean {
  const words = body
    .slice(span.start, span.end)
    .replace(/[.,!?:;]+$/, '')
    .split(/\s+/);
  return words.length <= MAX_TITLE_WORDS && words.every((w) => TITLE_WORD.test(w));
}

/**
 * Adds the quote whose open mark is at `open` and whose content runs from `start` to `end`. A module
 * function, not a closure made per paragraph: tsx names every closure it creates (a defineProperty).
 */
function push(
  out: QuotedSpan[],
  body: string,
  paragraph: number,
  open: number,
  start: number,
  end: number,
  close: number,
  runsOn: boolean,
): void {
  const content = trimmed(body, start, end);
  const words = wordCount(body, content);
  if (words === 0) return;
  const title = isTitle(body, content);
  const weak = words < MIN_QUOTE_WORDS || title;
  out.push({ open, close, content, paragraph, runsOn, weak, title });
}

export function findQuotedSpans(body: string, paragraphs: readonly Span[]): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  paragraphs.forEach((para, index) => {
    // The open mark's kind and offset; single marks are only tracked outside double ones.
    let open: { kind: 'double' | 'straight' | 'guillemet' | 'single'; at: number; len: number } | null = null;
    // Scanned up to one character past the paragraph (a mark is at most two characters), not to the
    // next mark of the body, which was the rest of the body for every paragraph after the last mark.
    const upTo = body.slice(0, para.end + 1);
    MARK.lastIndex = para.start;
    for (let m = MARK.exec(upTo); m && m.index < para.end; m = MARK.exec(upTo)) {
      const at = m.index;
      const len = m[0].length;
      const ch = m[0] === "''" ? '"' : m[0] === '``' ? '“' : m[0];
      const before = at > 0 ? body[at - 1]! : ' ';
      const after = at + 1 < body.length ? body[at + 1]! : ' ';
      // Mixed marks in copy-edited text: “...“ or “..." (a mark after a word and before a space or
      // punctuation closes), and "...” (a straight mark closed by a curly one).
      const closing = !/\s/.test(before) && !LETTER.test(after);
      if (ch === '“' || ch === '«') {
        // `` opens what '' closes, so it is tracked as a straight mark.
        const kind = m[0] === '``' ? 'straight' : ch === '“' ? 'double' : 'guillemet';
        if (ch === '“' && m[0] !== '``' && open?.kind === 'double' && closing) {
          push(out, body, index, open.at, open.at + open.len, at, at + len, false);
          open = null;
        } else if (!open || open.kind === 'single') open = { kind, at, len };
      } else if (ch === '"') {
        if (open?.kind === 'straight' || (open?.kind === 'double' && m[0] === '"' && closing)) {
          push(out, body, index, open.at, open.at + open.len, at, at + len, false);
          open = null;
        } else if (!open || open.kind === 'single') open = { kind: 'straight', at, len };
      } else if (ch === '”' || ch === '»') {
        const kind = ch === '”' ? 'double' : 'guillemet';
        if (open?.kind === kind || (ch === '”' && open?.kind === 'straight' && body[open.at] === '"')) {
          push(out, body, index, open.at, open.at + open.len, at, at + len, false);
          open = null;
        }
      } else if (ch === '‘') {
        if (!open && !LETTER.test(before)) open = { kind: 'single', at, len };
      } else if (ch === '’') {
        if (open?.kind === 'single' && !LETTER.test(after) && !/\s/.test(before)) {
          push(out, body, index, open.at, open.at + 1, at, at + 1, false);
          open = null;
        }
      }
    }
    // A double quote left open runs to the paragraph end (the next paragraph reopens it).
    if (open && open.kind !== 'single') push(out, body, index, open.at, open.at + open.len, para.end, para.end, true);
  });
  return out;
}
