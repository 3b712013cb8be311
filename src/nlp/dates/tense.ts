/**
 * Is a date mention's clause about the future? Walks the tokens before the mention back to the
 * nearest clause boundary: a future cue ("will", "is due to") wins unless a past verb comes closer.
 */
import type { Sentence, Token } from '../../core/document.js';
import type { Span } from '../../core/span.js';
import { TokenTexts } from '../sentences/token-text.js';
import type { DatesLexicon } from './lexicon.js';

// Quotes, semicolons, colons and dashes open a new clause with its own tense.
const BOUNDARY = /^(?:[;:"“”()]|—|–|--)$/;
// Words that may open a sentence before its date without carrying tense ("Late on Sunday, ...").
const LEAD_IN = new Set([
  'on',
  'in',
  'by',
  'since',
  'early',
  'late',
  'later',
  'earlier',
  'and',
  'but',
  'then',
  'until',
  'from',
  ',',
]);

type Verdict = 'future' | 'past' | null;

function isPast(word: string, token: Token, lexicon: DatesLexicon): boolean {
  if (lexicon.pastForms.has(word)) return true;
  return (token.pos === 'VERB' || token.pos === 'AUX') && word.length > 3 && word.endsWith('ed');
}

const NO_SENTENCE: Sentence = { start: 0, end: 0, paragraph: 0, tokenStart: 0, tokenEnd: 0 };
const NO_TEXTS = new TokenTexts([]);

/**
 * The lower-cased words of one sentence by token index ('' outside it). A class rather than a closure
 * made per call: tsx names every closure it creates (a defineProperty each time).
 */
class WordAt {
  private body = '';
  private tokens: readonly Token[] = [];
  private sentence: Sentence = NO_SENTENCE;
  private known: TokenTexts | undefined = NO_TEXTS;

  /** Reads `sentence` until the next call (`known`: the tokens' texts, if the caller has them). */
  read(body: string, tokens: readonly Token[], sentence: Sentence, known: TokenTexts | undefined): this {
    this.body = body;
    this.tokens = tokens;
    this.sentence = sentence;
    this.known = known;
    return this;
  }

  at(i: number): string {
    const { sentence, tokens, known } = this;
    if (i < sentence.tokenStart || i >= sentence.tokenEnd) return '';
    return known ? known.lower(i) : this.body.slice(tokens[i]!.start, tokens[i]!.end).toLowerCase();
  }
}

// One reader for every call, not one made per call: V8 drops the hidden class of objects of which
// none is alive at a full garbage collection, and with it the optimised code of the functions
// below, which then ran unoptimised for a while after each collection.
const WORDS = new WordAt();

/** The future cue ending at token i, if any (cues may span several tokens: "due to"). */
function cueEndsAt(word: WordAt, i: number, lexicon: DatesLexicon): boolean {
  const candidates = lexicon.futureCues.get(word.at(i));
  if (!candidates) return false;
  return candidates.some((cue) => cue.every((w, k) => word.at(i - cue.length + 1 + k) === w));
}

// After these an -ed form is a passive participle ("will be sentenced"), which carries no tense.
const PASSIVE = new Set(['be', 'been', 'being', 'is', 'are', 'get']);
const VERBAL = new Set(['VERB', 'AUX']);

function classify(word: WordAt, tokens: readonly Token[], i: number, lexicon: DatesLexicon): Verdict {
  if (cueEndsAt(word, i, lexicon)) return 'future';
  if (isPast(word.at(i), tokens[i]!, lexicon) && !(word.at(i).endsWith('ed') && PASSIVE.has(word.at(i - 1))))
    return 'past';
  return null;
}

/** True when the clause holding `mention` speaks of the time after publication (`known`: the tokens' texts). */
export function isFutureContext(
  body: string,
  tokens: readonly Token[],
  sentence: Sentence,
  mention: Span,
  lexicon: DatesLexicon,
  known?: TokenTexts,
): boolean {
  const window = lexicon.data.settings.tenseWindow;
  const word = WORDS.read(body, tokens, sentence, known);
  let first = sentence.tokenStart;
  while (first < sentence.tokenEnd && tokens[first]!.end <= mention.start) first++;
  // Backwards from the mention to the clause boundary.
  let onlyLeadIn = true;
  // Set once the walk passes "to" + verb: the date sits in an infinitive clause ("to meet on Monday").
  let infinitive = false;
  for (let i = first - 1, n = 0; i >= sentence.tokenStart && n < window; i--, n++) {
    if (BOUNDARY.test(word.at(i))) break;
    if (word.at(i) === 'to' && i + 1 < first && VERBAL.has(tokens[i + 1]!.pos)) infinitive = true;
    if (infinitive && lexicon.infinitiveFutureVerbs.has(word.at(i))) return true;
    const verdict = classify(word, tokens, i, lexicon);
    if (verdict) return verdict === 'future';
    if (!LEAD_IN.has(word.at(i))) onlyLeadIn = false;
  }
  if (!onlyLeadIn) return false;
  // A date that opens its clause ("On Monday, talks will resume"): read the verb after it.
  let after = first;
  while (after < sentence.tokenEnd && tokens[after]!.start < mention.end) after++;
  for (let i = after, n = 0; i < sentence.tokenEnd && n < window; i++, n++) {
    if (BOUNDARY.test(word.at(i))) break;
    const verdict = classify(word, tokens, i, lexicon);
    if (verdict) return verdict === 'future';
  }
  return false;
}
