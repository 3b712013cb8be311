/**
 * The one query-timing loop of the store benchmarks (bench/store/run.ts, bench/import-queries.ts):
 * date range + bounding box filters, checked against a plain scan of the columns, then each run
 * once to warm the statement cache and timed in turn (median, p95, max; issue 3's targets are a
 * median under 50 ms and a p95 under 200 ms over 1 M events).
 */
import type Database from 'better-sqlite3';
import type { IncidentFilter } from '../../src/store/incident-queries.js';
import type { Store } from '../../src/store/store.js';

/** A date range and a box, as both benchmarks generate them. */
export type BoxQuery = Required<Pick<IncidentFilter, 'from' | 'to' | 'bbox'>>;

export interface QueryTimes {
  readonly times: readonly number[];
  /** Rows returned per query, on average. */
  readonly meanRows: number;
}

/** Median, p95 and max in ms, as printed by both benchmarks. */
export function stats(ms: readonly number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return `median ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms, max ${s.at(-1)!.toFixed(1)} ms`;
}

/** Throws unless the store's indexed count equals a plain scan's for the first `n` queries. */
export async function checkAgainstScan(
  db: Database.Database,
  store: Pick<Store, 'countEvents'>,
  queries: readonly BoxQuery[],
  n = 3,
): Promise<void> {
  const scan = db.prepare(
    `SELECT count(*) AS n FROM events NOT INDEXED WHERE event_date BETWEEN ? AND ?
     AND longitude BETWEEN ? AND ? AND latitude BETWEEN ? AND ?`,
  );
  for (const f of queries.slice(0, n)) {
    const b = f.bbox;
    const plain = scan.get(f.from, f.to, b.west, b.east, b.south, b.north) as { n: number };
    const indexed = await store.countEvents(f);
    if (plain.n !== indexed) throw new Error(`indexed count ${indexed} differs from a plain scan (${plain.n})`);
  }
}

/** Runs `run` once on the first query (warm-up), then times it on every query. */
export async function timeQueries(
  queries: readonly BoxQuery[],
  run: (f: BoxQuery) => Promise<readonly unknown[]>,
): Promise<QueryTimes> {
  await run(queries[0]!);
  const times: number[] = [];
  let rows = 0;
  for (const f of queries) {
    const t = performance.now();
    rows += (await run(f)).length;
    times.push(performance.now() - t);
  }
  return { times, meanRows: Math.round(rows / queries.length) };
}
