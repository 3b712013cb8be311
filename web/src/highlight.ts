/**
 * Evidence sentences inside a source's text: the text cut into plain and marked pieces. Pure, so the
 * view only turns pieces into text nodes and <mark> elements (never HTML). Spans are [start, end)
 * offsets into the same string the server measured them on.
 */

export interface Span {
  readonly start: number;
  readonly end: number;
  /** Which evidence it is (event ids), carried to the marked piece. */
  readonly ids?: readonly string[];
}

export interface Piece {
  readonly text: string;
  readonly marked: boolean;
  readonly ids: readonly string[];
  readonly start: number;
}

/** Spans clamped to the text, empty ones dropped, overlapping or touching ones merged. */
export function normalizeSpans(length: number, spans: readonly Span[]): Span[] {
  const clean = spans
    .filter((s) => Number.isFinite(s.start) && Number.isFinite(s.end))
    .map((s) => ({
      start: Math.max(0, Math.min(length, Math.floor(s.start))),
      end: Math.max(0, Math.min(length, Math.floor(s.end))),
      ids: s.ids ?? [],
    }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: { start: number; end: number; ids: string[] }[] = [];
  for (const s of clean) {
    const last = out.at(-1);
    if (last && s.start <= last.end) {
      last.end = Math.max(last.end, s.end);
      for (const id of s.ids) if (!last.ids.includes(id)) last.ids.push(id);
    } else out.push({ start: s.start, end: s.end, ids: [...s.ids] });
  }
  return out;
}

/** The text as consecutive pieces; joined, they give the text back exactly. */
export function splitHighlights(text: string, spans: readonly Span[]): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  for (const s of normalizeSpans(text.length, spans)) {
    if (s.start > at) pieces.push({ text: text.slice(at, s.start), marked: false, ids: [], start: at });
    pieces.push({ text: text.slice(s.start, s.end), marked: true, ids: s.ids ?? [], start: s.start });
    at = s.end;
  }
  if (at < text.length || pieces.length === 0) pieces.push({ text: text.slice(at), marked: false, ids: [], start: at });
  return pieces;
}

/**
 * When the server sends only the sentence (no offsets), find it in the text: the first exact match,
 * else the first match ignoring runs of white space. Null when absent.
 */
export function locate(text: string, sentence: string): Span | null {
  const needle = sentence.trim();
  if (needle === '') return null;
  const i = text.indexOf(needle);
  if (i >= 0) return { start: i, end: i + needle.length };
  const escaped = needle
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  const m = new RegExp(escaped).exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}
