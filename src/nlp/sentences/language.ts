import type { Token } from '../../core/document.js';

// The commonest English function words: a cheap, dependable test of "is this English?".
const FUNCTION_WORDS = new Set(
  'the of and to a in that is was he for it with as his on be at by i this had not are but from or have an they which one you were her all she there would their we him been has when who will more no if out so said what up its about into than them can only other new some could time these two may then do first any my now such like our over man me even most made after also did many before must through back years where much your way well down should because each just those people how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three'.split(
    ' ',
  ),
);

/** Share of word tokens that are common English function words. */
export function englishScore(body: string, tokens: readonly Token[]): number {
  let words = 0;
  let hits = 0;
  for (const t of tokens) {
    const w = body.slice(t.start, t.end);
    if (!/\p{L}/u.test(w)) continue;
    words++;
    if (FUNCTION_WORDS.has(w.toLowerCase())) hits++;
  }
  return words === 0 ? 0 : hits / words;
}
