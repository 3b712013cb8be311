/**
 * The trained name tagger as the entities stage uses it: weights loaded once from
 * data/entities/model/ner.bin.gz, sentences tagged over the sentence layer's own tokens, and
 * PER / ORG spans turned into entities where no dictionary entry or rule already found a name.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from '../../../core/data-file.js';
import type { Entity, SentencesLayer } from '../../../core/document.js';
import type { Tok } from '../fold.js';
import type { Match } from '../matcher.js';
import { facilityMask, type Lexicon } from '../recogniser.js';
import { sentenceFeatures } from './features.js';
import { decode, transitionMask, type NerWeights } from './perceptron.js';
import { decodeWeights } from './weights-file.js';

export type NameType = 'PER' | 'ORG' | 'LOC' | 'MISC';

/** A tagged name over token indices [from, to) of the words given. */
export interface NameSpan {
  readonly from: number;
  readonly to: number;
  readonly type: NameType;
}

export const MODEL_PATH = join(DATA_DIR, 'entities', 'model', 'ner.bin.gz');

/** Chunks of a BIO tag sequence (an I- that continues nothing starts a chunk, as conlleval). */
export function spansOfTags(tags: readonly string[]): NameSpan[] {
  const out: NameSpan[] = [];
  let open: { from: number; type: string } | null = null;
  for (let i = 0; i <= tags.length; i++) {
    const tag = i < tags.length ? tags[i]! : 'O';
    const type = tag === 'O' ? '' : tag.slice(2);
    if (open && (!tag.startsWith('I-') || type !== open.type)) {
      out.push({ from: open.from, to: i, type: open.type as NameType });
      open = null;
    }
    if (tag !== 'O' && !open) open = { from: i, type };
  }
  return out;
}

export class NameTagger {
  private readonly allowed: Uint8Array[];

  constructor(readonly model: NerWeights) {
    this.allowed = transitionMask(model.classes);
  }

  static load(path = MODEL_PATH): NameTagger {
    return new NameTagger(decodeWeights(readFileSync(path)));
  }

  /** BIO tags for one sentence's words. */
  tags(words: readonly string[]): string[] {
    return decode(this.model, sentenceFeatures(words), this.allowed).map((c) => this.model.classes[c]!);
  }

  spans(words: readonly string[]): NameSpan[] {
    return spansOfTags(this.tags(words));
  }
}

const ENTITY_TYPE = { PER: 'person', ORG: 'organization' } as const;
// "Reporting by X; Editing by Y": staff credits name no actor (the stage skips them the same way).
const CREDIT_WORDS = new Set(['reporting', 'editing', 'writing', 'compiled', 'additional']);
// "the Sukkari neighbourhood": a name before a place noun names a place, which is the places stage's.
const PLACE_NOUNS = new Set(
  'neighbourhood neighbourhoods neighborhood neighborhoods district districts province provinces village villages town towns city camp camps area areas region governorate square street road highway airport crossing valley river mountains'.split(
    ' ',
  ),
);
const CAPITALISED = /^\p{Lu}/u;

/** One sentence as the stage scanned it: its tokens and dictionary matches (cues, titles, names). */
export interface ScannedSentence {
  readonly toks: readonly Tok[];
  readonly matches: readonly Match<unknown>[];
}

/**
 * People and organisations the tagger finds that overlap none of `found` (the dictionary's and
 * rules' entities keep their canonical names and actors), no dictionary match (a country or city
 * cue such as "Aleppo" is a place, not a person) and no facility name. A span that starts inside a
 * hyphenated word ("al-Rai") is a fragment, not a name. LOC is the places stage's, MISC no entity.
 */
export function modelEntities(
  body: string,
  sentences: SentencesLayer,
  scans: readonly ScannedSentence[],
  lex: Lexicon,
  found: readonly Entity[],
  tagger: NameTagger,
): Entity[] {
  const taken: Array<{ start: number; end: number }> = [...found];
  for (const scan of scans) {
    for (const m of scan.matches) taken.push({ start: scan.toks[m.from]!.start, end: scan.toks[m.to - 1]!.end });
    const facility = facilityMask(scan.toks, lex);
    if (facility) scan.toks.forEach((t, k) => facility[k] && taken.push({ start: t.start, end: t.end }));
  }
  taken.sort((a, b) => a.start - b.start);
  const out: Entity[] = [];
  let cursor = 0;
  for (const s of sentences.sentences) {
    const toks = sentences.tokens.slice(s.tokenStart, s.tokenEnd);
    const words = toks.map((t) => body.slice(t.start, t.end));
    let credit = false;
    for (let k = 0; k + 1 < words.length; k++) {
      if (words[k + 1] === 'by' && CREDIT_WORDS.has(words[k]!.toLowerCase())) credit = true;
    }
    if (credit) continue;
    while (cursor < taken.length && taken[cursor]!.start < s.start) cursor++;
    for (const span of tagger.spans(words)) {
      if (span.type !== 'PER' && span.type !== 'ORG') continue;
      const start = toks[span.from]!.start;
      const end = toks[span.to - 1]!.end;
      if (start > 0 && /[-\u2010\u2011]/.test(body[start - 1]!) && /\S/.test(body[start - 2] ?? ' ')) continue;
      let clash = false;
      for (let k = Math.max(0, cursor - 1); k < taken.length && taken[k]!.start < end; k++)
        if (taken[k]!.end > start) clash = true;
      if (clash) continue;
      // A name has a capital ("interior ministry" is a description) and is not a place's modifier.
      if (!words.slice(span.from, span.to).some((w) => CAPITALISED.test(w))) continue;
      if (span.to < words.length && PLACE_NOUNS.has(words[span.to]!)) continue;
      const text = body.slice(start, end);
      out.push({
        start,
        end,
        text,
        type: ENTITY_TYPE[span.type],
        canonical: text.replace(/\s+/g, ' '),
        actor: null,
        via: 'rule',
      });
    }
  }
  return out;
}
