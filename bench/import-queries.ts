/**
 * Query timing on the store bench/import.ts just filled: analyst-style date range + bounding box
 * queries inside the generated data's area (latitudes 29-38, longitudes 61-71, 2016-2018), through
 * store.listEvents, with a check against a plain scan and the query plan. The loop and the figures
 * are bench/store/query-timing.ts's, shared with bench/store/run.ts, on the imported data.
 */
import { eventWhere } from '../src/store/event-sql.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite.store.js';
import { checkAgainstScan, stats, timeQueries, type BoxQuery } from './store/query-timing.js';

export async function timeImportQueries(path: string, count: number): Promise<void> {
  const store = await openSqliteStore({ path });
  const db = store.connection;
  try {
    let seed = 7;
    const next = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const day = (d: number) => new Date(Date.UTC(2016, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
    const queries: BoxQuery[] = Array.from({ length: count }, () => {
      const lat = 29 + next() * 9;
      const lon = 61 + next() * 10;
      const half = 0.25 + next() * 0.75;
      const span = 7 + Math.floor(next() * 84);
      const start = Math.floor(next() * (3 * 365 - span));
      return {
        from: day(start),
        to: day(start + span),
        bbox: { west: lon - half, south: lat - half, east: lon + half, north: lat + half },
      };
    });
    await checkAgainstScan(db, store, queries);
    const { times, meanRows } = await timeQueries(queries, (f) => store.listEvents({ ...f, limit: 1000 }));
    console.log(
      `queries after the import: listEvents(from, to, bbox, limit 1000) x ${count}: ${stats(times)}, mean ${meanRows} rows`,
    );
    const w = eventWhere({ ...queries[0]!, limit: 1000 }, 'sqlite', 1000);
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT e.* FROM events e ${w.sql} ORDER BY e.id LIMIT ?`)
      .all(...w.params, 1000) as {
      detail: string;
    }[];
    console.log(`  plan: ${plan.map((r) => r.detail).join(' | ')}`);
    const indexes = db
      .prepare(
        `SELECT name FROM sqlite_master WHERE tbl_name = 'events' AND type IN ('index', 'trigger') ORDER BY name`,
      )
      .all() as { name: string }[];
    console.log(`  events indexes and triggers: ${indexes.map((i) => i.name).join(', ')}`);
  } finally {
    await store.close();
  }
}
