/** Reads ACLED exports (modern and pre-2019 schemas) into gold events grouped by notes text. */
import { readFileSync } from 'node:fs';
import { loadOldAcledTypes } from '../../src/ingest/import/acled.js';
import { parseTable } from '../../src/services/records.js';
import { sampleKey } from '../lib/data.js';
import { parseAcledDate, type GoldEvent } from './score.js';

/**
 * Old event type (lower-cased) -> the types of today that count as right, from the importer's own
 * mapping (one source of truth): its type, plus every type its first-actor rule can choose.
 */
export function loadOldTypes(): Map<string, readonly string[]> {
  return new Map(
    [...loadOldAcledTypes()].map(([old, t]) => [
      old,
      [...new Set([t.event_type, ...Object.values(t.by_inter1 ?? {})])],
    ]),
  );
}

/** The ACLED exports the events task reads (under `<data>/acled-notes`), with the texts sampled from each (all when undefined). */
export const ACLED_DIR = 'acled-notes';
export const ACLED_FILES: ReadonlyArray<readonly [string, number | undefined]> = [
  ['acled_afghanistan_2020-03_modern-schema.csv', undefined],
  ['acled_africa_2016-07_old-schema.csv', undefined],
  ['acled_asia_2015_old-schema.csv', 2000],
  ['acled_asia_2017-02_old-schema.csv', undefined],
];

export interface GoldText {
  readonly notes: string;
  readonly events: readonly GoldEvent[];
}

export interface AcledFile {
  readonly name: string;
  readonly modern: boolean;
  readonly texts: readonly GoldText[];
  /** Texts in the file before sampling. */
  readonly total: number;
}

const MODERN_TYPES = new Set([
  'battles',
  'explosions/remote violence',
  'violence against civilians',
  'protests',
  'riots',
  'strategic developments',
]);

/**
 * Rows grouped by their notes text (in file order). With `sample`, keeps that many texts, chosen by
 * a hash of the text so that the choice is the same on every machine.
 */
export function loadAcled(path: string, oldTypes: Map<string, readonly string[]>, sample?: number): AcledFile {
  const rows = parseTable(readFileSync(path, 'utf8')).map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k.toLowerCase(), v.trim()])),
  );
  const groups = new Map<string, GoldEvent[]>();
  let modern = false;
  for (const r of rows) {
    const notes = r.notes ?? '';
    const date = parseAcledDate(r.event_date ?? '');
    const type = (r.event_type ?? '').toLowerCase();
    const types = MODERN_TYPES.has(type) && r.sub_event_type !== undefined ? [r.event_type!] : oldTypes.get(type);
    if (!notes || !date || !types) continue;
    if (r.sub_event_type !== undefined) modern = true;
    const precision = Number(r.time_precision);
    const event: GoldEvent = {
      types,
      subType: r.sub_event_type ?? null,
      actor1: r.actor1 ?? '',
      actor2: r.actor2 ?? '',
      latitude: Number(r.latitude),
      longitude: Number(r.longitude),
      date,
      precision: precision === 2 || precision === 3 ? precision : 1,
      fatalities: Number(r.fatalities) || 0,
      location: r.location ?? '',
      admin1: r.admin1 ?? '',
      admin2: r.admin2 ?? '',
      geoPrecision: Number(r.geo_precision) || 0,
    };
    (groups.get(notes) ?? groups.set(notes, []).get(notes)!).push(event);
  }
  let texts = [...groups].map(([notes, events]) => ({ notes, events }));
  const total = texts.length;
  if (sample !== undefined && sample < texts.length) {
    const keys = new Map(texts.map((t) => [t.notes, sampleKey(t.notes)]));
    texts = [...texts].sort((a, b) => keys.get(a.notes)!.localeCompare(keys.get(b.notes)!)).slice(0, sample);
  }
  return { name: path.split('/').pop()!, modern, texts, total };
}
