/** The store adapter: stored events become single-source incidents, stored incidents keep their events. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openSqliteStore } from '../store/sqlite/sqlite.store.js';
import type { NewImportedEvent } from '../store/store.js';
import { loadAgreement } from '../terms/agreement.js';
import { assess } from '../terms/assess.js';
import { loadIncidents } from './assess.service.js';

function row(sourceId: string, over: Partial<NewImportedEvent> = {}): NewImportedEvent {
  return {
    event_type: 'Explosions/Remote violence',
    sub_event_type: 'Air/drone strike',
    actor1: 'Military Forces of Syria (2000-)',
    assoc_actor_1: null,
    actor2: null,
    assoc_actor_2: null,
    location: 'al-Shaar',
    admin1: 'Aleppo',
    country: 'Syria',
    latitude: 36.212,
    longitude: 37.18,
    geo_precision: 1,
    event_date: '2016-09-14',
    time_precision: 1,
    fatalities: 2,
    modality: 'asserted',
    source: 'Invented Wire',
    evidence: 'Jets struck a market in the district.',
    confidence: 1,
    provenance: { kind: 'import', dataset: 'acled', file: 'test.csv', row: 1, sourceId },
    ...over,
  };
}

describe('assess service: store adapter', () => {
  it('judges imported events, naming their ACLED ids', async () => {
    const store = await openSqliteStore({ path: ':memory:' });
    try {
      await store.putImportedEvents([row('SYR100'), row('SYR101', { event_date: '2016-09-10' })]);
      const incidents = await loadIncidents(store);
      assert.equal(incidents.length, 2);
      const a = assess(loadAgreement('syria-2016-09-arrangement'), incidents, {
        from: '2016-09-12' as never,
        to: '2016-09-20' as never,
      });
      assert.equal(a.incidents_assessed, 1); // the 10 September strike is before the period
      const v = a.findings.find((f) => f.term_id === 'no-bombing-opposition-areas' && f.status === 'violation');
      assert.ok(v);
      assert.deepEqual(v.event_ids, ['SYR100']);
      assert.match(v.explanation, /from Invented Wire/);
    } finally {
      await store.close();
    }
  });

  it('events linked to a stored incident are judged together with its grade', async () => {
    const store = await openSqliteStore({ path: ':memory:' });
    try {
      await store.putImportedEvents([row('SYR200'), row('SYR201', { source: 'Other Wire' })]);
      const ids = (await store.listEvents()).map((e) => e.id);
      await store.putIncident({
        grade: 'corroborated',
        fatalitiesLow: 2,
        fatalitiesBest: 2,
        fatalitiesHigh: 2,
        eventIds: ids,
      });
      const incidents = await loadIncidents(store);
      assert.equal(incidents.length, 1);
      assert.equal(incidents[0]!.grade, 'corroborated');
      assert.deepEqual(
        incidents[0]!.events.flatMap((e) => e.event_ids),
        ['SYR200', 'SYR201'],
      );
    } finally {
      await store.close();
    }
  });
});
