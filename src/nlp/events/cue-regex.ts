/**
 * Cue lists compiled to regexes: the plain word-bounded alternation (`wordAlt`), and the same test
 * built for speed (`testAlt`) for the lists that are only ever tested, never matched for a position.
 */

export const alt = (items: readonly string[]): string => items.map((s) => `(?:${s})`).join('|');
/** Word-bounded alternation; `\b` fails next to punctuation, so lookarounds on letters are used. */
export const wordAlt = (items: readonly string[]): string => `(?<![\\p{L}\\p{N}])(?:${alt(items)})(?![\\p{L}\\p{N}])`;

/**
 * A word whose first letter may also be a capital ("village" -> "[Vv]illage"), for the regexes that
 * must stay case-sensitive (an `i` flag would blind their \p{Lu}); a word not opening with a
 * lower-case letter is kept as it is.
 */
export const anyInitial = (w: string): string => w.replace(/^\p{Ll}/u, (c) => `[${c.toUpperCase()}${c}]`);

/** The end (exclusive) of the group that opens at `src[open]` ("("): escapes and classes skipped. */
export function groupEnd(src: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < src.length; i++) {
    const ch = src[i]!;
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i + 1;
  }
  return -1;
}

/** A regex source cut at its top-level bars (not inside groups or classes). */
export function topLevelAlternatives(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      out.push(src.slice(from, i));
      from = i + 1;
    }
  }
  out.push(src.slice(from));
  return out;
}

/**
 * A cue pattern as alternatives that each start with one plain letter, digit or apostrophe: a leading group
 * ("(has|have|had) seen", "(a )?record") is spread over what follows it. Null when a pattern starts
 * otherwise (a class, an escape, a repeated group, a look-around) or spreads into too many.
 */
export function leadingLetters(src: string, limit = 64): Array<readonly [string, string]> | null {
  const alternatives = topLevelAlternatives(src);
  if (alternatives.length > 1) {
    const out: Array<readonly [string, string]> = [];
    for (const alt of alternatives) {
      const leads = leadingLetters(alt, limit);
      if (!leads || out.push(...leads) > limit) return null;
    }
    return out;
  }
  const ch = src[0];
  if (ch === undefined) return null;
  if (ch === '(') {
    if (src[1] === '?' && src[2] !== ':') return null;
    const end = groupEnd(src, 0);
    if (end < 0) return null;
    const body = src.slice(src[1] === '?' ? 3 : 1, end - 1);
    let rest = src.slice(end);
    const optional = rest[0] === '?';
    if (optional) rest = rest.slice(1);
    if (rest[0] === '?' || rest[0] === '*' || rest[0] === '+' || rest[0] === '{') return null;
    const out: Array<readonly [string, string]> = [];
    for (const alt of [...topLevelAlternatives(body).map((a) => a + rest), ...(optional ? [rest] : [])]) {
      const leads = leadingLetters(alt, limit);
      if (!leads) return null;
      out.push(...leads);
      if (out.length > limit) return null;
    }
    return out;
  }
  // A letter, a digit or an apostrophe ("'ll"): a plain character that `.` in the look-behind matches.
  if (!/[a-z0-9'’]/.test(ch) || /[?*+{]/.test(src[1] ?? '')) return null;
  return [[ch, src.slice(1)]];
}

/**
 * The alternatives of `items` grouped by their first letter, each group as `x${after}(?:rest|...)`;
 * null when an item cannot be spread (see leadingLetters) or has a back-reference (spreading
 * renumbers groups). What matches where is the same set of strings; which alternative and which
 * groups match are not: for `test()` only.
 */
function byLeadingLetter(items: readonly string[], after: string): string | null {
  const byLead = new Map<string, string[]>();
  for (const item of items) {
    const leads = /\\[1-9k]/.test(item) ? null : leadingLetters(item);
    if (!leads) return null;
    for (const [lead, rest] of leads) (byLead.get(lead) ?? byLead.set(lead, []).get(lead)!).push(rest);
  }
  return `(?:${[...byLead].map(([lead, rests]) => `${lead}${after}(?:${rests.join('|')})`).join('|')})`;
}

/**
 * The same test as `new RegExp(wordAlt(items), flags)`, built for speed: the alternatives are grouped
 * by their first letter and the word-start look-behind is checked only after that letter
 * (`x(?<![\p{L}\p{N}].)`: the character before the x is no letter or digit), so most positions fail
 * on one character. Only `test()` is the same: which alternative matches, where, and its groups are
 * not. Items it cannot spread (see leadingLetters) keep the plain alternation.
 */
export function testAlt(items: readonly string[], flags: string): RegExp {
  const grouped = byLeadingLetter(items, '(?<![\\p{L}\\p{N}].)');
  return new RegExp(grouped ? `${grouped}(?![\\p{L}\\p{N}])` : wordAlt(items), flags);
}

/** `alt(items)` (no word edges) grouped by first letter, for `test()` only; the plain alternation when it cannot be. */
export function testAny(items: readonly string[]): string {
  return byLeadingLetter(items, '') ?? alt(items);
}

/**
 * True when every test of a lower-case pattern, case-sensitive (`u`), on `lowered` (`text.toLowerCase()`)
 * is the same as the `iu` test on `text`: the lower-casing kept every offset, and the text has none of the
 * two characters `iu` folds into another class (the long s "ſ" matches `s` and `\w`, U+0345 matches
 * `\p{L}`). Checked over every code point for literals, `\p{L}`, `\p{N}`, `\s`, `\d`, `\w` and `[^.;]`.
 */
export function lowerTestsExact(text: string, lowered: string): boolean {
  return lowered.length === text.length && !text.includes('\u017f') && !text.includes('\u0345');
}

/**
 * True when every slice of `lowered` (`text.toLowerCase()`) is that slice of `text` lower-cased: the
 * lower-casing kept every offset, and the text has no capital sigma (the one letter whose lower case
 * depends on the letter after it, "ς" at a word's end) and no surrogate (a slice could split a pair).
 */
export function slicesLowerExact(text: string, lowered: string): boolean {
  return lowered.length === text.length && !text.includes('\u03a3') && !/[\ud800-\udfff]/.test(text);
}

/** The lower-cased forms of a report's body that the case-blind scans read. */
export interface LowerForms {
  /** The body lower-cased, or the body itself when a few exotic letters ("İ") change its length. */
  readonly lower: string;
  /** lowerTestsExact: case-blind cue tests may run case-sensitively on `lower`. */
  readonly exact: boolean;
  /** `lower` when exact, else null (testSpan's argument). */
  readonly forTests: string | null;
  /** The lower-cased body when its slices are the slices lower-cased (slicesLowerExact), else null. */
  readonly slices: string | null;
}

export function lowerForms(body: string): LowerForms {
  const lowered = body.toLowerCase();
  const lower = lowered.length === body.length ? lowered : body;
  const exact = lowerTestsExact(body, lowered);
  return { lower, exact, forTests: exact ? lower : null, slices: slicesLowerExact(body, lowered) ? lowered : null };
}

const LOWER = new WeakMap<RegExp, RegExp | null>();

/**
 * A case-blind unicode regex without its `i` flag, for lower-cased text (the same test there, see
 * lowerTestsExact; a case-blind unicode regex is several times slower), or null when its source has an
 * upper-case letter (a literal, or an escape such as `\S`), a property other than `\p{L}` and `\p{N}`
 * (`\p{Lu}` reads case), or it keeps a position (`g`, `y`). Built once per regex.
 */
export function lowerVariant(re: RegExp): RegExp | null {
  let lc = LOWER.get(re);
  if (lc === undefined) {
    const rest = re.source.replace(/\\p\{[LN]\}/g, '');
    const flags = re.flags.replace('i', '');
    lc = re.flags.includes('iu') && !/[A-Z]|\\[pP]/.test(rest) ? new RegExp(re.source, flags) : null;
    LOWER.set(re, lc);
  }
  return lc;
}

/**
 * `re.test(text.slice(start, end))`, run case-sensitively on `lowered` (the text lower-cased, or null when
 * lowerTestsExact is false for it) where `re` has a lower-case variant.
 */
export function testSpan(re: RegExp, text: string, lowered: string | null, start: number, end: number): boolean {
  const lc = lowered === null ? null : lowerVariant(re);
  return lc ? lc.test(lowered!.slice(start, end)) : re.test(text.slice(start, end));
}
