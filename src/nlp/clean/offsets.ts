/**
 * Offset segments map runs of the cleaned body back to the raw input they were copied from.
 * A body character outside every segment was made by the cleaner (a separator, a decoded
 * entity) and has no raw position.
 */
import type { OffsetSegment } from '../../core/document.js';
import { firstAbove } from '../../core/search.js';

/** Raw offset of a body offset, or null when that character was not copied verbatim. */
export function bodyToRaw(offsets: readonly OffsetSegment[], bodyOffset: number): number | null {
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const seg = offsets[mid]!;
    if (bodyOffset < seg.body) hi = mid - 1;
    else if (bodyOffset >= seg.body + seg.length) lo = mid + 1;
    else return seg.raw + (bodyOffset - seg.body);
  }
  return null;
}

/** Builds a body string and its segments together, merging runs contiguous on both sides. */
export class BodyBuilder {
  private parts: string[] = [];
  private length = 0;
  readonly segments: OffsetSegment[] = [];

  get size(): number {
    return this.length;
  }

  /** Appends text that is not mapped to the raw input. */
  insert(text: string): void {
    this.parts.push(text);
    this.length += text.length;
  }

  /** Appends `text`, which occurs verbatim in the raw input at `raw`. */
  copy(text: string, raw: number): void {
    if (text.length === 0) return;
    this.addSegment(this.length, raw, text.length);
    this.insert(text);
  }

  /** Appends text whose pieces map to raw through `map` (segments keyed by source offset). */
  copyThrough(source: string, start: number, end: number, map: readonly OffsetSegment[]): void {
    const bodyStart = this.length;
    this.insert(source.slice(start, end));
    for (const seg of segmentsIn(map, start, end)) {
      this.addSegment(bodyStart + (seg.body - start), seg.raw, seg.length);
    }
  }

  /** Records that body[body, body+length) equals raw[raw, raw+length). */
  addSegment(body: number, raw: number, length: number): void {
    if (length <= 0) return;
    const last = this.segments[this.segments.length - 1];
    if (last && last.body + last.length === body && last.raw + last.length === raw) {
      this.segments[this.segments.length - 1] = { body: last.body, raw: last.raw, length: last.length + length };
    } else {
      this.segments.push({ body, raw, length });
    }
  }

  toString(): string {
    return this.parts.join('');
  }
}

const bodyEndOf = (seg: OffsetSegment): number => seg.body + seg.length;

/** The parts of `map` covering source range [start, end), clipped to it. */
function segmentsIn(map: readonly OffsetSegment[], start: number, end: number): OffsetSegment[] {
  const out: OffsetSegment[] = [];
  // First segment whose end is past `start`.
  for (let i = firstAbove(map, start, bodyEndOf); i < map.length; i++) {
    const seg = map[i]!;
    if (seg.body >= end) break;
    const a = Math.max(start, seg.body);
    const b = Math.min(end, seg.body + seg.length);
    if (b > a) out.push({ body: a, raw: seg.raw + (a - seg.body), length: b - a });
  }
  return out;
}

/** Shortest piece of text worth searching for in the raw HTML (shorter ones match by chance). */
const MIN_ANCHOR = 6;
/** How far past the last match a paragraph's later pieces may be found. */
const PIECE_WINDOW = 3000;

/**
 * Finds where `text` (appended to the body at `bodyStart`) was copied from in `raw`, at or after
 * `from`: the whole text when it occurs verbatim, else piece by piece, extending each anchor
 * for as long as both sides agree. Returns the raw offset after the last match.
 */
export function mapVerbatim(builder: BodyBuilder, text: string, bodyStart: number, raw: string, from: number): number {
  const whole = raw.indexOf(text, from);
  if (whole >= 0) {
    builder.addSegment(bodyStart, whole, text.length);
    return whole + text.length;
  }
  let i = 0;
  let cursor = from;
  let first = true;
  while (i + MIN_ANCHOR <= text.length) {
    const anchor = text.slice(i, i + MIN_ANCHOR * 2);
    if (anchor.length < MIN_ANCHOR) break;
    const found = raw.indexOf(anchor, cursor);
    if (found < 0 || (!first && found - cursor > PIECE_WINDOW)) {
      // Skip to the next word: the anchor spans something the raw spells differently.
      const next = text.indexOf(' ', i + 1);
      if (next < 0) break;
      i = next + 1;
      continue;
    }
    let k = anchor.length;
    while (i + k < text.length && found + k < raw.length && text[i + k] === raw[found + k]) k++;
    builder.addSegment(bodyStart + i, found, k);
    cursor = found + k;
    i += k;
    first = false;
  }
  return first ? from : cursor;
}
