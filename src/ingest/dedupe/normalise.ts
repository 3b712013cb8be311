/**
 * Text normalisation for near-duplicate detection: two republications of one story differ in
 * case, quote style, punctuation and spacing, none of which should count as a difference.
 */

// Apostrophes of every style are dropped inside words ("Assad’s" = "Assad's" = "Assads"),
// so typographic quotes from one site and straight quotes from another give the same words.
const APOSTROPHES = /['\u2018\u2019\u201b\u02bc\u02b9\u0060\u00b4\u2032]/g;
// Anything that is not a letter, a digit or a combining mark separates words.
const NON_ASCII = /[^\u0000-\u007f]/; // eslint-disable-line no-control-regex
const SEPARATORS = /[^\p{L}\p{N}\p{M}]+/gu;

/** Lower-case, compatibility-folded text with punctuation removed and single spaces between words. */
export function normaliseText(text: string): string {
  // NFKC is the slow step and changes nothing in pure ASCII, the common case for wire copy.
  return (!NON_ASCII.test(text) ? text : text.normalize('NFKC'))
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(SEPARATORS, ' ')
    .trim();
}

/** The words of a text after normalisation (empty for a text with no letters or digits). */
export function normalisedWords(text: string): string[] {
  const norm = normaliseText(text);
  return norm === '' ? [] : norm.split(' ');
}
