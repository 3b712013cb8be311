/**
 * The bulk import paths (multi-row INSERT in chunks of 500; bulkLoad with the indexes built at the
 * end) must store exactly what one INSERT per row stores: same ids, same columns, same R*Tree rows,
 * same duplicate counts, same schema afterwards, same rollback.
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

/** Every index and trigger of the events table, with its SQL. */
function schema(store: SqliteStore): unknown[] {
  return store.connection
    .prepare(`SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN ('events', 'event_geo') ORDER BY type, name`)
    .all();
}

/** The reference: one putImportedEvents call (one INSERT, one trigger run) per row. */
async function oneByOne(store: SqliteStore, batches: NewImportedEvent[][]): Promise<number> {
  let inserted = 0;
  for (const e of batches.flat()) {
    try {
      inserted += (await store.putImportedEvents([e])).inserted;
    } catch {
      // a refused row: the bulk side refuses its whole batch, and the test re-sends the good rows
    }
  }
  return inserted;
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

  it('chunks mixing datasets or files store what one INSERT per row stores', async () => {
    // Chunks of one dataset and file bind both once per statement; a mixed chunk takes the generic statement.
    const rows = Array.from({ length: 1600 }, (_, i) =>
      row(i + 1, {
        provenance: {
          kind: 'import',
          dataset: i === 700 ? 'ucdp' : 'acled',
          file: i === 250 || i >= 1200 ? 'y.csv' : 'x.csv',
          row: i + 1,
          sourceId: `FRD${i + 1}`,
        },
      }),
    );
    const bulk = await openSqliteStore({ path: ':memory:' });
    const single = await openSqliteStore({ path: ':memory:' });
    try {
      assert.deepEqual(await bulk.putImportedEvents(rows), { inserted: 1600, duplicates: 0 });
      assert.equal(await oneByOne(single, [rows]), 1600);
      assert.deepEqual(await dump(bulk), await dump(single));
      const files = bulk.connection
        .prepare('SELECT import_dataset AS d, import_file AS f, count(*) AS n FROM events GROUP BY 1, 2 ORDER BY 1, 2')
        .all();
      assert.deepEqual(files, [
        { d: 'acled', f: 'x.csv', n: 1198 },
        { d: 'acled', f: 'y.csv', n: 401 },
        { d: 'ucdp', f: 'x.csv', n: 1 },
      ]);
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

describe('SqliteStore.bulkLoad (indexes built at the end)', () => {
  it('stores what one INSERT per row stores, skips the same duplicates, and leaves the same schema', async () => {
    const before = Array.from({ length: 300 }, (_, i) => row(5000 + i));
    const batches = [
      Array.from({ length: 1500 }, (_, i) => row(i + 1)), // defers the indexes after it
      // repeats of the first batch, of a row stored before the load, and of a key inside the batch
      [row(10), row(5001), ...Array.from({ length: 700 }, (_, i) => row(1501 + i)), row(1501), row(1499)],
      [row(3000, { provenance: { kind: 'import', dataset: 'ucdp', file: 'g.csv', row: 1, sourceId: 'FRD10' } })],
    ];
    const bulk = await openSqliteStore({ path: ':memory:' });
    const single = await openSqliteStore({ path: ':memory:' });
    try {
      await bulk.putImportedEvents(before);
      await oneByOne(single, [before]);
      const results = await bulk.bulkLoad(async () => {
        const out = [];
        for (const b of batches) out.push(await bulk.putImportedEvents(b));
        // Inside the load the date indexes are away; the unique import key stays and decides duplicates.
        const names = schema(bulk).map((x) => (x as { name: string }).name);
        assert.ok(!names.includes('events_date') && names.includes('events_import_key'), names.join());
        return out;
      });
      assert.deepEqual(results, [
        { inserted: 1500, duplicates: 0 },
        { inserted: 700, duplicates: 4 },
        { inserted: 1, duplicates: 0 },
      ]);
      assert.equal(await oneByOne(single, batches), 2201);
      assert.deepEqual(await dump(bulk), await dump(single));
      assert.deepEqual(schema(bulk), schema(single));
      assert.equal(bulk.connection.pragma('integrity_check', { simple: true }), 'ok');
      // Idempotent afterwards too: the rebuilt unique index refuses nothing new, skips the rest.
      assert.deepEqual(await bulk.putImportedEvents(batches[1]!), { inserted: 0, duplicates: 704 });
    } finally {
      await bulk.close();
      await single.close();
    }
  });

  it('a refused write inside the load rolls back alone; its keys can be stored afterwards', async () => {
    const store = await openSqliteStore({ path: ':memory:' });
    const reference = await openSqliteStore({ path: ':memory:' });
    try {
      const first = Array.from({ length: 1200 }, (_, i) => row(i + 1));
      const bad = Array.from({ length: 600 }, (_, i) => row(2000 + i, i === 599 ? { fatalities: -1 } : {}));
      await store.bulkLoad(async () => {
        await store.putImportedEvents(first);
        await assert.rejects(store.putImportedEvents(bad));
        // The 599 good rows of the refused write, alone: not taken for duplicates of a rolled-back write.
        assert.deepEqual(await store.putImportedEvents(bad.slice(0, 599)), { inserted: 599, duplicates: 0 });
      });
      await oneByOne(reference, [first, bad.slice(0, 599)]);
      assert.deepEqual(await dump(store), await dump(reference));
      assert.deepEqual(schema(store), schema(reference));
    } finally {
      await store.close();
      await reference.close();
    }
  });

  it('rolls everything back, schema included, when the load fails after the indexes were dropped', async () => {
    const store = await openSqliteStore({ path: ':memory:' });
    try {
      await store.putImportedEvents([row(1)]);
      const before = schema(store);
      await assert.rejects(
        store.bulkLoad(async () => {
          await store.putImportedEvents(Array.from({ length: 2000 }, (_, i) => row(i + 2)));
          throw new Error('reader failed');
        }),
        /reader failed/,
      );
      assert.equal(await store.countEvents(), 1);
      assert.equal((store.connection.prepare('SELECT count(*) AS n FROM event_geo').get() as { n: number }).n, 1);
      assert.deepEqual(schema(store), before);
      // The next load on the same connection starts clean.
      await store.bulkLoad(() => store.putImportedEvents(Array.from({ length: 1500 }, (_, i) => row(i + 2))));
      assert.equal(await store.countEvents(), 1501);
      assert.deepEqual(schema(store), before);
    } finally {
      await store.close();
    }
  });
});
