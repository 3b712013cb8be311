/**
 * `truce tag --conll`: predicts CoNLL-2003 IOB2 tags (PER, ORG, LOC, MISC) for pre-tokenised
 * sentences with the entities stage's name tagger (Viterbi decoding over the given tokens). For
 * raw text, `conllSpansOf` gives the entities and places layers' mentions with the tagger's
 * filling in. Tokens are joined with spaces (one sentence per paragraph) and spans mapped back.
 */
import type { Doc } from '../core/document.js';
import { NameTagger } from '../nlp/entities/model/tagger.js';
import { createPlainReader, type PlainReader } from './plain-reader.js';

export type ConllLabel = 'PER' | 'ORG' | 'LOC' | 'MISC';

export interface LabelledSpan {
  readonly start: number;
  readonly end: number;
  readonly label: ConllLabel;
}

const ENTITY_LABEL = { person: 'PER', organization: 'ORG', group: 'ORG', place: 'LOC' } as const;

let sharedTagger: NameTagger | null = null;
const defaultTagger = (): NameTagger => (sharedTagger ??= NameTagger.load());

/** The name tagger's spans (all four types) over the document's own sentence tokens. */
export function taggerSpansOf(doc: Doc, tagger: NameTagger = defaultTagger()): LabelledSpan[] {
  const layer = doc.sentences;
  if (!layer) return [];
  const body = doc.clean?.body;
  if (body === undefined) return [];
  const spans: LabelledSpan[] = [];
  const toks = layer.sentences.map((s) => layer.tokens.slice(s.tokenStart, s.tokenEnd));
  const words = toks.map((ts) => ts.map((t) => body.slice(t.start, t.end)));
  tagger.bestSpansOfDocument(words).forEach((found, k) => {
    const ts = toks[k]!;
    for (const span of found) spans.push({ start: ts[span.from]!.start, end: ts[span.to - 1]!.end, label: span.type });
  });
  return spans;
}

/** `first`, then each span of `rest` that overlaps none kept so far. */
function overlay(first: readonly LabelledSpan[], rest: readonly LabelledSpan[]): LabelledSpan[] {
  const out = [...first];
  for (const s of rest) if (!out.some((t) => t.start < s.end && t.end > s.start)) out.push(s);
  return out;
}

/**
 * Mentions of a read document (raw text) as CoNLL-labelled spans: the entity and place layers'
 * (dictionary names, rules, the tagger's people and organisations), then the tagger's other spans
 * (its LOC and MISC, and names the layers declined) where they overlap none. The layers
 * themselves are left as they are: the events stage reads them, not these spans.
 */
export function conllSpansOf(doc: Doc, tagger?: NameTagger): LabelledSpan[] {
  return overlay(layerSpansOf(doc), taggerSpansOf(doc, tagger));
}

/**
 * The tagger's spans (Viterbi) over already tokenised sentences: CoNLL input is the tagger's own
 * training format, and there it beats the layers on every type; adding the layers' mentions where
 * it found nothing cost 0.004 F1 on CoNLL-2003 dev (their extra spans are mostly wrong there), so
 * tokenised input is the tagger's alone. Raw text goes through `conllSpansOf`.
 */
export function tokenisedSpansOf(joined: JoinedText, tagger: NameTagger = defaultTagger()): LabelledSpan[] {
  const spans: LabelledSpan[] = [];
  // The given sentences are read as one document (the tagger's second pass looks across them).
  const doc = joined.offsets.map((offsets) => offsets.map(([s, e]) => joined.text.slice(s, e)));
  tagger.bestSpansOfDocument(doc).forEach((found, k) => {
    const offsets = joined.offsets[k]!;
    for (const span of found)
      spans.push({ start: offsets[span.from]![0], end: offsets[span.to - 1]![1], label: span.type });
  });
  return spans;
}

/** Entity and place mentions of a read document, as CoNLL-labelled spans. */
export function layerSpansOf(doc: Doc): LabelledSpan[] {
  const spans: LabelledSpan[] = [];
  for (const e of doc.entities?.entities ?? []) spans.push({ start: e.start, end: e.end, label: ENTITY_LABEL[e.type] });
  for (const p of doc.places?.places ?? []) spans.push({ start: p.start, end: p.end, label: 'LOC' });
  return spans;
}

export interface JoinedText {
  readonly text: string;
  /** Per sentence, per token, [start, end) in `text`. */
  readonly offsets: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
}

/** Joins tokens with single spaces and sentences with a blank line. */
export function joinTokens(sentences: ReadonlyArray<readonly string[]>): JoinedText {
  let text = '';
  const offsets = sentences.map((tokens, si) => {
    if (si > 0) text += '\n\n';
    return tokens.map((tok, ti) => {
      if (ti > 0) text += ' ';
      const start = text.length;
      text += tok;
      return [start, text.length] as const;
    });
  });
  return { text, offsets };
}

/**
 * IOB2 tags for each token. Longer spans win over shorter ones they overlap; a span covers every
 * token it overlaps, the first one getting B-.
 */
export function iobTags(joined: JoinedText, spans: readonly LabelledSpan[]): string[][] {
  const tags = joined.offsets.map((sent) => sent.map(() => 'O'));
  const flat = joined.offsets.flatMap((sent, si) => sent.map(([s, e], ti) => ({ s, e, si, ti })));
  const ordered = [...spans].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  for (const span of ordered) {
    const covered = flat.filter((t) => t.s < span.end && t.e > span.start);
    if (covered.length === 0 || covered.some((t) => tags[t.si]![t.ti] !== 'O')) continue;
    if (covered.some((t) => t.si !== covered[0]!.si)) continue;
    covered.forEach((t, i) => (tags[t.si]![t.ti] = `${i === 0 ? 'B' : 'I'}-${span.label}`));
  }
  return tags;
}

/** Sentences are read in chunks of about this many tokens (CoNLL files carry no document breaks). */
const CHUNK_TOKENS = 400;

export class TagService {
  constructor(private readonly reader: PlainReader = createPlainReader('places')) {}

  /** Tags sentences given as token lists; the result has the same shape. */
  tag(
    sentences: ReadonlyArray<readonly string[]>,
    spansOf: (text: string, joined: JoinedText) => LabelledSpan[] = this.ourSpans,
  ): string[][] {
    const out: string[][] = [];
    for (const chunk of chunks(sentences, CHUNK_TOKENS)) {
      const joined = joinTokens(chunk);
      out.push(...iobTags(joined, spansOf(joined.text, joined)));
    }
    return out;
  }

  /** With `joined` (the text is pre-tokenised sentences), the tagger reads those very tokens. */
  readonly ourSpans = (text: string, joined?: JoinedText): LabelledSpan[] =>
    joined ? tokenisedSpansOf(joined) : conllSpansOf(this.reader.read(text));
}

function chunks<T>(sentences: ReadonlyArray<readonly T[]>, size: number): Array<ReadonlyArray<readonly T[]>> {
  const out: Array<Array<readonly T[]>> = [];
  let current: Array<readonly T[]> = [];
  let count = 0;
  for (const s of sentences) {
    if (count > 0 && count + s.length > size) {
      out.push(current);
      current = [];
      count = 0;
    }
    current.push(s);
    count += s.length;
  }
  if (current.length) out.push(current);
  return out;
}

/** Parses CoNLL text: first column is the token, blank lines separate sentences. */
export function parseConll(text: string): { tokens: string[][]; gold: string[][] } {
  const tokens: string[][] = [];
  const gold: string[][] = [];
  let t: string[] = [];
  let g: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const cols = line.trim().split(/\s+/);
    if (line.trim() === '' || cols[0] === '-DOCSTART-') {
      if (t.length) {
        tokens.push(t);
        gold.push(g);
      }
      t = [];
      g = [];
      continue;
    }
    t.push(cols[0]!);
    g.push(cols.length > 1 ? cols[cols.length - 1]! : 'O');
  }
  if (t.length) {
    tokens.push(t);
    gold.push(g);
  }
  return { tokens, gold };
}
