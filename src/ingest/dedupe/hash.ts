/**
 * Small, fast, deterministic 32-bit hashes. Signatures are stored, so these functions and their
 * seeds are part of the signature format: changing them needs a new SIGNATURE_FORMAT.
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

/** Deterministic seeds from a fixed start (SplitMix32-style), so every run makes the same permutations. */
export function seeds(count: number, start = 0x9e3779b9): Uint32Array {
  const out = new Uint32Array(count);
  let state = start >>> 0;
  for (let i = 0; i < count; i++) {
    state = (state + 0x9e3779b9) >>> 0;
    out[i] = fmix32(state);
  }
  return out;
}
