/**
 * The ACLED notes as training material for the event type model: one item per distinct notes
 * text, with the event types ACLED coded from it (old types mapped to today's six; the old
 * Riots/Protests type split by the first actor's inter code, as the importer does), and whether
 * the text is in the held-out fifth (eval/events/split.ts), which training never reads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isEventType, type EventType } from '../../src/core/taxonomy.js';
import { loadOldAcledTypes } from '../../src/ingest/import/acled.js';
import { parseTable } from '../../src/services/records.js';
import { heldOut } from '../../eval/events/split.js';

export const ACLED_FILES = [
  'acled_afghanistan_2020-03_modern-schema.csv',
  'acled_africa_2016-07_old-schema.csv',
  'acled_asia_2015_old-schema.csv',
  'acled_asia_2017-02_old-schema.csv',
] as const;

export interface LabelledText {
  readonly notes: string;
  readonly file: string;
  /** Today's types of its rows, in row order, without repeats. */
  readonly types: readonly EventType[];
  /** The types the eval counts as right: also Protests and Riots both for the old Riots/Protests type. */
  readonly accepted: readonly EventType[];
  /** The date of its first row (YYYY-MM-DD or as written), for the publication date. */
  readonly date: string;
  readonly heldOut: boolean;
}

/** Today's type of one row (null when unknown), and every type the eval accepts for it. */
function typeOf(row: Record<string, string>): { type: EventType; accepted: EventType[] } | null {
  const raw = (row.event_type ?? '').trim();
  if (isEventType(raw)) return { type: raw, accepted: [raw] };
  const old = loadOldAcledTypes().get(raw.toLowerCase());
  if (!old) return null;
  const byInter = old.by_inter1?.[(row.inter1 ?? '').trim()];
  const t = byInter ?? old.event_type;
  const accepted = [old.event_type, ...Object.values(old.by_inter1 ?? {})].filter(isEventType);
  return isEventType(t) ? { type: t, accepted } : null;
}

/** Every distinct notes text of the four files (never sampled), with its labels. */
export function loadLabelled(dir: string): LabelledText[] {
  const out: LabelledText[] = [];
  for (const file of ACLED_FILES) {
    const rows = parseTable(readFileSync(join(dir, file), 'utf8')).map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k.toLowerCase(), v.trim()])),
    );
    const byText = new Map<string, { types: EventType[]; accepted: Set<EventType>; date: string }>();
    for (const r of rows) {
      const notes = r.notes ?? '';
      const t = typeOf(r);
      if (!notes || !t) continue;
      let item = byText.get(notes);
      if (!item) byText.set(notes, (item = { types: [], accepted: new Set(), date: r.event_date ?? '' }));
      if (!item.types.includes(t.type)) item.types.push(t.type);
      for (const a of t.accepted) item.accepted.add(a);
    }
    for (const [notes, { types, accepted, date }] of byText)
      out.push({ notes, file, types, accepted: [...accepted], date, heldOut: heldOut(notes) });
  }
  return out;
}
