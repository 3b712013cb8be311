/**
 * The trained name tagger as the entities stage uses it: weights loaded once from
 * data/entities/model/ner.bin.gz, sentences tagged over the sentence layer's own tokens, and
 * PER / ORG spans turned into entities where no dictionary entry or rule already found a name.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from '../../../core/data-file.js';
import type { Entity, SentencesLayer } from '../../../core/document.js';
import { tokenTexts, type TokenTexts } from '../../sentences/token-text.js';
import type { Tok } from '../fold.js';
import type { Match } from '../matcher.js';
import { facilityMask, type Lexicon } from '../recogniser.js';
import { sentenceFeatures, type SentenceFeatures } from './features.js';
import { capitalised, FastDecoder, type SlotMemo } from './fast-decoder.js';
import { decode, transitionMask, viterbi, type NerWeights } from './perceptron.js';
import { documentSentenceFeatures } from './document.js';
import { decodeWeights } from './weights-file.js';
import { setWordTable } from './word-table.js';

export type NameType = 'PER' | 'ORG' | 'LOC' | 'MISC';

/** A tagged name over token indices [from, to) of the words given. */
export interface NameSpan {
  readonly from: number;
  readonly to: number;
  readonly type: NameType;
}

/**
 * Viterbi reads the greedy model's scores as a locally normalised classifier's: softmax over
 * score / (a share of the largest weight). The training script picks the share on CoNLL-2003 dev
 * and stores it in the weights file's meta (`viterbiTemperature`); this is the fallback.
 */
const VITERBI_TEMPERATURE = 0.009;

export const MODEL_PATH = join(DATA_DIR, 'entities', 'model', 'ner.bin.gz');
/** The document-level second model (document.ts), trained beside the first by train/ner/train.ts. */
export const DOC_MODEL_PATH = join(DATA_DIR, 'entities', 'model', 'ner-doc.bin.gz');

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
  /** The fast path for int16 weights (the loaded file); float weights (training) use `decode`. */
  private readonly fast: FastDecoder | null;
  private readonly types: ReadonlyArray<NameType | null>;

  constructor(
    readonly model: NerWeights,
    private readonly temperatureShare = VITERBI_TEMPERATURE,
  ) {
    this.allowed = transitionMask(model.classes);
    const inside = Uint8Array.from(model.classes, (c) => (c.startsWith('I-') ? 1 : 0));
    this.fast =
      model.weights instanceof Int16Array
        ? new FastDecoder(model.weights, model.bits, model.classes.length, this.allowed, inside)
        : null;
    this.types = model.classes.map((c) => (c === 'O' ? null : (c.slice(2) as NameType)));
  }

  static load(path = MODEL_PATH, docPath: string | null = path === MODEL_PATH ? DOC_MODEL_PATH : null): NameTagger {
    const model = decodeWeights(readFileSync(path));
    // The features read the word table the weights were trained with (before any decoder memoises a word).
    setWordTable(model.wordTable);
    const share = model.header.meta['viterbiTemperature'];
    const tagger = new NameTagger(model, typeof share === 'number' && share > 0 ? share : VITERBI_TEMPERATURE);
    tagger.secondPath = docPath;
    return tagger;
  }

  /** Where the document-level second model is read from on first use (null: none). */
  private secondPath: string | null = null;
  private second: NameTagger | null | undefined;

  /** The second model, loaded on first use (the pipeline's greedy path never needs it). */
  private secondModel(): NameTagger | null {
    if (this.second !== undefined) return this.second;
    this.second = null;
    if (this.secondPath && existsSync(this.secondPath)) {
      const model = decodeWeights(readFileSync(this.secondPath));
      const share = model.header.meta['viterbiTemperature'];
      this.second = new NameTagger(model, typeof share === 'number' && share > 0 ? share : VITERBI_TEMPERATURE);
    }
    return this.second;
  }

  /**
   * The spans of every sentence of one document: Viterbi tags, then, with the second model, Viterbi
   * again with each word's first-pass types elsewhere in the document as features (document.ts).
   */
  bestSpansOfDocument(doc: ReadonlyArray<readonly string[]>): NameSpan[][] {
    const first = doc.map((words) => this.bestClasses(sentenceFeatures(words)));
    const second = this.secondModel();
    const classes = (second ?? this).model.classes;
    if (!second) return first.map((c) => spansOfTags(c.map((k) => classes[k]!)));
    const features = documentSentenceFeatures(doc, first, this.model.classes);
    return features.map((f) => spansOfTags(second.bestClasses(f).map((k) => classes[k]!)));
  }

  /** BIO tags for one sentence's words. */
  tags(words: readonly string[]): string[] {
    const classes = this.model.classes;
    if (!this.fast) return decode(this.model, sentenceFeatures(words), this.allowed).map((c) => classes[c]!);
    const n = this.fast.decode(words);
    const out = this.fast.classes;
    const tags = new Array<string>(n);
    for (let i = 0; i < n; i++) tags[i] = classes[out[i]!]!;
    return tags;
  }

  /**
   * The PER and ORG spans holding a capitalised word, as `spans` gives them, without decoding the
   * tail of a sentence that can hold no such span. With `anchors`, only spans holding a flagged
   * word are sure to be found (see FastDecoder.decode).
   */
  names(words: readonly string[], anchors?: Uint8Array, memo?: readonly SlotMemo[], memoFrom = 0): ActorName[] {
    const found: ActorName[] = [];
    if (!this.fast) {
      for (const s of this.spans(words)) if (isName(s, words)) found.push(s);
      return joinPeople(found);
    }
    const n = this.fast.decode(words, true, anchors, memo, memoFrom);
    const out = this.fast.classes;
    const types = this.types;
    // Chunks as spansOfTags reads them: an I- of another type (never decoded) would start a chunk.
    let from = -1;
    let type: NameType | null = null;
    for (let i = 0; i <= n; i++) {
      const c = i < n ? out[i]! : 0;
      const t = types[c] ?? null;
      const inside = t !== null && this.model.classes[c]!.startsWith('I-');
      if (type !== null && (!inside || t !== type)) {
        const span = { from, to: i, type };
        if (isName(span, words)) found.push(span);
        type = null;
      }
      if (t !== null && type === null) {
        from = i;
        type = t;
      }
    }
    return joinPeople(found);
  }

  spans(words: readonly string[]): NameSpan[] {
    return spansOfTags(this.tags(words));
  }

  private temperature = 0;

  /**
   * The best whole-sentence tags (Viterbi over locally normalised scores): slower than `tags`
   * (about 6 ms per 100 words), better on CoNLL-2003 dev; for offline tagging, not the pipeline.
   */
  bestTags(words: readonly string[]): string[] {
    const classes = this.model.classes;
    return this.bestClasses(sentenceFeatures(words)).map((c) => classes[c]!);
  }

  private bestClasses(f: SentenceFeatures): number[] {
    if (this.temperature === 0) {
      let max = 0;
      for (const v of this.model.weights) if (Math.abs(v) > max) max = Math.abs(v);
      this.temperature = Math.max(max, 1e-9) * this.temperatureShare;
    }
    return viterbi(this.model, f, this.temperature, this.allowed);
  }

  bestSpans(words: readonly string[]): NameSpan[] {
    return spansOfTags(this.bestTags(words));
  }
}

/** A tagged person or organisation name. */
export type ActorName = NameSpan & { readonly type: 'PER' | 'ORG' };

/**
 * Two person names never follow each other without a word or a mark between them: adjacent PER
 * spans (a greedy B-PER B-PER, as "Qari" then "Yousuf Ahmadi") are one name.
 */
function joinPeople(found: ActorName[]): ActorName[] {
  for (let k = found.length - 1; k > 0; k--) {
    const a = found[k - 1]!;
    const b = found[k]!;
    if (a.type === 'PER' && b.type === 'PER' && a.to === b.from) found.splice(k - 1, 2, { ...a, to: b.to });
  }
  return found;
}

/**
 * The news agency of a wire dateline ("BEIRUT, Lebanon (Some Agency) -" at the start of the body):
 * the capitalised name in brackets between the place and the dash. Offsets in the body, or null.
 */
const DATELINE_AGENCY =
  /^\p{Lu}[\p{Lu} .'-]*\p{Lu}(?:, [\p{L} .'-]{1,40}?)? \((\p{Lu}[\p{L}&.' ]{0,40}[\p{L}.])\)\s*[-\u2013\u2014]/u;

function datelineAgency(body: string): { start: number; end: number } | null {
  const m = DATELINE_AGENCY.exec(body.slice(0, 140));
  if (!m) return null;
  const start = m[0].indexOf('(') + 1;
  return { start, end: start + m[1]!.length };
}

function isName(s: NameSpan, words: readonly string[]): s is ActorName {
  if (s.type !== 'PER' && s.type !== 'ORG') return false;
  for (let k = s.from; k < s.to; k++) if (capitalised(words[k]!)) return true;
  return false;
}

const ENTITY_TYPE = { PER: 'person', ORG: 'organization' } as const;

/**
 * Positions of `starts` in a stable sort by start, without a comparator: start * 2^b + position
 * sorted as numbers (2^b above the count; exact while below 2^53, else the comparator sort).
 */
function startOrder(starts: readonly number[]): Int32Array {
  const count = starts.length;
  let max = 0;
  for (const s of starts) max = Math.max(max, s);
  const scale = 2 ** Math.ceil(Math.log2(count + 1));
  const order = new Int32Array(count);
  if ((max + 1) * scale > Number.MAX_SAFE_INTEGER) {
    const sorted = Array.from(starts.keys()).sort((a, b) => starts[a]! - starts[b]! || a - b);
    order.set(sorted);
    return order;
  }
  const keys = new Float64Array(count);
  for (let k = 0; k < count; k++) keys[k] = starts[k]! * scale + k;
  keys.sort();
  for (let k = 0; k < count; k++) order[k] = keys[k]! % scale;
  return order;
}

/**
 * `capitalised(text)` for a token whose text is `text` (`body.slice(t.start, t.end)`), read from the
 * body when the first character is ASCII: the body is read in order, the token's string not at all.
 */
function capitalisedIn(body: string, t: { start: number; end: number }, text: string): boolean {
  const c = t.end > t.start ? body.charCodeAt(t.start) : 128;
  return c < 128 ? c >= 65 && c <= 90 : capitalised(text);
}

/** The token's text is "by" (read from the body, as capitalisedIn). */
function isBy(body: string, t: { start: number; end: number }): boolean {
  return t.end - t.start === 2 && body.charCodeAt(t.start) === 98 && body.charCodeAt(t.start + 1) === 121;
}

/** Anchors of one sentence (zeroed over its length before use; the decoder reads no further). */
let anchorScratch = new Uint8Array(256);

/** One sentence as the stage scanned it: its tokens and dictionary matches (cues, titles, names). */
export interface ScannedSentence {
  readonly toks: readonly Tok[];
  readonly matches: readonly Match<unknown>[];
  /** facilityMask(toks, lex) when already computed (undefined: not yet). */
  readonly facility?: Uint8Array | null;
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
  known: TokenTexts = tokenTexts(sentences, body),
  /** Per layer token, its decoder slot memo (the stage's token forms), when the caller has them. */
  memo?: readonly SlotMemo[],
): Entity[] {
  // The spans taken already, in start order (ties in the order found), as two number arrays.
  const starts: number[] = [];
  const ends: number[] = [];
  for (const e of found) {
    starts.push(e.start);
    ends.push(e.end);
  }
  for (const scan of scans) {
    for (const m of scan.matches) {
      starts.push(scan.toks[m.from]!.start);
      ends.push(scan.toks[m.to - 1]!.end);
    }
    const facility = scan.facility !== undefined ? scan.facility : facilityMask(scan.toks, lex);
    if (facility) {
      for (let k = 0; k < scan.toks.length; k++) {
        if (!facility[k]) continue;
        starts.push(scan.toks[k]!.start);
        ends.push(scan.toks[k]!.end);
      }
    }
  }
  const count = starts.length;
  const order = startOrder(starts);
  const takenStart = new Int32Array(count);
  const takenEnd = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    takenStart[k] = starts[order[k]!]!;
    takenEnd[k] = ends[order[k]!]!;
  }
  const out: Entity[] = [];
  const texts = known.texts;
  let cursor = 0;
  for (const s of sentences.sentences) {
    const tokens = sentences.tokens;
    const first = s.tokenStart;
    const n = s.tokenEnd - first;
    while (cursor < count && takenStart[cursor]! < s.start) cursor++;
    const from = Math.max(0, cursor - 1);
    // A span is kept only if none of taken[from ..] overlaps it, so it holds a capitalised word
    // that none overlaps: the tagger need not decode past the last such word, nor a sentence without one.
    if (anchorScratch.length < n) anchorScratch = new Uint8Array(n * 2);
    const anchors = anchorScratch;
    anchors.fill(0, 0, n);
    let anchored = false;
    for (let k = 0; k < n; k++) {
      const t = tokens[first + k]!;
      if (!capitalisedIn(body, t, texts[first + k]!)) continue;
      let free = true;
      for (let j = from; free && j < count && takenStart[j]! < t.end; j++) if (takenEnd[j]! > t.start) free = false;
      if (free) {
        anchors[k] = 1;
        anchored = true;
      }
    }
    if (!anchored) continue;
    let credit = false;
    for (let k = 1; k < n && !credit; k++) {
      if (isBy(body, tokens[first + k]!) && lex.creditWords.has(known.lower(first + k - 1))) credit = true;
    }
    if (credit) continue;
    // The shared token texts: the same strings every report, so the decoder's word lookups are cheap.
    const words = texts.slice(first, s.tokenEnd);
    // names(): PER / ORG spans with a capital ("interior ministry" is a description, not a name).
    for (const span of tagger.names(words, anchors, memo, s.tokenStart)) {
      const start = tokens[s.tokenStart + span.from]!.start;
      const end = tokens[s.tokenStart + span.to - 1]!.end;
      if (start > 0 && /[-\u2010\u2011]/.test(body[start - 1]!) && /\S/.test(body[start - 2] ?? ' ')) continue;
      let clash = false;
      for (let k = from; k < count && takenStart[k]! < end; k++) if (takenEnd[k]! > start) clash = true;
      if (clash) continue;
      // A name before a place noun is the place's modifier.
      if (span.to < words.length && lex.placeNouns.has(words[span.to]!)) continue;
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
  // The dateline's agency is an organisation (the tagger, trained on datelines without one, may miss it).
  const agency = datelineAgency(body);
  if (agency) {
    let clash = out.some((e) => e.start < agency.end && e.end > agency.start);
    for (let k = 0; k < count && takenStart[k]! < agency.end && !clash; k++) clash = takenEnd[k]! > agency.start;
    if (!clash) {
      const text = body.slice(agency.start, agency.end);
      // Written out field by field: a spread followed by more fields is slow in V8.
      const { start, end } = agency;
      out.unshift({ start, end, text, type: 'organization', canonical: text, actor: null, via: 'rule' });
    }
  }
  return out;
}
