import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { NewImportedEvent } from '../../store/types.js';
import { packBatch, unpackBatch } from './packed-batch.js';
import type { ImportBatch } from './read-batches.js';

function event(n: number, overrides: Partial<NewImportedEvent> = {}): NewImportedEvent {
  return {
    event_type: 'Battles',
    sub_event_type: n % 2 ? 'Armed clash' : '',
    actor1: n % 3 ? `Group ${n % 4}` : null,
    assoc_actor_1: null,
    actor2: 'Civilians (Freedonia)',
    assoc_actor_2: n % 5 ? null : 'Ḥalab traders; ܣܘܪܝܐ',
    location: `Town ${n}`,
    admin1: null,
    country: 'Freedonia',
    latitude: n % 4 ? -35.25 + n : null,
    longitude: n % 4 ? 179.5 - n : null,
    geo_precision: n % 4 ? 2 : null,
    event_date: n % 6 ? '2016-09-04' : null,
    time_precision: 3,
    fatalities: n % 7 ? n : n % 2 ? 0 : null,
    modality: 'asserted',
    source: '',
    evidence: `On a day, "row ${n}",\nwith a line break.`,
    confidence: n % 2 ? 1 : 0.5,
    provenance: { kind: 'import', dataset: 'acled', file: '/tmp/a.csv', row: n, sourceId: `FRD${n}` },
    ...overrides,
  };
}

const batch = (events: NewImportedEvent[]): ImportBatch => ({
  events,
  problems: [{ what: 'a.csv row 9 (line 10)', reason: 'event_date "x" is not a date', detail: 'x,y' }],
  read: events.length + 1,
  skipped: 0,
  bytesRead: 1234,
});

describe('packBatch / unpackBatch', () => {
  it('gives back the same batch: nulls, empty texts, zeros, repeated and non-ASCII texts', () => {
    const b = batch(Array.from({ length: 50 }, (_, i) => event(i + 1)));
    assert.deepEqual(unpackBatch(structuredClone(packBatch(b))), b);
  });

  it('an empty batch (only problems) and a text that is every other text joined', () => {
    assert.deepEqual(unpackBatch(packBatch(batch([]))), batch([]));
    const tricky = batch([event(1, { evidence: 'Group 1Town 1' }), event(2, { location: '' })]);
    assert.deepEqual(unpackBatch(packBatch(tricky)), tricky);
  });

  it('keeps each distinct short text once; notes and source ids once per row', () => {
    const p = packBatch(batch(Array.from({ length: 100 }, () => event(4))));
    assert.ok(p.textEnds.length >= 200 && p.textEnds.length < 220, `${p.textEnds.length} texts`);
  });
});
