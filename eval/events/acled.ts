/** Reads ACLED exports (modern and pre-2019 schemas) into gold events grouped by notes text. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { parseTable } from '../../src/services/records.js';
import { sampleKey } from '../lib/data.js';
import { parseAcledDate, type GoldEvent } from './score.js';

const OldTypesSchema = z.record(z.string(), z.array(z.string()).min(1));

/** Old event type (lower-cased) -> today's types, from the data file beside this loader. */
export function loadOldTypes(
  path = resolve(import.meta.dirname, 'acled-old-event-types.yaml'),
): Map<string, readonly string[]> {
  const table = OldTypesSchema.parse(parse(readFileSync(path, 'utf8')));
  return new Map(Object.entries(table).map(([k, v]) => [k.toLowerCase(), v]));
}

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
