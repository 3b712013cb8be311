/**
 * A small tokeniser shared by the alias index and the text, so both fold the same way:
 * accents stripped, case folded, dots of abbreviations dropped ("U.S." -> "us"),
 * hyphens treated as spaces ("al-Nusra" = "al Nusra"), a possessive "'s" kept as its own token.
 */
import { lowerOf, type TokenTexts } from '../sentences/token-text.js';
import { PerWord, wordTable } from '../sentences/word-ids.js';

export interface Tok {
  readonly start: number;
  readonly end: number;
  /** The folded key used for lookups. */
  readonly key: string;
  /** 0 = lowercase or punctuation, 1 = capitalised, 2 = all capitals (acronym-like). */
  readonly shape: 0 | 1 | 2;
  readonly word: boolean;
  /** wink-nlp POS of the sentence-layer token this came from (absent for the headline and aliases). */
  readonly pos?: string;
  /**
   * What a `FormCache`'s `headOf` gave for `key` (the alias index's entry for it as a first token, or
   * null), when the tokens came through one: the lookup made once per distinct word, not per token.
   */
  readonly head?: unknown;
  /**
   * What a `FormCache`'s `flagsOf` gave for `key` (e.g. the recogniser lexicon's sets holding it, as
   * bits), when the tokens came through one that has it: the set lookups made once per distinct word.
   */
  readonly flags?: number;
}

const TOKEN_RE = /(?:\p{L}\.){2,}|[\p{L}\p{M}\p{N}]+(?:['’ʼ][\p{L}\p{M}\p{N}]+)*|['’ʼ]s\b|[^\s\p{L}\p{M}\p{N}\-‐‑–—]/gu;
const APOSTROPHES = new Set(["'", '’', 'ʼ']);
const WORD_CHAR_RE = /[\p{L}\p{N}]/u;

const ASCII_PLAIN_RE = /^[A-Za-z0-9]+$/;

// Words repeat across reports, so folded keys are memoised (bounded, cleared when full).
const foldCache = new Map<string, string>();
const FOLD_CACHE_LIMIT = 50_000;

export function foldKey(raw: string): string {
  const cached = foldCache.get(raw);
  if (cached !== undefined) return cached;
  const key = foldUncached(raw);
  if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
  foldCache.set(raw, key);
  return key;
}

function foldUncached(raw: string): string {
  // Fast path: most tokens are plain ASCII words, which only need lowercasing.
  if (ASCII_PLAIN_RE.test(raw)) return raw.toLowerCase();
  return raw
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’ʼ]/g, "'")
    .toLowerCase()
    .replace(/(\p{L})\.(?=\p{L}|$)/gu, '$1')
    .replace(/(\p{L})'(?=\p{L})/gu, '$1');
}

function shapeOf(raw: string): 0 | 1 | 2 {
  const c = raw.charCodeAt(0);
  if (c >= 97 && c <= 122) return 0; // a-z
  if (c >= 65 && c <= 90 && ASCII_PLAIN_RE.test(raw)) {
    if (raw.length < 2) return 1;
    for (let i = 1; i < raw.length; i++) {
      const d = raw.charCodeAt(i);
      if (d >= 97 && d <= 122) return 1;
    }
    return 2;
  }
  const letters = raw.replace(/[^\p{L}]/gu, '');
  if (letters.length === 0) return 0;
  const first = letters[0]!;
  if (first === first.toLowerCase()) return 0;
  if (letters.length >= 2 && letters === letters.toUpperCase()) return 2;
  return 1;
}

function push(out: Tok[], raw: string, start: number): void {
  const key = foldKey(raw);
  const word = raw.length > 1 || WORD_CHAR_RE.test(raw);
  out.push({ start, end: start + raw.length, key, shape: shapeOf(raw), word });
}

/** Tokenises `text.slice(from, to)`; offsets are into `text`. */
export function tokenize(text: string, from = 0, to = text.length): Tok[] {
  const out: Tok[] = [];
  const slice = text.slice(from, to);
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(slice); m; m = TOKEN_RE.exec(slice)) {
    const raw = m[0];
    const start = from + m.index;
    const n = raw.length;
    const poss = n > 2 && raw.charCodeAt(n - 1) === 115 && APOSTROPHES.has(raw[n - 2]!) ? n - 2 : -1;
    if (poss > 0) {
      push(out, raw.slice(0, poss), start);
      out.push({ start: start + poss, end: start + raw.length, key: "'s", shape: 0, word: false });
    } else if (n === 2 && raw.charCodeAt(1) === 115 && APOSTROPHES.has(raw[0]!)) {
      out.push({ start, end: start + raw.length, key: "'s", shape: 0, word: false });
    } else {
      push(out, raw, start);
    }
  }
  return out;
}

/** Plain ASCII letters/digits: 0 = no, else 1 + shape, or 4 for shape 0 with no capital (one pass, no regex). */
function plainShape(text: string, start: number, end: number): number {
  let lower = false;
  let upper = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = true;
    else if (c >= 65 && c <= 90) upper = true;
    else if (c < 48 || c > 57) return 0;
  }
  const c0 = text.charCodeAt(start);
  if (!(c0 >= 65 && c0 <= 90)) return upper ? 1 : 4; // 4: already lowercase, no folding needed
  return upper && !lower && end - start >= 2 ? 3 : 2;
}

function isDash(c: number): boolean {
  return c === 45 || (c >= 0x2010 && c <= 0x2014);
}

/**
 * What `tokensFromLayer` makes of one token text: the same for every occurrence, so memoised by text.
 * `slot` and `slotEpoch` are the name tagger's memo of the text's decoder slot (a SlotMemo).
 */
export interface Form {
  /** 0: no token (a lone hyphen or space); 1: one token; 2: several (`subs`). */
  readonly kind: 0 | 1 | 2;
  readonly key: string;
  readonly shape: 0 | 1 | 2;
  readonly word: boolean;
  readonly head: unknown;
  /** `flagsOf(key)` (undefined: the cache has no `flagsOf`). */
  readonly flags: number | undefined;
  /** kind 2: the sub-tokens, offsets from the token's start. */
  readonly subs: readonly Tok[] | null;
  slot: number;
  slotEpoch: number;
}

const FORM_CACHE_LIMIT = 100_000;

/**
 * Token texts already folded, with `headOf(key)` (an alias index's first-token entry) beside them:
 * one Map lookup per token, keyed by the token's own text (the sentence layer hands the same string
 * objects back report after report).
 */
export class FormCache {
  private readonly forms = new Map<string, Form>();
  // The same forms by word id (sentences/word-ids.ts): an array read per token instead of a Map lookup.
  private byId = this.idTable();

  constructor(
    private readonly headOf: (key: string) => unknown,
    private readonly flagsOf?: (key: string) => number,
  ) {}

  get(raw: string): Form {
    let form = this.forms.get(raw);
    if (form === undefined) {
      form = this.make(raw);
      if (this.forms.size >= FORM_CACHE_LIMIT) {
        this.forms.clear();
        this.byId = this.idTable();
      }
      this.forms.set(raw, form);
    }
    return form;
  }

  /** `get(wordTable.text(id))`. */
  ofId(id: number): Form {
    return this.byId.get(id);
  }

  private idTable(): PerWord<Form> {
    return new PerWord((id) => this.get(wordTable.text(id)));
  }

  private make(raw: string): Form {
    const n = raw.length;
    const plain = plainShape(raw, 0, n);
    if (plain > 0) {
      const c0 = raw.charCodeAt(0);
      const shape = plain === 4 ? 0 : c0 >= 48 && c0 <= 57 ? shapeOf(raw) : ((plain - 1) as 0 | 1 | 2);
      const key = plain === 4 ? raw : lowerOf(raw);
      const head = this.headOf(key);
      return { kind: 1, key, shape, word: true, head, flags: this.flagsOf?.(key), subs: null, slot: 0, slotEpoch: 0 };
    }
    const c = raw.charCodeAt(0);
    if (n === 1 && c < 128) {
      const kind = !isDash(c) && c !== 32 ? 1 : 0;
      const head = kind ? this.headOf(raw) : null;
      const flags = this.flagsOf?.(raw);
      return { kind, key: raw, shape: 0, word: false, head, flags, subs: null, slot: 0, slotEpoch: 0 };
    }
    const subs = tokenize(raw).map((t) => ({ ...t, head: this.headOf(t.key), flags: this.flagsOf?.(t.key) }));
    return { kind: 2, key: raw, shape: 0, word: false, head: null, flags: undefined, subs, slot: 0, slotEpoch: 0 };
  }
}

/**
 * Our tokens for one sentence, from the sentence layer's wink tokens (never re-tokenised): plain words
 * are folded with one toLowerCase; the rare odd token ("U.S.", "Lt.", "al-Nusra", "Médecins") is split
 * and folded as the alias index folds its aliases, so both sides agree. With `forms`, each distinct
 * text is folded once (same tokens, plus their `head` and `flags`), and `formOf[i]` (if given) gets token i's form.
 */
export function tokensFromLayer(
  body: string,
  tokens: readonly { start: number; end: number; pos: string }[],
  from: number,
  to: number,
  known?: TokenTexts,
  forms?: FormCache,
  formOf?: Form[],
): Tok[] {
  if (forms) return tokensByForm(body, tokens, from, to, forms, known, formOf);
  const out: Tok[] = [];
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    const { start, end, pos } = t;
    const n = end - start;
    const plain = plainShape(body, start, end);
    if (plain > 0) {
      // The shared token texts when given: the same strings every report, none sliced here.
      const raw = known ? known.texts[i]! : body.slice(start, end);
      if (plain === 4) {
        out.push({ start, end, key: raw, shape: 0, word: true, pos });
        continue;
      }
      const c0 = raw.charCodeAt(0);
      const shape = c0 >= 48 && c0 <= 57 ? shapeOf(raw) : ((plain - 1) as 0 | 1 | 2);
      out.push({ start, end, key: known ? known.lower(i) : raw.toLowerCase(), shape, word: true, pos });
      continue;
    }
    const c = body.charCodeAt(start);
    if (n === 1 && c < 128) {
      // ASCII punctuation; a lone hyphen joins words and is not a token of its own.
      if (!isDash(c) && c !== 32) out.push({ start, end, key: body[start]!, shape: 0, word: false, pos });
      continue;
    }
    for (const sub of tokenize(body, start, end))
      out.push({ start: sub.start, end: sub.end, key: sub.key, shape: sub.shape, word: sub.word, pos });
  }
  return out;
}

function tokensByForm(
  body: string,
  tokens: readonly { start: number; end: number; pos: string }[],
  from: number,
  to: number,
  forms: FormCache,
  known?: TokenTexts,
  formOf?: Form[],
): Tok[] {
  const out: Tok[] = [];
  const ids = known?.ids;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    const start = t.start;
    const end = t.end;
    const pos = t.pos;
    const f = ids ? forms.ofId(ids[i]!) : forms.get(body.slice(start, end));
    if (formOf) formOf[i] = f;
    if (f.kind === 1)
      out.push({ start, end, key: f.key, shape: f.shape, word: f.word, pos, head: f.head, flags: f.flags });
    else if (f.kind === 2) {
      for (const sub of f.subs!)
        out.push({
          start: start + sub.start,
          end: start + sub.end,
          key: sub.key,
          shape: sub.shape,
          word: sub.word,
          pos,
          head: sub.head,
          flags: sub.flags,
        });
    }
  }
  return out;
}
