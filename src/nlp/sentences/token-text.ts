/**
 * The text of each token of a sentences layer, and its lower-cased form, computed once per report and
 * shared by the stages that read words (entities, dates, ...) instead of each slicing the body again.
 *
 * The sentences stage fills the texts from wink-nlp's own token strings, which wink keeps in its
 * lexicon: the same string objects come back report after report, so the Map lookups the later
 * stages make with them reuse a hash V8 has already computed, and no string is allocated per token.
 * A layer made any other way (a test's, a copy, one read back from JSON) gets the same texts by
 * slicing its body.
 */
import type { SentencesLayer } from '../../core/document.js';
import { wordTable } from './word-ids.js';

// Lower-cased forms of the strings seen with a capital or beyond ASCII, so a word's lower case is
// one string across reports.
const lowerCache = new Map<string, string>();
const LOWER_CACHE_LIMIT = 100_000;

/** `text.toLowerCase()` (the text itself when it has no capital; else memoised). */
export function lowerOf(text: string): string {
  let plain = true;
  for (let i = 0; i < text.length && plain; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || (c >= 65 && c <= 90)) plain = false;
  }
  if (plain) return text;
  let lower = lowerCache.get(text);
  if (lower === undefined) {
    lower = text.toLowerCase();
    if (lowerCache.size >= LOWER_CACHE_LIMIT) lowerCache.clear();
    lowerCache.set(text, lower);
  }
  return lower;
}

export class TokenTexts {
  private readonly lowers: Array<string | undefined>;
  private wordIds: Int32Array | undefined;

  /**
   * `texts[i]` equals `body.slice(tokens[i].start, tokens[i].end)`; `lowers`, when given, holds
   * their lower case already (it is kept, not copied); `ids`, when given, their word ids (`wordTable`).
   */
  constructor(
    readonly texts: readonly string[],
    lowers?: Array<string | undefined>,
    ids?: Int32Array,
  ) {
    this.lowers = lowers ?? new Array<string | undefined>(texts.length);
    this.wordIds = ids;
  }

  /** Each token's word id in `wordTable` (`wordTable.text(ids[i])` is `texts[i]`), interned on first use. */
  get ids(): Int32Array {
    let ids = this.wordIds;
    if (ids === undefined) {
      const texts = this.texts;
      ids = new Int32Array(texts.length);
      for (let i = 0; i < texts.length; i++) ids[i] = wordTable.intern(texts[i]!);
      this.wordIds = ids;
    }
    return ids;
  }

  /** `texts[i].toLowerCase()`: by word id when the ids are known (two array reads), else computed on first use. */
  lower(i: number): string {
    let lower = this.lowers[i];
    if (lower === undefined) {
      const ids = this.wordIds;
      lower = ids !== undefined ? wordTable.lowerText(ids[i]!) : lowerOf(this.texts[i]!);
      this.lowers[i] = lower;
    }
    return lower;
  }
}

// The texts ride on the layer itself, under a symbol, not enumerable: JSON, spreads and deep
// equality never see them, and they die with the layer (a cache outside it kept layers alive past
// their report, or cost the garbage collector an ephemeron per report).
const TEXTS = Symbol('token texts');

/** Records the texts of a layer's tokens (the sentences stage, which has them from wink-nlp). */
export function rememberTokenTexts(layer: SentencesLayer, known: TokenTexts): void {
  Object.defineProperty(layer, TEXTS, { value: known });
}

/** The texts of the layer's tokens in `body`, and their lower case. */
export function tokenTexts(layer: SentencesLayer, body: string): TokenTexts {
  const own = (layer as { [TEXTS]?: TokenTexts })[TEXTS];
  if (own !== undefined) return own;
  const tokens = layer.tokens;
  const texts = new Array<string>(tokens.length);
  for (let i = 0; i < tokens.length; i++) texts[i] = body.slice(tokens[i]!.start, tokens[i]!.end);
  return new TokenTexts(texts);
}
