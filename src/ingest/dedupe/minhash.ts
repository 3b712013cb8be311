/**
 * MinHash signatures: for each of P seeded permutations of the 32-bit hash space, the smallest
 * permuted shingle hash. The share of equal slots between two signatures estimates the Jaccard
 * similarity of their shingle sets (standard error about sqrt(J(1-J)/P)).
 *
 * Layout of a signature (a Uint32Array, stored as little-endian bytes by toBytes):
 *   [0] header = format << 24 | k << 16 | P     [1] number of distinct shingles     [2..P+1] minima
 * The header lets a reader refuse a signature made with other parameters instead of comparing nonsense.
 */
import { seeds } from './hash.js';
import { shingleHashes } from './shingle.js';

export const SIGNATURE_FORMAT = 1;
const HEADER_WORDS = 2;
const EMPTY = 0xffffffff;

export interface SignatureParams {
  /** Words per shingle. */
  readonly k: number;
  /** Number of permutations (signature slots). */
  readonly permutations: number;
}

/** Chosen by measurement on labelled Reuters pairs: see eval/dedupe/README.md. */
export const DEFAULT_PARAMS: SignatureParams = { k: 5, permutations: 256 };

const seedCache = new Map<number, Uint32Array>();
function permutationSeeds(count: number): Uint32Array {
  let s = seedCache.get(count);
  if (!s) seedCache.set(count, (s = seeds(count)));
  return s;
}

/** The MinHash signature of a text (use the cleaned body, not the page with its chrome). */
export function signature(text: string, params: SignatureParams = DEFAULT_PARAMS): Uint32Array {
  const { k, permutations: p } = params;
  if (!Number.isInteger(k) || k < 1 || k > 255) throw new RangeError(`shingle size k must be 1..255, got ${k}`);
  if (!Number.isInteger(p) || p < 1 || p > 0xffff) throw new RangeError(`permutations must be 1..65535, got ${p}`);
  const shingles = shingleHashes(text, k);
  const sig = new Uint32Array(HEADER_WORDS + p);
  sig[0] = ((SIGNATURE_FORMAT << 24) | (k << 16) | p) >>> 0;
  sig[1] = shingles.length;
  const s = permutationSeeds(p);
  const n = shingles.length;
  for (let i = 0; i < p; i++) {
    const seed = s[i]!;
    let min = EMPTY;
    for (let j = 0; j < n; j++) {
      // x -> fmix32(x ^ seed) is a bijection of the 32-bit space, one per seed (fmix32 inlined: hot loop).
      let h = shingles[j]! ^ seed;
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h = (h ^ (h >>> 16)) >>> 0;
      if (h < min) min = h;
    }
    sig[HEADER_WORDS + i] = min;
  }
  return sig;
}

export interface SignatureInfo {
  readonly format: number;
  readonly k: number;
  readonly permutations: number;
  readonly shingles: number;
  readonly minima: Uint32Array;
}

/** Reads a signature's header, refusing an array whose length does not match it. */
export function signatureInfo(sig: Uint32Array): SignatureInfo {
  if (sig.length < HEADER_WORDS) throw new RangeError(`not a MinHash signature: ${sig.length} words`);
  const header = sig[0]!;
  const format = header >>> 24;
  const k = (header >>> 16) & 0xff;
  const permutations = header & 0xffff;
  if (format !== SIGNATURE_FORMAT) throw new RangeError(`unknown signature format ${format}`);
  if (sig.length !== HEADER_WORDS + permutations) {
    throw new RangeError(`signature has ${sig.length - HEADER_WORDS} slots, its header says ${permutations}`);
  }
  return { format, k, permutations, shingles: sig[1]!, minima: sig.subarray(HEADER_WORDS) };
}

/** Estimated Jaccard similarity of the two shingle sets; 0 when either text is empty. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  const x = signatureInfo(a);
  const y = signatureInfo(b);
  if (x.k !== y.k || x.permutations !== y.permutations) {
    throw new RangeError(
      `signatures made with different parameters (k ${x.k}/${y.k}, P ${x.permutations}/${y.permutations})`,
    );
  }
  if (x.shingles === 0 || y.shingles === 0) return 0;
  let equal = 0;
  for (let i = 0; i < x.permutations; i++) if (x.minima[i] === y.minima[i]) equal++;
  return equal / x.permutations;
}

/** Little-endian bytes, for a BLOB/bytea column; independent of the machine's byte order. */
export function toBytes(sig: Uint32Array): Uint8Array {
  signatureInfo(sig);
  const bytes = new Uint8Array(sig.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < sig.length; i++) view.setUint32(i * 4, sig[i]!, true);
  return bytes;
}

/** The inverse of toBytes; throws a RangeError on a truncated or foreign blob. */
export function fromBytes(bytes: Uint8Array): Uint32Array {
  if (bytes.length % 4 !== 0)
    throw new RangeError(`signature blob of ${bytes.length} bytes is not a whole number of words`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sig = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < sig.length; i++) sig[i] = view.getUint32(i * 4, true);
  signatureInfo(sig);
  return sig;
}
