/**
 * The tagger's word table: what the training script learnt about words from unlabelled text and
 * from our own dictionaries, keyed by the FNV-1a hash of the lowercased word (no word is stored):
 * a distributional cluster (coarse and fine), how often the word is written in lowercase, and
 * gazetteer bits (a token of a country, city, person or organisation name we list). One table is
 * active per process (`setWordTable`); feature extraction reads it through `wordInfo`.
 */
import { pushVarint, VarintReader } from './varint.js';

/** Packed entry: bits 0-9 fine cluster (coarse = fine >> 4), 10-12 case class, 13-20 gazetteer bits. */
export const FINE_BITS = 10;
export const COARSE_SHIFT = 4;
export const CASE_SHIFT = 10;
export const GAZ_SHIFT = 13;
export const GAZ_BITS = 8;

/** Gazetteer bits (bit index in the GAZ field). */
export const GAZ = {
  country: 0, // a word of a country's name or capital
  demonym: 1,
  city: 2, // a one-word city name (GeoNames)
  cityPart: 3, // a word of a longer city name
  person: 4, // a word of a person's name in data/entities/people.yaml
  org: 5, // a word of an organisation or armed group name (organizations.yaml, groups.yaml)
  title: 6, // a person's title (recogniser.yaml)
  conflictPlace: 7, // a word of a city or province of the conflict countries (generics.yaml)
} as const;

/** Case classes: 0 unseen or rare, 1 mostly lowercase, 2 mixed, 3 mostly capitalised, 4 mostly all capitals. */
export const CASE_CLASSES = 5;

let active: ReadonlyMap<number, number> | null = null;
let version = 0;

/** Makes `table` the active word table (null: none); feature memos keyed on words must be cleared. */
export function setWordTable(table: ReadonlyMap<number, number> | null): void {
  active = table;
  version++;
}

/** Changes whenever the active table does (memo owners compare it). */
export function wordTableVersion(): number {
  return version;
}

/** The packed entry of a lowercased word's hash, or -1. */
export function wordInfo(lowerHash: number): number {
  if (active === null) return -1;
  const v = active.get(lowerHash);
  return v === undefined ? -1 : v;
}

export function hasWordTable(): boolean {
  return active !== null;
}

/** Serialises a table as sorted (hash gap, value) varint pairs. */
export function encodeWordTable(table: ReadonlyMap<number, number>): Buffer {
  const keys = [...table.keys()].sort((a, b) => a - b);
  const bytes: number[] = [];
  const push = (v: number) => pushVarint(bytes, v);
  let last = 0;
  push(keys.length);
  for (const k of keys) {
    push(k - last);
    push(table.get(k)!);
    last = k;
  }
  return Buffer.from(bytes);
}

export function decodeWordTable(raw: Uint8Array, from = 0): Map<number, number> {
  const varints = new VarintReader(raw, from);
  const read = () => varints.read();
  const n = read();
  const table = new Map<number, number>();
  let key = 0;
  for (let i = 0; i < n; i++) {
    key += read();
    table.set(key, read());
  }
  return table;
}
