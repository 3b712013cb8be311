/**
 * Field parsing shared by the dataset importers: dates in the shapes datasets write, numbers, and
 * the checks the events table enforces, done per row so a bad row is quarantined, not a batch.
 */
import { parseIsoDay } from '../../core/date.js';
import { isEventType, type EventType } from '../../core/taxonomy.js';
import type { EventFields } from '../../store/types.js';

/** A row that cannot be imported; the message is the reason quarantined with it. */
export class RowError extends Error {}

export interface MappedRow {
  readonly sourceId: string;
  /** A new object for every row: read-batches.ts adds the provenance to it and keeps it as the event. */
  readonly fields: EventFields;
}

/** Maps one parsed row; null means "not a conflict event, skipped on purpose" (counted). */
export type RowMapper = (row: readonly string[]) => MappedRow | null;

export interface DatasetReader {
  readonly dataset: string;
  readonly delimiter: string;
  /** GDELT is tab-separated without quoting: a quote character is just a character there. */
  readonly quoted: boolean;
  readonly header: boolean;
  /** Builds the row mapper from the header row (null when the format has none); throws RowError. */
  prepare(header: readonly string[] | null): RowMapper;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const ISO = /^(\d{4})-(\d{2})-(\d{2})/;
const DAY_MONTH_YEAR = /^(\d{1,2})[\s-]([A-Za-z]+)[\s-](\d{4})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** 2016-07-02, 21 March 2020, 01-January-2015, 20160904, 21/03/2020 (day first) -> YYYY-MM-DD. */
export function parseDay(value: string, field: string): string {
  const v = value.trim();
  let day: string | null = null;
  let m: RegExpExecArray | null;
  if ((m = ISO.exec(v))) day = parseIsoDay(`${m[1]}-${m[2]}-${m[3]}`);
  else if ((m = DAY_MONTH_YEAR.exec(v))) {
    const month = MONTHS[m[2]!.slice(0, 3).toLowerCase()];
    if (month) day = parseIsoDay(`${m[3]}-${String(month).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`);
  } else if ((m = COMPACT.exec(v))) day = parseIsoDay(`${m[1]}-${m[2]}-${m[3]}`);
  else if ((m = SLASHED.exec(v))) day = parseIsoDay(`${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`);
  if (!day) throw new RowError(`${field} "${v.slice(0, 40)}" is not a date`);
  return day;
}

export function text(value: string | undefined): string | null {
  const v = value?.trim();
  return v ? v : null;
}

export function required(value: string | undefined, field: string): string {
  const v = text(value);
  if (v === null) throw new RowError(`${field} is empty`);
  return v;
}

export function coordinate(value: string | undefined, field: 'latitude' | 'longitude'): number | null {
  const v = text(value);
  if (v === null) return null;
  const n = Number(v);
  const max = field === 'latitude' ? 90 : 180;
  if (!Number.isFinite(n) || Math.abs(n) > max)
    throw new RowError(`${field} "${v.slice(0, 20)}" is not in -${max}..${max}`);
  return n;
}

export function count(value: string | undefined, field: string): number | null {
  const v = text(value);
  if (v === null) return null;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new RowError(`${field} "${v.slice(0, 20)}" is not a whole number >= 0`);
  return n;
}

export function precision(value: string | undefined, field: string): 1 | 2 | 3 | null {
  const v = text(value);
  if (v === null) return null;
  if (v === '1' || v === '2' || v === '3') return Number(v) as 1 | 2 | 3;
  throw new RowError(`${field} "${v.slice(0, 20)}" is not 1, 2 or 3`);
}

export function eventType(value: string): EventType {
  if (!isEventType(value)) throw new RowError(`event_type "${value.slice(0, 60)}" is not one of ACLED's six`);
  return value;
}

/** Latitude and longitude come as a pair or not at all (the store's rule). */
export function point(lat: number | null, lon: number | null): { latitude: number | null; longitude: number | null } {
  if ((lat === null) !== (lon === null))
    throw new RowError('latitude and longitude must both be given or both be empty');
  return { latitude: lat, longitude: lon };
}

/** Column positions by lower-cased header name, with aliases for renamed columns. */
export function columnIndex(header: readonly string[], aliases: Record<string, string> = {}): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    const name = h
      .trim()
      .replace(/^\uFEFF/, '')
      .toLowerCase();
    const canonical = aliases[name] ?? name;
    if (!index.has(canonical)) index.set(canonical, i);
  });
  return index;
}
