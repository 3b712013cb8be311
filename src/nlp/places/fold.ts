/**
 * Name folding: one key for every spelling of a place name, so "al-Rai", "Ar Ra'i" and
 * "Al Rai" meet, and "Deir ez-Zor" meets "Deir al-Zor".
 */

/** Arabic article forms that transliterations attach to a name in many ways. */
export const ARTICLES: ReadonlySet<string> = new Set([
  'al',
  'ar',
  'as',
  'ash',
  'at',
  'ad',
  'az',
  'an',
  'el',
  'ez',
  'es',
  'ed',
  'en',
  'ul',
]);

const MARKS = /[\u0300-\u036f]/g;
// Apostrophes, ayn/hamza signs and periods vanish ("Ra'i" = "Rai", "U.S." = "US").
const VANISH = /['’‘`ʼʻʿʾ.]/g;
const SEPARATORS = /[\s\-‐‑–—_/]+/g;
const NON_ASCII = /[\u0080-\uffff]/;

/** Lower-cases, strips diacritics, apostrophes and periods; hyphens and spaces become one space. */
export function normalise(name: string): string {
  let s = name;
  if (NON_ASCII.test(s))
    s = s.normalize('NFD').replace(MARKS, '').replace(/ı/g, 'i').replace(/ø/g, 'o').replace(/ß/g, 'ss');
  return s.toLowerCase().replace(VANISH, '').replace(SEPARATORS, ' ').trim();
}

/** The lookup key: normalised, with Arabic article words dropped wherever they stand. */
const SIMPLE = /^[A-Za-z]+$/;

export function fold(name: string): string {
  // Most gazetteer names are one plain word; skip the regex work for them.
  if (SIMPLE.test(name)) return name.toLowerCase();
  const normal = normalise(name);
  if (!normal.includes(' ')) return normal;
  const words = normal.split(' ');
  const kept = words.filter((w) => !ARTICLES.has(w));
  // A name made only of articles ("As") keeps itself rather than folding to nothing.
  return (kept.length ? kept : words).join(' ');
}

/** The folded key of a name already split into words (each normalised with `normalise`). */
export function foldWords(norms: readonly string[]): string {
  if (norms.length === 1) return norms[0]!;
  const kept = norms.filter((w) => !ARTICLES.has(w));
  return (kept.length ? kept : norms).join(' ');
}

/** `normalise` for one word, with a fast path for plain ASCII letters. */
export function normaliseWord(word: string): string {
  return SIMPLE.test(word) ? word.toLowerCase() : normalise(word);
}
