/**
 * The packed R*Tree (rtree-pack.ts) must hold exactly the rows the trigger would have written,
 * pass SQLite's own structure check (rtreecheck), answer box queries as the trigger-built tree
 * does, and stay valid under later trigger writes (inserts, moves, deletes).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { openSqliteStore, type SqliteStore } from './sqlite.store.js';
import { floatDown, floatUp, packEventGeo } from './rtree-pack.js';
import type { NewImportedEvent } from '../types.js';

/** Seeded pseudo-random numbers, so a failure can be replayed. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
}

function event(n: number, next: () => number): NewImportedEvent {
  const point = n % 9 !== 0;
  const day = Math.floor(next() * 2000);
  return {
    event_type: 'Battles',
    sub_event_type: 'Armed clash',
    actor1: 'Group A',
    assoc_actor_1: null,
    actor2: null,
    assoc_actor_2: null,
    location: null,
    admin1: null,
    country: 'Freedonia',
    // Negative and positive coordinates, some on exact floats (k/8), most not.
    latitude: point ? (n % 4 === 0 ? Math.round(next() * 80) / 8 : -40 + next() * 80) : null,
    longitude: point ? -170 + next() * 340 : null,
    geo_precision: point ? 1 : null,
    event_date: n % 13 === 0 ? null : new Date(Date.UTC(2014, 0, 1) + day * 86_400_000).toISOString().slice(0, 10),
    time_precision: 1,
    fatalities: 0,
    modality: 'asserted',
    source: null,
    evidence: `Invented row ${n}.`,
    confidence: 1,
    provenance: { kind: 'import', dataset: 'acled', file: 'x.csv', row: n, sourceId: `X${n}` },
  };
}

const geo = (s: SqliteStore) => s.connection.prepare('SELECT * FROM event_geo ORDER BY id').all();
const check = (s: SqliteStore) =>
  (s.connection.prepare(`SELECT rtreecheck('event_geo') AS r`).get() as { r: string }).r;

function boxQueries(s: SqliteStore, next: () => number): number[][] {
  const q = s.connection.prepare(
    `SELECT id FROM event_geo WHERE min_lon <= ? AND max_lon >= ? AND min_lat <= ? AND max_lat >= ?
     AND min_day <= ? AND max_day >= ? ORDER BY id`,
  );
  return Array.from({ length: 40 }, () => {
    const lon = -170 + next() * 340;
    const lat = -40 + next() * 80;
    const day = 16071 + next() * 2000;
    const w = next() * 60;
    return (q.all(lon + w, lon - w, lat + w, lat - w, day + 300, day - 300) as { id: number }[]).map((r) => r.id);
  });
}

describe('packEventGeo', () => {
  it('rounds doubles to floats as the rtree module does', () => {
    const db = new Database(':memory:');
    db.exec('CREATE VIRTUAL TABLE t USING rtree (id, lo, hi)');
    const next = rng(3);
    const put = db.prepare('INSERT INTO t VALUES (?, ?, ?)');
    const values = [0, -0.1, 0.1, 1 / 3, -1 / 3, 1e-30, -1e30, 2460000.5, -1000000, 36.2001, -170.12345678];
    for (let i = 0; i < 2000; i++) values.push((next() - 0.5) * 10 ** Math.floor(next() * 12 - 4));
    values.forEach((v, i) => put.run(i + 1, v, v));
    const rows = db.prepare('SELECT lo, hi FROM t ORDER BY id').all() as { lo: number; hi: number }[];
    values.forEach((v, i) => {
      assert.equal(floatDown(v), rows[i]!.lo, `down ${v}`);
      assert.equal(floatUp(v), rows[i]!.hi, `up ${v}`);
    });
    db.close();
  });

  for (const total of [0, 40, 6000]) {
    it(`rebuilds the same rows as the trigger, valid and queryable, ${total} events`, async () => {
      const store = await openSqliteStore({ path: ':memory:' });
      try {
        const next = rng(11 + total);
        if (total) await store.putImportedEvents(Array.from({ length: total }, (_, i) => event(i + 1, next)));
        const before = geo(store);
        const answers = boxQueries(store, rng(5));
        const db = store.connection;
        assert.equal(db.transaction(() => packEventGeo(db))(), before.length);
        assert.equal(check(store), 'ok');
        assert.deepEqual(geo(store), before);
        assert.deepEqual(boxQueries(store, rng(5)), answers);
        if (total > 2601) {
          const depth = (
            db.prepare('SELECT hex(substr(data, 1, 2)) AS d FROM event_geo_node WHERE nodeno = 1').get() as {
              d: string;
            }
          ).d;
          assert.equal(depth, '0002', 'three levels: leaves, their parents, the root');
        }

        // Trigger writes on the packed tree: inserts, moves, deletes.
        await store.putImportedEvents(Array.from({ length: 300 }, (_, i) => event(total + i + 1, next)));
        db.exec(
          `UPDATE events SET latitude = latitude / 2, longitude = longitude / 3 WHERE id % 5 = 0 AND latitude IS NOT NULL`,
        );
        db.exec('DELETE FROM events WHERE id % 7 = 0');
        assert.equal(check(store), 'ok');
        const expected = db
          .prepare(
            `SELECT id, longitude, latitude, coalesce(julianday(event_date) - 2440587.5, -1000000) AS day
             FROM events WHERE latitude IS NOT NULL ORDER BY id`,
          )
          .all() as { id: number; longitude: number; latitude: number; day: number }[];
        assert.deepEqual(
          geo(store),
          expected.map((e) => ({
            id: e.id,
            min_lon: floatDown(e.longitude),
            max_lon: floatUp(e.longitude),
            min_lat: floatDown(e.latitude),
            max_lat: floatUp(e.latitude),
            min_day: floatDown(e.day),
            max_day: floatUp(e.day),
          })),
        );
        // The shadow tables are read-only again afterwards.
        assert.throws(() => db.exec('DELETE FROM event_geo_parent'), /may not be modified/);
      } finally {
        await store.close();
      }
    });
  }

  it('a rollback restores the tree it replaced', async () => {
    const store = await openSqliteStore({ path: ':memory:' });
    try {
      const next = rng(2);
      await store.putImportedEvents(Array.from({ length: 500 }, (_, i) => event(i + 1, next)));
      const before = store.connection.prepare('SELECT * FROM event_geo_node ORDER BY nodeno').all();
      const db = store.connection;
      assert.throws(
        () =>
          db.transaction(() => {
            packEventGeo(db);
            throw new Error('later step failed');
          })(),
        /later step failed/,
      );
      assert.deepEqual(db.prepare('SELECT * FROM event_geo_node ORDER BY nodeno').all(), before);
      assert.equal(check(store), 'ok');
    } finally {
      await store.close();
    }
  });
});
