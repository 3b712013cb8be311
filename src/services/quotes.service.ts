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

/** An attribution with every mention of its speaker in the text (its coreference chain). */
export interface ChainedAttribution extends Attribution {
  /**
   * The speaker mention, the entity mentions sharing the speaker's canonical name, and the mentions
   * of other attributions resolved to the same entity ("he said" read as that person). A speaker
   * that is no entity (a description: "officials") has its own mention only.
   */
  readonly speaker_chain: readonly OffsetText[];
}

export class QuotesService {
  constructor(private readonly reader: PlainReader = createPlainReader('quotes')) {}

  attributions(text: string): Attribution[] {
    return (this.reader.read(text).quotes?.quotes ?? []).map(toAttribution);
  }

  /** The attributions with their speakers' chains (the evaluation scores a speaker by its chain). */
  chainedAttributions(text: string): ChainedAttribution[] {
    const doc = this.reader.read(text);
    const quotes = doc.quotes?.quotes ?? [];
    const chains = new Map<string, OffsetText[]>();
    for (const e of doc.entities?.entities ?? []) {
      if (e.type === 'place') continue;
      const chain = chains.get(e.canonical) ?? [];
      chain.push({ start: e.start, end: e.end, text: e.text });
      chains.set(e.canonical, chain);
    }
    for (const q of quotes) {
      const chain = q.speaker === null ? undefined : chains.get(q.speaker);
      if (chain && q.speakerMention) chain.push(span(q.speakerMention)!);
    }
    return quotes.map((q) => {
      const own = q.speakerMention ? [span(q.speakerMention)!] : [];
      const shared = q.speaker === null ? undefined : chains.get(q.speaker);
      return { ...toAttribution(q), speaker_chain: shared ? [...own, ...shared] : own };
    });
  }
}
