/** Bulk event inserts for PostgreSQL: multi-row INSERTs sized under the parameter limit. */
import type pg from 'pg';
import { eventValues, EVENT_COLUMNS } from '../event-sql.js';
import type { EventFields, Provenance } from '../types.js';

/** Rows per multi-row INSERT, well under PostgreSQL's 65,535 parameters per statement. */
const EVENTS_PER_INSERT = 1000;

/** One multi-row INSERT per chunk; `suffix` adds e.g. an ON CONFLICT clause. Returns rows inserted. */
export async function insertEvents(
  c: pg.PoolClient,
  rows: readonly { fields: EventFields; provenance: Provenance }[],
  suffix = '',
): Promise<number> {
  let inserted = 0;
  const width = EVENT_COLUMNS.length;
  for (let i = 0; i < rows.length; i += EVENTS_PER_INSERT) {
    const chunk = rows.slice(i, i + EVENTS_PER_INSERT);
    const values = chunk.flatMap((r) => eventValues(r.fields, r.provenance));
    const tuples = chunk.map((_, k) => `(${EVENT_COLUMNS.map((__, j) => `$${k * width + j + 1}`).join(', ')})`);
    const res = await c.query(
      `INSERT INTO events (${EVENT_COLUMNS.join(', ')}) VALUES ${tuples.join(', ')} ${suffix}`,
      values,
    );
    inserted += res.rowCount ?? 0;
  }
  return inserted;
}
