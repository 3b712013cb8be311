/** Part of the store contract (store.contract.ts): event queries, imports, streaming, incidents. */
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { TruceError } from '../../src/core/errors.js';
import { distanceKm } from '../../src/store/geo.js';
import type { Store } from '../../src/store/store.js';
import type { EventFilter, NewImportedEvent, StoredEvent } from '../../src/store/types.js';
import { event, omit, sample } from './fixtures.js';

const SYRIA = 'Military Forces of Syria (2000-2024)';

// Invented events at real places; Fiji straddles the antimeridian.
const PLACES = {
  aleppo: event({ location: 'Aleppo', latitude: 36.2021, longitude: 37.1343, event_date: '2016-09-12' }),
  idlib: event({
    event_type: 'Battles',
    sub_event_type: 'Armed clash',
    actor1: 'Jabhat Fatah al-Sham',
    actor2: SYRIA,
    location: 'Idlib',
    latitude: 35.9306,
    longitude: 36.6339,
    event_date: '2016-09-14',
  }),
  daraa: event({
    event_type: 'Violence against civilians',
    sub_event_type: 'Attack',
    actor1: 'Unidentified Armed Group (Syria)',
    location: 'Daraa',
    latitude: 32.6189,
    longitude: 36.1021,
    event_date: '2016-09-20',
  }),
  suva: event({
    event_type: 'Protests',
    sub_event_type: 'Peaceful protest',
    actor1: 'Protesters (Fiji)',
    location: 'Suva',
    country: 'Fiji',
    latitude: -18.1416,
    longitude: 178.4419,
    event_date: '2016-10-01',
  }),
  rabi: event({
    event_type: 'Protests',
    sub_event_type: 'Peaceful protest',
    actor1: 'Protesters (Fiji)',
    location: 'Rabi Island',
    country: 'Fiji',
    latitude: -16.48,
    longitude: -179.98,
    event_date: '2016-10-02',
  }),
  nowhere: event({
    event_type: 'Strategic developments',
    sub_event_type: 'Agreement',
    location: null,
    latitude: null,
    longitude: null,
    geo_precision: null,
    event_date: null,
    time_precision: null,
  }),
};

function acledRow(n: number, overrides: Partial<NewImportedEvent> = {}): NewImportedEvent {
  const fields = omit(event({ evidence: `On ${n} September, an air strike hit a village.` }), ['start', 'end']);
  return {
    ...fields,
    provenance: { kind: 'import', dataset: 'acled', file: 'export.csv', row: n, sourceId: `SYR${1000 + n}` },
    ...overrides,
  };
}

export function eventContract(s: () => Store): void {
  describe('events', () => {
    let byLocation: Map<string | null, StoredEvent>;
    beforeEach(async () => {
      await s().putReport(...sample('Many events\nA long report.', { events: Object.values(PLACES) }));
      byLocation = new Map((await s().listEvents()).map((e) => [e.location, e]));
    });
    const where = async (filter: EventFilter) => (await s().listEvents(filter)).map((e) => e.location);

    it('filters by date range and event type', async () => {
      assert.deepEqual(await where({ from: '2016-09-13', to: '2016-09-20' }), ['Idlib', 'Daraa']);
      assert.deepEqual(await where({ from: '2016-10-02' }), ['Rabi Island']);
      assert.deepEqual(await where({ to: '2016-09-12' }), ['Aleppo']);
      assert.deepEqual(await where({ eventType: 'Battles' }), ['Idlib']);
      assert.deepEqual(await where({ eventType: 'Protests', from: '2016-10-02' }), ['Rabi Island']);
    });

    it('filters by actor substring, case-insensitive, with wildcards taken literally', async () => {
      assert.deepEqual(await where({ actor: 'fatah' }), ['Idlib']);
      assert.deepEqual(await where({ actor: 'MILITARY FORCES OF SYRIA' }), ['Aleppo', 'Idlib', null]);
      assert.deepEqual(await where({ actor: '%' }), []);
      assert.deepEqual(await where({ actor: 'al_Sham' }), []);
      assert.deepEqual(await where({ actor: 'al-Sham' }), ['Idlib']);
    });

    it('filters by bounding box, also across the antimeridian', async () => {
      assert.deepEqual(await where({ bbox: { west: 36, south: 35, east: 38, north: 37 } }), ['Aleppo', 'Idlib']);
      assert.deepEqual(await where({ bbox: { west: 178, south: -20, east: -179, north: -15 } }), [
        'Suva',
        'Rabi Island',
      ]);
      assert.deepEqual(await where({ bbox: { west: -179, south: -20, east: 178, north: -15 } }), []);
      const edge = { west: 37.1343, south: 36.2021, east: 37.1343, north: 36.2021 };
      assert.deepEqual(await where({ bbox: edge }), ['Aleppo'], 'a point on the box edge is inside');
      assert.deepEqual(
        await where({ bbox: { west: 30, south: 30, east: 40, north: 40 }, from: '2016-09-13', eventType: 'Battles' }),
        ['Idlib'],
      );
    });

    it('filters by distance from a point', async () => {
      assert.deepEqual(await where({ near: { lat: 36.2021, lon: 37.1343, km: 30 } }), ['Aleppo']);
      assert.deepEqual(await where({ near: { lat: 36.2021, lon: 37.1343, km: 100 } }), ['Aleppo', 'Idlib']);
      assert.deepEqual(await where({ near: { lat: -17, lon: 180, km: 150 } }), ['Rabi Island']);
      for (const [lat, lon, km] of [
        [34, 36, 300],
        [-17.3, 179.5, 210],
        [89, 0, 2000],
      ] as const) {
        const expected = [...byLocation.values()]
          .filter((e) => e.latitude !== null && distanceKm(lat, lon, e.latitude, e.longitude!) <= km)
          .map((e) => e.location);
        assert.deepEqual(await where({ near: { lat, lon, km } }), expected, `${lat},${lon} ${km} km`);
      }
    });

    it('rejects a malformed filter with E007', async () => {
      for (const bad of [
        { bbox: { west: 0, south: 0, east: 1, north: 100 } },
        { bbox: { west: 0, south: 10, east: 1, north: 5 } },
        { from: 'yesterday' },
        { from: '2016-09-20', to: '2016-09-01' },
        { near: { lat: 0, lon: 0, km: -1 } },
        { eventType: 'Party' },
        { limit: 0 },
      ] as EventFilter[]) {
        await assert.rejects(s().listEvents(bad), (e: unknown) => e instanceof TruceError && e.shortCode === 'E007');
      }
    });

    it('streams every event in id order, page by page, and counts them', async () => {
      const all = await s().listEvents();
      const streamed: StoredEvent[] = [];
      for await (const e of s().iterateEvents({}, 2)) streamed.push(e);
      assert.deepEqual(streamed, all);
      assert.deepEqual(
        all.map((e) => e.id),
        [...all.map((e) => e.id)].sort((a, b) => a - b),
      );
      const limited: StoredEvent[] = [];
      for await (const e of s().iterateEvents({ limit: 3, eventType: 'Explosions/Remote violence' }, 2))
        limited.push(e);
      assert.deepEqual(
        limited.map((e) => e.location),
        ['Aleppo'],
      );
      const three: StoredEvent[] = [];
      for await (const e of s().iterateEvents({ limit: 3 }, 2)) three.push(e);
      assert.equal(three.length, 3);
      assert.equal(await s().countEvents(), 6);
      assert.equal(await s().countEvents({ eventType: 'Protests', limit: 1 }), 2);
      assert.deepEqual(
        (await s().listEvents({ limit: 2, afterId: all[1]!.id })).map((e) => e.id),
        [all[2]!.id, all[3]!.id],
      );
    });

    it('imports dataset rows idempotently on (dataset, source id), with their provenance', async () => {
      const rows = [acledRow(1), acledRow(2), acledRow(3)];
      assert.deepEqual(await s().putImportedEvents(rows), { inserted: 3, duplicates: 0 });
      assert.deepEqual(await s().putImportedEvents([...rows, acledRow(4)]), { inserted: 1, duplicates: 3 });
      const imported = (await s().listEvents()).filter((e) => e.provenance.kind === 'import');
      assert.equal(imported.length, 4);
      assert.deepEqual(imported[1]?.provenance, {
        kind: 'import',
        dataset: 'acled',
        file: 'export.csv',
        row: 2,
        sourceId: 'SYR1002',
      });
      const ucdp = acledRow(1, {
        provenance: { kind: 'import', dataset: 'ucdp', file: 'ged.csv', row: 1, sourceId: 'SYR1001' },
      });
      assert.deepEqual(await s().putImportedEvents([ucdp]), { inserted: 1, duplicates: 0 }, 'keys are per dataset');
    });

    it('rolls back a whole import batch when one row is rejected', async () => {
      const before = await s().countEvents();
      await assert.rejects(s().putImportedEvents([acledRow(10), acledRow(11, { fatalities: -2 }), acledRow(12)]));
      assert.equal(await s().countEvents(), before);
    });

    it('bulkLoad: one transaction of imports; a refused batch rolls back alone; a failure rolls back all', async () => {
      const before = await s().countEvents();
      // 1,500 rows: enough for SQLite to defer its indexes to the end of the load.
      const rows = Array.from({ length: 1500 }, (_, i) => acledRow(100 + i));
      const results = await s().bulkLoad(async () => {
        const a = await s().putImportedEvents(rows);
        const refused = s().putImportedEvents([acledRow(2000), acledRow(2001, { fatalities: -2 })]);
        await assert.rejects(refused);
        const b = await s().putImportedEvents([acledRow(2000), rows[7]!, acledRow(2002), acledRow(2002)]);
        return [a, b];
      });
      assert.deepEqual(results, [
        { inserted: 1500, duplicates: 0 },
        { inserted: 2, duplicates: 2 },
      ]);
      assert.equal(await s().countEvents(), before + 1502);
      assert.deepEqual(await s().putImportedEvents(rows.slice(0, 3)), { inserted: 0, duplicates: 3 });
      await assert.rejects(
        s().bulkLoad(async () => {
          await s().putImportedEvents(Array.from({ length: 1200 }, (_, i) => acledRow(5000 + i)));
          throw new Error('the reader failed');
        }),
        /the reader failed/,
      );
      assert.equal(await s().countEvents(), before + 1502);
    });
  });

  describe('incidents', () => {
    let ids: number[];
    beforeEach(async () => {
      await s().putReport(...sample('Report A\nFirst account.', { events: [event(), event()] }));
      await s().putReport(...sample('Report B\nSecond account.', { events: [event({ fatalities: 5 })] }));
      ids = (await s().listEvents()).map((e) => e.id);
    });

    it('creates, reads, replaces, lists and deletes incidents with their events', async () => {
      const id = await s().putIncident({
        grade: 'single_source',
        fatalitiesLow: 3,
        fatalitiesBest: 3,
        fatalitiesHigh: 3,
        eventIds: [ids[0]!],
      });
      const got = await s().getIncident(id);
      assert.deepEqual(
        { ...got, updatedAt: undefined },
        {
          id,
          grade: 'single_source',
          fatalitiesLow: 3,
          fatalitiesBest: 3,
          fatalitiesHigh: 3,
          eventIds: [ids[0]],
          updatedAt: undefined,
        },
      );
      await s().putIncident({
        id,
        grade: 'corroborated',
        fatalitiesLow: 3,
        fatalitiesBest: 4,
        fatalitiesHigh: 5,
        eventIds: [ids[2]!, ids[0]!, ids[0]!],
      });
      const replaced = await s().getIncident(id);
      assert.equal(replaced?.grade, 'corroborated');
      assert.deepEqual(replaced?.eventIds, [ids[0], ids[2]]);
      const other = await s().putIncident({
        grade: 'contested',
        fatalitiesLow: null,
        fatalitiesBest: null,
        fatalitiesHigh: null,
        eventIds: [],
      });
      assert.deepEqual(
        (await s().listIncidents()).map((i) => i.id),
        [id, other],
      );
      assert.deepEqual(
        (await s().listIncidents({ grade: 'contested' })).map((i) => [i.id, i.eventIds]),
        [[other, []]],
      );
      await s().deleteIncident(other);
      assert.equal(await s().getIncident(other), null);
      assert.equal(await s().countEvents(), 3, 'deleting an incident keeps its events');
    });

    it('refuses inconsistent incidents and unknown ids, writing nothing', async () => {
      const bad = {
        grade: 'corroborated',
        fatalitiesLow: 5,
        fatalitiesBest: 2,
        fatalitiesHigh: 9,
        eventIds: [ids[0]!],
      } as const;
      await assert.rejects(s().putIncident(bad));
      await assert.rejects(s().putIncident({ ...bad, fatalitiesLow: 1, eventIds: [ids[0]!, 999_999] }));
      await assert.rejects(s().putIncident({ ...bad, fatalitiesLow: 1, id: 999_999 }));
      assert.deepEqual(await s().listIncidents(), []);
    });

    it('drops the links of events that a re-analysis replaced', async () => {
      const id = await s().putIncident({
        grade: 'corroborated',
        fatalitiesLow: 3,
        fatalitiesBest: 3,
        fatalitiesHigh: 5,
        eventIds: ids,
      });
      await s().putReport(...sample('Report A\nFirst account.', { version: '0.2.0', events: [event()] }));
      assert.deepEqual((await s().getIncident(id))?.eventIds, [ids[2]]);
    });
  });
}
