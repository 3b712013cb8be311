import { z } from 'zod';
import { loadDataFile } from '../../core/data-file.js';
import type { Token } from '../../core/document.js';

const FunctionWordsSchema = z.strictObject({ words: z.array(z.string().min(1)).min(50) });

/** Loads the function-word list once; a set of lowercase words. */
export function loadFunctionWords(): ReadonlySet<string> {
  return new Set(
    loadDataFile('sentences/english-function-words.yaml', FunctionWordsSchema).words.map((w) => w.toLowerCase()),
  );
}

/** Share of word tokens that are common English function words (0..1). */
export function englishScore(body: string, tokens: readonly Token[], functionWords: ReadonlySet<string>): number {
  let words = 0;
  let hits = 0;
  for (const t of tokens) {
    const w = body.slice(t.start, t.end);
    if (!/\p{L}/u.test(w)) continue;
    words++;
    if (functionWords.has(w.toLowerCase())) hits++;
  }
  return words === 0 ? 0 : hits / words;
}
