/**
 * Small, fast, deterministic 32-bit hashes. Signatures are stored, so these functions and their
 * seeds are part of the signature format: changing them needs a new SIGNATURE_FORMAT.
 */

import { fmix32 } from '../../core/hash.js';

export { fmix32, fnv1a32 } from '../../core/hash.js';

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
