/**
 * Query timing on the store bench/import.ts just filled: analyst-style date range + bounding box
 * queries inside the generated data's area (latitudes 29-38, longitudes 61-71, 2016-2018), through
 * store.listEvents, with a check against a plain scan and the query plan. Same measure as
 * bench/store/run.ts (median, p95), on the imported data instead of its own.
 */
import { eventWhere } from '../src/store/event-sql.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite.store.js';

export async function timeQueries(path: string, count: number): Promise<void> {
  const store = await openSqliteStore({ path });
  const db = store.connection;
  try {
    let seed = 7;
    const next = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const day = (d: number) => new Date(Date.UTC(2016, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
    const queries = Array.from({ length: count }, () => {
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
    for (const f of queries.slice(0, 3)) {
      const b = f.bbox;
      const plain = db
        .prepare(
          `SELECT count(*) AS n FROM events NOT INDEXED WHERE event_date BETWEEN ? AND ?
           AND longitude BETWEEN ? AND ? AND latitude BETWEEN ? AND ?`,
        )
        .get(f.from, f.to, b.west, b.east, b.south, b.north) as { n: number };
      const indexed = await store.countEvents(f);
      if (plain.n !== indexed) throw new Error(`indexed count ${indexed} differs from a plain scan (${plain.n})`);
    }
    await store.listEvents({ ...queries[0]!, limit: 1000 });
    const times: number[] = [];
    let rows = 0;
    for (const f of queries) {
      const t = performance.now();
      rows += (await store.listEvents({ ...f, limit: 1000 })).length;
      times.push(performance.now() - t);
    }
    const s = [...times].sort((a, b) => a - b);
    const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!.toFixed(1);
    console.log(
      `queries after the import: listEvents(from, to, bbox, limit 1000) x ${count}: median ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${s.at(-1)!.toFixed(1)} ms, mean ${Math.round(rows / count)} rows`,
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
