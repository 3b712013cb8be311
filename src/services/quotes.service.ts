/**
 * `truce quotes`: who said what in a text. Spans are offsets into the text as given (the clean
 * stage is skipped, so nothing is trimmed or moved).
 */
import type { Quote } from '../core/document.js';
import { createPlainReader, type PlainReader } from './plain-reader.js';

export interface OffsetText {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface Attribution {
  readonly kind: 'direct' | 'indirect';
  readonly speaker: string | null;
  readonly speaker_span: OffsetText | null;
  readonly cue: OffsetText | null;
  readonly content: OffsetText;
}

const span = (s: { start: number; end: number; text: string } | null): OffsetText | null =>
  s ? { start: s.start, end: s.end, text: s.text } : null;

export function toAttribution(q: Quote): Attribution {
  return {
    kind: q.kind,
    speaker: q.speaker,
    speaker_span: span(q.speakerMention),
    cue: span(q.cue),
    content: { start: q.start, end: q.end, text: q.text },
  };
}

export class QuotesService {
  constructor(private readonly reader: PlainReader = createPlainReader('quotes')) {}

  attributions(text: string): Attribution[] {
    return (this.reader.read(text).quotes?.quotes ?? []).map(toAttribution);
  }
}
