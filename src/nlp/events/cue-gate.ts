/**
 * Cue scans only where a cue can match: a cue regex built from lists (wordAlt, testAlt) is tested on
 * a stretch of a report only when the stretch holds an anchor word of each list (cue-anchors.ts).
 * The anchors' places are found once per report, by one pass over the lower-cased body that hashes
 * its runs of ASCII letters and digits, on first use (a report without a trigger hit needs none).
 */
import { listAnchors } from './cue-anchors.js';
import { testSpan } from './cue-regex.js';
import { LOW, SMI, wordHash } from './token-words.js';

/** The anchor sets of a lexicon's cue regexes, built once with the lexicon. */
export interface GateIndex {
  /** A gated regex -> the bits of the anchor sets it needs (one anchor of each must stand in the stretch). */
  readonly needs: ReadonlyMap<RegExp, readonly number[]>;
  /** The 30-bit hash of an anchor word -> the bits of its sets (words that share a hash share them). */
  readonly bitsOf: ReadonlyMap<number, number>;
  /** One byte per low 16 bits of a hash: 1 where some anchor has them. */
  readonly filter: Uint8Array;
  readonly sets: number;
}

/** At most this many anchor sets (bits of a small integer); lists beyond them are not gated. */
const MAX_SETS = 30;

/**
 * The index of `entries`: each regex with the item lists it is built from, every one of which its
 * match holds an item of (a list whose items have no anchor is left out; a regex with none is not gated).
 */
export function gateIndex(entries: readonly (readonly [RegExp | null, readonly (readonly string[])[]])[]): GateIndex {
  const bitOfSet = new Map<string, number>();
  const needs = new Map<RegExp, number[]>();
  const bitsOf = new Map<number, number>();
  for (const [re, lists] of entries) {
    if (!re) continue;
    const bits: number[] = [];
    for (const items of lists) {
      const words = listAnchors(items);
      if (!words) continue;
      const key = [...words].sort().join(' ');
      let bit = bitOfSet.get(key);
      if (bit === undefined) {
        if (bitOfSet.size >= MAX_SETS) continue;
        bitOfSet.set(key, (bit = bitOfSet.size));
        for (const w of words) {
          const h = wordHash(w) & SMI;
          bitsOf.set(h, (bitsOf.get(h) ?? 0) | (1 << bit));
        }
      }
      if (!bits.includes(bit)) bits.push(bit);
    }
    if (bits.length) needs.set(re, bits);
  }
  const filter = new Uint8Array(LOW + 1);
  for (const h of bitsOf.keys()) filter[h & LOW] = 1;
  return { needs, bitsOf, filter, sets: bitOfSet.size };
}

/** One report's gate: the lower-cased body (null: nothing gated) and, once read, where each set's anchors start. */
export interface CueGate {
  readonly lower: string | null;
  readonly index: GateIndex;
  starts: number[][] | null;
}

/**
 * The gate of a report. `lower`: the body lower-cased when the case-blind cue tests may run on it
 * (lowerTestsExact), else null, and every test runs.
 */
export function cueGate(lower: string | null, index: GateIndex): CueGate {
  return { lower, index, starts: null };
}

const isWordChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/** Where the runs of each anchor set start, in text order. */
function anchorStarts(text: string, index: GateIndex): number[][] {
  const starts: number[][] = [];
  for (let b = 0; b < index.sets; b++) starts.push([]);
  let from = -1;
  let h = 0;
  for (let k = 0; k <= text.length; k++) {
    const c = k < text.length ? text.charCodeAt(k) : 32;
    if (isWordChar(c)) {
      if (from < 0) {
        from = k;
        h = 0;
      }
      h = (Math.imul(h, 31) + c) | 0;
    } else if (from >= 0) {
      if (index.filter[h & LOW]) {
        let mask = index.bitsOf.get(h & SMI) ?? 0;
        while (mask !== 0) {
          const bit = 31 - Math.clz32(mask);
          starts[bit]!.push(from);
          mask &= ~(1 << bit);
        }
      }
      from = -1;
    }
  }
  return starts;
}

/** Whether a sorted list has a value in [start, end). */
function someIn(list: readonly number[], start: number, end: number): boolean {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < start) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length && list[lo]! < end;
}

/**
 * False only when `re` cannot match the stretch [start, end) of the body (as a slice, case-blind):
 * a gated regex whose stretch lacks an anchor of one of its sets. A stretch that cuts a run (the slice
 * would see a shorter word at its edge) is always tested.
 */
export function mayMatch(gate: CueGate, re: RegExp, start: number, end: number): boolean {
  const text = gate.lower;
  if (text === null) return true;
  const bits = gate.index.needs.get(re);
  if (bits === undefined) return true;
  if (start > 0 && start < text.length && isWordChar(text.charCodeAt(start - 1)) && isWordChar(text.charCodeAt(start)))
    return true;
  if (end > 0 && end < text.length && isWordChar(text.charCodeAt(end - 1)) && isWordChar(text.charCodeAt(end)))
    return true;
  const starts = (gate.starts ??= anchorStarts(text, gate.index));
  for (let i = 0; i < bits.length; i++) if (!someIn(starts[bits[i]!]!, start, end)) return false;
  return true;
}

/** `re.test(text.slice(start, end))` where the gate lets it run (mayMatch), else false. */
export function gatedTest(gate: CueGate, re: RegExp, text: string, start: number, end: number): boolean {
  return mayMatch(gate, re, start, end) && re.test(text.slice(start, end));
}

/** testSpan (cue-regex.ts) of `re` on the stretch of `body` where the gate lets it run, else false. */
export function gatedSpan(gate: CueGate, re: RegExp, body: string, start: number, end: number): boolean {
  return mayMatch(gate, re, start, end) && testSpan(re, body, gate.lower, start, end);
}
