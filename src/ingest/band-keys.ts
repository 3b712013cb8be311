/**
 * LSH band keys of a MinHash signature, the same keys DuplicateIndex buckets by (dedupe/lsh.ts), so
 * a store can keep them in a table and find candidates with an indexed join instead of memory.
 */
import { DEFAULT_BANDS, signatureInfo, type BandLayout } from './dedupe/index.js';
import { fmix32 } from './dedupe/hash.js';

/** One unsigned 32-bit key per band; an empty text has none, so it is nobody's candidate. */
export function bandKeys(sig: Uint32Array, layout: BandLayout = DEFAULT_BANDS): number[] {
  const { minima, shingles } = signatureInfo(sig);
  if (shingles === 0) return [];
  const keys: number[] = [];
  for (let b = 0; b < layout.bands; b++) {
    let h = b;
    for (let r = 0; r < layout.rows; r++) h = fmix32(Math.imul(h, 0x01000193) ^ minima[b * layout.rows + r]!);
    keys.push(h >>> 0);
  }
  return keys;
}
