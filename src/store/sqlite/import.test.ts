/**
 * The bulk import path (multi-row INSERT in chunks of 500) must store exactly what one INSERT per
 * row stores: same ids, same columns, same R*Tree rows, same duplicate counts, same rollback.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openSqliteStore, type SqliteStore } from './sqlite.store.js';
import type { NewImportedEvent } from '../types.js';

function row(n: number, overrides: Partial<NewImportedEvent> = {}): NewImportedEvent {
  return {
    event_type: 'Battles',
    sub_event_type: 'Armed clash',
    actor1: `Group ${n % 7}`,
    assoc_actor_1: null,
    actor2: n % 3 ? 'Another group' : null,
    assoc_actor_2: null,
    location: `Town ${n % 11}`,
    admin1: null,
    country: 'Freedonia',
    // Every fifth row has no point and every seventh no date: the trigger's WHEN and coalesce paths.
    latitude: n % 5 ? 30 + (n % 90) / 10 : null,
    longitude: n % 5 ? 60 + (n % 70) / 10 : null,
    geo_precision: n % 5 ? 1 : null,
    event_date: n % 7 ? `2016-0${1 + (n % 9)}-1${n % 10}` : null,
    time_precision: 1,
    fatalities: n % 4,
    modality: 'asserted',
    source: 'Invented Wire',
    evidence: `Row ${n}.`,
    confidence: 1,
    provenance: { kind: 'import', dataset: 'acled', file: 'x.csv', row: n, sourceId: `FRD${n}` },
    ...overrides,
  };
}

async function dump(store: SqliteStore): Promise<unknown[]> {
  const db = store.connection;
  return [
    db.prepare('SELECT * FROM events ORDER BY id').all(),
    db.prepare('SELECT * FROM event_geo ORDER BY id').all(),
  ];
}

function triggers(store: SqliteStore): unknown[] {
  return store.connection.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).all();
}

describe('SqliteStore.putImportedEvents (multi-row path)', () => {
  it('stores the same rows, ids and R*Tree entries as one INSERT per row, duplicates included', async () => {
    const first = Array.from({ length: 1234 }, (_, i) => row(i + 1));
    // The second call repeats 600 rows, repeats one key inside itself, and adds 700 new ones.
    const second = [...first.slice(300, 900), row(2000), ...Array.from({ length: 700 }, (_, i) => row(2000 + i))];
    const bulk = await openSqliteStore({ path: ':memory:' });
    const single = await openSqliteStore({ path: ':memory:' });
    try {
      assert.deepEqual(await bulk.putImportedEvents(first), { inserted: 1234, duplicates: 0 });
      assert.deepEqual(await bulk.putImportedEvents(second), { inserted: 700, duplicates: 601 });
      let inserted = 0;
      for (const e of [...first, ...second]) inserted += (await single.putImportedEvents([e])).inserted;
      assert.equal(inserted, 1934);
      assert.deepEqual(await dump(bulk), await dump(single));
      // The bulk path suspended the R*Tree trigger; it must be back, word for word.
      assert.deepEqual(triggers(bulk), triggers(single));
      assert.ok(triggers(bulk).some((t) => (t as { name: string }).name === 'events_geo_insert'));
    } finally {
      await bulk.close();
      await single.close();
    }
  });

  it('rolls back the whole call when a row inside a full chunk breaks a CHECK', async () => {
    const store = await openSqliteStore({ path: ':memory:' });
    try {
      const rows = Array.from({ length: 1000 }, (_, i) => row(i + 1, i === 700 ? { fatalities: -1 } : {}));
      await assert.rejects(store.putImportedEvents(rows));
      assert.equal(await store.countEvents(), 0);
      assert.equal((store.connection.prepare('SELECT count(*) AS n FROM event_geo').get() as { n: number }).n, 0);
      assert.ok(
        triggers(store).some((t) => (t as { name: string }).name === 'events_geo_insert'),
        'the suspended trigger came back with the rollback',
      );
    } finally {
      await store.close();
    }
  });
});
