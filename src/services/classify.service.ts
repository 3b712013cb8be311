/**
 * `truce classify`: the event type and sub-type of short reports, from the events stage (its rules
 * and its sentence type model, ADR 0010). Each text gets its most confident event that the report
 * asserts or attributes to a source; a text that tells none gets nulls (the model never invents
 * one).
 */
import type { IsoDay } from '../core/date.js';
import type { ConflictEvent, Doc } from '../core/document.js';
import { createReader, type Reader } from '../nlp/analyze.js';
import type { TextRecord } from './records.js';

export interface Classification {
  readonly id: string;
  readonly event_type: string | null;
  readonly sub_event_type: string | null;
  readonly confidence: number | null;
}

/** Modalities that say the event happened (planned, denied or hypothetical events do not count). */
const HAPPENED = new Set(['asserted', 'claimed']);

/** The event a one-label classifier would report: the most confident one that happened. */
export function mainEvent(doc: Doc): ConflictEvent | null {
  let best: ConflictEvent | null = null;
  for (const e of doc.events?.events ?? []) {
    if (!HAPPENED.has(e.modality)) continue;
    if (!best || e.confidence > best.confidence) best = e;
  }
  return best;
}

export class ClassifyService {
  constructor(private readonly reader: Reader = createReader()) {}

  /** Reads one short report through the whole pipeline. */
  read(text: string, published?: IsoDay): Doc {
    return this.reader.read({ raw: text, mediaType: 'text/plain', ...(published ? { published } : {}) });
  }

  classify(record: TextRecord, published?: IsoDay): Classification {
    const event = mainEvent(this.read(record.text, published));
    return {
      id: record.id,
      event_type: event?.eventType ?? null,
      sub_event_type: event?.subEventType ?? null,
      confidence: event ? Math.round(event.confidence * 1000) / 1000 : null,
    };
  }
}
