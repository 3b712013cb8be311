/** Token-position helpers for the events stage: binary search over the sentence layer's tokens. */
import type { Token } from '../../core/document.js';
import type { Span } from '../../core/span.js';

const PROGRESSIVE_BEFORE =
  /(?:(?<![\p{L}])(is|are|am|been|be)\s+|['’](re|m)\s+)(?:(?:[\p{L}]+ly|also|still|now|already|again)\s+)?$/iu;

/** A present or perfect progressive ("are fighting"), or a participle right after a noun ("rebels fighting"). */
export function ongoing(body: string, tokens: readonly Token[], range: TokenRange, hit: Span, clause: Span): boolean {
  if (PROGRESSIVE_BEFORE.test(body.slice(Math.max(clause.start, hit.start - 20), hit.start))) return true;
  // Tokens are ordered: the last one ending by the hit, if it starts inside the clause.
  const last = tokens[firstIndex(tokens, range, (t) => t.end > hit.start) - 1];
  const prev = last && last.end <= hit.start && last.start >= clause.start ? last : undefined;
  return (
    prev !== undefined && (prev.pos === 'NOUN' || prev.pos === 'PROPN') && body.slice(prev.end, hit.start).trim() === ''
  );
}

export interface TokenRange {
  readonly tokenStart: number;
  readonly tokenEnd: number;
}

/** First index in the sentence's token range where `past` holds (tokens are in order, so it holds from there on). */
export function firstIndex(tokens: readonly Token[], range: TokenRange, past: (t: Token) => boolean): number {
  let lo = range.tokenStart;
  let hi = range.tokenEnd;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (past(tokens[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const OPENERS = new Set(['-', '–', '—', '(', ')', ':', '"', '“', "'", '‘', '...']);

/** True when a capitalised word at `pos` stands inside its sentence, not at its start or after an opener. */
export function nameStart(body: string, tokens: readonly Token[], range: TokenRange, pos: number): boolean {
  const i = firstIndex(tokens, range, (t) => t.end > pos);
  const prev = i > range.tokenStart ? tokens[i - 1] : undefined;
  if (!prev) return false;
  const text = body.slice(prev.start, prev.end);
  // A dateline in capitals ("ISTANBUL A suicide bomber") ends where the sentence proper starts.
  return !OPENERS.has(text) && !/^[\p{Lu}\d]+$/u.test(text) && !/[.!?]$/.test(text);
}
