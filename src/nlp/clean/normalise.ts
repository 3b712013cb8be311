/**
 * Normalises line endings and strips a byte-order mark, keeping a map back to the raw input.
 * Nothing else changes: curly quotes, dashes and non-breaking spaces stay as they arrived.
 */
import type { OffsetSegment } from '../../core/document.js';

export interface Normalised {
  readonly text: string;
  /** Segments keyed by offset in `text` (the `body` field) pointing into the raw input. */
  readonly map: readonly OffsetSegment[];
}

export function normalise(raw: string): Normalised {
  const map: OffsetSegment[] = [];
  const parts: string[] = [];
  let out = 0;
  let start = raw.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Most reports have no \r at all: one segment, without the regex scan and the join.
  if (raw.indexOf('\r', start) < 0) {
    const text = raw.slice(start);
    return { text, map: text.length > 0 ? [{ body: 0, raw: start, length: text.length }] : [] };
  }
  // Each dropped character ends a segment: a \r before \n, or a lone \r that becomes \n.
  const re = /\r\n?/g;
  re.lastIndex = start;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const lone = m[0].length === 1;
    const keepEnd = lone ? m.index : m.index + 2;
    const piece = raw.slice(start, m.index) + '\n';
    const copied = m.index - start;
    if (copied > 0) map.push({ body: out, raw: start, length: copied });
    // "\r\n" -> "\n": the kept "\n" is raw's own. A lone "\r" becomes "\n", which raw lacks.
    if (!lone) map.push({ body: out + copied, raw: m.index + 1, length: 1 });
    parts.push(piece);
    out += piece.length;
    start = lone ? m.index + 1 : keepEnd;
  }
  if (start < raw.length) {
    map.push({ body: out, raw: start, length: raw.length - start });
    parts.push(raw.slice(start));
  }
  return { text: parts.join(''), map: mergeAdjacent(map) };
}

function mergeAdjacent(map: OffsetSegment[]): OffsetSegment[] {
  const out: OffsetSegment[] = [];
  for (const seg of map) {
    const last = out[out.length - 1];
    if (last && last.body + last.length === seg.body && last.raw + last.length === seg.raw) {
      out[out.length - 1] = { body: last.body, raw: last.raw, length: last.length + seg.length };
    } else out.push(seg);
  }
  return out;
}
