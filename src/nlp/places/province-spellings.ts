/** The memo of `provinceSpelling`'s answers, one per finder, bounded. */
import type { GazEntry } from './gazetteer.js';

// Bounds the memo of province spellings (country pairs, and names under each); only odd input reaches it.
const SPELLING_MEMO_LIMIT = 50_000;

/** The memo of one report's main countries: a map from a folded name to its province spelled so, or null. */
export function createProvinceSpellings(): (main: readonly string[]) => Map<string, GazEntry | null> {
  // By the report's main countries, then the name (reports share both).
  const spellingMemo = new Map<string, Map<string, GazEntry | null>>();
  return (main: readonly string[]): Map<string, GazEntry | null> => {
    const countries = main.join('|');
    let memo = spellingMemo.get(countries);
    if (memo === undefined || memo.size >= SPELLING_MEMO_LIMIT) {
      if (spellingMemo.size >= SPELLING_MEMO_LIMIT) spellingMemo.clear();
      spellingMemo.set(countries, (memo = new Map()));
    }
    return memo;
  };
}
