/**
 * Word shingles: every run of k consecutive normalised words, hashed to 32 bits. Word shingles
 * (not characters) make two texts similar only when they share phrasing, not just vocabulary.
 */
import { fmix32, fnv1a32 } from './hash.js';
import { normalisedWords } from './normalise.js';

/** The distinct shingle hashes of a text. A text shorter than k words is one shingle of all its words. */
export function shingleHashes(text: string, k: number): Uint32Array {
  const words = normalisedWords(text);
  if (words.length === 0) return new Uint32Array(0);
  const wordHashes = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) wordHashes[i] = fnv1a32(words[i]!);
  const width = Math.min(k, words.length);
  const all = new Uint32Array(words.length - width + 1);
  for (let start = 0; start < all.length; start++) {
    let h = width;
    for (let j = start; j < start + width; j++) {
      // Rotate before mixing so "a b" and "b a" hash differently.
      h = Math.imul(((h << 13) | (h >>> 19)) ^ wordHashes[j]!, 0x5bd1e995);
    }
    all[start] = fmix32(h);
  }
  // Sort and squeeze out repeats: cheaper than a Set for a few thousand numbers.
  all.sort();
  let n = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[n++] = all[i]!;
  return all.slice(0, n);
}
