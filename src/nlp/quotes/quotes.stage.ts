/**
 * The quotes stage: direct quotes and indirect speech, each with its cue and its speaker.
 * Candidates are found first (direct, then indirect), then speakers are resolved in text order so
 * that "he said" and cue-less continuation paragraphs can look back at earlier speakers.
 */
import type { Doc, Entity, Quote, QuotesLayer, SentencesLayer } from '../../core/document.js';
import { textSpan } from '../../core/span.js';
import type { Span, TextSpan } from '../../core/span.js';
import type { Stage } from '../stage.js';
import { layer } from '../stage.js';
import type { Candidate } from './candidate.js';
import type { QuoteContext } from './context.js';
import { buildContext } from './context.js';
import { findDirect } from './direct.js';
import { findIndirect } from './indirect.js';
import type { QuoteLexicon } from './lexicon.js';
import { loadLexicon } from './lexicon.js';
import { findQuotedSpans } from './marks.js';
import type { Attribution } from './speaker.js';
import { nameSpeaker } from './speaker.js';
import { skipAdverbsBack } from './phrase.js';

interface Resolved extends Attribution {
  readonly mention: TextSpan | null;
}

function spanOf(ctx: QuoteContext, r: { start: number; end: number }): TextSpan {
  return textSpan(ctx.body, ctx.tokens[r.start]!.start, ctx.tokens[r.end - 1]!.end);
}

const RELATIVE_PRONOUN = new Set(['who', 'which']);

/**
 * The speaker's mention: the subject phrase, or the relative pronoun standing for it right before
 * the cue ("Kerry, who said ..." -> "who", as PolNeAR marks it; the speaker is still named from Kerry).
 */
function mentionOf(ctx: QuoteContext, c: Candidate): TextSpan | null {
  if (!c.subject) return null;
  if (c.cue) {
    const j = skipAdverbsBack(ctx, c.cue.start - 1, c.subject.end);
    if (j >= c.subject.end && RELATIVE_PRONOUN.has(ctx.words[j]!)) return spanOf(ctx, { start: j, end: j + 1 });
  }
  return spanOf(ctx, c.subject);
}

/** The speaker a cue-less direct quote continues, or null when there is none to continue. */
function continued(c: Candidate, history: readonly Resolved[], lastDirect: Resolved | null): Resolved | null {
  if (c.continuation === 'same') return lastDirect && lastDirect.paragraph === c.paragraph ? lastDirect : null;
  const last = history[history.length - 1];
  return last && last.paragraph >= c.paragraph - 1 ? last : null;
}

// Module-level comparators: tsx names every closure it creates (a defineProperty per report).
const byOrder = (a: Candidate, b: Candidate): number => a.order - b.order || a.content.start - b.content.start;
const byStart = (a: Quote, b: Quote): number => a.start - b.start;

export function findQuotes(
  body: string,
  sentences: SentencesLayer,
  entities: readonly Entity[],
  lex: QuoteLexicon,
  dateline: Span | null = null,
): Quote[] {
  const quoted = findQuotedSpans(body, sentences.paragraphs);
  const ctx = buildContext(body, sentences, entities, quoted, lex, dateline);
  // Cue tokens already used, one flag per token.
  const consumed = new Uint8Array(sentences.tokens.length);
  const candidates = [...findDirect(ctx, consumed), ...findIndirect(ctx, consumed)];
  candidates.sort(byOrder);
  const quotes: Quote[] = [];
  const history: Resolved[] = [];
  let lastDirect: Resolved | null = null;
  for (const c of candidates) {
    // Objects are written out field by field: a spread followed by more fields is slow in V8.
    let resolved: Resolved | null;
    if (c.continuation) {
      const from = continued(c, history, lastDirect);
      resolved = from && {
        speaker: from.speaker,
        person: from.person,
        paragraph: c.paragraph,
        token: c.order,
        mention: from.mention,
      };
    } else {
      const named = c.subject ? nameSpeaker(ctx, c.subject, history) : null;
      resolved = {
        speaker: named ? named.speaker : null,
        person: named ? named.person : false,
        paragraph: c.paragraph,
        token: c.order,
        mention: mentionOf(ctx, c),
      };
    }
    if (!resolved) continue;
    if (!c.aside) history.push(resolved);
    if (c.kind === 'direct') lastDirect = resolved;
    const { start, end } = c.content;
    quotes.push({
      start,
      end,
      text: body.slice(start, end),
      kind: c.kind,
      speaker: resolved.speaker,
      speakerMention: resolved.mention,
      cue: c.cue ? spanOf(ctx, c.cue) : null,
    });
  }
  return quotes.sort(byStart);
}

export function createQuotesStage(): Stage<'quotes'> {
  const lex = loadLexicon();
  return {
    adds: 'quotes',
    needs: ['clean', 'sentences', 'entities'],
    run(doc: Doc): QuotesLayer {
      const clean = layer(doc, 'clean');
      const body = clean.body;
      const sentences = layer(doc, 'sentences');
      if (!sentences.english) return { quotes: [], warnings: [] };
      return {
        quotes: findQuotes(body, sentences, layer(doc, 'entities').entities, lex, clean.dateline),
        warnings: [],
      };
    },
  };
}
