/**
 * Small, fast, deterministic 32-bit hashes shared by the near-duplicate signatures (ingest/dedupe)
 * and the name tagger's hashed features (nlp/entities/model). Both store results (signatures,
 * weights), so these functions are part of those formats: never change them.
 */

/** FNV-1a over UTF-16 code units: one pass per word, no allocation. */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's finaliser: a bijection on 32 bits that mixes every input bit into every output bit. */
export function fmix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
