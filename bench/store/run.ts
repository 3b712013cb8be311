/**
 * `npx tsx bench/store/run.ts [--events 1000000] [--queries 200] [--db FILE]`: fills a temporary
 * SQLite store with invented ACLED-shaped events through the Store API, then times event and
 * incident queries with a date range and a bounding box, and prints SQLite's query plans.
 * Targets (issue 3): median < 50 ms, p95 < 200 ms over 1 M events. A benchmark, not a test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { eventWhere } from '../../src/store/event-sql.js';
import type { IncidentFilter } from '../../src/store/incident-queries.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite.store.js';
import type { NewImportedEvent } from '../../src/store/types.js';
import { DAYS, FIRST_DAY, generateEvents, hubs, rng } from './generate.js';
import { checkAgainstScan, stats, timeQueries } from './query-timing.js';

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    queries: { type: 'string', default: '200' },
    db: { type: 'string' },
    seed: { type: 'string', default: '7' },
  },
});
const total = Number(args.events);
const dir = args.db ? null : mkdtempSync(join(tmpdir(), 'truce-bench-store-'));
const path = args.db ?? join(dir!, 'bench.db');
const store = await openSqliteStore({ path, synchronous: 'NORMAL' });
const db = store.connection;

console.log(`Truce store benchmark, ${new Date().toISOString().slice(0, 10)}`);
console.log(
  `node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model}), load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log(`store: ${path}`);

// 1. Events through the store, in batches of 10,000 rows (one transaction each).
const have = await store.countEvents();
if (have < total) {
  const started = performance.now();
  let batch: NewImportedEvent[] = [];
  let i = 0;
  for (const e of generateEvents(total)) {
    if (i++ < have) continue;
    batch.push(e);
    if (batch.length === 10_000) {
      await store.putImportedEvents(batch);
      batch = [];
    }
  }
  if (batch.length) await store.putImportedEvents(batch);
  const s = (performance.now() - started) / 1000;
  console.log(
    `inserted ${total - have} events through putImportedEvents in ${s.toFixed(1)} s (${Math.round((total - have) / s)} rows/s)`,
  );
}
// 2. One incident per event, in bulk SQL: the query cost depends on the links, not on how events were grouped.
const incidents = (db.prepare('SELECT count(*) AS n FROM incidents').get() as { n: number }).n;
if (incidents === 0) {
  const started = performance.now();
  db.exec(`BEGIN;
    INSERT INTO incidents (id, grade, fatalities_low, fatalities_best, fatalities_high, updated_at)
      SELECT id, CASE WHEN id % 5 = 0 THEN 'corroborated' WHEN id % 17 = 0 THEN 'contested' ELSE 'single_source' END,
        fatalities, fatalities, fatalities, '2026-01-01T00:00:00Z' FROM events;
    INSERT INTO incident_events (incident_id, event_id) SELECT id, id FROM events;
    COMMIT;`);
  console.log(`linked one incident per event in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
db.exec('ANALYZE');

// 3. Random queries an analyst would run: a region around a hub, a week to a quarter.
const next = rng(Number(args.seed));
const queries = Array.from({ length: Number(args.queries) }, () => {
  const hub = hubs[Math.floor(next() * hubs.length)]!;
  const half = 0.25 + next() * 0.75;
  const span = 7 + Math.floor(next() * 84);
  const start = Math.floor(next() * (DAYS - span));
  const day = (d: number) => new Date(FIRST_DAY + d * 86_400_000).toISOString().slice(0, 10);
  return {
    from: day(start),
    to: day(start + span),
    bbox: { west: hub.lon - half, south: hub.lat - half, east: hub.lon + half, north: hub.lat + half },
  } satisfies IncidentFilter;
});

// Sanity: the indexed query returns exactly what a plain scan of the columns returns.
await checkAgainstScan(db, store, queries);

const iq = store.incidents;
for (const [name, run] of [
  ['listEvents(from, to, bbox, limit 1000)', (f: IncidentFilter) => store.listEvents({ ...f, limit: 1000 })],
  ['findIncidents(from, to, bbox, limit 1000)', (f: IncidentFilter) => iq.findIncidents({ ...f, limit: 1000 })],
] as const) {
  const { times, meanRows } = await timeQueries(queries, run);
  console.log(`${name}: ${queries.length} queries, ${stats(times)}, mean ${meanRows} rows`);
}

// 4. The plans, to show the R*Tree and the date index are used.
const w = eventWhere({ from: queries[0]!.from, to: queries[0]!.to, bbox: queries[0]!.bbox }, 'sqlite', 1000);
const plan = (sql: string, params: unknown[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
    .map((r) => `  ${r.detail}`)
    .join('\n');
console.log('\nEXPLAIN QUERY PLAN listEvents:');
console.log(plan(`SELECT e.* FROM events e ${w.sql} ORDER BY e.id LIMIT ?`, [...w.params, 1000]));
console.log('EXPLAIN QUERY PLAN findIncidents:');
console.log(
  plan(
    `SELECT i.* FROM incidents i WHERE i.id IN (SELECT ie.incident_id FROM incident_events ie JOIN events e ON e.id = ie.event_id ${w.sql}) ORDER BY i.id LIMIT ?`,
    [...w.params, 1000],
  ),
);
await store.close();
if (dir) rmSync(dir, { recursive: true, force: true });
