/**
 * Is this report English? Function words are the cheapest dependable signal: every language uses
 * its own few dozen constantly. Short English texts can have few of them ("Rebels attacked
 * Aleppo."), so a report is only called foreign when another language's words clearly win, or when
 * most of its letters are in a non-Latin script.
 */
import { z } from 'zod';
import { loadDataFile } from '../../core/data-file.js';
import { PerWord, wordTable } from './word-ids.js';

const FunctionWordsSchema = z.strictObject({
  languages: z.record(z.string().regex(/^[a-z]{2}$/), z.array(z.string().min(1)).min(15)).refine((l) => 'en' in l, {
    message: 'the English list (en) is required',
  }),
});

export interface FunctionWords {
  /** For each lowercase word, the languages it is a function word of. */
  readonly byWord: ReadonlyMap<string, readonly string[]>;
  /** Length of the longest word of `byWord` (a longer token cannot be one: lower-casing never shortens). */
  readonly maxLength: number;
  /** The languages of `byWord`, and each word's languages as indexes into it (for counting in an array). */
  readonly languages: readonly string[];
  readonly idsByWord: ReadonlyMap<string, readonly number[]>;
  /** `idsByWord` of a token's lower case, by the token's word id (sentences/word-ids.ts; NO_LANGUAGES: none). */
  readonly idsByWordId: PerWord<readonly number[]>;
}

const NO_LANGUAGES: readonly number[] = [];

export interface LanguageGuess {
  readonly english: boolean;
  /** Share of words that are English function words (0..1). */
  readonly englishScore: number;
  /** The language whose function words were commonest, when not English. */
  readonly other: string | null;
  readonly reason: string;
}

/** Below this share another language needs to be counted as the report's language. */
const MIN_OTHER_SHARE = 0.08;
/** Another language must have this many times English's function words to win. */
const WIN_FACTOR = 1.5;
/** ...and at least this many of them: a short English line can hold a Dutch "met" and an "in". */
const MIN_OTHER_HITS = 3;

export function loadFunctionWords(): FunctionWords {
  const { languages } = loadDataFile('sentences/function-words.yaml', FunctionWordsSchema);
  const byWord = new Map<string, string[]>();
  for (const [lang, words] of Object.entries(languages)) {
    for (const w of words) {
      const key = w.toLowerCase();
      const langs = byWord.get(key) ?? [];
      if (!langs.includes(lang)) langs.push(lang);
      byWord.set(key, langs);
    }
  }
  let maxLength = 0;
  for (const w of byWord.keys()) maxLength = Math.max(maxLength, w.length);
  const ids = languageIds(byWord);
  const idsByWordId = new PerWord((id) => ids.idsByWord.get(wordTable.lowerText(id)) ?? NO_LANGUAGES);
  return { byWord, maxLength, ...ids, idsByWordId };
}

function languageIds(byWord: ReadonlyMap<string, readonly string[]>): {
  languages: string[];
  idsByWord: Map<string, number[]>;
} {
  const languages: string[] = [];
  const idsByWord = new Map<string, number[]>();
  for (const [w, langs] of byWord)
    idsByWord.set(
      w,
      langs.map((lang) => {
        if (!languages.includes(lang)) languages.push(lang);
        return languages.indexOf(lang);
      }),
    );
  return { languages, idsByWord };
}

const LATIN = /\p{Script=Latin}/u;
const LETTER = /\p{L}/u;

/** Counts the words of a report, token by token in order, then guesses its language. */
export class LanguageCounter {
  private words = 0;
  private latin = 0;
  // Hits per language index, and the languages in the order of their first hit (ties go to the first).
  private readonly hits: Int32Array;
  private readonly order: number[] = [];

  constructor(private readonly fw: FunctionWords) {
    this.hits = new Int32Array(fw.languages.length);
  }

  /** Counts one token (a non-empty text, whose word id is `id`), in the order of the report. */
  add(text: string, id: number): void {
    // The first UTF-16 unit decides: ASCII letters are Latin letters, other ASCII is no letter.
    const c = text.charCodeAt(0) | 32;
    if (c < 128) {
      if (c < 97 || c > 122) return;
      this.latin++;
    } else {
      const first = text[0]!;
      if (!LETTER.test(first)) return;
      if (LATIN.test(first)) this.latin++;
    }
    this.words++;
    if (text.length > this.fw.maxLength) return;
    const langs = this.fw.idsByWordId.get(id);
    for (let k = 0; k < langs.length; k++) {
      const lang = langs[k]!;
      if (this.hits[lang] === 0) this.order.push(lang);
      this.hits[lang]!++;
    }
  }

  guess(): LanguageGuess {
    const { fw, words, latin, hits, order } = this;
    const counts = new Map<string, number>();
    for (const id of order) counts.set(fw.languages[id]!, hits[id]!);
    if (words === 0) return { english: true, englishScore: 0, other: null, reason: 'no words' };
    const en = counts.get('en') ?? 0;
    const englishScore = en / words;
    if (latin / words < 0.5) {
      return {
        english: false,
        englishScore,
        other: null,
        reason: `${Math.round((1 - latin / words) * 100)}% of words are in a non-Latin script`,
      };
    }
    let best: [string, number] | null = null;
    for (const [lang, n] of counts) if (lang !== 'en' && (!best || n > best[1])) best = [lang, n];
    if (best && best[1] >= MIN_OTHER_HITS && best[1] / words >= MIN_OTHER_SHARE && best[1] > en * WIN_FACTOR) {
      return {
        english: false,
        englishScore,
        other: best[0],
        reason: `${Math.round((best[1] / words) * 100)}% of words are "${best[0]}" function words against ${Math.round(englishScore * 100)}% English ones`,
      };
    }
    return { english: true, englishScore, other: null, reason: 'English' };
  }
}
