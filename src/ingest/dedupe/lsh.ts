/**
 * Locality-sensitive hashing over MinHash signatures: the signature is cut into b bands of r
 * rows; two reports become candidates when all rows of at least one band agree. A pair with
 * Jaccard s is found with probability 1 - (1 - s^r)^b, so lookup touches only a few buckets
 * instead of every stored report.
 */
import { fmix32 } from './hash.js';
import { signatureInfo } from './minhash.js';

export interface BandLayout {
  readonly bands: number;
  readonly rows: number;
}

/** 128 x 2 over 256 slots: finds a pair with Jaccard 0.13 with p = 0.89, 0.2 with 0.99; 0.05 with 0.27. */
export const DEFAULT_BANDS: BandLayout = { bands: 128, rows: 2 };

/** Probability that a pair with Jaccard s shares at least one band. */
export function candidateProbability(s: number, layout: BandLayout = DEFAULT_BANDS): number {
  return 1 - (1 - s ** layout.rows) ** layout.bands;
}

/**
 * One 32-bit key per band; an empty text has no keys, so it is nobody's candidate. The store keeps
 * these keys in a table to find candidates with an indexed join; DuplicateIndex buckets by them.
 */
export function bandKeys(sig: Uint32Array, layout: BandLayout = DEFAULT_BANDS): Uint32Array {
  const { minima, shingles } = signatureInfo(sig);
  const { bands, rows } = layout;
  if (bands * rows > minima.length) {
    throw new RangeError(
      `${bands} bands x ${rows} rows need ${bands * rows} slots; the signature has ${minima.length}`,
    );
  }
  if (shingles === 0) return new Uint32Array(0);
  const keys = new Uint32Array(bands);
  for (let b = 0; b < bands; b++) {
    let h = b;
    for (let r = 0; r < rows; r++) h = fmix32(Math.imul(h, 0x01000193) ^ minima[b * rows + r]!);
    keys[b] = h;
  }
  return keys;
}

export class DuplicateIndex<Id extends string | number = string> {
  private readonly buckets: Map<number, Id[]>[];
  private readonly keysOf = new Map<Id, Uint32Array>();

  constructor(readonly layout: BandLayout = DEFAULT_BANDS) {
    if (!Number.isInteger(layout.bands) || !Number.isInteger(layout.rows) || layout.bands < 1 || layout.rows < 1) {
      throw new RangeError(`bands and rows must be positive integers, got ${layout.bands} x ${layout.rows}`);
    }
    this.buckets = Array.from({ length: layout.bands }, () => new Map<number, Id[]>());
  }

  get size(): number {
    return this.keysOf.size;
  }

  has(id: Id): boolean {
    return this.keysOf.has(id);
  }

  /** Indexes a report's signature; adding an id again replaces its earlier signature. */
  add(id: Id, sig: Uint32Array): void {
    if (this.keysOf.has(id)) this.remove(id);
    const keys = bandKeys(sig, this.layout);
    this.keysOf.set(id, keys);
    for (let b = 0; b < keys.length; b++) {
      const bucket = this.buckets[b]!;
      const ids = bucket.get(keys[b]!);
      if (ids) ids.push(id);
      else bucket.set(keys[b]!, [id]);
    }
  }

  remove(id: Id): boolean {
    const keys = this.keysOf.get(id);
    if (!keys) return false;
    this.keysOf.delete(id);
    for (let b = 0; b < keys.length; b++) {
      const bucket = this.buckets[b]!;
      const ids = bucket.get(keys[b]!);
      if (!ids) continue;
      const rest = ids.filter((x) => x !== id);
      if (rest.length) bucket.set(keys[b]!, rest);
      else bucket.delete(keys[b]!);
    }
    return true;
  }

  /** Ids sharing at least one band with the signature, each once, in insertion order per band. */
  candidates(sig: Uint32Array): Id[] {
    const keys = bandKeys(sig, this.layout);
    const seen = new Set<Id>();
    for (let b = 0; b < keys.length; b++) {
      const ids = this.buckets[b]!.get(keys[b]!);
      if (ids) for (const id of ids) seen.add(id);
    }
    return [...seen];
  }
}
