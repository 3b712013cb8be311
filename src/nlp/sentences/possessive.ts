/**
 * A possessive "'s" glued to punctuation ("the army's," "Idlib's-"), read the same way every time.
 *
 * wink-nlp splits "Idlib's north" into "Idlib" + "'s", but a word it does not know followed by
 * punctuation ("Idlib's,") becomes one token, which wink then adds to its lexicon: from then on the
 * same process keeps "Idlib's" whole everywhere, tagged as a proper noun ("government's" too). A
 * report would then read differently depending on what the process read before it. So before wink
 * reads a body, a space is put (in wink's copy only) between such a word and its "'s", which makes
 * wink split it as it splits "Idlib's north", and it never learns the glued form. Contractions wink
 * knows ("that's," "it's.") are left to wink, which splits them itself with the right tag.
 * Offsets are mapped back to the body, so no span changes meaning.
 */

/** An apostrophe + s ending a word, followed by a character that is neither space nor word (a closing quote too). */
const GLUED = /['\u2019][sS](?=[^\s\p{L}\p{N}])/gu;
/** The word before the apostrophe: letters, digits, dots, hyphens and apostrophes (O'Neill's). */
const WORD_CHAR = /[\p{L}\p{N}.'\u2019-]/u;

/** The body with a space before each glued possessive, and where the spaces went. */
export interface SplitText {
  /** What wink reads: the body itself when nothing was inserted. */
  readonly text: string;
  /** Body offsets (ascending) before which one space was inserted. */
  readonly inserted: readonly number[];
}

/**
 * Finds the glued possessives wink would keep whole. `inLexicon(word)` says whether wink's own
 * lexicon (not what it learned at run time) holds the word, e.g. a contraction it splits itself.
 */
export function splitGluedPossessives(body: string, inLexicon: (word: string) => boolean): SplitText {
  if (body.indexOf("'") < 0 && body.indexOf('\u2019') < 0) return { text: body, inserted: [] };
  const inserted: number[] = [];
  for (const m of body.matchAll(GLUED)) {
    const at = m.index;
    let start = at;
    while (start > 0 && WORD_CHAR.test(body[start - 1]!)) start--;
    // Only a word before it: a bare "'s" or one after punctuation is wink's to handle.
    if (start === at || !/[\p{L}\p{N}]/u.test(body[at - 1]!)) continue;
    if (inLexicon(body.slice(start, at + 2))) continue;
    inserted.push(at);
  }
  if (inserted.length === 0) return { text: body, inserted };
  let text = '';
  let from = 0;
  for (const at of inserted) {
    text += body.slice(from, at) + ' ';
    from = at;
  }
  return { text: text + body.slice(from), inserted };
}

/**
 * Maps an offset in the split text back to the body. Offsets must be walked in ascending order;
 * `state.k` counts the insertions already passed.
 */
export function bodyOffset(split: SplitText, offset: number, state: { k: number }): number {
  const { inserted } = split;
  // Insertion k's space sits at inserted[k] + k in the split text.
  while (state.k < inserted.length && inserted[state.k]! + state.k < offset) state.k++;
  return offset - state.k;
}
