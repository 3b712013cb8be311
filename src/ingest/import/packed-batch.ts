/**
 * A batch of imported rows as a few flat arrays, to cross from the reader thread to the writer
 * (worker-batches.ts). Posting 50,000 row objects copies about 1.35 M values one by one (a
 * structured clone); on the receiving side that cost as much as the SQLite writes it was meant to
 * overlap. Packed, a batch is: every distinct text once, joined into one string with its end
 * offsets; per row and text field, an index into those texts (-1 for null); per row and number
 * field, a float64 (NaN for null). The typed arrays are transferred, not copied, and most fields
 * repeat (types, actors, places, dates), so the receiver builds each distinct text once.
 */
import type { ImportProvenance, NewImportedEvent, NewQuarantine } from '../../store/types.js';
import type { ImportBatch } from './read-batches.js';

type TextField =
  | 'event_type'
  | 'sub_event_type'
  | 'actor1'
  | 'assoc_actor_1'
  | 'actor2'
  | 'assoc_actor_2'
  | 'location'
  | 'admin1'
  | 'country'
  | 'event_date'
  | 'modality'
  | 'source'
  | 'evidence';
type NumberField = 'latitude' | 'longitude' | 'geo_precision' | 'time_precision' | 'fatalities' | 'confidence';

const TEXT: readonly TextField[] = [
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'actor2',
  'assoc_actor_2',
  'location',
  'admin1',
  'country',
  'event_date',
  'modality',
  'source',
  'evidence', // last: packed without lookup (see own)
];
const NUMBER: readonly NumberField[] = [
  'latitude',
  'longitude',
  'geo_precision',
  'time_precision',
  'fatalities',
  'confidence',
];
// Compile-time check: every field of an imported event is packed (a new field must be added here).
type Unpacked = Exclude<keyof NewImportedEvent, TextField | NumberField | 'provenance'>;
const everyField: [Unpacked] extends [never] ? true : never = true;
void everyField;

/** Text columns: the event's, then provenance dataset, file and source id. */
const TEXTS = TEXT.length + 3;
/** Number columns: the event's, then provenance row. */
const NUMBERS = NUMBER.length + 1;

export interface PackedBatch {
  readonly rows: number;
  readonly texts: string;
  readonly textEnds: Int32Array;
  readonly codes: Int32Array;
  readonly numbers: Float64Array;
  readonly problems: NewQuarantine[];
  readonly read: number;
  readonly skipped: number;
  readonly bytesRead: number;
}

export function packBatch(batch: ImportBatch): PackedBatch {
  const rows = batch.events.length;
  const ids = new Map<string, number>();
  const distinct: string[] = [];
  const codes = new Int32Array(rows * TEXTS);
  const numbers = new Float64Array(rows * NUMBERS);
  const code = (text: string | null): number => {
    if (text === null) return -1;
    let id = ids.get(text);
    if (id === undefined) {
      id = distinct.length;
      distinct.push(text);
      ids.set(text, id);
    }
    return id;
  };
  // Notes and source ids are (nearly) all distinct: kept as they come, not looked up.
  const own = (text: string | null): number => (text === null ? -1 : distinct.push(text) - 1);
  for (let r = 0; r < rows; r++) {
    const e = batch.events[r]!;
    const t = r * TEXTS;
    for (let c = 0; c < TEXT.length - 1; c++) codes[t + c] = code(e[TEXT[c]!]);
    codes[t + TEXT.length - 1] = own(e.evidence);
    codes[t + TEXT.length] = code(e.provenance.dataset);
    codes[t + TEXT.length + 1] = code(e.provenance.file);
    codes[t + TEXT.length + 2] = own(e.provenance.sourceId);
    const n = r * NUMBERS;
    for (let c = 0; c < NUMBER.length; c++) numbers[n + c] = e[NUMBER[c]!] ?? NaN;
    numbers[n + NUMBER.length] = e.provenance.row;
  }
  const textEnds = new Int32Array(distinct.length);
  let end = 0;
  distinct.forEach((s, i) => (textEnds[i] = end += s.length));
  const { problems, read, skipped, bytesRead } = batch;
  return { rows, texts: distinct.join(''), textEnds, codes, numbers, problems, read, skipped, bytesRead };
}

/** The transferable buffers of a packed batch (for postMessage). */
export function transferables(p: PackedBatch): ArrayBuffer[] {
  return [p.textEnds.buffer as ArrayBuffer, p.codes.buffer as ArrayBuffer, p.numbers.buffer as ArrayBuffer];
}

export function unpackBatch(p: PackedBatch): ImportBatch {
  const cache: (string | undefined)[] = new Array(p.textEnds.length);
  const text = (id: number): string | null => {
    if (id < 0) return null;
    let s = cache[id];
    if (s === undefined) s = cache[id] = p.texts.slice(id === 0 ? 0 : p.textEnds[id - 1]!, p.textEnds[id]!);
    return s;
  };
  const num = (x: number): number | null => (Number.isNaN(x) ? null : x);
  const events: NewImportedEvent[] = new Array(p.rows);
  for (let r = 0; r < p.rows; r++) {
    const t = r * TEXTS;
    const n = r * NUMBERS;
    const c = p.codes;
    const x = p.numbers;
    const provenance: ImportProvenance = {
      kind: 'import',
      dataset: text(c[t + 13]!)!,
      file: text(c[t + 14]!)!,
      row: x[n + 6]!,
      sourceId: text(c[t + 15]!)!,
    };
    // Field by field in one literal (one object shape); the casts restore what packBatch was given.
    events[r] = {
      event_type: text(c[t]!) as NewImportedEvent['event_type'],
      sub_event_type: text(c[t + 1]!)!,
      actor1: text(c[t + 2]!),
      assoc_actor_1: text(c[t + 3]!),
      actor2: text(c[t + 4]!),
      assoc_actor_2: text(c[t + 5]!),
      location: text(c[t + 6]!),
      admin1: text(c[t + 7]!),
      country: text(c[t + 8]!),
      event_date: text(c[t + 9]!),
      modality: text(c[t + 10]!) as NewImportedEvent['modality'],
      source: text(c[t + 11]!),
      evidence: text(c[t + 12]!)!,
      latitude: num(x[n]!),
      longitude: num(x[n + 1]!),
      geo_precision: num(x[n + 2]!) as NewImportedEvent['geo_precision'],
      time_precision: num(x[n + 3]!) as NewImportedEvent['time_precision'],
      fatalities: num(x[n + 4]!),
      confidence: x[n + 5]!,
      provenance,
    };
  }
  return { events, problems: p.problems, read: p.read, skipped: p.skipped, bytesRead: p.bytesRead };
}
